"""What the scheduler produces: days of sessions, and a report per interview."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

SessionKind = Literal["study", "review", "drill", "mock"]


@dataclass(frozen=True, slots=True)
class MockPart:
    """One timed part of a mock round."""

    kind: Literal["coding", "design", "drill"]
    id: str
    """Practice id (coding task, design prompt), or the round whose questions are drilled."""
    minutes: int


@dataclass(frozen=True, slots=True)
class Session:
    """One block of work on one day."""

    kind: SessionKind
    id: str
    """Item id (study), practice id (review, drill) or interview name (mock)."""
    minutes: int
    rounds: tuple[str, ...]
    part: int = 1
    """For a study item split over several sessions: this is part `part` of `parts`."""
    parts: int = 1
    from_outline: bool = False
    """A drill planned before the items that teach it are done (they do not fit in time):
    practised from its answer outline."""
    holds: tuple[MockPart, ...] = ()
    """What a mock round holds, in order."""


@dataclass(frozen=True, slots=True)
class PlannedReview:
    """A spaced-repetition review due on a date, reserved before any study work is placed."""

    practice_id: str
    on: dt.date
    minutes: int
    rounds: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Day:
    date: dt.date
    capacity: int
    sessions: tuple[Session, ...] = ()
    off: bool = False
    """A day off (or zero minutes that weekday)."""
    interviews: tuple[str, ...] = ()
    """Names of interviews on this date."""
    mock_for: tuple[str, ...] = ()
    """Names of interviews this day is the mock day of (only mock and review sessions)."""
    worked: int = 0
    """Minutes already recorded on this day (today only): its sessions fit in what is left,
    `capacity - worked`."""

    @property
    def used(self) -> int:
        return sum(s.minutes for s in self.sessions)


@dataclass(frozen=True, slots=True)
class Late:
    """An item that cannot be finished before its deadline."""

    id: str
    deadline: dt.date
    """Last day the item may be worked on."""
    finishes: dt.date | None
    """Day of its last session, or None when it does not fit before the horizon."""


@dataclass(frozen=True, slots=True)
class RoundStanding:
    """How one round of an interview stands: the same figures on every screen and export."""

    round_id: str
    short_minutes: int
    """Required minutes of the round's work (and what it requires) that do not fit before
    the interview."""
    slack_days: int
    """Days between the round's last required session and the interview's last study day;
    when short, negative: the days the short minutes take at the plan's weekly pace."""


@dataclass(frozen=True, slots=True)
class InterviewReport:
    name: str
    date: dt.date
    rounds: tuple[str, ...]
    feasible: bool
    short_minutes: int
    """Required minutes that do not fit before this interview."""
    late: tuple[Late, ...] = ()
    drop: tuple[str, ...] = ()
    """Optional or lowest-priority item ids whose removal makes it feasible (may be empty)."""
    extra_minutes_per_week: int | None = None
    """Extra weekly minutes that would make it feasible (None when it already is, or when no
    amount would, e.g. the interview is tomorrow)."""
    slack_days: int = 0
    """Days between the last required session and the interview's last study day; when
    short, negative: the days the short minutes take at the plan's weekly pace."""
    rounds_standing: tuple[RoundStanding, ...] = ()
    """Per round of the interview, in the interview's order."""
    passed: bool = False
    """The interview is behind us: `done_minutes` of `required_minutes` tell how it went."""
    required_minutes: int = 0
    """Minutes of the required (not optional, not skipped) study items of its rounds."""
    done_minutes: int = 0
    """Of those, done (by the interview, once it has passed)."""
    fixes_searched: bool = False
    """The fixes (`drop`, `extra_minutes_per_week`) were searched; a draft has none yet."""

    def standing(self, round_id: str) -> RoundStanding | None:
        return next((r for r in self.rounds_standing if r.round_id == round_id), None)


@dataclass(frozen=True)
class Schedule:
    today: dt.date
    days: tuple[Day, ...]
    interviews: tuple[InterviewReport, ...]
    late: tuple[Late, ...] = ()
    not_needed: tuple[str, ...] = ()
    """Item ids of no interview's round: not scheduled."""
    _by_date: dict[dt.date, Day] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_date", {d.date: d for d in self.days})

    def day(self, date: dt.date) -> Day | None:
        return self._by_date.get(date)

    @property
    def feasible(self) -> bool:
        return all(r.feasible for r in self.interviews)

    def sessions_of(self, any_id: str) -> list[tuple[dt.date, Session]]:
        return [(d.date, s) for d in self.days for s in d.sessions if s.id == any_id]
