"""Properties of `schedule()` over random syllabi (prerequisite DAGs), plans and progress."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.core.plan import Plan
from planner.core.progress import Progress
from planner.core.schedule_types import PlannedReview, Schedule
from planner.core.scheduler import schedule
from planner.core.syllabus import Syllabus
from planner.exports.plan_json import plan_document, to_json
from tests.scheduler_builders import (
    TODAY,
    planned_reviews,
    plans,
    progresses,
    syllabi,
)

SETTINGS = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def cases(draw: st.DrawFn) -> tuple[Syllabus, Plan, Progress, list[PlannedReview]]:
    syl = draw(syllabi())
    return syl, draw(plans()), draw(progresses(syl)), draw(planned_reviews(syl))


def positions(result: Schedule) -> dict[str, list[tuple[dt.date, int]]]:
    """Id -> [(date, index within the day)] of its study and drill sessions."""
    out: dict[str, list[tuple[dt.date, int]]] = {}
    for d in result.days:
        for k, s in enumerate(d.sessions):
            if s.kind in ("study", "drill"):
                out.setdefault(s.id, []).append((d.date, k))
    return out


@SETTINGS
@given(cases())
def test_days_hold_no_more_than_their_capacity_and_nothing_on_days_off(
    case: tuple[Syllabus, Plan, Progress, list[PlannedReview]],
) -> None:
    syl, plan, progress, reviews = case
    result = schedule(syl, plan, progress, TODAY, reviews)
    first = plan.first_day(TODAY)
    interview_days = {i.date for i in plan.interviews}
    mock_days = {
        i.date - dt.timedelta(days=k)
        for i in plan.interviews
        for k in range(1, plan.options.mock_days + 1)
    }
    for d in result.days:
        assert d.date >= first
        assert d.capacity == plan.capacity(d.date)
        assert d.used <= d.capacity
        assert all(s.minutes > 0 for s in d.sessions)
        if plan.capacity(d.date) == 0 or d.date in interview_days:
            assert d.sessions == ()
        if d.date in mock_days:
            assert {s.kind for s in d.sessions} <= {"mock", "review"}
    if result.days:
        assert result.days[0].date == first
        dates = [d.date for d in result.days]
        assert dates == [first + dt.timedelta(days=k) for k in range(len(dates))]


@SETTINGS
@given(cases())
def test_prerequisites_come_first(
    case: tuple[Syllabus, Plan, Progress, list[PlannedReview]],
) -> None:
    syl, plan, progress, reviews = case
    result = schedule(syl, plan, progress, TODAY, reviews)
    where = positions(result)
    for study in syl.items:
        for pre in study.requires:
            if study.id in where and not progress.is_done(pre):
                assert pre in where, f"{study.id} scheduled before unfinished {pre}"
                assert max(where[pre]) < min(where[study.id])
    for p in syl.practice:
        for source in p.learn_from:
            source_item = syl.item(source)
            if p.id in where and source in where and source_item and not source_item.optional:
                assert max(where[source]) < min(where[p.id])


@SETTINGS
@given(cases())
def test_study_sessions_add_up_to_the_remaining_minutes(
    case: tuple[Syllabus, Plan, Progress, list[PlannedReview]],
) -> None:
    syl, plan, progress, reviews = case
    result = schedule(syl, plan, progress, TODAY, reviews)
    never_finished = {x.id for x in result.late if x.finishes is None}
    low = plan.options.min_session
    for study in syl.items:
        sessions = [s for _, s in result.sessions_of(study.id)]
        remaining = progress.remaining(study.id, study.minutes)
        if remaining == 0 or study.id in result.not_needed:
            assert sessions == []
            continue
        if not sessions or study.id in never_finished or not plan.interviews:
            continue
        assert sum(s.minutes for s in sessions) == remaining
        assert [(s.part, s.parts) for s in sessions] == [
            (k + 1, len(sessions)) for k in range(len(sessions))
        ]
        for s in sessions:
            assert s.minutes >= low or (len(sessions) == 1 and remaining < low)


@SETTINGS
@given(cases())
def test_each_practice_item_gets_at_most_one_drill(
    case: tuple[Syllabus, Plan, Progress, list[PlannedReview]],
) -> None:
    syl, plan, progress, reviews = case
    result = schedule(syl, plan, progress, TODAY, reviews)
    for p in syl.practice:
        drills = [s for _, s in result.sessions_of(p.id) if s.kind == "drill"]
        assert len(drills) <= 1
        if drills:
            assert drills[0].minutes == p.pass_minutes


@SETTINGS
@given(cases())
def test_same_input_gives_identical_output(
    case: tuple[Syllabus, Plan, Progress, list[PlannedReview]],
) -> None:
    syl, plan, progress, reviews = case
    one = schedule(syl, plan, progress, TODAY, reviews)
    two = schedule(syl, plan, progress, TODAY, list(reviews))
    assert one == two
    assert repr(one) == repr(two)
    assert to_json(plan_document(one)) == to_json(plan_document(two))


@SETTINGS
@given(cases(), st.data())
def test_a_pinned_item_lands_on_its_date_when_capacity_allows(
    case: tuple[Syllabus, Plan, Progress, list[PlannedReview]], data: st.DataObject
) -> None:
    syl, plan, progress, reviews = case
    study = data.draw(st.sampled_from(syl.items))
    on = TODAY + dt.timedelta(days=data.draw(st.integers(0, 20)))
    progress = Progress(
        items=progress.items,
        pinned={study.id: on},
        reviews=progress.reviews,
        attempts=progress.attempts,
    )
    result = schedule(syl, plan, progress, TODAY, reviews)
    remaining = progress.remaining(study.id, study.minutes)
    d = result.day(on)
    if remaining == 0 or study.id in result.not_needed or d is None or on < plan.first_day(TODAY):
        return
    if d.mock_for or d.interviews or any(not progress.is_done(p) for p in study.requires):
        return
    reserved = sum(s.minutes for s in d.sessions if s.kind == "review")
    if d.capacity - reserved >= remaining:
        on_day = [s for s in d.sessions if s.id == study.id]
        assert sum(s.minutes for s in on_day) == remaining
        assert all(date == on for date, _ in result.sessions_of(study.id))


@SETTINGS
@given(cases())
def test_reports_agree_with_the_days(
    case: tuple[Syllabus, Plan, Progress, list[PlannedReview]],
) -> None:
    syl, plan, progress, reviews = case
    result = schedule(syl, plan, progress, TODAY, reviews)
    late_ids = {x.id for x in result.late}
    for report in result.interviews:
        assert report.feasible == (not report.late)
        assert (report.short_minutes == 0) == report.feasible
        assert {x.id for x in report.late} <= late_ids
        if report.feasible:
            assert report.drop == () and report.extra_minutes_per_week is None
    for late in result.late:
        work = [date for date, s in result.sessions_of(late.id) if s.kind in ("study", "drill")]
        if late.finishes is None:
            continue
        assert max(work) == late.finishes > late.deadline
