"""Whether work pinned or pushed to a day can still be scheduled for an interview that needs
it: the scheduler takes it from that day on (a pin on a day without study time waits for
the next study day), and drops it once the last study day of every interview needing it
has passed. A pin or push past that point is allowed (it is the person's choice) and
said to leave the item out of the plan."""

from __future__ import annotations

import datetime as dt

from planner.core.labels import without_controls
from planner.core.plan import Interview, Plan
from planner.core.syllabus.model import Syllabus


def last_study_day(plan: Plan, interview: Interview) -> dt.date:
    """The last day work for `interview` may be done: the day before its mock days."""
    return interview.date - dt.timedelta(days=plan.options.mock_days + 1)


def out_of_reach(syllabus: Syllabus, plan: Plan | None, any_id: str, day: dt.date) -> str | None:
    """Why an item taken from `day` on will not be scheduled for any interview that needs it
    (by its rounds): there is no study day from `day` to the last one of those interviews.
    None when there is one, or when no interview needs it at all."""
    if plan is None:
        return None
    item = syllabus.item(any_id)
    practice = syllabus.practice_item(any_id)
    rounds = set(item.rounds if item else practice.rounds if practice else ())
    needing = [i for i in plan.interviews if rounds.intersection(i.rounds)]
    if not needing:
        return None
    last = max(needing, key=lambda i: (last_study_day(plan, i), i.name))
    blocked = {
        i.date - dt.timedelta(days=back)
        for i in plan.interviews
        for back in range(plan.options.mock_days + 1)
    }
    on = day
    while on <= last_study_day(plan, last):
        if on not in blocked and plan.capacity(on) > 0:
            return None
        on += dt.timedelta(days=1)
    name = without_controls(last.name)
    return (
        f"it will not be scheduled: no study day from {day:%a %d %b} to {name} "
        f"({last.date:%a %d %b}), the last interview that needs it"
    )
