"""`planner plan` and `planner today`: the schedule, as a table or as JSON."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence

import click

from planner.cli import cli
from planner.cli.context import env, fail, global_options
from planner.cli.store_guard import store_errors
from planner.core.labels import format_minutes, without_controls
from planner.core.progress import Progress, WorkEntry
from planner.core.schedule.standing import report_text
from planner.core.schedule.titles import session_title
from planner.core.schedule.types import Day, InterviewReport, Schedule
from planner.core.syllabus.model import Syllabus
from planner.core.syllabus.titles import title_of

NO_PLAN = "no plan yet: run 'planner init' or open 'planner' to set one up"


def _current_schedule(
    *, fixes: bool = True, first_days: int | None = None
) -> tuple[Syllabus, Schedule, int, Progress, dict[dt.date, str]]:
    """The syllabus, the schedule from today (reviews reserved first; with the fixes of
    interviews that do not fit when `fixes`; with `first_days`, only its first days),
    today's capacity, the progress it was made from and the public holidays the plan
    takes off."""
    from planner.caches.schedule import kept_or_computed

    e = env()
    store = e.store()
    with store_errors():
        plan = store.load_plan()
    if plan is None:
        fail(NO_PLAN)
    syllabus = e.syllabus()
    today = e.resolved_today()
    progress = store.load_progress()
    _, sched = kept_or_computed(
        e.schedule_cache(), syllabus, plan, progress, today, fixes=fixes, first_days=first_days
    )
    return syllabus, sched, plan.capacity(today), progress, plan.holiday_names()


@cli.command("plan")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (its shape is in the README).")
@click.option(
    "--days", type=click.IntRange(min=1), default=None, metavar="N", help="Only the first N days."
)
@global_options
def plan_command(as_json: bool, days: int | None) -> None:
    """The schedule, day by day, to the last interview."""
    from planner.exports.plan_json import first_days, plan_document, to_json

    syllabus, sched, _, progress, holidays = _current_schedule()
    shown = first_days(sched, days)
    if as_json:
        click.echo(to_json(plan_document(sched, shown, holidays)), nl=False)
        return
    click.echo(render_text(syllabus, sched, shown, progress.work, holidays=holidays), nl=False)


@cli.command("today")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (its shape is in the README).")
@global_options
def today_command(as_json: bool) -> None:
    """Today's sessions."""
    from planner.exports.plan_json import day_of, plan_document, to_json

    # (the first day is today, or a later one when the plan starts later: not shown then)
    syllabus, sched, capacity, progress, holidays = _current_schedule(fixes=False, first_days=1)
    day = day_of(sched, sched.today, capacity)
    if as_json:
        click.echo(to_json(plan_document(sched, [day], holidays)), nl=False)
        return
    text = render_text(syllabus, sched, [day], progress.work, brief=True, holidays=holidays)
    click.echo(text, nl=False)


def render_text(
    syllabus: Syllabus,
    sched: Schedule,
    days: Iterable[Day],
    work: Sequence[WorkEntry] = (),
    *,
    brief: bool = False,
    holidays: Mapping[dt.date, str] | None = None,
) -> str:
    """A readable table: a line per day (used/capacity, interviews, mock days), the work
    already recorded today, a line per session, then a line per interview with its fixes
    and the late items; `brief`, one line per interview and no more."""
    lines: list[str] = []
    for day in days:
        done = [w for w in work if w.on == day.date] if day.date == sched.today else []
        holiday = (holidays or {}).get(day.date)
        lines.extend(_day_lines(syllabus, day, _done_lines(syllabus, done), holiday))
    if not lines:
        lines.append("no days to show")
    lines.append("")
    if sched.interviews:
        lines.append("Interviews")
        lines.extend(f"  {_interview_line(syllabus, r, brief=brief)}" for r in sched.interviews)
    else:
        lines.append("No interviews yet: everything is scheduled in order, without deadlines.")
    if sched.late and not brief:
        lines.append("")
        lines.append("Late")
        for late in sched.late:
            finishes = late.finishes.isoformat() if late.finishes else "does not fit"
            title = title_of(syllabus, late.id)
            lines.append(f"  {title}  due {late.deadline.isoformat()}, finishes {finishes}")
    return "\n".join(lines) + "\n"


def _done_lines(syllabus: Syllabus, work: Sequence[WorkEntry]) -> list[str]:
    """Work recorded today, merged per id: "    done    45m  Title"."""
    minutes: dict[str, int] = {}
    for entry in work:
        minutes[entry.id] = minutes.get(entry.id, 0) + entry.minutes
    return [
        f"    {'done':<6} {format_minutes(m):>6}  {title_of(syllabus, any_id)}"
        for any_id, m in minutes.items()
        if m > 0
    ]


def _day_lines(
    syllabus: Syllabus, day: Day, done: Sequence[str] = (), holiday: str | None = None
) -> list[str]:
    head = f"{day.date.strftime('%a')} {day.date.isoformat()}"
    if day.interviews:
        notes = f"interview: {', '.join(day.interviews)}"
    elif day.off and not day.sessions:
        notes = f"{without_controls(holiday)}, day off" if holiday else "day off"
    else:
        notes = f"{day.worked + day.used}/{day.capacity} min"
        if day.worked:
            notes += f" ({day.worked} done"
            over = day.worked - day.capacity
            notes += f", {over} over)" if over > 0 else ")"
        if day.mock_for:
            notes += f"  mock day for {', '.join(day.mock_for)}"
    lines = [f"{head}  {notes}", *done]
    for session in day.sessions:
        rounds = f"  [{', '.join(session.rounds)}]" if session.rounds else ""
        # (the kind stands before the title: no "Drill: " in it)
        title = session_title(syllabus, session, labelled=False)
        if session.from_outline:
            title += " (from the answer outline)"
        lines.append(f"    {session.kind:<6} {format_minutes(session.minutes):>6}  {title}{rounds}")
    return lines


def _interview_line(syllabus: Syllabus, report: InterviewReport, *, brief: bool = False) -> str:
    head = f"{report.name} ({report.date.isoformat()}, {', '.join(report.rounds)}): "
    if report.feasible:
        return head + report_text(report)
    late = f"{report_text(report)}, {len(report.late)} late"
    if brief or not report.fixes_searched:
        return head + late + ("; 'planner plan' for the fixes" if brief else "")
    fixes: list[str] = []
    if report.drop:
        fixes.append(f"drop {'; '.join(title_of(syllabus, i) for i in report.drop)}")
    if report.extra_minutes_per_week is not None:
        fixes.append(f"add {format_minutes(report.extra_minutes_per_week)} a week")
    fix = f"; fix: {' or '.join(fixes)}" if fixes else "; no change of items or time fixes it"
    return head + late + fix
