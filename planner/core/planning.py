"""The whole schedule as the person sees it: spaced-repetition reviews planned first, then
study, drills and mocks around them. The one entry point for the CLI, the TUI and exports.

The search for fixes of an interview that does not fit places its work again several
times; what only needs the days (Today, `planner today`, a tick) asks for the schedule
without it (`fixes=False`) and gets the fixes later, if at all, from `with_fixes`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from planner.core.plan import Plan
from planner.core.progress import Progress
from planner.core.schedule.types import PlannedReview, Schedule
from planner.core.syllabus.model import Syllabus

if TYPE_CHECKING:
    from planner.core.schedule.scheduler import Draft


def full_schedule(
    syllabus: Syllabus, plan: Plan, progress: Progress, today: dt.date, *, fixes: bool = True
) -> Schedule:
    """`schedule()` with the reviews of `review_plan()` reserved in each day's capacity."""
    return reviews_and_schedule(syllabus, plan, progress, today, fixes=fixes)[1]


def reviews_and_schedule(
    syllabus: Syllabus,
    plan: Plan,
    progress: Progress,
    today: dt.date,
    *,
    fixes: bool = True,
    first: Draft | None = None,
) -> tuple[list[PlannedReview], Schedule]:
    """The reviews planned and the schedule made around them; with `fixes`, each interview
    that does not fit has its fixes searched. The draft the review plan made around the
    same reviews is used as it is when nothing more is asked of it. `first`: the first
    pass of the review plan (`draft` of these inputs, no reviews), when it is made already."""
    from planner.core.practice.review import reviews_and_draft
    from planner.core.schedule.scheduler import draft_schedule, schedule
    from planner.core.syllabus.collector import collector_paused

    # (paused for the whole: between the passes, the collector would walk the work of the
    # pass before, alive until the end, again and again)
    with collector_paused():
        reviews, draft = reviews_and_draft(syllabus, plan, progress, today, first)
        if draft is not None and (draft.feasible or not fixes):
            return reviews, draft
        make = schedule if fixes else draft_schedule
        return reviews, make(syllabus, plan, progress, today, reviews)


def with_fixes(
    syllabus: Syllabus,
    plan: Plan,
    progress: Progress,
    today: dt.date,
    reviews: Sequence[PlannedReview],
    draft: Schedule,
) -> Schedule:
    """`draft` (made without fixes around `reviews`) with the fixes of every interview that
    does not fit; `draft` itself when there is nothing to search."""
    if all(r.fixes_searched for r in draft.interviews):
        return draft
    from planner.core.schedule.scheduler import schedule

    return schedule(syllabus, plan, progress, today, reviews)
