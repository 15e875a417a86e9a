"""Public holidays as days off: `planner init --holidays`, plan setup, and the name of the
holiday in `plan`, `plan --json`, the Schedule's agenda, Markdown and ICS."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from icalendar import Calendar

from planner.cli import cli
from planner.core.plan import Interview, Plan
from planner.core.planning import full_schedule
from planner.core.progress import Progress
from planner.core.schedule.agenda import agenda
from planner.core.syllabus.loading import load_syllabus
from planner.holiday_days import HolidaySpecError, normalised, with_holidays
from planner.paths import bundled_syllabus
from planner.store.store import Store
from planner.tui.plan_form import FieldError, build_plan, format_days_off

ONSITE = "Onsite=2027-01-08:ml-coding"
TODAY = dt.date(2026, 11, 25)
WEEK = ["90", "90", "90", "90", "90", "240", "0"]


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_init_takes_the_holidays_off_and_names_them_everywhere(data_dir: Path) -> None:
    result = run("init", "--interview", ONSITE, "--holidays", "us")
    assert result.exit_code == 0, result.output
    assert "public holidays of US off: 3 (Thanksgiving Day 2026-11-26" in result.stdout
    with Store.open(data_dir) as store:
        plan = store.load_plan()
    assert plan is not None and plan.holidays == "US"
    assert plan.holiday(dt.date(2026, 11, 26)) == "Thanksgiving Day"
    assert plan.capacity(dt.date(2026, 11, 26)) == 0
    document = json.loads(run("plan", "--json").stdout)
    thanksgiving = next(d for d in document["days"] if d["date"] == "2026-11-26")
    assert thanksgiving["holiday"] == "Thanksgiving Day"
    assert thanksgiving["sessions"] == [] and thanksgiving["capacity"] == 0
    assert all("holiday" not in d for d in document["days"] if d["date"] == "2026-11-25")
    assert "Thu 2026-11-26  Thanksgiving Day, day off" in run("plan").stdout
    assert "Thanksgiving Day, day off" in run("export", "markdown").stdout
    calendar = Calendar.from_ical(run("export", "ics").stdout)
    events = {str(e["uid"]): str(e["summary"]) for e in calendar.walk("VEVENT")}
    assert events["holiday-2026-11-26@planner.local"] == "Thanksgiving Day, day off"
    assert events["holiday-2026-12-25@planner.local"] == "Christmas Day, day off"


@pytest.mark.parametrize(
    ("code", "close"), [("UX", "close: LUX"), ("DE-BZ", "DE-BY"), ("Narnia", "a code")]
)
def test_an_unknown_code_is_one_line_with_close_matches(
    code: str, close: str, data_dir: Path
) -> None:
    result = run("init", "--interview", ONSITE, "--holidays", code)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"planner: unknown public holidays {code!r} (")
    assert close in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not (data_dir / "planner.db").exists() or Store.open(data_dir).load_plan() is None


def test_codes_are_normalised() -> None:
    assert normalised("us") == "US" and normalised(" de-by ") == "DE-BY"
    with pytest.raises(HolidaySpecError):
        normalised("")


def test_the_holidays_are_those_between_the_first_day_and_the_last_interview() -> None:
    plan = Plan(
        interviews=(Interview(name="Onsite", date=dt.date(2027, 1, 8), rounds=("ml-coding",)),)
    )
    named = with_holidays(plan, "DE-BY", TODAY)
    days = {d.start: d.name for d in named.days_off}
    assert dt.date(2026, 12, 25) in days and dt.date(2027, 1, 6) in days  # Epiphany in Bavaria
    assert all(TODAY <= d <= dt.date(2027, 1, 8) for d in days)
    assert with_holidays(named, None, TODAY).days_off == ()


def test_plan_setup_keeps_the_persons_own_days_off_apart(tmp_path: Path) -> None:
    interview = Interview(name="Onsite", date=dt.date(2027, 1, 8), rounds=("ml-coding",))
    plan = build_plan(None, [interview], WEEK, "2026-12-30", "", TODAY, holidays_text="US")
    assert plan.holidays == "US"
    assert dt.date(2026, 12, 30) in {d.start for d in plan.days_off if not d.name}
    assert plan.holiday(dt.date(2026, 12, 25)) == "Christmas Day"
    assert format_days_off(plan.days_off) == "2026-12-30"
    # the interview moves: the holidays follow it
    later = Interview(name="Onsite", date=dt.date(2027, 1, 22), rounds=("ml-coding",))
    moved = build_plan(plan, [later], WEEK, "2026-12-30", "", TODAY)
    assert moved.holiday(dt.date(2027, 1, 18)) == "Martin Luther King Jr. Day"
    cleared = build_plan(moved, [later], WEEK, "", "", TODAY, holidays_text="")
    assert cleared.holidays is None and cleared.days_off == ()
    with pytest.raises(FieldError) as error:
        build_plan(None, [interview], WEEK, "", "", TODAY, holidays_text="XX-YY")
    assert error.value.field == "holidays"


def test_the_agenda_names_the_holiday() -> None:
    syllabus = load_syllabus([bundled_syllabus()])
    plan = with_holidays(
        Plan(
            interviews=(Interview(name="Onsite", date=dt.date(2027, 1, 8), rounds=("ml-coding",)),)
        ),
        "US",
        TODAY,
    )
    schedule = full_schedule(syllabus, plan, Progress(), TODAY, fixes=False)
    days = {d.date: d for d in agenda(syllabus, plan, schedule, Progress())}
    assert days[dt.date(2026, 11, 26)].holiday == "Thanksgiving Day"
    assert days[dt.date(2026, 11, 26)].off and not days[dt.date(2026, 11, 26)].entries
    assert days[dt.date(2026, 11, 25)].holiday is None


async def test_the_schedule_screen_names_thanksgiving(data_dir: Path) -> None:
    from textual.widgets import DataTable

    from planner.tui.screens.schedule import ScheduleScreen
    from tests.tui_support import make_app, store_with_plan

    plan = with_holidays(
        Plan(
            interviews=(Interview(name="Onsite", date=dt.date(2027, 1, 8), rounds=("ml-coding",)),)
        ),
        "US",
        TODAY,
    )
    store = store_with_plan(data_dir, plan)
    app = make_app(store, TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ScheduleScreen)
        table = screen.query_one("#agenda", DataTable)
        cells = [" ".join(str(c) for c in table.get_row(k)) for k in table.rows]
        thanksgiving = [c for c in cells if "Thanksgiving Day, day off" in c]
        assert len(thanksgiving) == 1


def test_every_day_of_a_named_range_is_named_the_same_everywhere() -> None:
    from planner.core.plan import DayOff

    plan = Plan(
        days_off=(
            DayOff(start=dt.date(2026, 12, 24), end=dt.date(2026, 12, 26), name="Christmas"),
            DayOff(start=dt.date(2026, 12, 25), end=dt.date(2026, 12, 25), name="Other"),
        )
    )
    names = plan.holiday_names()
    assert sorted(names) == [dt.date(2026, 12, d) for d in (24, 25, 26)]
    assert all(names[day] == plan.holiday(day) == "Christmas" for day in names)
