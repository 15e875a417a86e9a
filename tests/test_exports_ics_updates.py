"""`planner export ics` as a calendar that updates: DTSTAMP the export time, SEQUENCE and
LAST-MODIFIED that change only with an event's content, timed events at `--at HH:MM` in
the local time zone with its VTIMEZONE (across a daylight-saving change), and a second,
independent parser (the `ics` package) that reads the same events."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import ics
import pytest
from click.testing import CliRunner
from icalendar import Calendar

from planner.cli import cli
from planner.exports import ics as ics_export

NEW_YORK = ZoneInfo("America/New_York")


class Clock:
    def __init__(self) -> None:
        self.now = dt.datetime(2026, 10, 25, 21, 0, tzinfo=dt.UTC)

    def __call__(self) -> dt.datetime:
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    moments = Clock()
    monkeypatch.setattr(ics_export, "_now", moments)
    monkeypatch.setenv("PLANNER_TODAY", "2026-10-25")
    monkeypatch.setenv("TZ", "America/New_York")
    return moments


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


def events(text: str) -> dict[str, dict[str, object]]:
    found = {}
    for event in Calendar.from_ical(text).walk("VEVENT"):
        found[str(event["uid"])] = {
            "stamp": event.decoded("dtstamp"),
            "sequence": int(event["sequence"]),
            "modified": event.decoded("last-modified"),
            "start": event.decoded("dtstart"),
            "end": event.decoded("dtend"),
            "summary": str(event["summary"]),
            "description": str(event["description"]),
        }
    return found


def init() -> None:
    run("init", "--interview", "Onsite=2026-11-10:ml-coding", "--minutes", "mon-sun=60")


def test_dtstamp_is_the_export_time_and_nothing_changes_without_a_change(clock: Clock) -> None:
    init()
    first = events(run("export", "ics"))
    clock.now += dt.timedelta(hours=3)
    second = events(run("export", "ics"))
    assert first.keys() == second.keys() and len(first) > 10
    for uid, event in second.items():
        assert event["stamp"] == clock.now
        assert event["sequence"] == first[uid]["sequence"] == 0
        assert event["modified"] == first[uid]["modified"] == clock.now - dt.timedelta(hours=3)


def test_a_tick_bumps_sequence_and_last_modified_of_the_changed_events_only(
    clock: Clock,
) -> None:
    import json

    init()
    before = events(run("export", "ics"))
    first = json.loads(run("today", "--json"))["days"][0]["sessions"][0]["id"]
    run("done", first)
    clock.now += dt.timedelta(days=1)
    after = events(run("export", "ics"))
    fields = ("summary", "description", "start", "end")
    changed = [
        uid
        for uid in after
        if uid in before and any(after[uid][f] != before[uid][f] for f in fields)
    ]
    assert changed, "a tick changes at least one day"
    for uid, event in after.items():
        if uid in changed:
            assert event["sequence"] == 1 and event["modified"] == clock.now
        elif uid in before:
            assert event["sequence"] == 0 and event["modified"] == before[uid]["modified"]
        else:
            assert event["sequence"] == 0


def test_the_sequence_goes_on_from_the_kept_state(clock: Clock, data_dir: Path) -> None:
    init()
    run("export", "ics")
    assert (data_dir / "calendar.json").is_file()
    run("init", "--interview", "Onsite=2026-11-10:ml-coding", "--minutes", "mon-sun=30")
    clock.now += dt.timedelta(hours=1)
    bumped = events(run("export", "ics"))
    run("init", "--interview", "Onsite=2026-11-10:ml-coding", "--minutes", "mon-sun=60")
    clock.now += dt.timedelta(hours=1)
    back = events(run("export", "ics"))
    day = "day-2026-10-26@planner.local"
    assert bumped[day]["sequence"] == 1 and back[day]["sequence"] == 2
    (data_dir / "calendar.json").write_text("{not json", encoding="utf-8")
    assert events(run("export", "ics"))[day]["sequence"] == 0  # a lost state starts again


def test_timed_events_keep_their_local_time_across_a_daylight_saving_change(
    clock: Clock,
) -> None:
    init()
    text = run("export", "ics", "--at", "19:30")
    calendar = Calendar.from_ical(text)
    zones = list(calendar.walk("VTIMEZONE"))
    assert [str(z["tzid"]) for z in zones] == ["America/New_York"]
    assert {c.name for c in zones[0].subcomponents} == {"STANDARD", "DAYLIGHT"}
    found = events(text)
    before = found["day-2026-10-31@planner.local"]["start"]
    after = found["day-2026-11-02@planner.local"]["start"]
    assert isinstance(before, dt.datetime) and isinstance(after, dt.datetime)
    assert (before.hour, before.minute, after.hour, after.minute) == (19, 30, 19, 30)
    assert before.utcoffset() == dt.timedelta(hours=-4)
    assert after.utcoffset() == dt.timedelta(hours=-5)
    assert "DTSTART;TZID=America/New_York:20261031T193000" in text
    interview = next(v for k, v in found.items() if k.startswith("interview-"))
    assert interview["start"] == dt.date(2026, 11, 10)  # interviews stay all-day
    # the second parser reads the same events at the same instants
    other = {e.uid: e for e in ics.Calendar(text).events}
    assert other.keys() == found.keys()
    assert other["day-2026-11-02@planner.local"].begin.datetime == after.astimezone(NEW_YORK)
    assert other["day-2026-10-31@planner.local"].begin.utcoffset() == dt.timedelta(hours=-4)


def test_the_all_day_calendar_reads_the_same_in_the_second_parser(clock: Clock) -> None:
    init()
    text = run("export", "ics")
    found = events(text)
    other = {e.uid: e for e in ics.Calendar(text).events}
    assert other.keys() == found.keys()
    for uid, event in other.items():
        assert event.name == found[uid]["summary"]
        assert event.all_day


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["export", "ics", "--at", "25:00"], "is not a time of day"),
        (["export", "ics", "--at", "7pm"], "is not a time of day"),
        (["export", "markdown", "--at", "19:00"], "--at is for 'export ics' only"),
    ],
)
def test_a_bad_study_time_is_a_usage_error(args: list[str], message: str, clock: Clock) -> None:
    init()
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2 and message in result.output
