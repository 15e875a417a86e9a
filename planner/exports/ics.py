"""The schedule as an iCalendar file a calendar can subscribe to or import again: one
event per study day (all-day, or at a study time with `--at HH:MM` in the local time zone,
with its VTIMEZONE), one per interview, one per public holiday taken off.

UIDs come from dates and names, so a newer export updates events instead of duplicating
them. DTSTAMP is the export time; SEQUENCE and LAST-MODIFIED change only when an event's
content changes, known from the state of the last export kept in the data folder
(`calendar.json`; derived, never the only copy of anything)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from collections.abc import Mapping
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from planner.core.labels import format_minutes
from planner.core.schedule.standing import report_text
from planner.core.schedule.titles import session_title
from planner.core.schedule.types import Schedule
from planner.core.syllabus.model import Syllabus
from planner.exports import ExportSource, current_schedule

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

PRODID = "-//planner//interview preparation plan//EN"
UID_DOMAIN = "planner.local"
STATE_FILE = "calendar.json"
MIN_TIMED_MINUTES = 15


@dataclass(frozen=True)
class Kept:
    """What the last export said of one event."""

    digest: str
    sequence: int
    modified: str
    """ISO time (UTC) of the export that last changed it."""


@dataclass(frozen=True)
class _Event:
    uid: str
    summary: str
    description: str
    start: dt.date | dt.datetime
    end: dt.date | dt.datetime
    transparent: bool

    def digest(self) -> str:
        content = json.dumps(
            [
                self.summary,
                self.description,
                self.start.isoformat(),
                self.end.isoformat(),
                self.transparent,
            ]
        )
        return hashlib.sha256(content.encode("utf-8")).hexdigest()[:24]


def _interview_uid(name: str, date: dt.date) -> str:
    digest = hashlib.sha1(f"{name}\0{date.isoformat()}".encode()).hexdigest()[:16]
    return f"interview-{digest}@{UID_DOMAIN}"


def local_zone() -> ZoneInfo:
    """The local time zone by name (TZ, else /etc/localtime), UTC when it has none."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    names = [os.environ.get("TZ", "").lstrip(":")]
    with suppress(OSError):
        target = os.path.realpath("/etc/localtime")
        if "zoneinfo/" in target:
            names.append(target.split("zoneinfo/", 1)[1])
    for name in names:
        if name:
            with suppress(ZoneInfoNotFoundError, ValueError):
                return ZoneInfo(name)
    return ZoneInfo("UTC")


def _events(
    schedule: Schedule,
    syllabus: Syllabus,
    holidays: Mapping[dt.date, str],
    at: dt.time | None,
    zone: ZoneInfo | None,
) -> list[_Event]:
    events: list[_Event] = []
    for day in schedule.days:
        if not day.sessions:
            continue
        label = "Mock day" if day.mock_for else "Study"
        count = len(day.sessions)
        sessions = f"{count} session{'' if count == 1 else 's'}"
        lines = [
            f"[{s.kind}] {session_title(syllabus, s)} ({format_minutes(s.minutes)})"
            for s in day.sessions
        ]
        start: dt.date | dt.datetime = day.date
        end: dt.date | dt.datetime = day.date + dt.timedelta(days=1)
        if at is not None:
            start = dt.datetime.combine(day.date, at, tzinfo=zone)
            end = start + dt.timedelta(minutes=max(MIN_TIMED_MINUTES, day.used))
        events.append(
            _Event(
                f"day-{day.date.isoformat()}@{UID_DOMAIN}",
                f"{label}: {sessions}, {format_minutes(day.used)}",
                "\n".join(lines),
                start,
                end,
                transparent=at is None,
            )
        )
    for date, name in sorted(holidays.items()):
        if date >= schedule.today:
            events.append(
                _Event(
                    f"holiday-{date.isoformat()}@{UID_DOMAIN}",
                    f"{name}, day off",
                    "A public holiday: no study planned.",
                    date,
                    date + dt.timedelta(days=1),
                    transparent=True,
                )
            )
    for report in schedule.interviews:
        events.append(
            _Event(
                _interview_uid(report.name, report.date),
                f"Interview: {report.name}",
                f"Rounds: {', '.join(report.rounds)}\nPlan: {report_text(report)}",
                report.date,
                report.date + dt.timedelta(days=1),
                transparent=False,
            )
        )
    return events


def kept_states(
    events: list[_Event], previous: Mapping[str, Kept], now: dt.datetime
) -> dict[str, Kept]:
    """Each event's sequence and last change: as before when its content is the same, the
    next sequence and `now` when it changed, 0 and `now` when it is new."""
    stamp = now.isoformat(timespec="seconds")
    states: dict[str, Kept] = {}
    for event in events:
        digest = event.digest()
        before = previous.get(event.uid)
        if before is None:
            states[event.uid] = Kept(digest, 0, stamp)
        elif before.digest == digest:
            states[event.uid] = before
        else:
            states[event.uid] = Kept(digest, before.sequence + 1, stamp)
    return states


def schedule_to_ics(
    schedule: Schedule,
    syllabus: Syllabus,
    holidays: Mapping[dt.date, str] | None = None,
    *,
    now: dt.datetime,
    previous: Mapping[str, Kept] | None = None,
    at: dt.time | None = None,
    zone: ZoneInfo | None = None,
) -> tuple[str, dict[str, Kept]]:
    """The calendar text and the state of each of its events (to keep for the next one)."""
    from icalendar import Calendar, Event

    if at is not None and zone is None:
        zone = local_zone()
    events = _events(schedule, syllabus, holidays or {}, at, zone)
    states = kept_states(events, previous or {}, now)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Interview preparation")
    for item in events:
        state = states[item.uid]
        event = Event()
        event.add("uid", item.uid)
        event.add("dtstamp", now)
        event.add("last-modified", dt.datetime.fromisoformat(state.modified))
        event.add("sequence", state.sequence)
        event.add("dtstart", item.start)
        event.add("dtend", item.end)
        event.add("summary", item.summary)
        event.add("description", item.description)
        event.add("transp", "TRANSPARENT" if item.transparent else "OPAQUE")
        calendar.add_component(event)
    if at is not None:
        calendar.add_missing_timezones()
    ical: bytes = calendar.to_ical()
    return ical.decode("utf-8"), states


def _state_path(source: ExportSource) -> Path:
    return source.store().path.parent / STATE_FILE


def read_state(path: Path) -> dict[str, Kept]:
    """The kept state of the last export; empty when there is none or it cannot be read."""
    try:
        data: Any = json.loads(path.read_text(encoding="utf-8"))
        return {
            str(uid): Kept(str(v["digest"]), int(v["sequence"]), str(v["modified"]))
            for uid, v in data["events"].items()
        }
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def write_state(path: Path, states: Mapping[str, Kept], previous: Mapping[str, Kept]) -> None:
    """Keep the states of this export (and of earlier events no longer in it, so that an
    event that comes back goes on from its sequence)."""
    from planner.files import write_atomically

    merged = {**previous, **states}
    if merged == dict(previous):
        return
    data = {
        "events": {
            uid: {"digest": k.digest, "sequence": k.sequence, "modified": k.modified}
            for uid, k in sorted(merged.items())
        }
    }
    with suppress(OSError):
        write_atomically(path, json.dumps(data, indent=1) + "\n")


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def export_ics(source: ExportSource) -> str:
    """`planner export ics [--at HH:MM]`: the current schedule from today."""
    current = current_schedule(source)
    path = _state_path(source)
    previous = read_state(path)
    text, states = schedule_to_ics(
        current.schedule,
        current.syllabus,
        current.plan.holiday_names(),
        now=_now(),
        previous=previous,
        at=getattr(source, "export_at", None),
    )
    write_state(path, states, previous)
    return text
