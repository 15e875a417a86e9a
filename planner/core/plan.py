"""The plan: interviews, availability and options, as the person set them."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, model_validator

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

Minutes = Annotated[int, Field(ge=0, le=1440)]


class _Value(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Interview(_Value):
    """A dated interview and the rounds it contains."""

    name: str = Field(min_length=1, max_length=200)
    """E.g. "Meta phone screen"."""
    date: dt.date
    rounds: tuple[str, ...] = Field(min_length=1)
    """Round ids of the loaded syllabus."""


class DayOff(_Value):
    """A single day off (`end` == `start`) or an inclusive range of days."""

    start: dt.date
    end: dt.date

    @model_validator(mode="after")
    def _ordered(self) -> DayOff:
        if self.end < self.start:
            raise ValueError("a range of days off must not end before it starts")
        return self

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end


class Options(_Value):
    """Knobs of the scheduler and of practice, with sensible defaults."""

    min_session: int = Field(default=25, ge=5, le=600)
    """Shortest study session worth starting, in minutes."""
    max_session: int = Field(default=90, ge=5, le=1440)
    """Longest single study session of one item, in minutes."""
    mock_days: int = Field(default=1, ge=0, le=7)
    """Days before each interview kept for a mock round and reviews only."""
    recall_target: float = Field(default=0.9, gt=0.5, lt=1.0)
    """Predicted recall each question should have on its interview day."""
    drill_size: int = Field(default=10, ge=1, le=100)
    """Questions in one rapid-fire drill."""

    @model_validator(mode="after")
    def _sessions_ordered(self) -> Options:
        if self.max_session < self.min_session:
            raise ValueError("max_session must be at least min_session")
        return self


DEFAULT_WEEKDAY_MINUTES: tuple[int, ...] = (90, 90, 90, 90, 90, 240, 0)


class Plan(_Value):
    """Interviews + availability + options: everything the person decides."""

    interviews: tuple[Interview, ...] = ()
    weekday_minutes: tuple[Minutes, Minutes, Minutes, Minutes, Minutes, Minutes, Minutes] = (
        90,
        90,
        90,
        90,
        90,
        240,
        0,
    )
    """Minutes available on Monday..Sunday."""
    days_off: tuple[DayOff, ...] = ()
    start: dt.date | None = None
    """First day of the plan; None means today."""
    options: Options = Options()
    syllabi: tuple[str, ...] = ()
    """Extra syllabus files registered with the plan (paths), loaded with the bundled one."""

    def is_day_off(self, day: dt.date) -> bool:
        return any(off.contains(day) for off in self.days_off)

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
