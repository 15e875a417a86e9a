"""Checking a fix without placing the whole schedule again: the work is listed again as a
replan would list it (with the items dropped skipped, or the plan's minutes raised), and
only the required work due by the interview is placed, on the days up to its deadline.

Work of later interviews never takes time that earlier work could use (work is taken by
deadline), so it can be left out of the check; so can optional work. Everything else is
placed as the schedule itself would be (`run_schedule` with `until`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from planner.core.plan import Plan
from planner.core.progress import Progress
from planner.core.schedule.run import run_schedule
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
) -> bool:
    """Would the interview (its index among the upcoming ones) have all the required work
    it needs done by its deadline day, with the items `dropped` skipped and with `plan`
    instead of the plan? Placed as the schedule would be (`run_schedule`), but only the
    required work due by the interview, on the days up to it."""
    progress = inputs.progress
    if dropped:
        items = dict(progress.items)
        for item_id in dropped:
            items[item_id] = dataclasses.replace(progress.of(item_id), skipped=True)
        progress = dataclasses.replace(progress, items=items)
    run = run_schedule(
        inputs.syllabus,
        plan or inputs.plan,
        progress,
        inputs.today,
        inputs.reviews,
        until=interview,
    )
    return run.feasible(interview)
