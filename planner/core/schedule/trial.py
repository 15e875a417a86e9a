"""Checking a fix without placing the whole schedule again: the work is listed again as a
replan would list it (with the items dropped skipped, or the plan's minutes raised), and
only the required work due by the interview is placed, on the days up to its deadline.

Work of later interviews never takes time that earlier work could use (work is taken by
deadline), so it can be left out of the check; so can optional work. The check places
what the schedule would when time is short (every minute used, work more interviews need
first).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from planner.core.plan import Plan
from planner.core.progress import Progress
from planner.core.schedule.placement import Placement, place
from planner.core.schedule.run import unplaced
from planner.core.schedule.types import PlannedReview
from planner.core.syllabus.model import Syllabus


@dataclass(frozen=True, slots=True)
class Inputs:
    """What a schedule was made from."""

    syllabus: Syllabus
    plan: Plan
    progress: Progress
    today: dt.date
    reviews: Sequence[PlannedReview]


def feasible_with(
    inputs: Inputs,
    interview: int,
    *,
    dropped: Collection[str] = (),
    plan: Plan | None = None,
    outline: frozenset[str] = frozenset(),
) -> bool:
    """Would the interview (its index among the upcoming ones) have all the required work
    it needs done by its deadline day, with the items `dropped` skipped and with `plan`
    instead of the plan?"""
    progress = inputs.progress
    if dropped:
        items = dict(progress.items)
        for item_id in dropped:
            items[item_id] = dataclasses.replace(progress.of(item_id), skipped=True)
        progress = dataclasses.replace(progress, items=items)
    run = unplaced(
        inputs.syllabus, plan or inputs.plan, progress, inputs.today, inputs.reviews, outline
    )
    last = run.deadline_days[interview]
    jobs = run.work.jobs
    active = [j.idx for j in jobs if not j.optional and j.deadline <= last]
    days = max(0, min(last + 1, len(run.calendar)))
    if days == 0:
        return not any(interview in jobs[j].needed_by for j in active)
    state = Placement.empty(run.calendar.free[:days], jobs)
    low, high = run.sessions
    place(jobs, active, state, low, high, run.lanes_worked, weighted=True, fill_rest=True)
    return all(state.remaining[j] == 0 for j in active if interview in jobs[j].needed_by)
