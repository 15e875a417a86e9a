"""The shape of a whole-state export (`planner export json`), validated before an import.

Timestamps and dates stay the exact strings the store wrote (checked, not reformatted), so
export -> import -> export gives identical JSON.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, model_validator

from planner.core.plan import Plan, date_range_problem
from planner.core.plan_json import PlanError, one_line_error, plan_from_data
from planner.core.syllabus.schema import Text

STATE_FORMAT = "planner-state"
STATE_VERSION = 1


def _iso(parse: Callable[[str], dt.date], what: str) -> Callable[[str], str]:
    """A validator keeping the text as written once `parse` accepts it as a date planner
    works with (see `planner.core.plan.date_range_problem`)."""

    def check(value: str) -> str:
        try:
            parsed = parse(value)
        except ValueError:
            raise ValueError(f"{value!r} is not {what}") from None
        day = parsed.date() if isinstance(parsed, dt.datetime) else parsed
        problem = date_range_problem(day)
        if problem is not None:
            raise ValueError(problem)
        return value

    return check


DateText = Annotated[str, AfterValidator(_iso(dt.date.fromisoformat, "a date (YYYY-MM-DD)"))]
DateTimeText = Annotated[
    str, AfterValidator(_iso(dt.datetime.fromisoformat, "a date and time (ISO 8601)"))
]
Id = Annotated[str, Field(min_length=1, max_length=500)]
MAX_ROW_ID = 2**63 - 1
"""The largest integer SQLite stores."""
RowId = Annotated[int, Field(ge=1, le=MAX_ROW_ID)]
Minutes = Annotated[int, Field(ge=0, le=100_000)]


class _Row(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class ProgressRow(_Row):
    id: Id
    minutes_spent: Minutes
    done: bool
    skipped: bool
    done_on: DateText | None


class MarkRow(_Row):
    id: Id
    pushed: DateText | None
    pinned: DateText | None


class NoteRow(_Row):
    id: Id
    text: Text
    updated: DateTimeText


class ReviewRow(_Row):
    id: RowId
    practice_id: Id
    rating: Literal["again", "hard", "good", "easy"]
    at: DateTimeText
    minutes: Minutes


class AttemptRow(_Row):
    id: RowId
    practice_id: Id
    outcome: Literal["solved", "solved-with-help", "not-solved"]
    minutes: Minutes
    at: DateTimeText
    notes: Text


class MockRow(_Row):
    id: RowId
    practice_id: Id
    scores: dict[str, Annotated[int, Field(ge=0, le=2)]]
    minutes: Minutes
    at: DateTimeText
    notes: Text


class EventRow(_Row):
    seq: RowId
    at: DateTimeText
    action: Annotated[str, Field(min_length=1, max_length=50)]
    payload: dict[str, Any]
    undone: bool


PAYLOAD_KEYS: dict[str, tuple[str, ...]] = {
    "done": ("id", "on", "minutes", "before"),
    "undone": ("id", "before"),
    "minutes": ("id", "on", "minutes", "before"),
    "skip": ("id", "skipped", "before"),
    "drop": ("ids", "on", "before"),
    "push": ("id", "to", "before"),
    "pin": ("id", "on", "before"),
    "unpin": ("id", "before"),
    "note": ("id", "text", "before"),
    "review": ("practice_id", "rating", "at", "row"),
    "attempt": ("practice_id", "at", "row"),
    "mock": ("practice_id", "at", "row"),
    "plan": ("plan", "before"),
    "setting": ("key", "value"),
    "undo": ("of",),
}
"""Keys each known action's payload must have (undo and the work log read them)."""


PAYLOAD_TYPES: dict[str, tuple[type, ...]] = {
    "id": (str,),
    "practice_id": (str,),
    "on": (str,),
    "to": (str,),
    "at": (str,),
    "text": (str,),
    "rating": (str,),
    "key": (str,),
    "value": (str,),
    "minutes": (int,),
    "row": (int,),
    "of": (int,),
    "skipped": (bool,),
    "plan": (dict,),
    "ids": (list,),
    "before": (dict, type(None)),
}
"""The JSON type each required payload key must have (undo and the history read them)."""


def _check_drop(index: int, payload: dict[str, Any]) -> None:
    """A drop names string ids, each with the progress row it replaced (or null)."""
    ids, before = payload["ids"], payload["before"]
    if not all(isinstance(i, str) for i in ids) or not isinstance(before, dict):
        raise ValueError(f"events.{index}.payload: a 'drop' event needs ids and their 'before'")
    if set(before) != set(ids) or not all(
        v is None or isinstance(v, dict) for v in before.values()
    ):
        raise ValueError(f"events.{index}.payload.before: one progress row (or null) per id")


PAYLOAD_RANGES: dict[str, tuple[int, int]] = {
    "minutes": (-100_000, 100_000),
    "row": (1, MAX_ROW_ID),
    "of": (1, MAX_ROW_ID),
}
"""The range of each integer payload key (minutes may be negative: a correction)."""


def _check_payload_ranges(index: int, event: EventRow) -> None:
    for key, (low, high) in PAYLOAD_RANGES.items():
        value = event.payload.get(key)
        if isinstance(value, int) and not isinstance(value, bool) and not low <= value <= high:
            raise ValueError(
                f"events.{index}.payload.{key}: {str(value)[:20]} is outside {low}..{high}"
            )


def _check_payloads(events: list[EventRow]) -> None:
    for index, event in enumerate(events):
        _check_payload_ranges(index, event)
        for key in PAYLOAD_KEYS.get(event.action, ()):
            if key not in event.payload:
                raise ValueError(f"events.{index}.payload: a {event.action!r} event needs {key!r}")
            value = event.payload[key]
            allowed = PAYLOAD_TYPES.get(key, (object,))
            # JSON true/false are not numbers here.
            if not isinstance(value, allowed) or (bool not in allowed and isinstance(value, bool)):
                raise ValueError(
                    f"events.{index}.payload.{key}: a {event.action!r} event's {key!r} "
                    f"cannot be {json.dumps(value)[:40]}"
                )
        if event.action == "drop":
            _check_drop(index, event.payload)


def _unique(rows: list[Any], key: str, what: str) -> None:
    seen: set[Any] = set()
    for row in rows:
        value = getattr(row, key)
        if value in seen:
            raise ValueError(f"{what} {value!r} appears twice")
        seen.add(value)


class StateFile(_Row):
    """Everything the store holds."""

    format: Literal["planner-state"]
    version: Literal[1]
    plan: dict[str, Any] | None
    progress: list[ProgressRow]
    marks: list[MarkRow]
    notes: list[NoteRow]
    reviews: list[ReviewRow]
    attempts: list[AttemptRow]
    mocks: list[MockRow]
    events: list[EventRow]
    settings: dict[str, str]

    @model_validator(mode="after")
    def _unique_keys(self) -> StateFile:
        _unique(self.progress, "id", "progress of")
        _unique(self.marks, "id", "push/pin of")
        _unique(self.notes, "id", "note of")
        _unique(self.reviews, "id", "review")
        _unique(self.attempts, "id", "attempt")
        _unique(self.mocks, "id", "mock")
        _unique(self.events, "seq", "event")
        _check_payloads(self.events)
        return self


def parse_state(data: Any) -> StateFile:
    """Validate an export; raises ValueError with a one-line message naming the first problem
    (a date outside the range planner works with is one)."""
    if not isinstance(data, dict):
        raise ValueError("not a planner state file (expected a JSON object)")
    if data.get("format") != STATE_FORMAT:
        raise ValueError(f"not a planner state file (format should be {STATE_FORMAT!r})")
    version = data.get("version")
    if type(version) is not int or version != STATE_VERSION:  # (true is not 1 here)
        raise ValueError(
            f"unsupported state file version {json.dumps(version)[:20]} (expected {STATE_VERSION})"
        )
    try:
        state = StateFile.model_validate(data)
    except ValidationError as exc:
        raise ValueError(one_line_error(exc)) from None
    if state.plan is not None:
        # Plan dates arrive as JSON strings: the plan is validated in lax mode on its own.
        try:
            plan_from_data(state.plan)
        except PlanError as exc:
            raise ValueError(f"plan.{exc}") from None
    return state


def state_plan(state: StateFile) -> Plan | None:
    return None if state.plan is None else plan_from_data(state.plan)
