"""The calendar of a schedule: which days exist, what each can hold, and what is reserved
before any study work is placed (spaced-repetition reviews, mock rounds)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from planner.core.plan import Interview, Plan
from planner.core.schedule.types import MockPart, PlannedReview, Session

MOCK_MINUTES = 60
"""Length of the mock round held on each mock day (cut to what the day can hold)."""

NO_INTERVIEW_HORIZON = 365
"""Days scheduled when the plan has no interview yet."""


MockParts = Callable[[tuple[str, ...], int, int, dt.date], tuple[int, tuple[MockPart, ...] | None]]
"""What the mock round of `rounds` on a day holds: (rounds, the day's room for it as planned
before anything was recorded, the minutes it may take now, the day) -> (the minutes it was
planned at, its parts now: None when it is done already, today's)."""


@dataclass(slots=True)
class Calendar:
    """Days from the first day of the schedule to the last interview, with what is reserved.

    `free[i]` is what study work and drills may still use on day `i`: zero on days off,
    interview days and mock days.
    """

    start: dt.date
    dates: list[dt.date]
    capacity: list[int]
    free: list[int]
    reserved: list[list[Session]]
    interviews: list[list[str]]
    mock_for: list[list[str]]
    worked: int = 0
    """Minutes already recorded on the first day, taken off its room before anything else."""

    def index(self, day: dt.date) -> int:
        """Day index of `day` (may be negative or past the end)."""
        return (day - self.start).days

    def __len__(self) -> int:
        return len(self.dates)


def upcoming_interviews(plan: Plan, first: dt.date) -> list[Interview]:
    """Interviews on or after the first day, by date then name (earlier ones are over)."""
    return sorted((i for i in plan.interviews if i.date >= first), key=lambda i: (i.date, i.name))


def build_calendar(
    plan: Plan,
    first: dt.date,
    interviews: Sequence[Interview],
    reviews: Sequence[PlannedReview],
    worked_first_day: int = 0,
    mock_parts: MockParts | None = None,
) -> Calendar:
    """Lay out the days and reserve each mock day's mock round (what it holds from
    `mock_parts`, which also sets its length), then the spaced-repetition reviews on their
    dates (on mock days too, in what the mock leaves).

    `worked_first_day` is what was already recorded on the first day (when it is today): the
    schedule is recomputed after every tick, and must plan only what the day has left."""
    if interviews:
        last = max(i.date for i in interviews)
        n_days = (last - first).days + 1
    elif plan.interviews:
        n_days = 0  # every interview is over: nothing left to prepare for
    else:
        n_days = NO_INTERVIEW_HORIZON
    dates = [first + dt.timedelta(days=k) for k in range(n_days)]
    capacity = [plan.capacity(d) for d in dates]
    free = list(capacity)
    worked = max(0, worked_first_day) if capacity else 0
    if free:
        free[0] = max(0, free[0] - worked)
    reserved: list[list[Session]] = [[] for _ in dates]
    on_day: list[list[str]] = [[] for _ in dates]
    mock_for: list[list[str]] = [[] for _ in dates]
    blocked = [False] * n_days
    for interview in interviews:
        k = (interview.date - first).days
        on_day[k].append(interview.name)
        blocked[k] = True
        for back in range(1, plan.options.mock_days + 1):
            m = k - back
            if 0 <= m < n_days:
                mock_for[m].append(interview.name)

    rounds_of = {i.name: i.rounds for i in interviews}
    for k in range(n_days):
        if blocked[k]:
            free[k] = 0
        # (the day's room as it was before anything was recorded today: each mock round
        # is planned as it was this morning, the second one of a day too)
        morning_free = free[k] + (worked if k == 0 else 0)
        for name in mock_for[k]:
            minutes = min(MOCK_MINUTES, free[k])
            room = min(MOCK_MINUTES, morning_free)
            if room <= 0:
                continue
            rounds = tuple(rounds_of[name])
            planned, holds = (
                mock_parts(rounds, room, minutes, dates[k]) if mock_parts else (room, ())
            )
            morning_free -= planned
            if holds is None or minutes <= 0:
                continue  # done today, or no room left today
            minutes = sum(h.minutes for h in holds) or minutes
            reserved[k].append(Session("mock", name, minutes, rounds, holds=holds))
            free[k] -= minutes
    _place_reviews(first, reviews, free, reserved, blocked)
    for k in range(n_days):
        if mock_for[k]:
            free[k] = 0  # a mock day holds only its mock round and reviews
    return Calendar(first, dates, capacity, free, reserved, on_day, mock_for, worked)


def _place_reviews(
    first: dt.date,
    reviews: Sequence[PlannedReview],
    free: list[int],
    reserved: list[list[Session]],
    blocked: list[bool],
) -> None:
    """Reviews go on their own date, in the order given; once one does not fit on a day,
    the later ones of that day are dropped too (the earliest listed are kept)."""
    full: set[int] = set()
    for review in reviews:
        k = (review.on - first).days
        if not 0 <= k < len(free) or blocked[k] or k in full or review.minutes <= 0:
            continue
        if review.minutes > free[k]:
            full.add(k)
            continue
        reserved[k].append(Session("review", review.practice_id, review.minutes, review.rounds))
        free[k] -= review.minutes
