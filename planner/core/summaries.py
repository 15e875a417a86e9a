"""What the screens display, computed from the core objects: progress per node of the
syllabus tree, today's rows and minutes, the next interview, whether the plan is on track.

Pure functions over (syllabus, plan, progress, schedule, today); the TUI only renders them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from planner.core.labels import format_minutes, resource_title, session_title, title_of
from planner.core.plan import Interview, Plan
from planner.core.progress import Progress, WorkEntry, WorkKind
from planner.core.schedule_types import Day, InterviewReport, Schedule, Session
from planner.core.syllabus import Syllabus


@dataclass(frozen=True, slots=True)
class NodeProgress:
    """Progress over a set of study items (a round, a resource, one item)."""

    done: int
    total: int
    minutes_left: int

    @property
    def text(self) -> str:
        """ "7/11 done, 5h10m left" (or "all 11 done")."""
        if self.total and self.done == self.total:
            return f"all {self.total} done" if self.total > 1 else "done"
        return f"{self.done}/{self.total} done, {format_minutes(self.minutes_left)} left"


def node_progress(syllabus: Syllabus, progress: Progress, item_ids: Iterable[str]) -> NodeProgress:
    """Done count and minutes left over `item_ids` (unknown ids are ignored)."""
    done = total = left = 0
    for item_id in item_ids:
        item = syllabus.item(item_id)
        if item is None:
            continue
        total += 1
        if progress.is_done(item_id):
            done += 1
        else:
            left += progress.remaining(item_id, item.minutes)
    return NodeProgress(done=done, total=total, minutes_left=left)


def needed_rounds(plan: Plan | None) -> frozenset[str]:
    """Rounds of any interview of the plan."""
    if plan is None:
        return frozenset()
    return frozenset(r for interview in plan.interviews for r in interview.rounds)


def is_needed(syllabus: Syllabus, plan: Plan | None, item_id: str) -> bool:
    """Whether a study item serves a round of any interview (else it is not scheduled)."""
    item = syllabus.item(item_id)
    if item is None:
        return False
    return bool(needed_rounds(plan).intersection(item.rounds))


# --- today ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TodayRow:
    """One line of the Today list: a session still planned today, or work already done."""

    kind: WorkKind
    """What the row is: a session kind, or "coding" for a coding attempt made today."""
    id: str
    title: str
    resource: str
    rounds: tuple[str, ...]
    planned_minutes: int
    """Minutes still scheduled today."""
    done_minutes: int
    """Minutes recorded today."""
    done: bool
    """The checkbox: the item is done (study), or work was recorded today (practice)."""
    url: str | None = None

    @property
    def minutes(self) -> int:
        return self.planned_minutes + self.done_minutes


@dataclass(frozen=True, slots=True)
class TodayTotals:
    done_minutes: int
    total_minutes: int

    @property
    def text(self) -> str:
        return f"{format_minutes(self.done_minutes)} of {format_minutes(self.total_minutes)} today"


def today_rows(
    syllabus: Syllabus, schedule: Schedule, progress: Progress, today: dt.date
) -> list[TodayRow]:
    """Today's rows: what was recorded today first (in the order it was recorded), then the
    sessions still planned. A session and work on the same id share one row."""
    done_today: dict[str, int] = {}
    kinds: dict[str, WorkKind] = {}
    for entry in progress.work:
        if entry.on == today:
            done_today[entry.id] = done_today.get(entry.id, 0) + entry.minutes
            kinds.setdefault(entry.id, entry.kind)
    planned: dict[str, int] = {}
    sessions: dict[str, Session] = {}
    first: Session
    day = schedule.day(today)
    for first in day.sessions if day is not None else ():
        planned[first.id] = planned.get(first.id, 0) + first.minutes
        sessions.setdefault(first.id, first)
    order = [i for i in done_today if done_today[i] != 0 or i not in planned]
    order += [i for i in planned if i not in order]
    rows: list[TodayRow] = []
    for any_id in order:
        session = sessions.get(any_id)
        kind = session.kind if session is not None else kinds.get(any_id, "study")
        item = syllabus.item(any_id)
        practice = syllabus.practice_item(any_id)
        if session is not None:
            title = session_title(syllabus, session)
            rounds = session.rounds
        else:
            title = title_of(syllabus, any_id)
            rounds = item.rounds if item else practice.rounds if practice else ()
        done_minutes = max(0, done_today.get(any_id, 0))
        if kind == "study" and item is not None:
            done = progress.is_done(any_id)
        else:
            done = done_minutes > 0 and any_id not in planned
        rows.append(
            TodayRow(
                kind=kind,
                id=any_id,
                title=title,
                resource=resource_title(syllabus, any_id),
                rounds=tuple(rounds),
                planned_minutes=planned.get(any_id, 0),
                done_minutes=done_minutes,
                done=done,
                url=item.url if item is not None else None,
            )
        )
    return rows


def today_totals(rows: Sequence[TodayRow]) -> TodayTotals:
    done = sum(r.done_minutes for r in rows)
    return TodayTotals(done_minutes=done, total_minutes=done + sum(r.planned_minutes for r in rows))


def next_working_day(schedule: Schedule, today: dt.date) -> Day | None:
    """The first day after today with sessions planned (what "coming up" shows)."""
    return next((d for d in schedule.days if d.date > today and d.sessions), None)


# --- interviews and status -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class NextInterview:
    interview: Interview
    days_left: int

    @property
    def text(self) -> str:
        when = {0: "today", 1: "tomorrow"}.get(self.days_left, f"in {self.days_left} days")
        return f"{self.interview.name} {when} ({self.interview.date:%a %d %b})"


def next_interview(plan: Plan | None, today: dt.date) -> NextInterview | None:
    """The first interview on or after today."""
    if plan is None:
        return None
    coming = sorted((i for i in plan.interviews if i.date >= today), key=lambda i: (i.date, i.name))
    if not coming:
        return None
    return NextInterview(coming[0], (coming[0].date - today).days)


StatusKind = Literal["on-track", "behind", "infeasible", "no-plan"]


@dataclass(frozen=True, slots=True)
class PlanStatus:
    kind: StatusKind
    text: str
    fix: str = ""
    """What would make it feasible, from the scheduler's report ("" when nothing to fix)."""


def _fix_text(syllabus: Syllabus, report: InterviewReport) -> str:
    fixes: list[str] = []
    if report.extra_minutes_per_week:
        fixes.append(f"add {format_minutes(report.extra_minutes_per_week)} a week")
    if report.drop:
        names = [title_of(syllabus, i) for i in report.drop[:3]]
        more = f" and {len(report.drop) - 3} more" if len(report.drop) > 3 else ""
        fixes.append("drop " + "; ".join(names) + more)
    if not fixes:
        return "move the interview later or cut the material"
    return " or ".join(fixes)


def plan_status(syllabus: Syllabus, plan: Plan | None, schedule: Schedule) -> PlanStatus:
    """On track (with the days of slack), behind (short, and more weekly time would fix it) or
    infeasible (no amount of weekly time fixes it), with the fix the scheduler found."""
    coming = [r for r in schedule.interviews if r.date >= schedule.today]
    if plan is None or not plan.interviews:
        return PlanStatus("no-plan", "No interviews planned yet")
    if not coming:
        return PlanStatus("no-plan", "Every planned interview is behind you")
    short = [r for r in coming if not r.feasible]
    if not short:
        slack = min(r.slack_days for r in coming)
        days = "1 day" if slack == 1 else f"{slack} days"
        return PlanStatus("on-track", f"On track, {days} of slack")
    worst = min(short, key=lambda r: (r.date, r.name))
    total_short = sum(r.short_minutes for r in short)
    late = len({late.id for r in short for late in r.late})
    items = f", {late} item{'s' if late != 1 else ''} late" if late else ""
    fix = _fix_text(syllabus, worst)
    if all(r.extra_minutes_per_week is not None for r in short):
        return PlanStatus(
            "behind", f"Behind by {format_minutes(total_short)} for {worst.name}{items}", fix
        )
    return PlanStatus(
        "infeasible",
        f"Infeasible: {format_minutes(total_short)} short for {worst.name}{items}",
        fix,
    )


# --- schedule agenda -----------------------------------------------------------------------


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
                AgendaEntry(s.kind, s.id, session_title(syllabus, s), s.minutes) for s in sessions
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
                )
            )
        day += dt.timedelta(days=1)
    return days


# --- item detail ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ItemFacts:
    """What the item detail screen lists about one study item."""

    title: str
    resource: str
    url: str | None
    rounds: tuple[str, ...]
    minutes: int
    status: str
    prerequisites: tuple[tuple[str, str, bool], ...]
    """(id, title, done) of each required item."""
    practice: tuple[tuple[str, str], ...]
    """(id, prompt) of the practice items that learn from it."""
    planned: tuple[tuple[dt.date, int], ...]
    """(date, minutes) of its coming sessions."""


def item_facts(
    syllabus: Syllabus, progress: Progress, schedule: Schedule, item_id: str
) -> ItemFacts | None:
    item = syllabus.item(item_id)
    if item is None:
        return None
    p = progress.of(item_id)
    if p.done:
        status = f"done{f' on {p.done_on:%a %d %b}' if p.done_on else ''}"
    elif p.skipped:
        status = "skipped"
    else:
        left = progress.remaining(item_id, item.minutes)
        status = f"{format_minutes(p.minutes_spent)} spent, {format_minutes(left)} left"
    rounds = tuple(
        (r.name if (r := syllabus.round(round_id)) else round_id) for round_id in item.rounds
    )
    return ItemFacts(
        title=item.title,
        resource=item.resource.title,
        url=item.url,
        rounds=rounds,
        minutes=item.minutes,
        status=status,
        prerequisites=tuple(
            (req, title_of(syllabus, req), progress.is_done(req)) for req in item.requires
        ),
        practice=tuple((q.id, q.prompt) for q in syllabus.practice if item_id in q.learn_from),
        planned=tuple((day, s.minutes) for day, s in schedule.sessions_of(item_id)),
    )
