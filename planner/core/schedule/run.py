"""One placement of the work for a plan and progress: the calendar, the jobs and where
they went, before it becomes a Schedule. `schedule()` makes one; the search for fixes of
an infeasible plan makes more, with a changed plan or progress."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from planner.core.plan import Interview, Plan
from planner.core.progress import Progress
from planner.core.schedule.capacity import Calendar, build_calendar, upcoming_interviews
from planner.core.schedule.placement import Placement, place
from planner.core.schedule.types import PlannedReview
from planner.core.schedule.work import NO_DEADLINE, Job, Work, build_work
from planner.core.syllabus.model import Syllabus

ROUNDS = 4
"""Times the work is placed again without the items started but not finished in time."""


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


def _lane_of(syllabus: Syllabus, any_id: str) -> str | None:
    """The round an item or practice item is mixed under (its first), as in `build_work`."""
    item = syllabus.item(any_id)
    if item is not None:
        return item.rounds[0] if item.rounds else ""
    practice = syllabus.practice_item(any_id)
    return practice.rounds[0] if practice is not None else None


def run_schedule(
    syllabus: Syllabus,
    plan: Plan,
    progress: Progress,
    today: dt.date,
    reviews: Sequence[PlannedReview] = (),
) -> Run:
    """Place the work: optional items only where they do not make required work late, and
    no session for an item that cannot be finished while it is of use."""
    first = plan.first_day(today)
    interviews = upcoming_interviews(plan, first)
    worked_today = [w for w in progress.work if w.on == first] if first == today else []
    calendar = build_calendar(
        plan, first, interviews, reviews, sum(w.minutes for w in worked_today)
    )
    lanes_worked: dict[str, int] = {}
    for w in worked_today:
        lane = _lane_of(syllabus, w.id)
        if lane is not None:
            lanes_worked[lane] = lanes_worked.get(lane, 0) + w.minutes
    work = build_work(syllabus, plan, progress, today, calendar, interviews)
    jobs = work.jobs
    low, high = plan.options.min_session, plan.options.max_session
    base = Placement.empty(calendar.free, jobs)

    def placed(active: list[int]) -> Run:
        state = base.copy()
        place(jobs, active, state, low, high, lanes_worked)
        return Run(first, interviews, calendar, work, state)

    left_out: set[int] = set()
    for _ in range(ROUNDS):
        required = [j.idx for j in jobs if not j.optional and j.idx not in left_out]
        optional = [j.idx for j in jobs if j.optional and j.idx not in left_out]
        candidate = placed(sorted(required + optional))
        if optional and candidate.late_of():
            alone = placed(required)
            late = {j.idx for j in candidate.late_of()}
            if not (
                late <= {j.idx for j in alone.late_of()}
                and candidate.short_minutes() <= alone.short_minutes()
            ):
                # Optional work crowded out required work: it gets what required work leaves.
                place(jobs, optional, alone.placement, low, high, lanes_worked)
                candidate = alone
        state = candidate.placement
        wasted = {
            j.idx
            for j in jobs
            if state.finish[j.idx] is None
            and state.remaining[j.idx] < j.minutes
            and j.useful_until < NO_DEADLINE
        }
        if not wasted:
            break
        left_out |= wasted  # and again without them, so that their time goes to others
    return _without_unfinished(candidate)


def _without_unfinished(run: Run) -> Run:
    """Sessions of an item that is not finished in time to be of use are taken out: the
    schedule never starts what it cannot finish (work cut off by the end of a schedule
    without interviews excepted)."""
    state = run.placement
    jobs = run.work.jobs
    unfinished = {
        j
        for j, finish in enumerate(state.finish)
        if finish is None and jobs[j].useful_until < NO_DEADLINE
    }
    if unfinished:
        for day, sessions in enumerate(state.sessions):
            kept = [(j, m) for j, m in sessions if j not in unfinished]
            if len(kept) != len(sessions):
                state.free[day] += sum(m for j, m in sessions if j in unfinished)
                state.sessions[day] = kept
        for j in unfinished:
            state.remaining[j] = jobs[j].minutes
    return run
