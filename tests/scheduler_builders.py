"""Building syllabi, plans and progress for the scheduler tests, by hand or with hypothesis."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from hypothesis import strategies as st

from planner.core.plan import DayOff, Interview, Options, Plan
from planner.core.progress import OUTCOMES, Attempt, ItemProgress, Progress, Review
from planner.core.schedule.types import PlannedReview, Schedule
from planner.core.syllabus.model import Syllabus
from planner.core.syllabus.schema import validate_file

TODAY = dt.date(2026, 11, 25)  # a Wednesday
ROUNDS = ("ra", "rb", "rc")


def day(n: int) -> dt.date:
    """TODAY + n days."""
    return TODAY + dt.timedelta(days=n)


def item(
    item_id: str,
    minutes: int,
    rounds: Sequence[str] = ("ra",),
    requires: Sequence[str] = (),
    optional: bool = False,
    priority: int = 2,
) -> dict[str, Any]:
    return {
        "id": item_id,
        "title": f"Title of {item_id}",
        "minutes": minutes,
        "rounds": list(rounds),
        "requires": list(requires),
        "optional": optional,
        "priority": priority,
    }


def practice(
    practice_id: str,
    kind: str = "question",
    rounds: Sequence[str] = ("ra",),
    minutes: int | None = None,
    learn_from: Sequence[str] = (),
) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": practice_id,
        "kind": kind,
        "prompt": f"Prompt of {practice_id}",
        "rounds": list(rounds),
        "learn_from": list(learn_from),
    }
    if minutes is not None:
        out["minutes"] = minutes
    return out


def syllabus(
    items: Sequence[dict[str, Any]],
    practices: Sequence[dict[str, Any]] = (),
    rounds: Sequence[str] = ROUNDS,
) -> Syllabus:
    data = {
        "syllabus": "test",
        "title": "Test syllabus",
        "rounds": [{"id": r, "name": r.upper()} for r in rounds],
        "resources": [{"id": "res", "title": "Resource", "kind": "book", "items": list(items)}],
        "practice": list(practices),
    }
    return Syllabus.from_files([("test.yaml", validate_file(data, strict=False))])


def plan(
    interviews: Sequence[tuple[str, int, Sequence[str]]] = (),
    week: Sequence[int] = (90, 90, 90, 90, 90, 240, 0),
    off: Sequence[tuple[int, int]] = (),
    start: int | None = None,
    **options: int,
) -> Plan:
    """Interviews as (name, days from TODAY, rounds); days off as (from, to) day offsets."""
    return Plan(
        interviews=tuple(
            Interview(name=name, date=day(n), rounds=tuple(rs)) for name, n, rs in interviews
        ),
        weekday_minutes=(week[0], week[1], week[2], week[3], week[4], week[5], week[6]),
        days_off=tuple(DayOff(start=day(a), end=day(b)) for a, b in off),
        start=None if start is None else day(start),
        options=Options(**options),
    )


def sessions_by_day(result: Schedule) -> dict[str, list[tuple[str, str, int]]]:
    """Non-empty days as ISO date -> [(kind, id, minutes)], for exact comparisons."""
    return {
        d.date.isoformat(): [(s.kind, s.id, s.minutes) for s in d.sessions]
        for d in result.days
        if d.sessions
    }


# --- hypothesis strategies -------------------------------------------------------------


@st.composite
def syllabi(draw: st.DrawFn, max_items: int = 10, max_practice: int = 4) -> Syllabus:
    """Random items over three rounds with a random prerequisite DAG (each item may require
    earlier ones), and practice items learning from random items."""
    n = draw(st.integers(1, max_items))
    items = []
    for k in range(n):
        rounds = draw(st.lists(st.sampled_from(ROUNDS), min_size=1, max_size=2, unique=True))
        requires = draw(st.lists(st.integers(0, k - 1), max_size=2, unique=True)) if k else []
        items.append(
            item(
                f"i{k}",
                draw(st.integers(1, 300)),
                rounds,
                [f"i{r}" for r in requires],
                optional=draw(st.integers(0, 3)) == 0,
                priority=draw(st.integers(1, 3)),
            )
        )
    m = draw(st.integers(0, max_practice))
    practices = []
    for k in range(m):
        kind = draw(st.sampled_from(["question", "coding", "design"]))
        learn = draw(st.lists(st.integers(0, n - 1), max_size=2, unique=True))
        practices.append(
            practice(
                f"p{k}",
                kind,
                draw(st.lists(st.sampled_from(ROUNDS), min_size=1, max_size=2, unique=True)),
                draw(st.one_of(st.none(), st.integers(1, 60))),
                [f"i{x}" for x in learn],
            )
        )
    return syllabus(items, practices)


@st.composite
def plans(draw: st.DrawFn, max_interviews: int = 2, horizon: int = 40) -> Plan:
    count = draw(st.integers(0, max_interviews))
    interviews = [
        (
            f"Interview {k}",
            draw(st.integers(0, horizon)),
            draw(st.lists(st.sampled_from(ROUNDS), min_size=1, max_size=3, unique=True)),
        )
        for k in range(count)
    ]
    week = draw(st.lists(st.sampled_from([0, 30, 45, 60, 90, 120, 240]), min_size=7, max_size=7))
    off = []
    for _ in range(draw(st.integers(0, 2))):
        a = draw(st.integers(-3, horizon))
        off.append((a, a + draw(st.integers(0, 6))))
    low = draw(st.sampled_from([5, 15, 25, 30]))
    high = draw(st.sampled_from([low, 45, 60, 90, 120]).filter(lambda h: h >= low))
    return plan(
        interviews,
        week,
        off,
        start=draw(st.one_of(st.none(), st.integers(-5, 5))),
        min_session=low,
        max_session=high,
        mock_days=draw(st.integers(0, 2)),
    )


@st.composite
def progresses(draw: st.DrawFn, syl: Syllabus) -> Progress:
    items: dict[str, ItemProgress] = {}
    for study in syl.items:
        state = draw(st.sampled_from(["new", "new", "partial", "done", "skipped"]))
        if state == "partial":
            items[study.id] = ItemProgress(minutes_spent=draw(st.integers(1, 400)))
        elif state == "done":
            items[study.id] = ItemProgress(minutes_spent=study.minutes, done=True)
        elif state == "skipped":
            items[study.id] = ItemProgress(skipped=True)
    ids = [s.id for s in syl.items] + [p.id for p in syl.practice]
    pushed = {
        i: day(draw(st.integers(-2, 20)))
        for i in draw(st.lists(st.sampled_from(ids), max_size=2, unique=True))
    }
    pinned = {
        i: day(draw(st.integers(-2, 20)))
        for i in draw(st.lists(st.sampled_from(ids), max_size=2, unique=True))
    }
    reviews = []
    attempts = []
    for p in syl.practice:
        if draw(st.booleans()) and draw(st.booleans()):
            at = dt.datetime.combine(day(draw(st.integers(-10, 0))), dt.time(9))
            reviews.append(Review(p.id, "good", at))
        if p.kind == "coding" and draw(st.booleans()):
            at = dt.datetime.combine(day(draw(st.integers(-10, 0))), dt.time(10))
            outcome = draw(st.sampled_from(OUTCOMES))
            attempts.append(Attempt(p.id, outcome, 30, at))
    return Progress(
        items=items,
        pushed=pushed,
        pinned=pinned,
        reviews=tuple(reviews),
        attempts=tuple(attempts),
    )


@st.composite
def planned_reviews(draw: st.DrawFn, syl: Syllabus) -> list[PlannedReview]:
    if not syl.practice:
        return []
    out = []
    for _ in range(draw(st.integers(0, 6))):
        p = draw(st.sampled_from(syl.practice))
        out.append(
            PlannedReview(p.id, day(draw(st.integers(-2, 30))), draw(st.integers(1, 40)), p.rounds)
        )
    return out
