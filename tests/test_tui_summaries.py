"""What the screens display, computed by `planner.core.summaries` (no Textual)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from planner.core.plan import Interview, Plan
from planner.core.progress import ItemProgress, Progress, WorkEntry
from planner.core.schedule.agenda import agenda
from planner.core.schedule.item_facts import item_facts
from planner.core.schedule.types import Day, InterviewReport, Late, Schedule, Session
from planner.core.summaries import (
    FIXES_PENDING,
    next_interview,
    next_working_day,
    plan_status,
    today_rows,
    today_totals,
)
from planner.core.syllabus.loading import load_syllabus_texts
from planner.core.syllabus.model import Syllabus
from planner.core.syllabus.node_progress import node_progress

TODAY = dt.date(2026, 11, 25)

YAML = """
syllabus: tiny
title: Tiny
rounds:
  - {id: ml-theory, name: ML theory}
  - {id: ml-design, name: ML design}
resources:
  - id: book
    title: "The [bold]Book[/]"
    kind: book
    url: https://example.org/book
    rounds: [ml-theory]
    items:
      - {id: book/ch1, title: "Ch. 1", minutes: 60}
      - {id: book/ch2, title: "Ch. 2", minutes: 90, requires: [book/ch1]}
      - {id: book/ch3, title: "Ch. 3", minutes: 200, rounds: [ml-design], optional: true}
practice:
  - id: q-one
    kind: question
    prompt: Explain ch1
    rounds: [ml-theory]
    learn_from: [book/ch1]
"""


def syllabus() -> Syllabus:
    return load_syllabus_texts([("tiny.yaml", YAML)])


def plan() -> Plan:
    return Plan(
        interviews=(
            Interview(name="Phone", date=dt.date(2026, 12, 3), rounds=("ml-theory",)),
            Interview(name="Onsite", date=dt.date(2026, 12, 20), rounds=("ml-design",)),
        )
    )


def report(name: str, date: dt.date, **kw: object) -> InterviewReport:
    base: dict[str, object] = {
        "name": name,
        "date": date,
        "rounds": ("ml-theory",),
        "feasible": True,
        "short_minutes": 0,
        "fixes_searched": True,
    }
    base.update(kw)
    return InterviewReport(**base)  # type: ignore[arg-type]


def test_node_progress_text() -> None:
    syl = syllabus()
    progress = Progress(
        items={
            "book/ch1": ItemProgress(minutes_spent=60, done=True),
            "book/ch2": ItemProgress(minutes_spent=20),
        }
    )
    node = node_progress(syl, progress, ["book/ch1", "book/ch2", "book/ch3", "unknown"])
    assert (node.done, node.total, node.minutes_left) == (1, 3, 70 + 200)
    assert node.text == "1/3 done, 4h30m left"
    assert node_progress(syl, progress, ["book/ch1"]).text == "done"
    assert node_progress(syl, Progress(), []).text == "0/0 done, 0m left"
    # A skipped item is neither done nor left.
    skipped = Progress(items={**progress.items, "book/ch3": ItemProgress(skipped=True)})
    node = node_progress(syl, skipped, ["book/ch1", "book/ch2", "book/ch3"])
    assert (node.done, node.skipped, node.minutes_left) == (1, 1, 70)
    assert node.text == "1/3 done, 1 skipped, 1h10m left"
    assert node_progress(syl, skipped, ["book/ch1", "book/ch3"]).text == "1 done, 1 skipped"
    assert node_progress(syl, skipped, ["book/ch3"]).text == "skipped"


def test_today_rows_merge_done_work_and_planned_sessions() -> None:
    syl = syllabus()
    day = Day(
        TODAY,
        90,
        (
            Session("study", "book/ch2", 45, ("ml-theory",), part=1, parts=2),
            Session("drill", "q-one", 5, ("ml-theory",)),
        ),
    )
    schedule = Schedule(TODAY, (day,), ())
    progress = Progress(
        items={"book/ch1": ItemProgress(60, True, done_on=TODAY)},
        work=(
            WorkEntry(TODAY, "book/ch1", 40),
            WorkEntry(TODAY - dt.timedelta(days=1), "book/ch2", 10),
        ),
    )
    rows = today_rows(syl, schedule, progress, TODAY)
    assert [(r.id, r.done, r.done_minutes, r.planned_minutes) for r in rows] == [
        ("book/ch1", True, 40, 0),
        ("book/ch2", False, 0, 45),
        ("q-one", False, 0, 5),
    ]
    assert rows[1].title == "Ch. 2 (part 1/2)"
    assert rows[1].resource == "The [bold]Book[/]"
    assert rows[1].url == "https://example.org/book"
    assert (rows[2].title, rows[2].resource) == ("Explain ch1", "Drill")
    totals = today_totals(rows, 120)
    assert (totals.done_minutes, totals.planned_minutes) == (40, 50)
    assert totals.text == "40m of 2h today"


def test_work_recorded_today_leaves_only_the_rest_of_the_day() -> None:
    from planner.core.schedule.scheduler import schedule

    tiny, the_plan = syllabus(), plan()
    fresh = schedule(tiny, the_plan, Progress(), TODAY).day(TODAY)
    assert fresh is not None
    assert (fresh.capacity, fresh.worked, fresh.used) == (90, 0, 90)
    # Ch. 1 ticked after 60 minutes: the replanned day holds only the 30 minutes left.
    ticked = Progress(
        items={"book/ch1": ItemProgress(minutes_spent=60, done=True, done_on=TODAY)},
        work=(WorkEntry(TODAY, "book/ch1", 60),),
    )
    day = schedule(tiny, the_plan, ticked, TODAY).day(TODAY)
    assert day is not None
    assert (day.capacity, day.worked) == (90, 60)
    assert day.used <= 30
    rows = today_rows(tiny, schedule(tiny, the_plan, ticked, TODAY), ticked, TODAY)
    totals = today_totals(rows, day.capacity)
    assert totals.done_minutes == 60
    assert totals.done_minutes + totals.planned_minutes <= 90
    # Work recorded on another day does not shrink today.
    yesterday = Progress(work=(WorkEntry(TODAY - dt.timedelta(days=1), "book/ch1", 60),))
    day = schedule(tiny, the_plan, yesterday, TODAY).day(TODAY)
    assert day is not None and day.worked == 0 and day.used == 90


def test_next_interview_and_days_left() -> None:
    coming = next_interview(plan(), TODAY)
    assert coming is not None
    assert (coming.interview.name, coming.days_left) == ("Phone", 8)
    assert coming.text == "Phone in 8 days (Thu 03 Dec)"
    on_the_day = next_interview(plan(), dt.date(2026, 12, 3))
    assert on_the_day is not None and on_the_day.text.startswith("Phone today")
    assert next_interview(plan(), dt.date(2026, 12, 21)) is None
    assert next_interview(None, TODAY) is None


def test_plan_status_on_track_behind_infeasible() -> None:
    syl = syllabus()
    ok = Schedule(
        TODAY,
        (),
        (
            report("Phone", dt.date(2026, 12, 3), slack_days=2),
            report("Onsite", dt.date(2026, 12, 20), slack_days=5),
        ),
    )
    assert plan_status(syl, plan(), ok).text == "On track, 2 days of slack"
    late = Late("book/ch2", dt.date(2026, 12, 2), dt.date(2026, 12, 4))
    behind = Schedule(
        TODAY,
        (),
        (
            report(
                "Phone",
                dt.date(2026, 12, 3),
                feasible=False,
                short_minutes=75,
                late=(late,),
                drop=("book/ch3",),
                extra_minutes_per_week=60,
            ),
        ),
    )
    status = plan_status(syl, plan(), behind)
    assert status.kind == "behind"
    assert status.text == "Behind by 1h15m for Phone, 1 item late"
    assert status.fix == "add 1h a week or drop Ch. 3"
    hopeless = Schedule(
        TODAY,
        (),
        (report("Phone", dt.date(2026, 12, 3), feasible=False, short_minutes=300),),
    )
    status = plan_status(syl, plan(), hopeless)
    assert status.kind == "infeasible"
    assert status.text == "Infeasible: 5h short for Phone"
    assert status.fix == "move the interview later or cut the material"
    assert plan_status(syl, None, ok).kind == "no-plan"


def test_an_interview_today_is_named_not_judged() -> None:
    syl = syllabus()
    only_today = Schedule(TODAY, (), (report("Phone", TODAY, slack_days=-1),))
    status = plan_status(syl, plan(), only_today)
    assert (status.kind, status.text) == ("on-track", "Interview today: Phone")
    also_later = Schedule(
        TODAY,
        (),
        (
            report("Phone", TODAY, slack_days=-1),
            report("Onsite", dt.date(2026, 12, 20), slack_days=4),
        ),
    )
    assert plan_status(syl, plan(), also_later).text == (
        "Interview today: Phone. Next: On track, 4 days of slack"
    )


def test_plan_status_of_two_short_interviews_describes_each_its_own() -> None:
    syl = syllabus()
    late = Late("book/ch2", dt.date(2026, 12, 2), dt.date(2026, 12, 4))
    both = Schedule(
        TODAY,
        (),
        (
            report(
                "Onsite",
                dt.date(2026, 12, 20),
                feasible=False,
                short_minutes=225,
                extra_minutes_per_week=None,
            ),
            report(
                "Phone",
                dt.date(2026, 12, 3),
                feasible=False,
                short_minutes=80,
                late=(late,),
                extra_minutes_per_week=90,
            ),
        ),
    )
    status = plan_status(syl, plan(), both)
    assert status.kind == "behind"
    assert status.text == "Behind by 1h20m for Phone, 1 item late; Onsite 3h45m short (infeasible)"
    assert status.fix == "add 1h30m a week (for Phone)"


def test_plan_status_before_the_fixes_are_searched_says_so() -> None:
    """A draft (Today draws it before the fixes come from the background) is behind, not
    infeasible, and says the fixes are being looked for."""
    syl = syllabus()
    draft = Schedule(
        TODAY,
        (),
        (
            report(
                "Phone",
                dt.date(2026, 12, 3),
                feasible=False,
                short_minutes=300,
                fixes_searched=False,
            ),
        ),
    )
    status = plan_status(syl, plan(), draft)
    assert (status.kind, status.text) == ("behind", "Behind by 5h for Phone")
    assert status.fix == FIXES_PENDING


def test_agenda_shows_done_work_in_the_past_and_sessions_ahead() -> None:
    syl = syllabus()
    yesterday = TODAY - dt.timedelta(days=1)
    p = replace(plan(), start=yesterday - dt.timedelta(days=1))
    schedule = Schedule(
        TODAY,
        (
            Day(TODAY, 90, (Session("study", "book/ch2", 90, ("ml-theory",)),)),
            Day(TODAY + dt.timedelta(days=1), 0, (), off=True),
        ),
        (),
    )
    progress = Progress(
        work=(WorkEntry(yesterday, "book/ch1", 30), WorkEntry(yesterday, "book/ch1", 30))
    )
    days = agenda(syl, p, schedule, progress)
    assert days[0].date == yesterday - dt.timedelta(days=1)
    assert days[0].past and days[0].entries == ()
    assert days[1].past and [(e.id, e.minutes, e.done) for e in days[1].entries] == [
        ("book/ch1", 60, True)
    ]
    assert days[2].date == TODAY and not days[2].past
    assert [e.id for e in days[2].entries] == ["book/ch2"]
    assert days[3].off
    assert days[-1].date == dt.date(2026, 12, 20)
    assert days[-1].interviews == ("Onsite",)


def test_item_facts() -> None:
    syl = syllabus()
    schedule = Schedule(
        TODAY, (Day(TODAY, 90, (Session("study", "book/ch2", 45, ("ml-theory",)),)),), ()
    )
    progress = Progress(items={"book/ch1": ItemProgress(60, True, done_on=TODAY)})
    facts = item_facts(syl, progress, schedule, "book/ch2")
    assert facts is not None
    assert facts.prerequisites == (("book/ch1", "Ch. 1", True),)
    assert facts.rounds == ("ML theory",)
    assert facts.planned == ((TODAY, 45),)
    assert facts.status == "0m spent, 1h30m left"
    first = item_facts(syl, progress, schedule, "book/ch1")
    assert first is not None
    assert first.practice == (("q-one", "Explain ch1"),)
    assert first.status == "done on Wed 25 Nov"
    assert item_facts(syl, progress, schedule, "nope") is None


def test_next_working_day_skips_empty_days() -> None:
    tomorrow = TODAY + dt.timedelta(days=1)
    later = TODAY + dt.timedelta(days=2)
    schedule = Schedule(
        TODAY,
        (
            Day(TODAY, 90, (Session("study", "a", 30, ()),)),
            Day(tomorrow, 0, (), off=True),
            Day(later, 90, (Session("study", "b", 30, ()),)),
        ),
        (),
    )
    found = next_working_day(schedule, TODAY)
    assert found is not None and found.date == later
    assert next_working_day(schedule, later) is None


def test_agenda_marks_unfinished_study_work_as_progress_not_a_tick() -> None:
    syl = syllabus()
    yesterday = TODAY - dt.timedelta(days=1)
    p = replace(plan(), start=yesterday)
    schedule = Schedule(TODAY, (Day(TODAY, 90, ()),), ())
    progress = Progress(
        items={
            "book/ch1": ItemProgress(60, True, done_on=yesterday),
            "book/ch2": ItemProgress(30, False),
        },
        work=(
            WorkEntry(yesterday, "book/ch1", 60),
            WorkEntry(TODAY, "book/ch2", 30),
            WorkEntry(TODAY, "q-one", 2, "review"),
        ),
    )
    days = agenda(syl, p, schedule, progress)
    assert [(e.id, e.done, e.partial) for e in days[0].entries] == [("book/ch1", True, False)]
    assert [(e.id, e.done, e.partial) for e in days[1].entries] == [
        ("book/ch2", True, True),
        ("q-one", True, False),
    ]


def test_a_coding_attempt_today_is_a_coding_row() -> None:
    syl = syllabus()
    schedule = Schedule(TODAY, (Day(TODAY, 90, ()),), ())
    progress = Progress(work=(WorkEntry(TODAY, "q-one", 30, "coding"),))
    rows = today_rows(syl, schedule, progress, TODAY)
    assert [(r.id, r.kind, r.done_minutes, r.done) for r in rows] == [("q-one", "coding", 30, True)]
