"""Today stays put while you work through it: recorded work uses up today's room and counts
in today's mix of rounds, so ticking one session does not reshuffle the others."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from planner.core.plan import Interview, Plan
from planner.core.progress import ItemProgress, Progress, WorkEntry
from planner.core.schedule.scheduler import schedule
from planner.core.syllabus.loading import load_syllabus
from planner.paths import bundled_syllabus

TODAY = dt.date(2026, 11, 25)
PLAN = Plan(
    interviews=(
        Interview(name="Phone", date=dt.date(2026, 12, 9), rounds=("phone-screen", "dsa-coding")),
        Interview(
            name="Onsite", date=dt.date(2027, 1, 6), rounds=("ml-coding", "ml-theory", "ml-design")
        ),
    ),
    weekday_minutes=(90, 90, 90, 90, 90, 240, 0),
)


def test_ticking_the_first_session_keeps_the_rest_of_today() -> None:
    syllabus = load_syllabus([bundled_syllabus()])
    before = schedule(syllabus, PLAN, Progress(), TODAY).day(TODAY)
    assert before is not None and len(before.sessions) >= 2
    first, *rest = before.sessions
    assert {s.rounds[0] for s in before.sessions} != {first.rounds[0]}  # a mixed day
    ticked = Progress(
        items={first.id: ItemProgress(minutes_spent=first.minutes, done=True, done_on=TODAY)},
        work=(WorkEntry(TODAY, first.id, first.minutes),),
    )
    after = schedule(syllabus, PLAN, ticked, TODAY).day(TODAY)
    assert after is not None
    assert after.worked == first.minutes
    assert [s.id for s in after.sessions] == [s.id for s in rest]
    assert after.used + after.worked <= after.capacity


def test_todays_work_still_counts_when_nothing_else_fits() -> None:
    syllabus = load_syllabus([bundled_syllabus()])
    day = schedule(syllabus, PLAN, Progress(), TODAY).day(TODAY)
    assert day is not None
    long_day = Progress(work=(WorkEntry(TODAY, day.sessions[0].id, 120),))
    after = schedule(syllabus, PLAN, long_day, TODAY).day(TODAY)
    assert after is not None
    assert (after.worked, after.sessions) == (120, ())
    # Work recorded before a future start date does not shrink that first day.
    future = replace(PLAN, start=TODAY + dt.timedelta(days=2))
    first_day = schedule(syllabus, future, long_day, TODAY).days[0]
    assert first_day.date == TODAY + dt.timedelta(days=2)
    assert first_day.worked == 0


def test_an_item_begun_today_is_continued_today() -> None:
    syllabus = load_syllabus([bundled_syllabus()])
    day = schedule(syllabus, PLAN, Progress(), TODAY).day(TODAY)
    assert day is not None
    first = day.sessions[0]
    assert first.minutes > 30
    begun = Progress(
        items={first.id: ItemProgress(minutes_spent=30)},
        work=(WorkEntry(TODAY, first.id, 30),),
    )
    after = schedule(syllabus, PLAN, begun, TODAY).day(TODAY)
    assert after is not None
    assert after.sessions[0].id == first.id
    assert after.sessions[0].minutes == first.minutes - 30
    # Pushed to tomorrow after those 30 minutes: it waits for tomorrow after all.
    pushed = Progress(
        items=begun.items, work=begun.work, pushed={first.id: TODAY + dt.timedelta(days=1)}
    )
    later = schedule(syllabus, PLAN, pushed, TODAY).day(TODAY)
    assert later is not None
    assert first.id not in [s.id for s in later.sessions]
