"""The Schedule screen's agenda: each day's planned sessions and, for past days, what was
actually done."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from planner.core.plan import Plan
from planner.core.progress import Progress, WorkEntry
from planner.core.schedule.titles import session_title
from planner.core.schedule.types import Schedule
from planner.core.syllabus.model import Syllabus
from planner.core.syllabus.titles import title_of


@dataclass(frozen=True, slots=True)
class AgendaEntry:
    """One line under a day of the agenda: a planned session or work actually done."""

    kind: str
    id: str
    title: str
    minutes: int
    done: bool = False
    """Work actually recorded (not a plan)."""
    partial: bool = False
    """Recorded work on a study item that was not finished that day (shown as progress,
    not as a tick)."""
    from_outline: bool = False
    """A drill from the answer outline (before the items that teach it)."""
    late_after: dt.date | None = None
    """A planned session after the last day its work was due by (late), that day."""


def _finished_on(progress: Progress, entry: WorkEntry) -> bool:
    """Whether recorded work finished its item that day (practice work always counts)."""
    if entry.kind != "study":
        return True
    item = progress.items.get(entry.id)
    return item is not None and item.done and item.done_on == entry.on


@dataclass(frozen=True, slots=True)
class AgendaDay:
    date: dt.date
    capacity: int
    used: int
    entries: tuple[AgendaEntry, ...]
    past: bool
    off: bool
    interviews: tuple[str, ...] = ()
    mock_for: tuple[str, ...] = ()
    holiday: str | None = None
    """The public holiday the plan takes off on this day."""

    @property
    def week_start(self) -> dt.date:
        return self.date - dt.timedelta(days=self.date.weekday())


def agenda(
    syllabus: Syllabus, plan: Plan | None, schedule: Schedule, progress: Progress
) -> list[AgendaDay]:
    """Every day from the plan's start (or the first recorded work) to the last interview:
    past days with the work actually done, today and later with the scheduled sessions."""
    today = schedule.today
    work_by_day: dict[dt.date, list[WorkEntry]] = {}
    for entry in progress.work:
        work_by_day.setdefault(entry.on, []).append(entry)
    starts = [d for d in work_by_day if d < today]
    if plan is not None and plan.start is not None and plan.start < today:
        starts.append(plan.start)
    first = min(starts, default=today)
    interviews_on: dict[dt.date, list[str]] = {}
    for interview in plan.interviews if plan is not None else ():
        interviews_on.setdefault(interview.date, []).append(interview.name)
    due_by = {late.id: late.deadline for late in schedule.late}
    last_candidates = [d.date for d in schedule.days] + list(interviews_on) + [today]
    last = max(last_candidates)
    days: list[AgendaDay] = []
    day = first
    while day <= last:
        capacity = plan.capacity(day) if plan is not None else 0
        off = plan.is_day_off(day) if plan is not None else False
        if day < today:
            merged: dict[str, AgendaEntry] = {}
            for entry in work_by_day.get(day, []):
                prev = merged.get(entry.id)
                minutes = entry.minutes + (prev.minutes if prev else 0)
                merged[entry.id] = AgendaEntry(
                    entry.kind,
                    entry.id,
                    title_of(syllabus, entry.id),
                    minutes,
                    True,
                    partial=not _finished_on(progress, entry),
                )
            entries = tuple(e for e in merged.values() if e.minutes > 0)
            days.append(
                AgendaDay(
                    day,
                    capacity,
                    sum(e.minutes for e in entries),
                    entries,
                    True,
                    off,
                    tuple(interviews_on.get(day, ())),
                )
            )
        else:
            scheduled = schedule.day(day)
            sessions = scheduled.sessions if scheduled is not None else ()
            done_here = [e for e in work_by_day.get(day, []) if e.minutes > 0]
            done_entries = tuple(
                AgendaEntry(
                    e.kind,
                    e.id,
                    title_of(syllabus, e.id),
                    e.minutes,
                    True,
                    partial=not _finished_on(progress, e),
                )
                for e in done_here
            )
            planned_entries = tuple(
                AgendaEntry(
                    s.kind,
                    s.id,
                    session_title(syllabus, s, labelled=False),
                    s.minutes,
                    from_outline=s.from_outline,
                    late_after=due if (due := due_by.get(s.id)) is not None and day > due else None,
                )
                for s in sessions
            )
            entries = done_entries + planned_entries
            days.append(
                AgendaDay(
                    date=day,
                    capacity=scheduled.capacity if scheduled is not None else capacity,
                    used=sum(e.minutes for e in entries),
                    entries=entries,
                    past=False,
                    off=(scheduled.off if scheduled is not None else off),
                    interviews=tuple(interviews_on.get(day, ())),
                    mock_for=scheduled.mock_for if scheduled is not None else (),
                    holiday=plan.holiday(day) if plan is not None else None,
                )
            )
        day += dt.timedelta(days=1)
    return days


# --- item detail ---------------------------------------------------------------------------
