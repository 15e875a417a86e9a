"""The plan as JSON: how the store keeps it and exports show it, and reading it back.

Writing needs no library. Reading takes a fast path for the plan exactly as planner writes
it (plain types, no extra keys), which is what start-up sees, so the app opens without
importing pydantic; anything else (a hand-edited or imported plan) goes through pydantic,
which accepts what it reasonably can and otherwise names the first thing that is wrong.
Either way the dataclasses of `planner.core.plan` check their own rules.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict
from functools import cache
from typing import TYPE_CHECKING, Any

from planner.core.plan import ISO_DATE, DayOff, Interview, Options, Plan

if TYPE_CHECKING:
    from pydantic import TypeAdapter, ValidationError


class PlanError(ValueError):
    """A plan that cannot be read; the message is one line naming the first problem."""


def plan_to_data(plan: Plan) -> dict[str, Any]:
    """The plan as JSON-able data, fields in their documented order."""
    return {
        "interviews": [
            {"name": i.name, "date": i.date.isoformat(), "rounds": list(i.rounds)}
            for i in plan.interviews
        ],
        "weekday_minutes": list(plan.weekday_minutes),
        "days_off": [_day_off(d) for d in plan.days_off],
        "start": plan.start.isoformat() if plan.start else None,
        "options": asdict(plan.options),
        "syllabi": list(plan.syllabi),
        "holidays": plan.holidays,
    }


def _day_off(day: DayOff) -> dict[str, str]:
    written = {"start": day.start.isoformat(), "end": day.end.isoformat()}
    return {**written, "name": day.name} if day.name else written


def plan_to_json(plan: Plan) -> str:
    return json.dumps(plan_to_data(plan), ensure_ascii=False, separators=(",", ":"))


def plan_from_json(text: str | bytes) -> Plan:
    """Raises `PlanError`."""
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise PlanError(f"not JSON: {exc}") from None
    except RecursionError:
        raise PlanError("not a plan: nested too deeply") from None
    return plan_from_data(data)


def plan_from_data(data: Any) -> Plan:
    """A plan from JSON data (dates as `YYYY-MM-DD` text). Raises `PlanError`."""
    try:
        return _as_written(data)
    except (KeyError, TypeError, ValueError, AttributeError, RecursionError):
        pass
    from pydantic import ValidationError

    try:
        result: Plan = _adapter().validate_python(data)
    except ValidationError as exc:
        raise PlanError(one_line_error(exc)) from None
    return result


@cache
def _adapter() -> TypeAdapter[Plan]:
    from pydantic import TypeAdapter

    return TypeAdapter(Plan)


def one_line_error(exc: ValidationError) -> str:
    """The first problem of a pydantic error, as `where: what (and N more)`."""
    errors = exc.errors()
    first = errors[0]
    where = ".".join(str(part) for part in first["loc"])
    if first["type"] == "value_error" and "error" in first.get("ctx", {}):
        message = str(first["ctx"]["error"])
    else:
        message = str(first["msg"])
    message = " ".join(message.split())
    more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    if first["type"] == "missing":
        message = "missing"  # (not pydantic's "Field required")
    return f"{where}: {message}{more}" if where else f"{message}{more}"


# --- the fast path: exactly what `plan_to_data` writes, or an exception ---------------------

_PLAN_KEYS = frozenset(
    ("interviews", "weekday_minutes", "days_off", "start", "options", "syllabi", "holidays")
)
_OPTION_KEYS = frozenset(("min_session", "max_session", "mock_days", "recall_target", "drill_size"))


def _as_written(data: Any) -> Plan:
    if not isinstance(data, dict) or not data.keys() <= _PLAN_KEYS:
        raise TypeError("not a plan as written")
    options = data.get("options", {})
    if not isinstance(options, dict) or not options.keys() <= _OPTION_KEYS:
        raise TypeError("not options as written")
    for name, value in options.items():
        expected = float if name == "recall_target" else int
        if type(value) is not expected:
            raise TypeError(name)
    minutes = _list(data.get("weekday_minutes", []))
    if len(minutes) != 7 or any(type(m) is not int for m in minutes):
        raise TypeError("weekday_minutes")
    start = data.get("start")
    a, b, c, d, e, f, g = minutes
    return Plan(
        interviews=tuple(
            Interview(
                name=_text(i["name"]),
                date=_date(i["date"]),
                rounds=_texts(i["rounds"]),
            )
            for i in _list(data.get("interviews", []))
            if _exactly(i, 3)
        ),
        weekday_minutes=(a, b, c, d, e, f, g),
        days_off=tuple(
            DayOff(start=_date(o["start"]), end=_date(o["end"]), name=_text(o.get("name", "")))
            for o in _list(data.get("days_off", []))
            if _exactly(o, 3 if "name" in o else 2)
        ),
        start=None if start is None else _date(start),
        options=Options(**options),
        syllabi=_texts(data.get("syllabi", [])),
        holidays=None if data.get("holidays") is None else _text(data["holidays"]),
    )


def _exactly(value: Any, keys: int) -> bool:
    if not isinstance(value, dict) or len(value) != keys:
        raise TypeError("unexpected keys")
    return True


def _list(value: Any) -> list[Any]:
    if type(value) is not list:
        raise TypeError("a list expected")
    return value


def _text(value: Any) -> str:
    if type(value) is not str:
        raise TypeError("text expected")
    value.encode("utf-8")  # a lone surrogate is not text: pydantic names it
    return value


def _texts(value: Any) -> tuple[str, ...]:
    return tuple(_text(v) for v in _list(value))


def _date(value: Any) -> dt.date:
    text = _text(value)
    if not ISO_DATE.fullmatch(text):  # fromisoformat also takes `2026-W01-1` and `20260101`
        raise ValueError("YYYY-MM-DD expected")
    return dt.date.fromisoformat(text)
