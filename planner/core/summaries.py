"""What Today displays, computed from the core objects: today's rows and minutes, the next
interview, whether the plan is on track. The other screens' summaries are in
`syllabus.node_progress`, `schedule.agenda` and `schedule.item_facts` (imported only when
those screens are shown).

Pure functions over (syllabus, plan, progress, schedule, today); the TUI only renders them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Literal

from planner.core.labels import format_minutes
from planner.core.plan import Interview, Plan
from planner.core.progress import Progress, WorkKind
from planner.core.schedule.titles import KIND_LABELS, session_title
from planner.core.schedule.types import Day, InterviewReport, Schedule, Session
from planner.core.syllabus.model import Syllabus
from planner.core.syllabus.titles import resource_title, title_of

OUTLINE_RESOURCE = "answer outline"
"""What a drill from its answer outline is practised from (Today's resource column)."""


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
    """Today's minutes: done against the day's capacity (the plan's minutes for today)."""

    done_minutes: int
    planned_minutes: int
    """Still planned today."""
    capacity: int

    @property
    def over_minutes(self) -> int:
        """Minutes done beyond the day's capacity."""
        return max(0, self.done_minutes - self.capacity)

    @property
    def fraction(self) -> float:
        """Done out of capacity (1 and more when the day is used up or ran over)."""
        if self.capacity <= 0:
            return 1.0 if self.done_minutes else 0.0
        return self.done_minutes / self.capacity

    @property
    def text(self) -> str:
        done, capacity = format_minutes(self.done_minutes), format_minutes(self.capacity)
        if self.capacity <= 0:
            return f"{done} today, a day off" if self.done_minutes else "A day off"
        over = f", {format_minutes(self.over_minutes)} over" if self.over_minutes else ""
        return f"{done} of {capacity} today{over}"


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
            title = session_title(syllabus, session, labelled=False)
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
                resource=_resource(syllabus, any_id, kind, session),
                rounds=tuple(rounds),
                planned_minutes=planned.get(any_id, 0),
                done_minutes=done_minutes,
                done=done,
                url=item.url if item is not None else None,
            )
        )
    return rows


def _resource(syllabus: Syllabus, any_id: str, kind: WorkKind, session: Session | None) -> str:
    """What a Today row is worked from: the study item's resource, else what kind of
    practice it is ("Drill from the answer outline" for one drilled before its reading)."""
    if kind == "study":
        return resource_title(syllabus, any_id)
    label = KIND_LABELS.get(kind, kind.capitalize())
    return f"{label} from the {OUTLINE_RESOURCE}" if session and session.from_outline else label


def today_totals(rows: Sequence[TodayRow], capacity: int) -> TodayTotals:
    """The minutes of Today's rows against the day's `capacity`."""
    return TodayTotals(
        done_minutes=sum(r.done_minutes for r in rows),
        planned_minutes=sum(r.planned_minutes for r in rows),
        capacity=capacity,
    )


def today_capacity(schedule: Schedule, plan: Plan | None, today: dt.date) -> int:
    """The minutes the plan gives today (those of the schedule's day when it has one)."""
    day = schedule.day(today)
    if day is not None:
        return day.capacity
    return plan.capacity(today) if plan is not None else 0


def provisional_schedule(schedule: Schedule, progress: Progress, today: dt.date) -> Schedule:
    """`schedule` (made before the latest actions) as it may be shown until the schedule of
    `progress` is made: today's sessions of items done, skipped, pushed past today or pinned
    to another day since are left out, so that today's rows and totals show those actions
    (and do not count minutes twice)."""

    def still_today(session: Session) -> bool:
        state = progress.of(session.id)
        if session.kind == "study" and (state.done or state.skipped):
            return False
        pushed = progress.pushed.get(session.id)
        pinned = progress.pinned.get(session.id)
        return (pushed is None or pushed <= today) and (pinned is None or pinned == today)

    days = list(schedule.days)
    for k, day in enumerate(days):
        if day.date == today:
            days[k] = replace(day, sessions=tuple(s for s in day.sessions if still_today(s)))
    return replace(schedule, days=tuple(days))


def reviews_today_text(due: Sequence[str], schedule: Schedule, today: dt.date) -> str:
    """How many of the `due` reviews today holds (the review rows Today lists), and how many
    more are due than today's time holds: "7 reviews today (2 more due, no time today)"."""
    day = schedule.day(today)
    planned = {s.id for s in day.sessions if s.kind == "review"} if day is not None else set()
    held = sum(1 for pid in due if pid in planned)
    more = len(due) - held
    text = f"{held} review{'' if held == 1 else 's'} today"
    return text + (f" ({more} more due, no time today)" if more else "")


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


FIXES_PENDING = "looking for fixes…"
"""The fix text while the search for fixes has not been made yet (the app makes it in the
background)."""


def fix_text(syllabus: Syllabus, report: InterviewReport) -> str:
    """What would make the interview fit, in words (item titles, not ids)."""
    if not report.fixes_searched:
        return FIXES_PENDING
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
    infeasible (no amount of weekly time fixes it), with the fix the scheduler found. When
    several interviews are short, the first one is described and its fix given; the others
    are named after it (each interview's shortfall is its own, never a sum)."""
    if plan is None or not plan.interviews:
        return PlanStatus("no-plan", "No interviews planned yet")
    # An interview today has no study days left: it is named, not judged.
    today = [r.name for r in schedule.interviews if r.date == schedule.today]
    coming = [r for r in schedule.interviews if r.date > schedule.today]
    if today and not coming:
        return PlanStatus("on-track", f"Interview today: {', '.join(today)}")
    if not coming:
        return PlanStatus("no-plan", "Every planned interview is behind you")
    status = _coming_status(syllabus, coming)
    if today:
        return PlanStatus(
            status.kind, f"Interview today: {', '.join(today)}. Next: {status.text}", status.fix
        )
    return status


def first_short(schedule: Schedule) -> InterviewReport | None:
    """The interview `plan_status` describes when some do not fit: the first still to come
    (after today) that does not fit; None when all of them fit."""
    return _earliest_short(r for r in schedule.interviews if r.date > schedule.today)


def _earliest_short(reports: Iterable[InterviewReport]) -> InterviewReport | None:
    return min((r for r in reports if not r.feasible), key=lambda r: (r.date, r.name), default=None)


def _coming_status(syllabus: Syllabus, coming: list[InterviewReport]) -> PlanStatus:
    first = _earliest_short(coming)  # (the interview of `first_short`)
    if first is None:
        slack = min(r.slack_days for r in coming)
        days = "1 day" if slack == 1 else f"{slack} days"
        return PlanStatus("on-track", f"On track, {days} of slack")
    late = len({x.id for x in first.late})
    items = f", {late} item{'s' if late != 1 else ''} late" if late else ""
    others = [r for r in coming if not r.feasible and r is not first]
    also = ""
    if len(others) == 1:
        other = others[0]
        hopeless = (
            " (infeasible)" if other.fixes_searched and other.extra_minutes_per_week is None else ""
        )
        also = f"; {other.name} {format_minutes(other.short_minutes)} short{hopeless}"
    elif others:
        also = f"; {len(others)} more interviews short"
    fix = fix_text(syllabus, first)
    if others:
        fix = f"{fix} (for {first.name})"
    short_by = format_minutes(first.short_minutes)
    if first.extra_minutes_per_week is not None or not first.fixes_searched:
        return PlanStatus("behind", f"Behind by {short_by} for {first.name}{items}{also}", fix)
    return PlanStatus(
        "infeasible", f"Infeasible: {short_by} short for {first.name}{items}{also}", fix
    )
