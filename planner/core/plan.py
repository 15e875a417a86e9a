"""The plan: interviews, availability and options, as the person set them.

Plain frozen dataclasses that check their own rules when made, so no plan that breaks them
exists anywhere in planner. Reading a plan from JSON (the store, an import) is
`planner.core.plan_json`'s.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any, ClassVar

from planner.core.labels import control_character

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

MAX_DAY_MINUTES = 1440

ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
"""How a plan's dates are written (`date.fromisoformat` alone also takes `2026-W01-1`)."""

_FORBID_EXTRA: dict[str, Any] = {"extra": "forbid"}
"""pydantic's configuration of these dataclasses when it reads them from JSON."""


def _check(ok: bool, message: str) -> None:
    if not ok:
        raise ValueError(message)


def _is_text(*values: str) -> bool:
    """No lone surrogates (what undecodable bytes on a command line become)."""
    try:
        for value in values:
            value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


EARLIEST = dt.date(1970, 1, 1)
LATEST = dt.date(2199, 12, 31)
"""Every date planner accepts lies between these (today included): far enough from the
calendar's ends that nothing computed from them (review intervals of years, a schedule of
five years) leaves it."""


def date_range_problem(day: dt.date, what: str = "date") -> str | None:
    """Why `day` is outside the dates planner works with, or None."""
    if EARLIEST <= day <= LATEST:
        return None
    return f"{what} {day.isoformat()} is outside {EARLIEST.year}-{LATEST.year}"


def _in_range(day: object, what: str) -> None:
    if isinstance(day, dt.date):
        problem = date_range_problem(day, what)
        _check(problem is None, problem or "")


def _within(name: str, value: object, low: float, high: float) -> None:
    if not isinstance(value, int | float) or isinstance(value, bool):
        raise TypeError(f"{name} must be a number, got {value!r}")
    _check(low <= value <= high, f"{name} must be within {low}..{high}, got {value}")


@dataclass(frozen=True, slots=True, kw_only=True)
class Interview:
    """A dated interview and the rounds it contains."""

    __pydantic_config__: ClassVar[dict[str, Any]] = _FORBID_EXTRA

    name: str
    """E.g. "Meta phone screen", 1..200 characters."""
    date: dt.date
    rounds: tuple[str, ...]
    """Round ids of the loaded syllabus; at least one."""

    def __post_init__(self) -> None:
        _check(1 <= len(self.name) <= 200, "an interview name has 1..200 characters")
        _check(len(self.rounds) >= 1, "an interview has at least one round")
        _check(_is_text(self.name, *self.rounds), "an interview name must be text (UTF-8)")
        _check(
            control_character(self.name, allowed="") is None,
            "an interview name must not hold control characters",
        )
        _in_range(self.date, "the interview date")


@dataclass(frozen=True, slots=True, kw_only=True)
class DayOff:
    """A single day off (`end` == `start`) or an inclusive range of days."""

    __pydantic_config__: ClassVar[dict[str, Any]] = _FORBID_EXTRA

    start: dt.date
    end: dt.date
    name: str = ""
    """A public holiday's name ("Thanksgiving"); empty for a day off the person chose."""

    def __post_init__(self) -> None:
        _check(self.start <= self.end, "a range of days off must not end before it starts")
        _check(
            control_character(self.name, allowed="") is None,
            "a holiday name must not hold control characters",
        )
        _within("the length of a holiday name", len(self.name), 0, 200)
        _in_range(self.start, "a day off")
        _in_range(self.end, "a day off")

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end


@dataclass(frozen=True, slots=True, kw_only=True)
class Options:
    """Knobs of the scheduler and of practice, with sensible defaults."""

    __pydantic_config__: ClassVar[dict[str, Any]] = _FORBID_EXTRA

    min_session: int = 25
    """Shortest study session worth starting, in minutes (5..600)."""
    max_session: int = 90
    """Longest single study session of one item, in minutes (5..1440)."""
    mock_days: int = 1
    """Days before each interview kept for a mock round and reviews only (0..7)."""
    recall_target: float = 0.9
    """Predicted recall each question should have on its interview day (above 0.5, below 1)."""
    drill_size: int = 10
    """Questions in one rapid-fire drill (1..100)."""

    def __post_init__(self) -> None:
        _within("min_session", self.min_session, 5, 600)
        _within("max_session", self.max_session, 5, MAX_DAY_MINUTES)
        _within("mock_days", self.mock_days, 0, 7)
        _within("drill_size", self.drill_size, 1, 100)
        _within("recall_target", self.recall_target, 0.5, 1.0)
        _check(
            0.5 < self.recall_target < 1.0,
            f"recall_target must be above 0.5 and below 1, got {self.recall_target}",
        )
        _check(self.max_session >= self.min_session, "max_session must be at least min_session")


DEFAULT_WEEKDAY_MINUTES: tuple[int, int, int, int, int, int, int] = (90, 90, 90, 90, 90, 240, 0)


@dataclass(frozen=True, slots=True, kw_only=True)
class Plan:
    """Interviews + availability + options: everything the person decides."""

    __pydantic_config__: ClassVar[dict[str, Any]] = _FORBID_EXTRA

    interviews: tuple[Interview, ...] = ()
    weekday_minutes: tuple[int, int, int, int, int, int, int] = DEFAULT_WEEKDAY_MINUTES
    """Minutes available on Monday..Sunday, each 0..1440."""
    days_off: tuple[DayOff, ...] = ()
    start: dt.date | None = None
    """First day of the plan; None means today."""
    options: Options = field(default_factory=Options)
    syllabi: tuple[str, ...] = ()
    """Extra syllabus files registered with the plan (paths), loaded with the bundled one."""
    holidays: str | None = None
    """Public holidays taken as days off ("US", "US-CA", "DE-BY"); their dates are the named
    entries of `days_off`."""

    def __post_init__(self) -> None:
        _check(len(self.weekday_minutes) == 7, "weekday_minutes has one value per weekday")
        for day, minutes in zip(WEEKDAYS, self.weekday_minutes, strict=True):
            _within(f"minutes on {day}", minutes, 0, MAX_DAY_MINUTES)
        _in_range(self.start, "the start date")

    def is_day_off(self, day: dt.date) -> bool:
        return any(off.contains(day) for off in self.days_off)

    def holiday_names(self) -> dict[dt.date, str]:
        """Each day of a public holiday the plan takes off, with its name (the first named
        day off that holds the day, as `holiday` says)."""
        names: dict[dt.date, str] = {}
        for off in self.days_off:
            if not off.name:
                continue
            for offset in range((off.end - off.start).days + 1):
                names.setdefault(off.start + dt.timedelta(days=offset), off.name)
        return names

    def holiday(self, day: dt.date) -> str | None:
        """The name of the public holiday on `day`, if it is one the plan takes off."""
        return next((off.name for off in self.days_off if off.name and off.contains(day)), None)

    def capacity(self, day: dt.date) -> int:
        """Minutes available on `day` (0 on a day off)."""
        if self.is_day_off(day):
            return 0
        return self.weekday_minutes[day.weekday()]

    def first_day(self, today: dt.date) -> dt.date:
        """Schedules start at the later of today and the plan's start date."""
        return max(today, self.start) if self.start else today

    @property
    def last_interview(self) -> dt.date | None:
        return max((i.date for i in self.interviews), default=None)
