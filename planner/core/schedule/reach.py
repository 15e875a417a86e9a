"""Whether work pinned or pushed to a day can still be scheduled for an interview that needs
it: the scheduler takes it from that day on (a pin on a day without study time waits for
the next study day), and drops it once the last study day of every interview needing it
(for its own rounds, or for what waits for it: an item that requires it, a question it
teaches) has passed. A pin or push past that point is allowed (it is the person's choice)
and said to leave the item out of the plan."""

from __future__ import annotations

import datetime as dt

from planner.core.labels import without_controls
from planner.core.plan import Plan
from planner.core.progress import Progress
from planner.core.schedule.run import unplaced
from planner.core.syllabus.model import Syllabus


def out_of_reach(
    syllabus: Syllabus,
    plan: Plan | None,
    progress: Progress,
    today: dt.date,
    any_id: str,
    day: dt.date,
) -> str | None:
    """Why an item taken from `day` on will not be scheduled for any interview that needs it:
    no day with study time from `day` to the last study day of those interviews (the
    scheduler's own calendar and needs). None when there is one, or when nothing is left
    of the item for any interview (done, skipped, or needed by none)."""
    if plan is None:
        return None
    run = unplaced(syllabus, plan, progress, today)
    job = next((j for j in run.work.jobs if j.id == any_id), None)
    if job is None or not job.needed_by:
        return None
    last, n = max((due, n) for n, due in job.needed_by.items())
    free = run.calendar.free
    start = max(0, run.calendar.index(day))
    if any(free[k] > 0 for k in range(start, min(last, len(free) - 1) + 1)):
        return None
    interview = run.interviews[n]
    return (
        f"it will not be scheduled: no study day from {day:%a %d %b} to "
        f"{without_controls(interview.name)} ({interview.date:%a %d %b}), the last "
        "interview that needs it"
    )
