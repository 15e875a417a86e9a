"""One placement of the work for a plan and progress: the calendar, the jobs and where
they went, before it becomes a Schedule. `schedule()` makes one; the search for fixes of
an infeasible plan makes more, with a changed plan or progress."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import zip_longest

from planner.core.plan import Interview, Plan
from planner.core.progress import Progress
from planner.core.schedule.capacity import Calendar, build_calendar, upcoming_interviews
from planner.core.schedule.mock import mock_left, mock_parts, planned_round
from planner.core.schedule.placement import Placement, place
from planner.core.schedule.types import PlannedReview
from planner.core.schedule.work import NO_DEADLINE, Job, Work, build_work, last_study_days
from planner.core.syllabus.model import Syllabus

OUTLINE_ROUNDS = 3
"""Times the work is placed again with more drills from their outlines, at most."""


@dataclass(slots=True)
class Run:
    """One placement of the work, before it is turned into a Schedule."""

    first: dt.date
    interviews: list[Interview]
    calendar: Calendar
    work: Work
    placement: Placement
    deadline_days: list[int] = field(default_factory=list)
    """Per upcoming interview: the last day its work may be done (before its mock days)."""
    sessions: tuple[int, int] = (25, 90)
    """The plan's (min_session, max_session)."""
    lanes_worked: dict[str, int] = field(default_factory=dict)
    """Round -> minutes already recorded on the first day."""
    horizon: int | None = None
    """When set, only the required work due by this day is placed (a check of a fix), and
    what is pinned on or before it, with what that requires (`scope`)."""
    scope: frozenset[int] = frozenset()

    def considered(self, job: Job) -> bool:
        return self.horizon is None or job.idx in self.scope

    def is_late(self, job: Job) -> bool:
        """Not finished by its first deadline."""
        if job.deadline >= NO_DEADLINE or not self.considered(job):
            return False
        finish = self.placement.finish[job.idx]
        return finish is None or finish > job.deadline

    def short_of(self, interview: int) -> dict[int, int]:
        """Per required job the interview needs: its minutes not done by the interview's
        deadline day (only jobs with some minutes short)."""
        deadline = self.deadline_days[interview]
        finish = self.placement.finish
        out: dict[int, int] = {}
        for job in self.work.required_for(interview):
            done_on = finish[job.idx]
            if (done_on is None or done_on > deadline) and self.considered(job):
                out[job.idx] = job.minutes
        if out:
            for sessions in self.placement.sessions[: max(0, deadline + 1)]:
                for j, minutes in sessions:
                    if j in out:
                        out[j] -= minutes
        return out

    def late_of(self) -> list[Job]:
        """Required jobs not done by their first deadline."""
        return [job for job in self.work.jobs if not job.optional and self.is_late(job)]

    def short_minutes(self) -> int:
        """Required minutes not done by the deadline of an interview that needs them,
        summed over the upcoming interviews."""
        upcoming = range(len(self.interviews))
        return sum(sum(self.short_of(n).values()) for n in upcoming if self._within(n))

    def _within(self, interview: int) -> bool:
        return self.horizon is None or self.deadline_days[interview] <= self.horizon

    def feasible(self, interview: int) -> bool:
        return not self.short_of(interview)

    def short_by_bound(self, added: Sequence[int] = ()) -> list[int]:
        """The upcoming interviews (indices) by whose deadline more required minutes are due
        than there are free minutes (with `added[k]` more on day k): no placement can make
        them fit (a bound, checked without placing anything)."""
        free = [f + a for f, a in zip_longest(self.calendar.free, added, fillvalue=0)]
        out = []
        for n, last in enumerate(self.deadline_days):
            if not self._within(n):
                continue
            need = sum(
                j.minutes
                for j in self.work.jobs
                if not j.optional and j.deadline <= last and self.considered(j)
            )
            if need > sum(free[: max(0, last + 1)]):
                out.append(n)
        return out


def _lane_of(syllabus: Syllabus, any_id: str) -> str | None:
    """The round an item or practice item is mixed under (its first), as in `build_work`."""
    item = syllabus.item(any_id)
    if item is not None:
        return item.rounds[0] if item.rounds else ""
    practice = syllabus.practice_item(any_id)
    return practice.rounds[0] if practice is not None else None


def unplaced(
    syllabus: Syllabus,
    plan: Plan,
    progress: Progress,
    today: dt.date,
    reviews: Sequence[PlannedReview] = (),
    outline: frozenset[str] = frozenset(),
) -> Run:
    """The calendar and the work of a schedule, nothing placed yet (the practice items of
    `outline` drilled from their answer outlines)."""
    first = plan.first_day(today)
    interviews = upcoming_interviews(plan, first)
    worked_today = [w for w in progress.work if w.on == first] if first == today else []
    calendar = build_calendar(
        plan,
        first,
        interviews,
        reviews,
        sum(w.minutes for w in worked_today),
        lambda rounds, room, minutes, on: (
            mock_left(syllabus, progress, rounds, room, minutes, today)
            if on == today
            else planned_round(mock_parts(syllabus, progress, rounds, minutes), minutes)
        ),
    )
    lanes_worked: dict[str, int] = {}
    for w in worked_today:
        lane = _lane_of(syllabus, w.id)
        if lane is not None:
            lanes_worked[lane] = lanes_worked.get(lane, 0) + w.minutes
    work = build_work(syllabus, plan, progress, today, calendar, interviews, outline)
    deadlines = last_study_days(interviews, plan, calendar)
    sessions = (plan.options.min_session, plan.options.max_session)
    state = Placement.empty(calendar.free, work.jobs)
    return Run(first, interviews, calendar, work, state, deadlines, sessions, lanes_worked)


def run_schedule(
    syllabus: Syllabus,
    plan: Plan,
    progress: Progress,
    today: dt.date,
    reviews: Sequence[PlannedReview] = (),
    *,
    until: int | None = None,
) -> Run:
    """Place the work: optional items only where they do not make required work late; a
    practice item whose drill would come after its interview (the items that teach it do
    not fit in time) is drilled from its answer outline before it.

    With `until` (an upcoming interview's index), only the required work due by that
    interview is placed, on the days up to its deadline: what decides whether it fits
    (work of later interviews never takes time earlier work could use)."""
    outline: frozenset[str] = frozenset()
    for _ in range(OUTLINE_ROUNDS):
        run = _placed_run(syllabus, plan, progress, today, reviews, outline, until)
        # (a deadline already past, an interview today or tomorrow, can no longer be met)
        late = {
            j.id
            for j in run.work.jobs
            if j.kind == "drill" and not j.optional and j.deadline >= 0 and run.is_late(j)
        }
        if late <= outline:
            break
        outline |= late
    return run


def _placed_run(
    syllabus: Syllabus,
    plan: Plan,
    progress: Progress,
    today: dt.date,
    reviews: Sequence[PlannedReview],
    outline: frozenset[str] = frozenset(),
    until: int | None = None,
) -> Run:
    empty = unplaced(syllabus, plan, progress, today, reviews, outline)
    if until is not None:
        last = empty.deadline_days[until]
        empty.horizon = last
        empty.scope = _scope(empty.work.jobs, last)
        for k in range(max(0, last + 1), len(empty.placement.free)):
            empty.placement.free[k] = 0
    jobs = empty.work.jobs
    low, high = empty.sessions
    lanes_worked = empty.lanes_worked

    surely_short = empty.short_by_bound()

    def placed(active: list[int]) -> Run:
        run: Run | None = None
        short = surely_short
        if not surely_short:
            state = empty.placement.copy()
            place(jobs, active, state, low, high, lanes_worked)
            run = dataclasses.replace(empty, placement=state)
            if not run.late_of():
                return run
            short = [n for n in range(len(run.interviews)) if run._within(n) and run.short_of(n)]
        # Not all fits: every minute counts, down to the rest of a day, and where time is
        # contested, work more interviews need goes first.
        weighted = empty.placement.copy()
        # The rest of a day goes to work only up to the last deadline that is short.
        until = max((empty.deadline_days[n] for n in short), default=-1)
        place(jobs, active, weighted, low, high, lanes_worked, weighted=True, fill_until=until)
        other = dataclasses.replace(empty, placement=weighted)
        return other if run is None or other.short_minutes() <= run.short_minutes() else run

    required = [j.idx for j in jobs if not j.optional and empty.considered(j)]
    optional = [j.idx for j in jobs if j.optional and empty.considered(j)]
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
    return candidate


def _scope(jobs: Sequence[Job], last: int) -> frozenset[int]:
    """The required jobs due by day `last`, those pinned on or before it (they go first on
    their day, whatever they are due for), and everything these require."""
    stack = [
        j.idx
        for j in jobs
        if not j.optional and (j.deadline <= last or (j.pin is not None and j.pin <= last))
    ]
    found: set[int] = set()
    while stack:
        j = stack.pop()
        if j not in found:
            found.add(j)
            stack.extend(jobs[j].preds)
    return frozenset(found)
