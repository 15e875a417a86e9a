"""The whole schedule as the person sees it: spaced-repetition reviews planned first, then
study, drills and mocks around them. The one entry point for the CLI, the TUI and exports."""

from __future__ import annotations

import datetime as dt

from planner.core.plan import Plan
from planner.core.progress import Progress
from planner.core.schedule.types import Schedule
from planner.core.syllabus.model import Syllabus


def full_schedule(syllabus: Syllabus, plan: Plan, progress: Progress, today: dt.date) -> Schedule:
    """`schedule()` with the reviews of `review_plan()` reserved in each day's capacity."""
    from planner.core.practice.review import review_plan
    from planner.core.schedule.scheduler import schedule

    reviews = review_plan(syllabus, plan, progress, today)
    return schedule(syllabus, plan, progress, today, reviews)
