"""`planner plan --json` and `planner today --json`: a Schedule, shaped as CONTRACT.md."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from typing import Any

from planner.core.schedule.types import Day, InterviewReport, Late, Schedule, Session


def session_document(session: Session) -> dict[str, Any]:
    document: dict[str, Any] = {
        "kind": session.kind,
        "id": session.id,
        "minutes": session.minutes,
        "rounds": list(session.rounds),
    }
    if session.from_outline:
        document["from_outline"] = True
    if session.kind == "mock":
        document["parts"] = [
            {"kind": h.kind, "id": h.id, "minutes": h.minutes} for h in session.holds
        ]
    return document


def day_document(day: Day, holiday: str | None = None) -> dict[str, Any]:
    document: dict[str, Any] = {
        "date": day.date.isoformat(),
        "capacity": day.capacity,
        "sessions": [session_document(s) for s in day.sessions],
    }
    if holiday:
        document["holiday"] = holiday
    return document


def late_document(late: Late) -> dict[str, Any]:
    return {
        "id": late.id,
        "deadline": late.deadline.isoformat(),
        "finishes": None if late.finishes is None else late.finishes.isoformat(),
    }


def plan_document(
    schedule: Schedule,
    days: Iterable[Day] | None = None,
    holidays: Mapping[dt.date, str] | None = None,
) -> dict[str, Any]:
    """The whole schedule, or only `days` of it (the same shape); a public holiday the plan
    takes off is named in its day."""
    named = holidays or {}
    return {
        "today": schedule.today.isoformat(),
        "interviews": [
            {
                "name": r.name,
                "date": r.date.isoformat(),
                "rounds": list(r.rounds),
                "feasible": r.feasible,
                "short_minutes": r.short_minutes,
                "fixes": fixes_document(r),
            }
            for r in schedule.interviews
        ],
        "days": [
            day_document(d, named.get(d.date)) for d in (schedule.days if days is None else days)
        ],
        "late": [late_document(x) for x in schedule.late],
    }


def fixes_document(report: InterviewReport) -> list[dict[str, Any]]:
    """The fixes of an interview that does not fit: items to drop (`planner skip`), extra
    minutes a week; [] when it fits or nothing would do."""
    fixes: list[dict[str, Any]] = []
    if report.drop:
        fixes.append({"kind": "drop", "ids": list(report.drop)})
    if report.extra_minutes_per_week is not None:
        fixes.append({"kind": "extra_minutes_per_week", "minutes": report.extra_minutes_per_week})
    return fixes


def first_days(schedule: Schedule, count: int | None) -> tuple[Day, ...]:
    """The first `count` days of the schedule (all when None)."""
    return schedule.days if count is None else schedule.days[: max(0, count)]


def day_of(schedule: Schedule, date: dt.date, capacity: int) -> Day:
    """The schedule's day `date`, or an empty day of `capacity` when it is outside the
    schedule (before the plan starts, or after the last interview)."""
    return schedule.day(date) or Day(date=date, capacity=capacity, off=capacity == 0)


def to_json(document: dict[str, Any]) -> str:
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
