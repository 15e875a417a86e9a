"""The schedule as a Markdown document: interviews, then a checklist per week and day."""

from __future__ import annotations

import datetime as dt
from itertools import groupby

from planner.core.labels import format_minutes
from planner.core.plan import Plan
from planner.core.progress import Progress
from planner.core.schedule.agenda import AgendaDay, AgendaEntry, agenda
from planner.core.schedule.standing import report_text
from planner.core.schedule.types import Schedule
from planner.core.syllabus.model import Syllabus
from planner.core.syllabus.titles import title_of
from planner.exports import ExportSource, current_schedule


def _week_start(day: AgendaDay) -> dt.date:
    return day.week_start


def _day_lines(day: AgendaDay) -> list[str]:
    """A day's heading (minutes done and planned of its capacity) and its checklist."""
    marks = []
    if day.interviews:
        marks.append("interview: " + ", ".join(day.interviews))
    if day.mock_for:
        marks.append("mock day")
    if day.off:
        marks.append(f"{_escape(day.holiday)}, day off" if day.holiday else "day off")
    suffix = f" ({'; '.join(marks)})" if marks else ""
    used = f"{format_minutes(day.used)} / {format_minutes(day.capacity)}"
    lines = [f"### {day.date.strftime('%a %d %b %Y')}: {used}{suffix}", ""]
    for entry in day.entries:
        lines.append(_entry_line(entry))
    if day.entries:
        lines.append("")
    return lines


def _entry_line(entry: AgendaEntry) -> str:
    what = [format_minutes(entry.minutes), entry.kind]
    if entry.from_outline:
        what.append("from the answer outline")
    if entry.done and entry.partial:
        what.append("not finished")
    if entry.late_after is not None:
        what.append(f"late: due {entry.late_after.isoformat()}")
    box = "[x]" if entry.done else "[ ]"
    return f"- {box} {_escape(entry.title)} ({', '.join(what)})"


def _escape(text: str) -> str:
    """Keep user text literal in Markdown (titles may hold `*`, `_`, `[`...)."""
    for ch in "\\`*_[]<>#|":
        text = text.replace(ch, "\\" + ch)
    return text


def schedule_to_markdown(
    schedule: Schedule,
    syllabus: Syllabus,
    plan: Plan | None = None,
    progress: Progress | None = None,
) -> str:
    """Interviews with their standing, then every day of the preparation: the work done on
    past days and today (`- [x]`), then what is planned (`- [ ]`)."""
    progress = progress or Progress()
    out: list[str] = [f"# {_escape(syllabus.title or 'Interview preparation')}", ""]
    out.append(f"Plan as of {schedule.today.isoformat()}.")
    out.append("")
    if schedule.interviews:
        out += ["## Interviews", ""]
        for r in schedule.interviews:
            status = report_text(r)
            rounds = ", ".join(r.rounds)
            out.append(f"- **{_escape(r.name)}**, {r.date.isoformat()} ({rounds}): {status}")
            if not r.feasible and r.extra_minutes_per_week:
                extra = format_minutes(r.extra_minutes_per_week)
                out.append(f"  - fix: add {extra} a week")
            if not r.feasible and r.drop:
                titles = "; ".join(_escape(title_of(syllabus, i)) for i in r.drop)
                out.append(f"  - or drop: {titles}")
        out.append("")
    for week, days in groupby(agenda(syllabus, plan, schedule, progress), key=_week_start):
        out += [f"## Week of {week.isoformat()}", ""]
        for day in days:
            out += _day_lines(day)
    if schedule.not_needed:
        out += ["## Not needed for your interviews", ""]
        out += [f"- {_escape(i)}" for i in schedule.not_needed]
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def export_markdown(source: ExportSource) -> str:
    """`planner export markdown`: the current schedule from today."""
    current = current_schedule(source)
    return schedule_to_markdown(current.schedule, current.syllabus, current.plan, current.progress)
