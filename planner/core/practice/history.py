"""What was done: minutes per day and per week (by round), done against the plan's minutes
for each week, streaks of days with work, and the practice record (reviews per day and
their ratings). Computed from the progress alone (the work log and the reviews), the same
for the History screen and `planner history`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from planner.core.plan import Plan
from planner.core.progress import RATINGS, Progress, Rating, as_utc
from planner.core.syllabus.model import Syllabus

OTHER_ROUND = "other"
"""Where work on an id the syllabus no longer has is counted."""


@dataclass(frozen=True, slots=True)
class HistoryDay:
    date: dt.date
    minutes: int
    by_round: dict[str, int] = field(default_factory=dict)
    """Round -> minutes (an item's or practice item's first round)."""
    capacity: int = 0
    """The plan's minutes for the day (0 on a day off)."""
    reviews: dict[Rating, int] = field(default_factory=dict)
    """Rating -> reviews (drills included) given that day."""


@dataclass(frozen=True, slots=True)
class HistoryWeek:
    start: dt.date
    """Its Monday."""
    minutes: int
    planned: int
    """The plan's minutes for the week's days up to today."""
    by_round: dict[str, int] = field(default_factory=dict)
    reviews: int = 0


@dataclass(frozen=True, slots=True)
class History:
    today: dt.date
    days: tuple[HistoryDay, ...]
    """From the first day with work (or the plan's start) to today, every day."""
    weeks: tuple[HistoryWeek, ...]
    rounds: tuple[str, ...]
    """Rounds with work, in the syllabus's order (then `OTHER_ROUND`)."""
    current_streak: int
    """Days with work in a row up to today (up to yesterday while today has none yet);
    a day off (no minutes in the plan) neither counts nor breaks it."""
    longest_streak: int

    @property
    def total_minutes(self) -> int:
        return sum(d.minutes for d in self.days)

    @property
    def days_with_work(self) -> int:
        return sum(1 for d in self.days if d.minutes > 0)

    @property
    def reviews(self) -> dict[Rating, int]:
        out: dict[Rating, int] = dict.fromkeys(RATINGS, 0)
        for day in self.days:
            for rating, count in day.reviews.items():
                out[rating] += count
        return out


def history(syllabus: Syllabus, plan: Plan | None, progress: Progress, today: dt.date) -> History:
    """The history of the preparation up to `today`."""
    minutes: dict[dt.date, dict[str, int]] = {}
    for entry in progress.work:
        if entry.on <= today and entry.minutes > 0:
            day = minutes.setdefault(entry.on, {})
            lane = _round_of(syllabus, entry.id)
            day[lane] = day.get(lane, 0) + entry.minutes
    ratings: dict[dt.date, dict[Rating, int]] = {}
    for review in progress.reviews:
        on = as_utc(review.at).date()
        if on <= today:
            counts = ratings.setdefault(on, {})
            counts[review.rating] = counts.get(review.rating, 0) + 1
    starts = [*minutes, *ratings]
    if plan is not None and plan.start is not None and plan.start <= today:
        starts.append(plan.start)
    first = min(starts, default=today)
    days = tuple(
        HistoryDay(
            date=date,
            minutes=sum(minutes.get(date, {}).values()),
            by_round=dict(minutes.get(date, {})),
            capacity=plan.capacity(date) if plan is not None else 0,
            reviews=dict(ratings.get(date, {})),
        )
        for date in _dates(first, today)
    )
    used = {lane for d in days for lane in d.by_round}
    order = [r.id for r in syllabus.rounds if r.id in used]
    order += sorted(used - set(order) - {OTHER_ROUND}) + (
        [OTHER_ROUND] if OTHER_ROUND in used else []
    )
    current, longest = streaks(days, today)
    return History(today, days, _weeks(days), tuple(order), current, longest)


def _round_of(syllabus: Syllabus, any_id: str) -> str:
    item = syllabus.item(any_id)
    if item is not None and item.rounds:
        return item.rounds[0]
    practice = syllabus.practice_item(any_id)
    if practice is not None and practice.rounds:
        return practice.rounds[0]
    return OTHER_ROUND


def _dates(first: dt.date, last: dt.date) -> list[dt.date]:
    return [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]


def _weeks(days: Sequence[HistoryDay]) -> tuple[HistoryWeek, ...]:
    weeks: dict[dt.date, list[HistoryDay]] = {}
    for day in days:
        weeks.setdefault(day.date - dt.timedelta(days=day.date.weekday()), []).append(day)
    out: list[HistoryWeek] = []
    for start, of_week in weeks.items():
        by_round: dict[str, int] = {}
        for day in of_week:
            for lane, m in day.by_round.items():
                by_round[lane] = by_round.get(lane, 0) + m
        out.append(
            HistoryWeek(
                start=start,
                minutes=sum(d.minutes for d in of_week),
                planned=sum(d.capacity for d in of_week),
                by_round=by_round,
                reviews=sum(sum(d.reviews.values()) for d in of_week),
            )
        )
    return tuple(out)


def streaks(days: Sequence[HistoryDay], today: dt.date) -> tuple[int, int]:
    """(current, longest) runs of days with work; a day with nothing planned and nothing
    done (a day off) is skipped, and today without work yet does not end the current run."""
    longest = run = 0
    for day in days:
        if day.minutes > 0:
            run += 1
            longest = max(longest, run)
        elif day.capacity > 0 and day.date != today:
            run = 0
    return run, longest
