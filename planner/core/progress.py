"""Progress: what happened. Built by the store from its tables, read by the scheduler and
readiness. Plain frozen dataclasses: there can be many of them and they are never parsed
from user text."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from itertools import accumulate
from typing import Literal

Rating = Literal["again", "hard", "good", "easy"]
RATINGS: tuple[Rating, ...] = ("again", "hard", "good", "easy")

Outcome = Literal["solved", "solved-with-help", "not-solved"]
OUTCOMES: tuple[Outcome, ...] = ("solved", "solved-with-help", "not-solved")

WorkKind = Literal["study", "review", "drill", "mock", "coding"]


def as_utc(moment: dt.datetime) -> dt.datetime:
    """A stored time in UTC; a naive time is taken to be UTC already."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC)


@dataclass(frozen=True, slots=True)
class ItemProgress:
    """Progress on one study item."""

    minutes_spent: int = 0
    done: bool = False
    skipped: bool = False
    done_on: dt.date | None = None


@dataclass(frozen=True, slots=True)
class WorkEntry:
    """Minutes actually spent on a day: what past days of the schedule show, and the
    burn-down of readiness."""

    on: dt.date
    id: str
    minutes: int
    kind: WorkKind = "study"


@dataclass(frozen=True, slots=True)
class Review:
    """One spaced-repetition review of a practice item."""

    practice_id: str
    rating: Rating
    at: dt.datetime


@dataclass(frozen=True, slots=True)
class Attempt:
    """One timed attempt at a coding task."""

    practice_id: str
    outcome: Outcome
    minutes: int
    at: dt.datetime
    notes: str = ""


@dataclass(frozen=True, slots=True)
class MockRound:
    """A mock design round: a framework checklist scored 0-2 per step, and notes."""

    practice_id: str
    scores: Mapping[str, int]
    minutes: int
    at: dt.datetime
    notes: str = ""

    @property
    def score(self) -> float:
        """Mean score as a fraction of the maximum (0..1)."""
        if not self.scores:
            return 0.0
        return sum(self.scores.values()) / (2 * len(self.scores))


@dataclass(frozen=True)
class Progress:
    """Everything that happened, keyed by item or practice id."""

    items: Mapping[str, ItemProgress] = field(default_factory=dict)
    pushed: Mapping[str, dt.date] = field(default_factory=dict)
    """Item or practice id -> not before this date (push to tomorrow)."""
    pinned: Mapping[str, dt.date] = field(default_factory=dict)
    """Item or practice id -> on this date."""
    reviews: tuple[Review, ...] = ()
    attempts: tuple[Attempt, ...] = ()
    mocks: tuple[MockRound, ...] = ()
    work: tuple[WorkEntry, ...] = ()

    def of(self, item_id: str) -> ItemProgress:
        return self.items.get(item_id) or ItemProgress()

    def is_done(self, item_id: str) -> bool:
        p = self.items.get(item_id)
        return p is not None and (p.done or p.skipped)

    def remaining(self, item_id: str, estimate: int) -> int:
        """Minutes left on an item: 0 when done or skipped, else the estimate less minutes
        spent, never below 1 while it is not done (an over-running item still needs a tick)."""
        p = self.items.get(item_id)
        if p is None:
            return estimate
        if p.done or p.skipped:
            return 0
        return max(1, estimate - p.minutes_spent)

    def latest_outcomes(self) -> dict[str, Outcome]:
        """The outcome of the latest attempt at each coding task (the re-practice queue holds
        those whose latest outcome is not "solved")."""
        latest: dict[str, tuple[dt.datetime, int, Outcome]] = {}
        for k, attempt in enumerate(self.attempts):
            key = (as_utc(attempt.at), k, attempt.outcome)
            seen = latest.get(attempt.practice_id)
            if seen is None or key[:2] >= seen[:2]:
                latest[attempt.practice_id] = key
        return {pid: outcome for pid, (_at, _k, outcome) in latest.items()}

    def reviews_of(self, practice_id: str) -> tuple[Review, ...]:
        return tuple(r for r in self.reviews if r.practice_id == practice_id)


def done_by(estimates: Mapping[str, int], progress: Progress) -> Callable[[dt.date], int]:
    """Done minutes of the items of `estimates` (id -> estimated minutes) at the end of any
    day: an item counts its work-log minutes up
    to that day (capped at its estimate), and its whole estimate from the day it was ticked
    (from the start when the tick has no date). Built once as steps, so each day is a
    binary search rather than a pass over every item."""
    spent_by_day: dict[str, dict[dt.date, int]] = {}
    for w in progress.work:
        if w.id in estimates and w.kind == "study":
            per_day = spent_by_day.setdefault(w.id, {})
            per_day[w.on] = per_day.get(w.on, 0) + w.minutes
    steps: dict[dt.date, int] = {}

    def step(day: dt.date, minutes: int) -> None:
        steps[day] = steps.get(day, 0) + minutes

    for item_id, estimate in estimates.items():
        p = progress.of(item_id)
        ticked = (p.done_on or dt.date.min) if p.done else None
        counted = spent = 0
        for day, minutes in sorted(spent_by_day.get(item_id, {}).items()):
            if ticked is not None and day >= ticked:
                break
            spent += minutes
            value = max(0, min(spent, estimate))
            step(day, value - counted)
            counted = value
        if ticked is not None:
            step(ticked, estimate - counted)
    days = sorted(steps)
    totals = list(accumulate(steps[d] for d in days))

    def done_on(day: dt.date) -> int:
        n = bisect_right(days, day)
        return totals[n - 1] if n else 0

    return done_on
