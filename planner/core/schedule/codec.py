"""A schedule and its planned reviews as JSON data, and back: what the kept schedule of
`planner.caches.schedule` is written as. Compact (each record a list of its fields in order,
dates as `YYYY-MM-DD`); reading raises on anything that is not such data."""

from __future__ import annotations

import datetime as dt
from typing import Any

from planner.core.schedule.types import (
    Day,
    InterviewReport,
    Late,
    MockPart,
    PlannedReview,
    RoundStanding,
    Schedule,
    Session,
)


def to_data(reviews: list[PlannedReview], schedule: Schedule) -> dict[str, Any]:
    return {
        "reviews": [[r.practice_id, r.on.isoformat(), r.minutes, list(r.rounds)] for r in reviews],
        "today": schedule.today.isoformat(),
        "days": [_day(d) for d in schedule.days],
        "interviews": [_report(r) for r in schedule.interviews],
        "late": [_late(x) for x in schedule.late],
        "not_needed": list(schedule.not_needed),
    }


def from_data(
    data: dict[str, Any], *, first_days: int | None = None
) -> tuple[list[PlannedReview], Schedule]:
    """Raises KeyError, TypeError or ValueError on data `to_data` did not write. With
    `first_days`, the schedule holds only its first days (the rest is not read)."""
    reviews = [
        PlannedReview(_str(p), _date(on), _int(m), _strs(rounds))
        for p, on, m, rounds in data["reviews"]
    ]
    rounds: dict[tuple[Any, ...], tuple[str, ...]] = {}
    schedule = Schedule(
        today=_date(data["today"]),
        days=tuple(_read_day(d, rounds) for d in _list(data["days"])[:first_days]),
        interviews=tuple(_read_report(r) for r in data["interviews"]),
        late=tuple(_read_late(x) for x in data["late"]),
        not_needed=_strs(data["not_needed"]),
    )
    return reviews, schedule


def _day(d: Day) -> list[Any]:
    sessions = [
        [
            s.kind,
            s.id,
            s.minutes,
            list(s.rounds),
            s.part,
            s.parts,
            s.from_outline,
            [[h.kind, h.id, h.minutes] for h in s.holds],
        ]
        for s in d.sessions
    ]
    return [
        d.date.isoformat(),
        d.capacity,
        sessions,
        d.off,
        list(d.interviews),
        list(d.mock_for),
        d.worked,
    ]


def _read_day(values: list[Any], rounds_seen: dict[tuple[Any, ...], tuple[str, ...]]) -> Day:
    """One day; `rounds_seen` holds the rounds tuples read so far (thousands of sessions
    share a few: each is checked and made once)."""
    date, capacity, sessions, off, interviews, mock_for, worked = values

    def rounds_of(values: Any) -> tuple[str, ...]:
        key = tuple(values) if isinstance(values, list) else (values,)
        found = rounds_seen.get(key)
        if found is None:
            found = rounds_seen[key] = _strs(values)
        return found

    return Day(
        date=_date(date),
        capacity=_int(capacity),
        sessions=tuple(
            Session(
                kind,
                _str(i),
                _int(m),
                rounds_of(rounds),
                _int(part),
                _int(parts),
                outline is True,
                tuple(_part(h) for h in holds) if holds else (),
            )
            for kind, i, m, rounds, part, parts, outline, holds in sessions
            if kind in ("study", "review", "drill", "mock")
        ),
        off=bool(off),
        interviews=_strs(interviews),
        mock_for=_strs(mock_for),
        worked=_int(worked),
    )


def _part(values: list[Any]) -> MockPart:
    kind, part_id, minutes = values
    if kind not in ("coding", "design", "drill"):
        raise ValueError(f"not a mock part: {kind!r}")
    return MockPart(kind, _str(part_id), _int(minutes))


def _late(x: Late) -> list[Any]:
    return [x.id, x.deadline.isoformat(), x.finishes.isoformat() if x.finishes else None]


def _read_late(values: list[Any]) -> Late:
    item_id, deadline, finishes = values
    return Late(_str(item_id), _date(deadline), None if finishes is None else _date(finishes))


def _report(r: InterviewReport) -> list[Any]:
    return [
        r.name,
        r.date.isoformat(),
        list(r.rounds),
        r.feasible,
        r.short_minutes,
        [_late(x) for x in r.late],
        list(r.drop),
        r.extra_minutes_per_week,
        r.slack_days,
        [[x.round_id, x.short_minutes, x.slack_days] for x in r.rounds_standing],
        r.passed,
        r.required_minutes,
        r.done_minutes,
        r.fixes_searched,
    ]


def _read_report(values: list[Any]) -> InterviewReport:
    name, date, rounds, feasible, short, late, drop, extra, slack, standing, *rest = values
    passed, required, done, searched = rest
    return InterviewReport(
        name=_str(name),
        date=_date(date),
        rounds=_strs(rounds),
        feasible=bool(feasible),
        short_minutes=_int(short),
        late=tuple(_read_late(x) for x in late),
        drop=_strs(drop),
        extra_minutes_per_week=None if extra is None else _int(extra),
        slack_days=_int(slack),
        rounds_standing=tuple(
            RoundStanding(_str(round_id), _int(round_short), _int(round_slack))
            for round_id, round_short, round_slack in standing
        ),
        passed=bool(passed),
        required_minutes=_int(required),
        done_minutes=_int(done),
        fixes_searched=bool(searched),
    )


def _str(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError("text expected")
    return value


def _strs(values: Any) -> tuple[str, ...]:
    if not isinstance(values, list):
        raise TypeError("a list expected")
    return tuple(_str(v) for v in values)


def _list(value: Any) -> list[Any]:
    if not isinstance(value, list):
        raise TypeError("a list expected")
    return value


def _int(value: Any) -> int:
    if type(value) is not int:
        raise TypeError("a whole number expected")
    return value


def _date(value: Any) -> dt.date:
    return dt.date.fromisoformat(_str(value))
