"""Hand-made scenarios with the exact schedule a person should see.

TODAY is Wednesday 2026-11-25. Unless a test says otherwise: 60 minutes Monday to Friday,
120 on Saturday, none on Sunday; sessions of 25 to 60 minutes; one mock day.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from planner.core.plan import Plan
from planner.core.progress import Attempt, ItemProgress, Progress, Review, WorkEntry
from planner.core.schedule.feasibility import spread_weekly
from planner.core.schedule.scheduler import schedule
from planner.core.schedule.types import Late, PlannedReview
from planner.core.syllabus.model import Syllabus
from tests.scheduler_builders import TODAY, day, item, plan, practice, sessions_by_day, syllabus

WEEK = (60, 60, 60, 60, 60, 120, 0)


def two_round_syllabus() -> Syllabus:
    return syllabus(
        [
            item("a1", 100, ["ra"]),
            item("a2", 50, ["ra"], requires=["a1"]),
            item("b1", 90, ["rb"]),
            item("b2", 60, ["rb"]),
        ],
        [practice("q", rounds=["ra"], learn_from=["a2"])],
    )


def two_interviews() -> Plan:
    return plan(
        [("Phone", 9, ["ra"]), ("Onsite", 30, ["rb"])], WEEK, min_session=25, max_session=60
    )


def test_two_interviews_nine_and_thirty_days_away() -> None:
    result = schedule(two_round_syllabus(), two_interviews(), Progress(), TODAY)
    # a1 is split 60 + 40; the 20 minutes left on Thursday are too short for a session
    # of a2 (min 25); the drill of q follows a2, which teaches it; the phone screen's work
    # comes first, then the onsite's; each interview has its mock day.
    assert sessions_by_day(result) == {
        "2026-11-25": [("study", "a1", 60)],
        "2026-11-26": [("study", "a1", 40)],
        "2026-11-27": [("study", "a2", 50), ("drill", "q", 5)],
        "2026-11-28": [("study", "b1", 60), ("study", "b2", 60)],
        "2026-11-30": [("study", "b1", 30)],
        "2026-12-03": [("mock", "Phone", 15)],
        "2026-12-24": [("mock", "Onsite", 60)],
    }
    phone, onsite = result.interviews
    assert (phone.name, phone.feasible, phone.short_minutes, phone.slack_days) == (
        "Phone",
        True,
        0,
        5,
    )
    assert (onsite.name, onsite.feasible, onsite.slack_days) == ("Onsite", True, 23)
    assert result.late == () and result.feasible
    a1 = [s for _, s in result.sessions_of("a1")]
    assert [(s.part, s.parts) for s in a1] == [(1, 2), (2, 2)]
    assert result.day(day(9)) is not None and result.day(day(9)).interviews == ("Phone",)  # type: ignore[union-attr]
    assert result.day(day(8)).mock_for == ("Phone",)  # type: ignore[union-attr]
    assert result.days[-1].date == day(30)


def test_a_week_off_in_the_middle() -> None:
    p = plan([("Onsite", 20, ["ra", "rb"])], WEEK, off=[(5, 11)], min_session=25, max_session=60)
    result = schedule(two_round_syllabus(), p, Progress(), TODAY)
    assert sessions_by_day(result) == {
        "2026-11-25": [("study", "a1", 60)],
        "2026-11-26": [("study", "a1", 40)],
        "2026-11-27": [("study", "a2", 50), ("drill", "q", 5)],
        "2026-11-28": [("study", "b1", 60), ("study", "b2", 60)],
        # Monday 11-30 to Sunday 12-06 are off: the rest waits for the Monday after.
        "2026-12-07": [("study", "b1", 30)],
        "2026-12-14": [("mock", "Onsite", 15)],
    }
    assert all(d.off and d.sessions == () for d in result.days if day(5) <= d.date <= day(11))
    assert result.interviews[0].slack_days == 6


def test_a_missed_day_rolls_forward() -> None:
    syl, p = two_round_syllabus(), two_interviews()
    # Nothing was done on Wednesday: Thursday's schedule starts with Wednesday's work.
    result = schedule(syl, p, Progress(), day(1))
    assert result.today == day(1) and result.days[0].date == day(1)
    assert sessions_by_day(result) == {
        "2026-11-26": [("study", "a1", 60)],
        "2026-11-27": [("study", "a1", 40)],
        "2026-11-28": [("study", "a2", 50), ("drill", "q", 5), ("study", "b1", 60)],
        "2026-11-30": [("study", "b1", 30), ("study", "b2", 30)],
        "2026-12-01": [("study", "b2", 30)],
        "2026-12-03": [("mock", "Phone", 15)],
        "2026-12-24": [("mock", "Onsite", 60)],
    }
    # Half of a1 done on Wednesday: Thursday picks up the remaining 40 minutes.
    partial = Progress(items={"a1": ItemProgress(minutes_spent=60)})
    result = schedule(syl, p, partial, day(1))
    assert sessions_by_day(result)["2026-11-26"] == [("study", "a1", 40)]
    assert [s.minutes for _, s in result.sessions_of("a1")] == [40]


def test_a_pinned_item_goes_on_its_date_first() -> None:
    result = schedule(
        two_round_syllabus(), two_interviews(), Progress(pinned={"b2": day(2)}), TODAY
    )
    assert sessions_by_day(result) == {
        "2026-11-25": [("study", "a1", 60)],
        "2026-11-26": [("study", "a1", 40)],
        "2026-11-27": [("study", "b2", 60)],
        "2026-11-28": [("study", "a2", 50), ("drill", "q", 5), ("study", "b1", 60)],
        "2026-11-30": [("study", "b1", 30)],
        "2026-12-03": [("mock", "Phone", 15)],
        "2026-12-24": [("mock", "Onsite", 60)],
    }


def test_a_pushed_item_waits_for_its_date() -> None:
    result = schedule(
        two_round_syllabus(), two_interviews(), Progress(pushed={"a1": day(1)}), TODAY
    )
    # Nothing else of the phone screen can start before a1: Wednesday goes to the onsite.
    days = sessions_by_day(result)
    assert days["2026-11-25"] == [("study", "b1", 60)]
    assert days["2026-11-26"] == [("study", "a1", 60)]
    assert min(d for d, _ in result.sessions_of("a1")) == day(1)
    assert result.feasible


def infeasible_case() -> tuple[Syllabus, Plan]:
    syl = syllabus(
        [
            item("a1", 100, ["ra"], priority=1),
            item("a2", 50, ["ra"], requires=["a1"]),
            item("a3", 60, ["ra"], priority=3),
        ],
        [practice("q", rounds=["ra"], learn_from=["a2"])],
    )
    return syl, plan([("Phone", 3, ["ra"])], WEEK, min_session=25, max_session=60)


def test_an_infeasible_plan_reports_what_is_short_and_how_to_fix_it() -> None:
    syl, p = infeasible_case()
    result = schedule(syl, p, Progress(), TODAY)
    # Wednesday and Thursday hold 120 minutes; the phone screen needs 215. When time is
    # short every minute counts: a2 is begun in what a1 leaves of Thursday. The drill of q
    # would come after a2, too late: it is drilled from its answer outline, first.
    assert sessions_by_day(result) == {
        "2026-11-25": [("drill", "q", 5), ("study", "a1", 55)],
        "2026-11-26": [("study", "a1", 45), ("study", "a2", 15)],
        "2026-11-27": [("mock", "Phone", 15)],
    }
    assert result.days[0].sessions[0].from_outline
    (report,) = result.interviews
    assert not report.feasible and not result.feasible
    assert report.short_minutes == 215 - 120
    deadline = day(1)
    assert report.late == (Late("a2", deadline, None), Late("a3", deadline, None))
    assert result.late == report.late
    # Least important first (a3, priority 3), then the larger of the rest: dropping a2
    # also frees the drill of q, which no longer waits for it.
    assert report.drop == ("a3", "a2")
    # 285 minutes a week spread over the six days with time is 47 or 48 more a day.
    assert report.extra_minutes_per_week == 285
    assert report.slack_days < 0


def test_the_suggested_drop_applied_is_feasible() -> None:
    syl, p = infeasible_case()
    report = schedule(syl, p, Progress(), TODAY).interviews[0]
    skipped = Progress(items={i: ItemProgress(skipped=True) for i in report.drop})
    result = schedule(syl, p, skipped, TODAY)
    assert result.feasible and result.late == ()
    assert sessions_by_day(result) == {
        "2026-11-25": [("study", "a1", 60)],
        "2026-11-26": [("study", "a1", 40), ("drill", "q", 5)],
        "2026-11-27": [("mock", "Phone", 15)],
    }


def test_the_drop_fix_never_names_work_planned_for_today() -> None:
    syl, p = infeasible_case()
    # a3 (the least important) would be dropped first, but today is given to it.
    result = schedule(syl, p, Progress(pinned={"a3": TODAY}), TODAY)
    assert sessions_by_day(result)["2026-11-25"] == [("study", "a3", 60)]
    (report,) = result.interviews
    assert "a3" not in report.drop and report.drop == ("a2", "a1")


def test_the_suggested_extra_minutes_applied_are_feasible_and_the_least() -> None:
    syl, p = infeasible_case()
    extra = schedule(syl, p, Progress(), TODAY).interviews[0].extra_minutes_per_week
    assert extra is not None
    more = spread_weekly(p, extra)
    assert more.weekday_minutes == (108, 108, 108, 107, 107, 167, 0)
    result = schedule(syl, more, Progress(), TODAY)
    assert result.feasible
    assert sessions_by_day(result) == {
        "2026-11-25": [("study", "a1", 60), ("study", "a1", 40), ("study", "a2", 8)],
        "2026-11-26": [("study", "a2", 42), ("drill", "q", 5), ("study", "a3", 60)],
        "2026-11-27": [("mock", "Phone", 15)],
    }
    assert not schedule(syl, spread_weekly(p, extra - 5), Progress(), TODAY).feasible


def test_no_fix_when_the_interview_is_too_close() -> None:
    syl = syllabus([item("a1", 100, ["ra"])])
    result = schedule(syl, plan([("Phone", 1, ["ra"])], WEEK), Progress(), TODAY)
    (report,) = result.interviews
    # Today is the mock day: nothing can be studied before the interview, and no fix
    # helps (dropping everything is no fix).
    assert not report.feasible
    assert report.drop == ()
    assert report.extra_minutes_per_week is None
    assert result.late == (Late("a1", day(-1), None),)


def test_reviews_come_first_and_the_ones_that_do_not_fit_are_dropped() -> None:
    syl = syllabus([item("a1", 100, ["ra"])], [practice("q1"), practice("q2"), practice("q3")])
    reviewed = Progress(
        reviews=tuple(Review(q, "good", dt.datetime(2026, 11, 20, 9)) for q in ("q1", "q2", "q3"))
    )
    reviews = [
        PlannedReview("q1", TODAY, 30, ("ra",)),
        PlannedReview("q2", TODAY, 40, ("ra",)),
        PlannedReview("q3", TODAY, 10, ("ra",)),  # listed after one that did not fit: dropped
        PlannedReview("q3", day(1), 10, ("ra",)),
        PlannedReview("q2", day(4), 10, ("ra",)),  # a Sunday, no time: dropped
        PlannedReview("q1", day(30), 10, ("ra",)),  # after the interview: dropped
    ]
    p = plan([("Phone", 9, ["ra"])], WEEK, min_session=25, max_session=60)
    result = schedule(syl, p, reviewed, TODAY, reviews)
    days = sessions_by_day(result)
    assert days["2026-11-25"] == [("review", "q1", 30), ("study", "a1", 30)]
    # 70 left, 50 free: 45 now so that what is left (25) is not below the minimum.
    assert days["2026-11-26"] == [("review", "q3", 10), ("study", "a1", 45)]
    assert days["2026-11-27"] == [("study", "a1", 25)]
    assert "2026-11-29" not in days


def test_mock_day_holds_only_the_mock_and_reviews() -> None:
    syl = syllabus([item("a1", 30, ["ra"]), item("b1", 300, ["rb"])], [practice("q1")])
    reviewed = Progress(reviews=(Review("q1", "good", dt.datetime(2026, 11, 20, 9)),))
    p = plan(
        [("Phone", 2, ["ra"]), ("Onsite", 12, ["rb"])],
        (45, 45, 45, 45, 45, 120, 0),
        min_session=25,
        max_session=60,
    )
    result = schedule(syl, p, reviewed, TODAY, [PlannedReview("q1", day(1), 10, ("ra",))])
    mock_day = result.day(day(1))
    assert mock_day is not None and mock_day.mock_for == ("Phone",)
    # The mock is placed first: the phone screen's round has one question, so a 15-minute
    # rapid-fire drill; then the review; no study work.
    assert [(s.kind, s.id, s.minutes) for s in mock_day.sessions] == [
        ("mock", "Phone", 15),
        ("review", "q1", 10),
    ]
    assert mock_day.sessions[0].rounds == ("ra",)
    assert [(h.kind, h.id) for h in mock_day.sessions[0].holds] == [("drill", "ra")]
    assert sessions_by_day(result)["2026-11-25"] == [("study", "a1", 30)]
    interview_day = result.day(day(2))
    assert interview_day is not None and interview_day.sessions == ()


def test_items_of_no_interview_round_are_not_needed() -> None:
    syl = syllabus(
        [item("a1", 30, ["ra"]), item("c1", 30, ["rc"]), item("c0", 20, ["rc"])],
        [practice("qc", rounds=["rc"])],
    )
    p = plan([("Phone", 9, ["ra"])], WEEK)
    result = schedule(syl, p, Progress(), TODAY)
    assert result.not_needed == ("c1", "c0", "qc")
    assert result.sessions_of("c1") == [] and result.sessions_of("qc") == []


def test_a_prerequisite_of_a_needed_item_is_needed_even_of_another_round() -> None:
    syl = syllabus([item("c0", 30, ["rc"]), item("a1", 30, ["ra"], requires=["c0"])])
    result = schedule(syl, plan([("Phone", 9, ["ra"])], WEEK), Progress(), TODAY)
    assert sessions_by_day(result)["2026-11-25"] == [("study", "c0", 30), ("study", "a1", 30)]
    assert result.not_needed == ()


def test_optional_items_only_where_time_remains() -> None:
    syl = syllabus(
        [
            item("a1", 60, ["ra"]),
            item("opt", 60, ["ra"], optional=True),
            item("b1", 120, ["rb"]),
        ]
    )
    # Phone on Saturday (work until Thursday), onsite on Thursday 12-03 (work until Tuesday):
    # Wed, Thu, Mon and Tue hold 240 minutes, enough for the optional item on Thursday.
    p = plan([("Phone", 3, ["ra"]), ("Onsite", 8, ["rb"])], WEEK, min_session=25, max_session=60)
    assert sessions_by_day(schedule(syl, p, Progress(), TODAY)) == {
        "2026-11-25": [("study", "a1", 60)],
        "2026-11-26": [("study", "opt", 60)],
        "2026-11-27": [("mock", "Phone", 60)],
        "2026-11-30": [("study", "b1", 60)],
        "2026-12-01": [("study", "b1", 60)],
        "2026-12-02": [("mock", "Onsite", 60)],
    }
    # With the onsite a day earlier, the optional item would make b1 late: it is left out.
    tight = plan(
        [("Phone", 3, ["ra"]), ("Onsite", 7, ["rb"])], WEEK, min_session=25, max_session=60
    )
    result = schedule(syl, tight, Progress(), TODAY)
    assert result.sessions_of("opt") == []
    assert result.feasible
    assert sessions_by_day(result)["2026-11-26"] == [("study", "b1", 60)]


def test_done_and_skipped_items_get_nothing_and_partial_work_is_shorter() -> None:
    syl = syllabus([item("a1", 60, ["ra"]), item("a2", 60, ["ra"]), item("a3", 90, ["ra"])])
    progress = Progress(
        items={
            "a1": ItemProgress(minutes_spent=60, done=True),
            "a2": ItemProgress(skipped=True),
            "a3": ItemProgress(minutes_spent=50),
        }
    )
    result = schedule(syl, plan([("Phone", 9, ["ra"])], WEEK), progress, TODAY)
    assert sessions_by_day(result)["2026-11-25"] == [("study", "a3", 40)]
    assert result.sessions_of("a1") == [] and result.sessions_of("a2") == []


def test_a_coding_task_not_solved_is_drilled_again() -> None:
    syl = syllabus(
        [item("a1", 30, ["ra"])],
        [practice("solved", "coding"), practice("failed", "coding"), practice("fresh", "coding")],
    )
    yesterday = dt.datetime(2026, 11, 24, 20)
    progress = Progress(
        attempts=(
            Attempt("failed", "solved", 30, dt.datetime(2026, 11, 20, 20)),
            Attempt("failed", "not-solved", 30, yesterday),
            Attempt("solved", "not-solved", 30, dt.datetime(2026, 11, 20, 20)),
            Attempt("solved", "solved", 30, yesterday),
        )
    )
    result = schedule(syl, plan([("Phone", 9, ["ra"])], WEEK), progress, TODAY)
    drills = sorted(s.id for d in result.days for s in d.sessions if s.kind == "drill")
    assert drills == ["failed", "fresh"]
    # Practised again today: no second drill today or later.
    again = Progress(
        attempts=(
            *progress.attempts,
            Attempt("failed", "not-solved", 30, dt.datetime(2026, 11, 25, 8)),
        )
    )
    result = schedule(syl, plan([("Phone", 9, ["ra"])], WEEK), again, TODAY)
    assert [s.id for d in result.days for s in d.sessions if s.kind == "drill"] == ["fresh"]


def test_with_no_interview_everything_is_scheduled_in_priority_order() -> None:
    syl = syllabus(
        [
            item("low", 60, ["ra"], priority=3),
            item("base", 60, ["rb"], priority=3),
            item("top", 60, ["ra"], requires=["base"], priority=1),
            item("mid", 60, ["rc"]),
        ]
    )
    result = schedule(syl, plan([], WEEK), Progress(), TODAY)
    assert len(result.days) == 365 and result.interviews == () and result.feasible
    order = [s.id for d in result.days for s in d.sessions]
    # base is needed by a priority-1 item, so it is as important as top.
    assert order == ["base", "top", "mid", "low"]
    assert result.not_needed == ()


def test_first_day_is_the_plan_start_when_later_than_today() -> None:
    syl = syllabus([item("a1", 30, ["ra"])])
    result = schedule(syl, plan([("Phone", 9, ["ra"])], WEEK, start=2), Progress(), TODAY)
    assert result.days[0].date == day(2)
    assert sessions_by_day(result) == {
        "2026-11-27": [("study", "a1", 30)],
        "2026-12-03": [("mock", "Phone", 60)],
    }


def test_interviews_already_over_are_on_track_and_need_nothing() -> None:
    syl = syllabus([item("a1", 30, ["ra"]), item("b1", 30, ["rb"])])
    p = plan([("Past", -3, ["ra"]), ("Onsite", 9, ["rb"])], WEEK)
    result = schedule(syl, p, Progress(), TODAY)
    past, onsite = result.interviews
    assert past.name == "Past" and past.feasible and past.short_minutes == 0
    assert result.not_needed == ("a1",)
    assert sessions_by_day(result)["2026-11-25"] == [("study", "b1", 30)]
    assert onsite.feasible


def test_a_day_mixes_rounds_of_the_same_deadline() -> None:
    syl = syllabus(
        [item(f"a{k}", 30, ["ra"]) for k in range(3)]
        + [item(f"b{k}", 30, ["rb"]) for k in range(3)]
    )
    p = plan([("Onsite", 9, ["ra", "rb"])], (90, 90, 90, 90, 90, 120, 0))
    days = sessions_by_day(schedule(syl, p, Progress(), TODAY))
    # Not a, a, a then b, b, b: the rounds take turns.
    assert days["2026-11-25"] == [("study", "a0", 30), ("study", "b0", 30), ("study", "a1", 30)]
    assert days["2026-11-26"] == [("study", "a2", 30), ("study", "b1", 30), ("study", "b2", 30)]


def test_higher_priority_first_within_a_deadline() -> None:
    syl = syllabus([item("low", 60, ["ra"], priority=3), item("high", 60, ["ra"], priority=1)])
    p = plan([("Phone", 9, ["ra"])], WEEK)
    days = sessions_by_day(schedule(syl, p, Progress(), TODAY))
    assert days["2026-11-25"] == [("study", "high", 60)]
    assert days["2026-11-26"] == [("study", "low", 60)]


def test_a_pin_on_a_day_without_time_is_kept_as_not_before() -> None:
    syl = syllabus([item("a1", 60, ["ra"]), item("a2", 60, ["ra"])])
    p = plan([("Phone", 9, ["ra"])], WEEK)
    # Sunday has no time: a2 goes to the first day after it that has.
    result = schedule(syl, p, Progress(pinned={"a2": day(4)}), TODAY)
    assert result.sessions_of("a2")[0][0] == day(5)
    assert sessions_by_day(result)["2026-11-25"] == [("study", "a1", 60)]


def test_a_long_item_on_a_long_day_gets_sessions_no_longer_than_the_maximum() -> None:
    syl = syllabus([item("course", 200, ["ra"])])
    p = plan([("Phone", 9, ["ra"])], (0, 0, 0, 0, 0, 240, 0), min_session=25, max_session=90)
    days = sessions_by_day(schedule(syl, p, Progress(), TODAY))
    # Nothing else to do, so the whole Saturday goes to it, in sessions of at most 90
    # minutes, none left below the 25-minute minimum.
    assert days == {
        "2026-11-28": [("study", "course", 90), ("study", "course", 85), ("study", "course", 25)],
    }


def test_an_item_that_cannot_be_split_well_gets_what_fits() -> None:
    syl = syllabus([item("a1", 40, ["ra"])])
    # 30 minutes a day and sessions of exactly 25: 40 cannot be split into proper sessions
    # and no day has room for all of it, so it gets 25 and then 15 rather than nothing.
    p = plan([("Phone", 3, ["ra"])], (30,) * 7, min_session=25, max_session=25)
    result = schedule(syl, p, Progress(), TODAY)
    assert sessions_by_day(result) == {
        "2026-11-25": [("study", "a1", 25)],
        "2026-11-26": [("study", "a1", 15)],
        "2026-11-27": [("mock", "Phone", 30)],
    }
    assert result.feasible
    # A roomier day ahead does not leave Wednesday empty: its 25 minutes are used.
    p = plan([("Phone", 3, ["ra"])], (30, 30, 30, 60, 30, 30, 30), min_session=25, max_session=25)
    assert sessions_by_day(schedule(syl, p, Progress(), TODAY))["2026-11-25"] == [
        ("study", "a1", 25)
    ]


def test_a_requires_cycle_built_by_hand_still_gets_scheduled() -> None:
    # The loader refuses cycles; a syllabus built in code may still have one.
    syl = syllabus(
        [item("a", 30, requires=["b"]), item("b", 30, requires=["a"]), item("c", 30)],
    )
    result = schedule(syl, plan([("Phone", 5, ["ra"])], WEEK), Progress(), TODAY)
    assert result.feasible
    assert sorted(s.id for d in result.days for s in d.sessions if s.kind == "study") == [
        "a",
        "b",
        "c",
    ]


def test_a_pin_on_a_mock_day_waits_for_the_next_study_day() -> None:
    syl = syllabus([item("a1", 30, ["ra"]), item("b1", 30, ["rb"])])
    p = plan([("Phone", 3, ["ra"]), ("Onsite", 9, ["rb"])], WEEK)
    result = schedule(syl, p, Progress(pinned={"b1": day(2)}), TODAY)
    # Friday is the phone screen's mock day and Saturday its interview day.
    assert result.sessions_of("b1")[0][0] == day(5)


def test_work_whose_last_interview_is_over_is_not_scheduled_after_it() -> None:
    syl = syllabus(
        [
            item("phone-only", 120, ["ra"]),
            item("both", 60, ["ra", "rb"]),
            item("onsite", 60, ["rb"]),
        ]
    )
    # Only Wednesday (60 minutes) before the phone screen's mock day: phone work is late.
    p = plan([("Phone", 2, ["ra"]), ("Onsite", 9, ["rb"])], WEEK, min_session=25, max_session=60)
    result = schedule(syl, p, Progress(), TODAY)
    days = sessions_by_day(result)
    assert days["2026-11-25"] == [("study", "both", 60)]
    # After the phone screen, "phone-only" serves no interview: the onsite gets the time.
    assert result.sessions_of("phone-only") == []
    assert days["2026-11-28"] == [("study", "onsite", 60)]
    assert result.late == (Late("phone-only", day(0), None),)
    phone, onsite = result.interviews
    assert not phone.feasible and phone.short_minutes == 120
    assert onsite.feasible


def test_a_drill_waits_for_the_items_that_teach_it_even_of_another_round() -> None:
    syl = syllabus(
        [item("teach", 60, ["rc"]), item("extra", 60, ["ra"], optional=True)],
        [practice("q", rounds=["ra"], learn_from=["teach", "extra"])],
    )
    result = schedule(syl, plan([("Phone", 9, ["ra"])], WEEK), Progress(), TODAY)
    # "teach" serves no interview round but teaches q: it is needed, before the drill;
    # "extra" is optional reading, which the drill does not wait for.
    assert sessions_by_day(result) == {
        "2026-11-25": [("study", "teach", 60)],
        "2026-11-26": [("drill", "q", 5), ("study", "extra", 35)],
        "2026-11-27": [("study", "extra", 25)],
        "2026-12-03": [("mock", "Phone", 15)],
    }
    assert result.not_needed == ()
    assert result.feasible


def test_a_mock_holds_what_its_interview_practises() -> None:
    syl = syllabus(
        [item("a1", 30, ["ra"]), item("b1", 30, ["rb"]), item("c1", 30, ["rc"])],
        [
            practice("q1", "question", ["ra"]),
            practice("q2", "question", ["ra"]),
            practice("code1", "coding", ["ra"], minutes=25),
            practice("design1", "design", ["rb"]),
            practice("design2", "design", ["rb"]),
        ],
    )
    p = plan([("Phone", 4, ["ra"]), ("Design", 9, ["rb"]), ("Other", 13, ["rc"])], WEEK)
    result = schedule(syl, p, Progress(), TODAY)
    mocks = {s.id: s for d in result.days for s in d.sessions if s.kind == "mock"}
    # A phone screen with a coding task: a timed coding question and a rapid-fire drill.
    assert [(h.kind, h.id, h.minutes) for h in mocks["Phone"].holds] == [
        ("coding", "code1", 25),
        ("drill", "ra", 15),
    ]
    assert mocks["Phone"].minutes == 40
    # ML design: a design round on the prompt practised least (never, here: the first).
    assert [(h.kind, h.id) for h in mocks["Design"].holds] == [("design", "design1")]
    # A round with no practice items: the plain mock hour.
    assert mocks["Other"].holds == () and mocks["Other"].minutes == 60
    from planner.exports.plan_json import session_document

    assert session_document(mocks["Phone"])["parts"] == [
        {"kind": "coding", "id": "code1", "minutes": 25},
        {"kind": "drill", "id": "ra", "minutes": 15},
    ]


def test_on_the_mock_day_the_round_planned_that_morning_loses_each_part_done() -> None:
    syl = syllabus(
        [item("a1", 30, ["ra"])],
        [
            practice("q1", "question", ["ra"]),
            practice("q2", "question", ["ra"]),
            practice("code1", "coding", ["ra"], minutes=25),
            practice("code2", "coding", ["ra"], minutes=25),
        ],
    )
    p = plan([("Phone", 4, ["ra"])], WEEK)
    mock_day = TODAY + dt.timedelta(days=3)
    at = dt.datetime.combine(mock_day, dt.time(19), tzinfo=dt.UTC)

    def mock_of(progress: Progress) -> list[tuple[str, str, int]] | None:
        day = schedule(syl, p, progress, mock_day).day(mock_day)
        assert day is not None
        found = [s for s in day.sessions if s.kind == "mock"]
        return [(h.kind, h.id, h.minutes) for h in found[0].holds] if found else None

    planned = [("coding", "code1", 25), ("drill", "ra", 15)]
    assert mock_of(Progress()) == planned
    # The coding part done: the drill is left, and the task is not swapped for another
    # (code1 is no longer the least practised, but the morning's round stays).
    coded = Progress(
        attempts=(Attempt("code1", "solved", 25, at),),
        work=(WorkEntry(mock_day, "code1", 25, "coding"),),
    )
    assert mock_of(coded) == [("drill", "ra", 15)]
    # Reviews of its questions are not its rapid-fire drill; a drill of them (minutes
    # recorded as drill) is, however short.
    reviews = (Review("q1", "good", at), Review("q2", "good", at))
    for kind, left in (("review", [("drill", "ra", 15)]), ("drill", None)):
        work = (*coded.work, WorkEntry(mock_day, "q1", 6, kind), WorkEntry(mock_day, "q2", 2, kind))
        after = dataclasses.replace(coded, reviews=reviews, work=work)
        assert mock_of(after) == left
    # What is done of it is not a mock of another day: the next mock day's round is chosen
    # from all the practice (code2, never practised, for a later interview's mock).
    later = plan([("Phone", 4, ["ra"]), ("Again", 8, ["ra"])], WEEK)
    result = schedule(syl, later, coded, mock_day)
    mocks = [s for d in result.days for s in d.sessions if s.kind == "mock" and s.id == "Again"]
    assert [h.id for h in mocks[0].holds][:1] == ["code2"]


def test_two_mock_rounds_on_one_day_each_stay_as_planned_that_morning() -> None:
    syl = syllabus(
        [item("a1", 30, ["ra"]), item("b1", 30, ["rb"])],
        [
            practice("code-a", "coding", ["ra"], minutes=25),
            practice("code-b", "coding", ["rb"], minutes=25),
            practice("qb", "question", ["rb"]),
        ],
    )
    week = (70, 70, 70, 70, 70, 0, 0)
    p = plan([("A", 2, ["ra"]), ("B", 2, ["rb"])], week)
    mock_day = TODAY + dt.timedelta(days=1)
    at = dt.datetime.combine(mock_day, dt.time(19), tzinfo=dt.UTC)

    def mocks(progress: Progress) -> dict[str, list[tuple[str, str, int]]]:
        day = schedule(syl, p, progress, mock_day).day(mock_day)
        assert day is not None
        return {
            s.id: [(h.kind, h.id, h.minutes) for h in s.holds]
            for s in day.sessions
            if s.kind == "mock"
        }

    # 70 minutes: A's coding task (25), then B's in what is left (45: coding and drill).
    morning = {
        "A": [("coding", "code-a", 25)],
        "B": [("coding", "code-b", 25), ("drill", "rb", 15)],
    }
    assert mocks(Progress()) == morning
    # A's part and B's coding done: only B's drill is left, not a part B never had.
    done = Progress(
        attempts=(Attempt("code-a", "solved", 25, at), Attempt("code-b", "solved", 25, at)),
        work=(
            WorkEntry(mock_day, "code-a", 25, "coding"),
            WorkEntry(mock_day, "code-b", 25, "coding"),
        ),
    )
    assert mocks(done) == {"B": [("drill", "rb", 15)]}
    drilled = dataclasses.replace(
        done,
        reviews=(Review("qb", "good", at),),
        work=(*done.work, WorkEntry(mock_day, "qb", 3, "drill")),
    )
    assert mocks(drilled) == {}


def test_an_interview_that_cannot_be_helped_does_not_cut_up_the_sessions_of_the_next() -> None:
    syl = syllabus(
        [item("a0", 60, ["ra"])] + [item(f"b{k}", 110, ["rb"]) for k in range(3)],
    )
    week = (100, 100, 100, 100, 100, 100, 0)
    alone = plan([("B", 10, ["rb"])], week, min_session=30, max_session=90)
    both = plan([("A", 0, ["ra"]), ("B", 10, ["rb"])], week, min_session=30, max_session=90)
    # A is today: nothing can help it, and B, which fits, keeps sessions of 30 minutes or
    # more (the rest of a day as a shorter session is only for work that is short).
    result = schedule(syl, both, Progress(), TODAY)
    assert not result.interviews[0].feasible and result.interviews[1].feasible
    b_sessions = [s.minutes for d in result.days for s in d.sessions if s.kind == "study"]
    assert b_sessions == [
        s.minutes
        for d in schedule(syl, alone, Progress(), TODAY).days
        for s in d.sessions
        if s.kind == "study"
    ]
    assert min(b_sessions) >= 30
