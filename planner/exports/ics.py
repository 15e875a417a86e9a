"""The schedule as an iCalendar file: one all-day event per study day, one per interview.

UIDs are derived from dates and names, so importing a newer export into a calendar updates
the events instead of duplicating them; DTSTAMP is the schedule's `today`, so the same
state exports byte for byte the same file.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping

from planner.core.labels import format_minutes
from planner.core.schedule.standing import report_text
from planner.core.schedule.titles import session_title
from planner.core.schedule.types import Schedule
from planner.core.syllabus.model import Syllabus
from planner.exports import ExportSource, current_schedule

PRODID = "-//planner//interview preparation plan//EN"
UID_DOMAIN = "planner.local"


def _stamp(schedule: Schedule) -> dt.datetime:
    return dt.datetime.combine(schedule.today, dt.time(0, 0), tzinfo=dt.UTC)


def _interview_uid(name: str, date: dt.date) -> str:
    digest = hashlib.sha1(f"{name}\0{date.isoformat()}".encode()).hexdigest()[:16]
    return f"interview-{digest}@{UID_DOMAIN}"


def schedule_to_ics(
    schedule: Schedule, syllabus: Syllabus, holidays: Mapping[dt.date, str] | None = None
) -> str:
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Interview preparation")
    stamp = _stamp(schedule)
    for day in schedule.days:
        if not day.sessions:
            continue
        event = Event()
        event.add("uid", f"day-{day.date.isoformat()}@{UID_DOMAIN}")
        event.add("dtstamp", stamp)
        event.add("dtstart", day.date)
        event.add("dtend", day.date + dt.timedelta(days=1))
        label = "Mock day" if day.mock_for else "Study"
        count = len(day.sessions)
        sessions = f"{count} session{'' if count == 1 else 's'}"
        event.add("summary", f"{label}: {sessions}, {format_minutes(day.used)}")
        lines = [
            f"[{s.kind}] {session_title(syllabus, s)} ({format_minutes(s.minutes)})"
            for s in day.sessions
        ]
        event.add("description", "\n".join(lines))
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    for date, name in sorted((holidays or {}).items()):
        if date < schedule.today:
            continue
        event = Event()
        event.add("uid", f"holiday-{date.isoformat()}@{UID_DOMAIN}")
        event.add("dtstamp", stamp)
        event.add("dtstart", date)
        event.add("dtend", date + dt.timedelta(days=1))
        event.add("summary", f"{name}, day off")
        event.add("description", "A public holiday: no study planned.")
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    for report in schedule.interviews:
        event = Event()
        event.add("uid", _interview_uid(report.name, report.date))
        event.add("dtstamp", stamp)
        event.add("dtstart", report.date)
        event.add("dtend", report.date + dt.timedelta(days=1))
        event.add("summary", f"Interview: {report.name}")
        status = report_text(report)
        event.add("description", f"Rounds: {', '.join(report.rounds)}\nPlan: {status}")
        calendar.add_component(event)
    ical: bytes = calendar.to_ical()
    return ical.decode("utf-8")


def export_ics(source: ExportSource) -> str:
    """`planner export ics`: the current schedule from today."""
    current = current_schedule(source)
    return schedule_to_ics(current.schedule, current.syllabus, current.plan.holiday_names())
