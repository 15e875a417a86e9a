"""Spaced repetition aimed at interview day: FSRS cards replayed from the review log, and the
reviews to plan so each practice item is remembered on the day of its first interview.

Cards are computed, never stored: a card is the replay of an item's reviews, in timestamp
order, through one fixed-parameter FSRS scheduler (default FSRS-6 weights, desired retention
0.9, no fuzz so the same log always gives the same card). Reviews are daily, so the scheduler
has no intra-day learning steps: a first review moves a card straight to review state.

Every practice counts as a review of its card: a coding attempt rates it (solved = Good,
solved with help = Hard, not solved = Again), and so does a mock round (mean score >= 75 % =
Good, >= 50 % = Hard, else Again).

Dates and times: reviews are simulated, and recall is measured, at 09:00 UTC of a day, so
"recall on the interview day" is the recall when the person sits down that morning.

`fsrs` is imported inside the functions that use it: it is not needed at start-up.
"""

from __future__ import annotations

import datetime as dt
import zlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any

from planner.core.plan import Plan
from planner.core.progress import RATINGS, Outcome, Progress, Rating, Review, as_utc
from planner.core.schedule.types import Day, PlannedReview, Schedule
from planner.core.syllabus.model import PracticeItem, Syllabus

if TYPE_CHECKING:
    from fsrs import Card, Scheduler

    from planner.core.schedule.scheduler import Draft

REVIEW_HOUR = 9
"""Hour (UTC) at which planned reviews are simulated and recall is measured."""

REVIEW_MINUTES: Mapping[str, int] = {"question": 2, "coding": 15, "design": 15}
"""Minutes reserved for one planned review, by kind: a question is answered aloud in about
two minutes; a coding task or design prompt is reviewed by sketching its outline from
memory (a full timed pass is a drill, attempt or mock, planned by the scheduler)."""

DAILY_REVIEW_SHARE = 4
"""Planned reviews take at most 1/4 of a day's capacity (always room for one), so they are
spread over the days before an interview instead of piled onto the last one."""

ATTEMPT_RATING: Mapping[Outcome, Rating] = {
    "solved": "good",
    "solved-with-help": "hard",
    "not-solved": "again",
}

_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


@cache
def fsrs_scheduler() -> Scheduler:
    """The one FSRS scheduler every card is replayed with (fixed parameters, no fuzz)."""
    from fsrs import Scheduler

    return Scheduler(learning_steps=(), relearning_steps=(), enable_fuzzing=False)


def _fsrs_rating(rating: Rating) -> Any:
    from fsrs import Rating as FsrsRating

    return {
        "again": FsrsRating.Again,
        "hard": FsrsRating.Hard,
        "good": FsrsRating.Good,
        "easy": FsrsRating.Easy,
    }[rating]


def morning(day: dt.date) -> dt.datetime:
    """09:00 UTC of `day`: when simulated reviews happen and recall is measured."""
    return dt.datetime(day.year, day.month, day.day, REVIEW_HOUR, tzinfo=dt.UTC)


def new_card(practice_id: str) -> Card:
    """A never-reviewed card (its id is stable, derived from the practice id)."""
    from fsrs import Card

    return Card(card_id=zlib.crc32(practice_id.encode()) + 1, due=_EPOCH)


def card_for(practice_id: str, reviews: Sequence[Review]) -> Card:
    """The FSRS card of `practice_id` after replaying its reviews in timestamp order (reviews
    of other items are ignored, so the whole log may be passed). Reviews at the same instant
    replay in rating order, so the card never depends on the order the log was read in."""
    own = sorted(
        (r for r in reviews if r.practice_id == practice_id),
        key=lambda r: (as_utc(r.at), RATINGS.index(r.rating)),
    )
    card = new_card(practice_id)
    for review in own:
        card = rate(card, review.rating, as_utc(review.at))
    return card


def rate(card: Card, rating: Rating, at: dt.datetime) -> Card:
    """The card after one review rated `rating` at `at` (UTC)."""
    reviewed, _log = fsrs_scheduler().review_card(card, _fsrs_rating(rating), as_utc(at))
    return reviewed


def recall_on(card: Card, day: dt.date) -> float:
    """Predicted recall of `card` at 09:00 UTC of `day`; 0.0 for a card never reviewed."""
    if card.last_review is None:
        return 0.0
    return float(fsrs_scheduler().get_card_retrievability(card, morning(day)))


def due_on(card: Card) -> dt.date | None:
    """The day FSRS wants the card reviewed next (UTC); None for a card never reviewed."""
    if card.last_review is None:
        return None
    return as_utc(card.due).date()


def mock_rating(score: float) -> Rating:
    """How a mock round rates its design prompt's card."""
    if score >= 0.75:
        return "good"
    if score >= 0.5:
        return "hard"
    return "again"


def practice_log(progress: Progress) -> dict[str, list[Review]]:
    """Every practice of every item as reviews: the review log plus coding attempts and mock
    rounds turned into ratings, grouped by practice id."""
    log: dict[str, list[Review]] = {}
    for review in progress.reviews:
        log.setdefault(review.practice_id, []).append(review)
    for attempt in progress.attempts:
        rating = ATTEMPT_RATING[attempt.outcome]
        log.setdefault(attempt.practice_id, []).append(
            Review(attempt.practice_id, rating, attempt.at)
        )
    for mock in progress.mocks:
        log.setdefault(mock.practice_id, []).append(
            Review(mock.practice_id, mock_rating(mock.score), mock.at)
        )
    return log


def cards(progress: Progress, practice_ids: Iterable[str]) -> dict[str, Card]:
    """The card of each practice item, replayed from everything practised."""
    log = practice_log(progress)
    return {pid: card_for(pid, log.get(pid, ())) for pid in practice_ids}


def card_of(progress: Progress, practice_id: str) -> Card:
    return card_for(practice_id, practice_log(progress).get(practice_id, ()))


def repractice_queue(syllabus: Syllabus, progress: Progress) -> list[str]:
    """Coding tasks whose latest attempt was not cleanly solved, in syllabus order: the
    scheduler brings them back as drills until they are."""
    latest = progress.latest_outcomes()
    return [
        p.id
        for p in syllabus.practice
        if p.kind == "coding" and latest.get(p.id, "solved") != "solved"
    ]


def first_interview_dates(syllabus: Syllabus, plan: Plan, today: dt.date) -> dict[str, dt.date]:
    """Practice id -> date of the first interview (today or later) needing one of its
    rounds. Items of no upcoming interview are left out."""
    upcoming = sorted((i for i in plan.interviews if i.date >= today), key=lambda i: i.date)
    dates: dict[str, dt.date] = {}
    for practice in syllabus.practice:
        for interview in upcoming:
            if set(practice.rounds) & set(interview.rounds):
                dates[practice.id] = interview.date
                break
    return dates


def drill_dates(days: Iterable[Day]) -> dict[str, dt.date]:
    """Practice id -> day of its first drill session among `days` (its introduction)."""
    dates: dict[str, dt.date] = {}
    for day in days:
        for session in day.sessions:
            if session.kind == "drill" and session.id not in dates:
                dates[session.id] = day.date
    return dates


@dataclass
class _DayLoad:
    """Review minutes already planned per day, and each day's review budget."""

    plan: Plan
    minutes: dict[dt.date, int]
    _capacity: dict[dt.date, int] = field(default_factory=dict)

    def capacity(self, day: dt.date) -> int:
        known = self._capacity.get(day)
        if known is None:
            known = self._capacity[day] = self.plan.capacity(day)
        return known

    def usable(self, day: dt.date) -> bool:
        return self.capacity(day) > 0

    def has_room(self, day: dt.date, minutes: int) -> bool:
        budget = max(minutes, self.capacity(day) // DAILY_REVIEW_SHARE)
        return self.minutes.get(day, 0) + minutes <= budget

    def add(self, day: dt.date, minutes: int) -> None:
        self.minutes[day] = self.minutes.get(day, 0) + minutes


def _days(first: dt.date, last: dt.date) -> list[dt.date]:
    return [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]


def _near_due(due: dt.date, lo: dt.date, hi: dt.date, minutes: int, load: _DayLoad) -> dt.date:
    """The usable day with room nearest to `due` in [lo, hi] (a day late before a day early:
    a day overdue costs less recall than reviewing early wastes); else the nearest usable
    day; `due` itself when no day in range is usable."""
    nearest: dt.date | None = None
    for distance in range((hi - lo).days + 1):
        for day in (due + dt.timedelta(days=distance), due - dt.timedelta(days=distance)):
            if not lo <= day <= hi or not load.usable(day):
                continue
            if load.has_room(day, minutes):
                return day
            if nearest is None:
                nearest = day
    return nearest or due


def _extra_day(
    card: Card,
    interview: dt.date,
    lo: dt.date,
    minutes: int,
    target: float,
    load: _DayLoad,
) -> dt.date | None:
    """The day of an extra review before `interview`: the latest usable day with room where
    a Good review lifts interview-day recall to the target; else the latest day that lifts it
    (over the daily budget); else the latest usable day. None when no day is usable."""
    candidates = [
        d for d in reversed(_days(lo, interview - dt.timedelta(days=1))) if load.usable(d)
    ]
    if not candidates:
        return None
    lifting = [
        d for d in candidates if recall_on(rate(card, "good", morning(d)), interview) >= target
    ]
    for day in lifting:
        if load.has_room(day, minutes):
            return day
    return lifting[0] if lifting else candidates[0]


def _plan_item(
    practice: PracticeItem,
    card: Card,
    start: dt.date,
    interview: dt.date,
    target: float,
    load: _DayLoad,
) -> list[PlannedReview]:
    """Reviews of one item from `start` to the day before `interview`, simulating a Good
    rating for each: FSRS due dates first, then an extra review where interview-day recall
    would fall short of the target."""
    minutes = REVIEW_MINUTES[practice.kind]
    planned: list[PlannedReview] = []
    lo = start
    last_day = interview - dt.timedelta(days=1)
    while lo <= last_day:
        due = due_on(card) or lo
        if due <= last_day:
            day = _near_due(max(due, lo), lo, last_day, minutes, load)
        elif recall_on(card, interview) >= target:
            break
        else:
            extra = _extra_day(card, interview, lo, minutes, target, load)
            if extra is None:
                break
            day = extra
        if not load.usable(day):
            break
        load.add(day, minutes)
        planned.append(PlannedReview(practice.id, day, minutes, practice.rounds))
        card = rate(card, "good", morning(day))
        lo = day + dt.timedelta(days=1)
    return planned


def plan_reviews(
    syllabus: Syllabus,
    plan: Plan,
    progress: Progress,
    today: dt.date,
    drill_dates: Mapping[str, dt.date],
) -> list[PlannedReview]:
    """The reviews to reserve time for, so that each practice item's predicted recall on the
    day of the first interview needing it is at least `plan.options.recall_target`.

    An item already practised continues from its card (overdue reviews are planned today).
    A new item is introduced at its drill date (from a first scheduling pass); its follow-ups
    are planned from the day after, assuming the drill is rated Good. A new item with no
    drill date gets nothing yet, nor does a coding task in the re-practice queue (its
    re-practice drill is the scheduler's). Every planned review is simulated as rated Good.
    Items are planned in order of interview date, then id, sharing each day's review budget.
    """
    interviews = first_interview_dates(syllabus, plan, today)
    waiting = set(repractice_queue(syllabus, progress))
    log = practice_log(progress)
    load = _DayLoad(plan, {})
    target = plan.options.recall_target
    planned: list[PlannedReview] = []
    order = sorted(
        (p for p in syllabus.practice if p.id in interviews and p.id not in waiting),
        key=lambda p: (interviews[p.id], p.id),
    )
    for practice in order:
        card = card_for(practice.id, log.get(practice.id, ()))
        if card.last_review is None:
            introduced = drill_dates.get(practice.id)
            if introduced is None:
                continue
            card = rate(card, "good", morning(introduced))
            start = introduced + dt.timedelta(days=1)
        else:
            reviewed_today = as_utc(card.last_review).date() >= today
            start = today + dt.timedelta(days=1) if reviewed_today else today
        planned.extend(_plan_item(practice, card, start, interviews[practice.id], target, load))
    planned.sort(key=lambda r: (r.on, r.practice_id))
    return planned


def due_today(
    syllabus: Syllabus,
    progress: Progress,
    today: dt.date,
    planned: Sequence[PlannedReview] = (),
) -> list[str]:
    """Practice ids to review today: FSRS says so (due on or before today), or a review is
    planned on or before today; less those already practised today and the coding tasks
    waiting in the re-practice queue (a timed attempt, not a review, is what they need).
    Earliest due first."""
    log = practice_log(progress)
    waiting = set(repractice_queue(syllabus, progress))
    wanted: dict[str, dt.date] = {}
    for practice in syllabus.practice:
        if practice.id in waiting:
            continue
        reviews = log.get(practice.id, ())
        card = card_for(practice.id, reviews)
        if card.last_review is not None and as_utc(card.last_review).date() >= today:
            continue
        due = due_on(card)
        if due is not None and due <= today:
            wanted[practice.id] = due
    practised_today = {
        pid for pid, rs in log.items() if any(as_utc(r.at).date() >= today for r in rs)
    }
    for review in planned:
        if review.on <= today and review.practice_id not in practised_today:
            wanted.setdefault(review.practice_id, review.on)
    return sorted(wanted, key=lambda pid: (wanted[pid], pid))


def review_plan(
    syllabus: Syllabus, plan: Plan, progress: Progress, today: dt.date
) -> list[PlannedReview]:
    """The reviews to feed the scheduler (see `reviews_and_draft`)."""
    return reviews_and_draft(syllabus, plan, progress, today)[0]


def reviews_and_draft(
    syllabus: Syllabus,
    plan: Plan,
    progress: Progress,
    today: dt.date,
    first: Draft | None = None,
) -> tuple[list[PlannedReview], Schedule | None]:
    """The reviews to feed the scheduler, and the draft schedule made around exactly those
    reviews when one was made on the way (None otherwise).

    A first scheduling pass without reviews gives each new item's drill date, then
    `plan_reviews` plans around those; where the schedule with those reviews does not fit,
    only the reviews of new items whose drill still comes before them are kept, and none
    of an interview with an item still not drilled before it. `first`: that first pass,
    when it was made already (`draft` of these very inputs)."""
    from planner.core.schedule.scheduler import draft, draft_schedule

    if first is None:
        first = draft(syllabus, plan, progress, today)
    planned = plan_reviews(syllabus, plan, progress, today, drill_dates(first.days()))
    if not planned:
        return planned, first.schedule()
    second = draft_schedule(syllabus, plan, progress, today, planned)
    if second.feasible:
        return planned, second
    # When time is short, the reviews take time the drills then may not find: a review of
    # an item never practised is kept only if, with the reviews in place, its drill still
    # comes first. First practice before review.
    again = drill_dates(second.days)
    log = practice_log(progress)
    kept = [
        r
        for r in planned
        if log.get(r.practice_id) or (r.practice_id in again and again[r.practice_id] < r.on)
    ]
    # Where some practice item still gets no drill before its interview, the reviews of
    # that interview's items give way to it.
    interviews = first_interview_dates(syllabus, plan, today)
    undrilled = {
        interviews[x.id]
        for x in second.late
        if syllabus.practice_item(x.id) is not None and x.id in interviews
    }
    final = [r for r in kept if interviews.get(r.practice_id) not in undrilled]
    return final, second if final == planned else None
