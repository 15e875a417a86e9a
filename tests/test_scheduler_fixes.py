"""The fixes of an infeasible interview work when applied, and the search behind them."""

from __future__ import annotations

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from planner.core.plan import Plan
from planner.core.progress import ItemProgress, Progress
from planner.core.schedule.feasibility import least_sufficient, spread_weekly
from planner.core.schedule.scheduler import draft_schedule, schedule
from planner.core.syllabus.model import Syllabus
from tests.scheduler_builders import TODAY, item, plan, plans, syllabi, syllabus


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(syllabi(max_items=8, max_practice=2), plans(max_interviews=2, horizon=14))
def test_each_suggested_fix_makes_its_interview_feasible(syl: Syllabus, p: Plan) -> None:
    result = schedule(syl, p, Progress(), TODAY)
    infeasible = [(k, r) for k, r in enumerate(result.interviews) if not r.feasible]
    assume(infeasible)
    for k, report in infeasible:
        assert report.short_minutes > 0 and report.late
        if report.drop:
            skipped = Progress(items={i: ItemProgress(skipped=True) for i in report.drop})
            assert schedule(syl, p, skipped, TODAY).interviews[k].feasible
            # Each dropped item is needed: without the last one it is not enough.
            fewer = Progress(items={i: ItemProgress(skipped=True) for i in report.drop[:-1]})
            assert not schedule(syl, p, fewer, TODAY).interviews[k].feasible
        if report.extra_minutes_per_week is not None:
            more = spread_weekly(p, report.extra_minutes_per_week)
            assert schedule(syl, more, Progress(), TODAY).interviews[k].feasible
            less = spread_weekly(p, report.extra_minutes_per_week - 5)
            assert not schedule(syl, less, Progress(), TODAY).interviews[k].feasible


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 300), st.integers(0, 320), st.integers(0, 400))
def test_least_sufficient_finds_the_threshold_with_few_checks(
    high: int, threshold: int, guess: int
) -> None:
    checked: list[int] = []

    def works(k: int) -> bool:
        checked.append(k)
        return k >= threshold

    found = least_sufficient(works, guess, high)
    if threshold > high:
        assert found is None
        assert len(checked) <= 2 * high.bit_length() + 3
    else:
        assert found == max(threshold, 1)
        assert len(checked) <= 2 * high.bit_length() + 3


def test_least_sufficient_with_a_good_guess_checks_little() -> None:
    checked: list[int] = []

    def works(k: int) -> bool:
        checked.append(k)
        return k >= 40

    assert least_sufficient(works, 40, 1000) == 40
    assert checked == [40, 39]


def test_spread_weekly_adds_evenly_over_days_with_time_and_caps_a_day() -> None:
    p = plan([], (60, 60, 60, 60, 60, 120, 0))
    assert spread_weekly(p, 60).weekday_minutes == (70, 70, 70, 70, 70, 130, 0)
    assert spread_weekly(p, 62).weekday_minutes == (71, 71, 70, 70, 70, 130, 0)
    full = spread_weekly(p, 100_000).weekday_minutes
    assert full == (1440, 1440, 1440, 1440, 1440, 1440, 0)
    nothing = plan([], (0, 0, 0, 0, 0, 0, 0))
    assert spread_weekly(nothing, 70).weekday_minutes == (10,) * 7
    assert p.weekday_minutes == (60, 60, 60, 60, 60, 120, 0)  # the plan given is unchanged


def test_a_draft_schedule_has_the_same_days_without_the_search_for_fixes() -> None:
    syl = syllabus_of_three()
    p = plan([("Phone", 3, ["ra"])], (60, 60, 60, 60, 60, 120, 0), min_session=25, max_session=60)
    full = schedule(syl, p, Progress(), TODAY)
    draft = draft_schedule(syl, p, Progress(), TODAY)
    assert draft.days == full.days and draft.late == full.late
    (report,) = draft.interviews
    assert not report.feasible and report.short_minutes == full.interviews[0].short_minutes
    assert report.drop == () and report.extra_minutes_per_week is None
    assert full.interviews[0].drop and full.interviews[0].extra_minutes_per_week


def syllabus_of_three() -> Syllabus:
    return syllabus([item("a1", 100, ["ra"]), item("a2", 50, ["ra"]), item("a3", 60, ["ra"])])
