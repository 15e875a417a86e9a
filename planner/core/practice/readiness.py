"""Readiness per round and per interview, shown with its parts, and a burn-down per interview.

For a round, judged against an interview (its date D):

- coverage = done minutes / (required + skipped minutes), over the round's non-optional
  study items, skipped or not; an item done counts its estimate, an unfinished one the
  minutes spent on it, capped at its estimate. A skipped item is out of the plan, not out
  of the material: skipping never raises coverage. A round with no such study at all is
  covered (1.0).
- recall = mean predicted recall (FSRS retrievability at 09:00 UTC on D) of the round's
  practice items; an item never practised counts 0.
- practice = the share of the round's practice items practised at least once (a review, a
  drill rating, a coding attempt or a mock round); where the round has mock rounds, the mean
  of that share and the mean mock score.
- short minutes and slack days: the scheduler's, for the round and for the interview (see
  `planner.core.schedule.standing`): a round with required minutes that do not fit is
  behind by them, and its slack is negative.

Required study is the round's items that are neither optional nor skipped.

The headline of a round is `0.5 * coverage + 0.3 * recall + 0.2 * practice`; a round with no
practice items has no recall or practice part and its headline is its coverage. The readiness
of an interview is the mean headline of its rounds (each judged against that interview).

The burn-down of an interview: its required minutes still to do at the end of each day, from
the work log (actual, up to today), along the schedule (planned, from today) and on a straight
line from the first day to the deadline (ideal: zero at the end of the last day before the
mock day).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from planner.core.plan import Interview, Plan
from planner.core.practice.review import cards, first_interview_dates, practice_log, recall_on
from planner.core.progress import Progress
from planner.core.progress import done_by as progress_done_by
from planner.core.schedule.standing import done_minutes, required_study, round_study
from planner.core.schedule.types import InterviewReport, Schedule
from planner.core.syllabus.model import Syllabus

if TYPE_CHECKING:
    from fsrs import Card

COVERAGE_WEIGHT = 0.5
RECALL_WEIGHT = 0.3
PRACTICE_WEIGHT = 0.2
WEAKEST = 10
"""Practice items listed as the weakest."""


@dataclass(frozen=True, slots=True)
class PracticeDone:
    """What was practised for a round."""

    items: int
    """Practice items of the round."""
    practised: int
    """Of those, practised at least once."""
    reviews: int
    """Reviews recorded (drill ratings included)."""
    attempts: int
    """Coding attempts recorded."""
    mocks: int
    mock_score: float | None
    """Mean score of the mock rounds (0..1), None without any."""

    @property
    def score(self) -> float | None:
        """The practice part of the headline (None when the round has no practice items)."""
        if self.items == 0:
            return None
        share = self.practised / self.items
        if self.mock_score is None:
            return share
        return (share + self.mock_score) / 2


@dataclass(frozen=True, slots=True)
class RoundReadiness:
    round_id: str
    name: str
    interview: str
    """The interview the round is judged against."""
    date: dt.date
    coverage: float
    recall: float | None
    """None when the round has no practice items."""
    practice: PracticeDone
    slack_days: int
    """The scheduler's (see `planner.core.schedule.standing`): negative when behind."""
    short_minutes: int
    """Required minutes of the round that do not fit before the interview."""
    required_minutes: int
    done_minutes: int
    skipped_minutes: int = 0
    """Of the round's study skipped: not required, still material to cover (`coverage` is
    `done_minutes` over required and skipped minutes; `done_minutes` counts what was
    studied of both)."""

    @property
    def headline(self) -> float:
        """0.5 coverage + 0.3 recall + 0.2 practice (coverage alone without practice items)."""
        practice = self.practice.score
        if self.recall is None or practice is None:
            return self.coverage
        return (
            COVERAGE_WEIGHT * self.coverage
            + RECALL_WEIGHT * self.recall
            + PRACTICE_WEIGHT * practice
        )


@dataclass(frozen=True, slots=True)
class BurnDown:
    """Required minutes still to do at the end of each day, for one interview."""

    start: dt.date
    deadline: dt.date
    """Last study day: the ideal line reaches zero at its end."""
    total: int
    """Required minutes still to do when the burn-down starts."""
    actual: tuple[tuple[dt.date, int], ...]
    """From the work log, `start` .. today."""
    planned: tuple[tuple[dt.date, int], ...]
    """Along the schedule, today .. the interview."""
    ideal: tuple[tuple[dt.date, int], ...]
    """A straight line from `total` before `start` to 0 at the end of `deadline`."""


@dataclass(frozen=True, slots=True)
class InterviewReadiness:
    name: str
    date: dt.date
    rounds: tuple[RoundReadiness, ...]
    readiness: float
    """Mean headline of its rounds."""
    slack_days: int
    feasible: bool
    short_minutes: int
    burndown: BurnDown

    @property
    def round_ids(self) -> tuple[str, ...]:
        return tuple(r.round_id for r in self.rounds)


@dataclass(frozen=True, slots=True)
class WeakItem:
    """A practice item with its predicted recall on its first interview day."""

    practice_id: str
    recall: float
    interview_date: dt.date


@dataclass(frozen=True)
class Readiness:
    today: dt.date
    rounds: tuple[RoundReadiness, ...]
    """Each round of an upcoming interview, judged against its first interview."""
    interviews: tuple[InterviewReadiness, ...]
    """Upcoming interviews (today or later), by date."""
    weakest: tuple[WeakItem, ...]


def _practice_done(
    practice_ids: list[str], progress: Progress, practised: set[str]
) -> PracticeDone:
    ids = set(practice_ids)
    mocks = [m for m in progress.mocks if m.practice_id in ids]
    return PracticeDone(
        items=len(practice_ids),
        practised=len(ids & practised),
        reviews=sum(1 for r in progress.reviews if r.practice_id in ids),
        attempts=sum(1 for a in progress.attempts if a.practice_id in ids),
        mocks=len(mocks),
        mock_score=sum(m.score for m in mocks) / len(mocks) if mocks else None,
    )


class _Judge:
    """Shared lookups while computing one Readiness."""

    def __init__(self, syllabus: Syllabus, progress: Progress, schedule: Schedule) -> None:
        self.syllabus = syllabus
        self.progress = progress
        self.schedule = schedule
        self.cards = cards(progress, (p.id for p in syllabus.practice))
        self.practised = set(practice_log(progress))

    def round(self, round_id: str, interview: Interview) -> RoundReadiness:
        items, skipped_items = round_study(self.syllabus, (round_id,), self.progress)
        required = sum(i.minutes for i in items)
        report = self.report_of(interview)
        standing = report.standing(round_id) if report is not None else None
        skipped = sum(i.minutes for i in skipped_items)
        material = required + skipped
        # (the minutes studied of a skipped item are studied all the same)
        done = sum(done_minutes(i, self.progress) for i in (*items, *skipped_items))
        practice_ids = [p.id for p in self.syllabus.practice if round_id in p.rounds]
        recall = (
            sum(recall_on(self.cards[pid], interview.date) for pid in practice_ids)
            / len(practice_ids)
            if practice_ids
            else None
        )
        known = self.syllabus.round(round_id)
        return RoundReadiness(
            round_id=round_id,
            name=known.name if known is not None else round_id,
            interview=interview.name,
            date=interview.date,
            coverage=done / material if material else 1.0,
            recall=recall,
            practice=_practice_done(practice_ids, self.progress, self.practised),
            slack_days=standing.slack_days if standing is not None else 0,
            short_minutes=standing.short_minutes if standing is not None else 0,
            required_minutes=required,
            done_minutes=done,
            skipped_minutes=skipped,
        )

    def report_of(self, interview: Interview) -> InterviewReport | None:
        """The scheduler's report on `interview` (None when it has none)."""
        for report in self.schedule.interviews:
            if report.name == interview.name and report.date == interview.date:
                return report
        return None


def _burndown(
    syllabus: Syllabus,
    plan: Plan,
    progress: Progress,
    schedule: Schedule,
    interview: Interview,
    today: dt.date,
) -> BurnDown:
    items = {i.id: i for i in required_study(syllabus, interview.rounds, progress)}
    required = sum(i.minutes for i in items.values())
    work_days = [w.on for w in progress.work if w.id in items and w.kind == "study"]
    done_days = [
        p.done_on for pid, p in progress.items.items() if pid in items and p.done_on is not None
    ]
    start = min([today, *work_days, *done_days, *([plan.start] if plan.start else [])])
    deadline = max(start, interview.date - dt.timedelta(days=plan.options.mock_days + 1))

    done_by = progress_done_by({i.id: i.minutes for i in items.values()}, progress)

    before_start = required - done_by(start - dt.timedelta(days=1))
    last = min(today, interview.date)
    actual = tuple(
        (start + dt.timedelta(days=n), required - done_by(start + dt.timedelta(days=n)))
        for n in range((last - start).days + 1)
    )
    span = (deadline - start).days + 1
    ideal = tuple(
        (
            start + dt.timedelta(days=n),
            round(before_start * max(0, span - n - 1) / span),
        )
        for n in range((interview.date - start).days + 1)
    )
    remaining = required - done_by(today)
    planned: list[tuple[dt.date, int]] = []
    for day in schedule.days:
        if day.date < today or day.date > interview.date:
            continue
        remaining -= sum(s.minutes for s in day.sessions if s.kind == "study" and s.id in items)
        planned.append((day.date, max(0, remaining)))
    return BurnDown(
        start=start,
        deadline=deadline,
        total=before_start,
        actual=actual,
        planned=tuple(planned),
        ideal=ideal,
    )


def readiness(
    syllabus: Syllabus,
    plan: Plan,
    progress: Progress,
    schedule: Schedule,
    today: dt.date,
) -> Readiness:
    """Readiness of every upcoming interview and its rounds (see the module docstring for
    the parts and the formula). Pure: the same inputs give the same figures."""
    judge = _Judge(syllabus, progress, schedule)
    upcoming = sorted(
        (i for i in plan.interviews if i.date >= today), key=lambda i: (i.date, i.name)
    )
    interviews: list[InterviewReadiness] = []
    first_of_round: dict[str, RoundReadiness] = {}
    for interview in upcoming:
        rounds = tuple(judge.round(r, interview) for r in interview.rounds)
        for r in rounds:
            first_of_round.setdefault(r.round_id, r)
        report = judge.report_of(interview)
        interviews.append(
            InterviewReadiness(
                name=interview.name,
                date=interview.date,
                rounds=rounds,
                readiness=sum(r.headline for r in rounds) / len(rounds),
                slack_days=report.slack_days if report is not None else 0,
                feasible=report.feasible if report is not None else True,
                short_minutes=report.short_minutes if report is not None else 0,
                burndown=_burndown(syllabus, plan, progress, schedule, interview, today),
            )
        )
    order = {rid: n for n, rid in enumerate(syllabus.round_ids)}
    rounds = tuple(
        sorted(
            first_of_round.values(), key=lambda r: (order.get(r.round_id, len(order)), r.round_id)
        )
    )
    return Readiness(
        today=today,
        rounds=rounds,
        interviews=tuple(interviews),
        weakest=weakest(syllabus, plan, judge.cards, today),
    )


def weakest(
    syllabus: Syllabus,
    plan: Plan,
    practice_cards: Mapping[str, Card],
    today: dt.date,
    limit: int = WEAKEST,
) -> tuple[WeakItem, ...]:
    """The practice items of upcoming interviews with the lowest recall on their first
    interview day (ties: the sooner interview first, then by id)."""
    dates = first_interview_dates(syllabus, plan, today)
    scored = [
        WeakItem(pid, recall_on(practice_cards[pid], on), on)
        for pid, on in dates.items()
        if pid in practice_cards
    ]
    scored.sort(key=lambda w: (w.recall, w.interview_date, w.practice_id))
    return tuple(scored[:limit])
