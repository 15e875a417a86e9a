"""`schedule()`: the day-by-day plan to every interview date, recomputed from progress.

A pure function: no I/O, no clock; the same inputs give the same Schedule, byte for byte.
The steps: lay out the calendar and reserve reviews and mock rounds (`capacity`), list
the jobs left with their precedence-adjusted deadlines (`work`), place them earliest
deadline first (`placement`), then report per interview with fixes (`feasibility`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from planner.core.plan import Plan
from planner.core.progress import Progress
from planner.core.schedule.feasibility import interview_reports
from planner.core.schedule.run import Run, run_schedule
from planner.core.schedule.trial import Inputs
from planner.core.schedule.types import Day, Late, PlannedReview, Schedule, Session
from planner.core.schedule.work import Job
from planner.core.syllabus.collector import collector_paused
from planner.core.syllabus.model import Syllabus


def schedule(
    syllabus: Syllabus,
    plan: Plan,
    progress: Progress,
    today: dt.date,
    reviews: Sequence[PlannedReview] = (),
) -> Schedule:
    """The schedule from `plan.first_day(today)` to the last interview, with a report per
    interview (and fixes for the infeasible ones)."""
    with collector_paused():
        run = run_schedule(syllabus, plan, progress, today, reviews)
        return _finished(run, Inputs(syllabus, plan, progress, today, reviews), fixes=True)


def draft_schedule(
    syllabus: Syllabus,
    plan: Plan,
    progress: Progress,
    today: dt.date,
    reviews: Sequence[PlannedReview] = (),
) -> Schedule:
    """The same days and reports as `schedule()`, without searching fixes for infeasible
    interviews (`drop` empty, `extra_minutes_per_week` None): for a first pass that only
    needs the days, such as finding when each drill falls."""
    return draft(syllabus, plan, progress, today, reviews).schedule()


@dataclass(slots=True)
class Draft:
    """A placement made without the search for fixes: its days at once (what a first pass
    needs, such as finding when each drill falls), the whole Schedule, with the reports
    per interview, only when asked for (and then kept)."""

    run: Run
    inputs: Inputs
    _schedule: Schedule | None = None

    def days(self) -> tuple[Day, ...]:
        return _days(self.run) if self._schedule is None else self._schedule.days

    def schedule(self) -> Schedule:
        """The same as `draft_schedule` of these inputs."""
        if self._schedule is None:
            with collector_paused():
                self._schedule = _finished(self.run, self.inputs, fixes=False)
        return self._schedule


def draft(
    syllabus: Syllabus,
    plan: Plan,
    progress: Progress,
    today: dt.date,
    reviews: Sequence[PlannedReview] = (),
) -> Draft:
    """The placement of `draft_schedule`, its reports not made yet."""
    with collector_paused():
        run = run_schedule(syllabus, plan, progress, today, reviews)
    return Draft(run, Inputs(syllabus, plan, progress, today, reviews))


def _finished(run: Run, inputs: Inputs, *, fixes: bool) -> Schedule:
    reports = interview_reports(run, inputs, fixes=fixes)
    late = tuple(_late(run, job) for job in _by_deadline(run, run.late_of()))
    # an interview before the plan starts has no study day: its work is late too
    more = {x.id: x for r in reports for x in reversed(r.late)}
    listed = {x.id for x in late}
    late += tuple(x for i, x in more.items() if i not in listed)
    return Schedule(
        today=inputs.today,
        days=_days(run),
        interviews=reports,
        late=late,
        not_needed=run.work.not_needed,
    )


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
                Session(
                    job.kind,
                    job.id,
                    minutes,
                    job.rounds,
                    part=seen[j],
                    parts=parts[j],
                    from_outline=job.from_outline,
                )
            )
        days.append(
            Day(
                date=date,
                capacity=calendar.capacity[k],
                sessions=tuple(sessions),
                off=calendar.capacity[k] == 0,
                interviews=tuple(calendar.interviews[k]),
                mock_for=tuple(calendar.mock_for[k]),
                worked=calendar.worked if k == 0 else 0,
            )
        )
    return tuple(days)
