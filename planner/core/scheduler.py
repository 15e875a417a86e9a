"""`schedule()`: the day-by-day plan to every interview date, recomputed from progress.

A pure function: no I/O, no clock; the same inputs give the same Schedule, byte for byte.
The steps: lay out the calendar and reserve reviews and mock rounds (`capacity`), list
the jobs left with their precedence-adjusted deadlines (`work`), place them earliest
deadline first (`placement`), then report per interview with fixes (`feasibility`).
"""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from planner.core.capacity import Calendar, build_calendar, upcoming_interviews
from planner.core.placement import Placement, place
from planner.core.plan import Interview, Plan
from planner.core.progress import Progress
from planner.core.schedule_types import (
    Day,
    Late,
    PlannedReview,
    Schedule,
    Session,
)
from planner.core.syllabus import Syllabus
from planner.core.work import NO_DEADLINE, Job, Work, build_work

OPTIONAL_ROUNDS = 4
"""Times optional work is placed again without the optional items started but not finished."""


@dataclass(slots=True)
class Run:
    """One placement of the work, before it is turned into a Schedule."""

    first: dt.date
    interviews: list[Interview]
    calendar: Calendar
    work: Work
    placement: Placement

    def is_late(self, job: Job) -> bool:
        if job.deadline >= NO_DEADLINE:
            return False
        finish = self.placement.finish[job.idx]
        return finish is None or finish > job.deadline

    def late_of(self, interview: int | None = None) -> list[Job]:
        """Required jobs that miss their deadline (of one upcoming interview, or all)."""
        return [
            job
            for job in self.work.jobs
            if not job.optional
            and (interview is None or job.interview == interview)
            and self.is_late(job)
        ]

    def short_by_job(self) -> dict[int, int]:
        """Per required job: minutes placed after its deadline plus minutes never placed."""
        jobs = self.work.jobs
        out = {j.idx: self.placement.remaining[j.idx] for j in jobs if not j.optional}
        for day, sessions in enumerate(self.placement.sessions):
            for j, minutes in sessions:
                if j in out and day > jobs[j].deadline:
                    out[j] += minutes
        return out

    def short_minutes(self) -> int:
        return sum(self.short_by_job().values())

    def feasible(self, interview: int) -> bool:
        return not self.late_of(interview)


def schedule(
    syllabus: Syllabus,
    plan: Plan,
    progress: Progress,
    today: dt.date,
    reviews: Sequence[PlannedReview] = (),
) -> Schedule:
    """The schedule from `plan.first_day(today)` to the last interview, with a report per
    interview (and fixes for the infeasible ones)."""
    from planner.core.feasibility import interview_reports

    with _collector_paused():
        run = run_schedule(syllabus, plan, progress, today, reviews)
        reports = interview_reports(run, syllabus, plan, progress, today, reviews)
        late = tuple(_late(run, job) for job in _by_deadline(run, run.late_of()))
        return Schedule(
            today=today,
            days=_days(run),
            interviews=reports,
            late=late,
            not_needed=run.work.not_needed,
        )


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector while scheduling.

    Scheduling makes many small objects that all live until the Schedule is built; the
    collector would walk them, and the whole syllabus, again and again for nothing (about
    half the time with 50,000 items). The output does not depend on it; the collector is
    turned back on only if it was on.
    """
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def run_schedule(
    syllabus: Syllabus,
    plan: Plan,
    progress: Progress,
    today: dt.date,
    reviews: Sequence[PlannedReview] = (),
) -> Run:
    """Place the work; optional items only where they do not make required work late."""
    first = plan.first_day(today)
    interviews = upcoming_interviews(plan, first)
    calendar = build_calendar(plan, first, interviews, reviews)
    work = build_work(syllabus, plan, progress, today, calendar, interviews)
    jobs = work.jobs
    low, high = plan.options.min_session, plan.options.max_session
    required = [j.idx for j in jobs if not j.optional]
    optional = [j.idx for j in jobs if j.optional]
    base = Placement.empty(calendar.free, jobs)
    if not optional:
        place(jobs, required, base, low, high)
        return Run(first, interviews, calendar, work, base)

    alone: Placement | None = None  # required work only: computed when needed
    left_out: set[int] = set()
    for _ in range(OPTIONAL_ROUNDS):
        chosen = [j for j in optional if j not in left_out]
        mixed = base.copy()
        place(jobs, sorted(required + chosen), mixed, low, high)
        candidate = Run(first, interviews, calendar, work, mixed)
        late = {j.idx for j in candidate.late_of()}
        if late:
            if alone is None:
                alone = base.copy()
                place(jobs, required, alone, low, high)
            alone_run = Run(first, interviews, calendar, work, alone)
            if not (
                late <= {j.idx for j in alone_run.late_of()}
                and candidate.short_minutes() <= alone_run.short_minutes()
            ):
                # Optional work crowded out required work: it gets what required work leaves.
                after = alone.copy()
                place(jobs, chosen, after, low, high)
                candidate = Run(first, interviews, calendar, work, after)
        state = candidate.placement
        started = {
            j for j in chosen if state.finish[j] is None and state.remaining[j] < jobs[j].minutes
        }
        if not started:
            break
        left_out |= started  # and again without them, so that their time goes to others
    return _without_unfinished(candidate, optional)


def _without_unfinished(run: Run, optional: list[int]) -> Run:
    """An optional item is started only if it can be finished before its deadline: the
    sessions of one that cannot are taken out again."""
    state = run.placement
    unfinished = {j for j in optional if state.finish[j] is None}
    if unfinished:
        for day, sessions in enumerate(state.sessions):
            kept = [(j, m) for j, m in sessions if j not in unfinished]
            if len(kept) != len(sessions):
                state.free[day] += sum(m for j, m in sessions if j in unfinished)
                state.sessions[day] = kept
        for j in unfinished:
            state.remaining[j] = run.work.jobs[j].minutes
    return run


def _by_deadline(run: Run, jobs: list[Job]) -> list[Job]:
    never = len(run.calendar) + 1

    def order(job: Job) -> tuple[int, int, str]:
        finish = run.placement.finish[job.idx]
        return (job.deadline, never if finish is None else finish, job.id)

    return sorted(jobs, key=order)


def _late(run: Run, job: Job) -> Late:
    finish = run.placement.finish[job.idx]
    return Late(
        id=job.id,
        deadline=run.first + dt.timedelta(days=job.deadline),
        finishes=None if finish is None else run.first + dt.timedelta(days=finish),
    )


def _days(run: Run) -> tuple[Day, ...]:
    calendar, jobs, placement = run.calendar, run.work.jobs, run.placement
    parts: dict[int, int] = {}
    for day_sessions in placement.sessions:
        for j, _ in day_sessions:
            parts[j] = parts.get(j, 0) + 1
    seen: dict[int, int] = {}
    days: list[Day] = []
    for k, date in enumerate(calendar.dates):
        sessions: list[Session] = list(calendar.reserved[k])
        for j, minutes in placement.sessions[k]:
            job = jobs[j]
            seen[j] = seen.get(j, 0) + 1
            sessions.append(
                Session(job.kind, job.id, minutes, job.rounds, part=seen[j], parts=parts[j])
            )
        days.append(
            Day(
                date=date,
                capacity=calendar.capacity[k],
                sessions=tuple(sessions),
                off=calendar.capacity[k] == 0,
                interviews=tuple(calendar.interviews[k]),
                mock_for=tuple(calendar.mock_for[k]),
            )
        )
    return tuple(days)
