"""Reading the plan setup form: every kind of bad input names its field."""

from __future__ import annotations

import datetime as dt

import pytest

from planner.core.plan import DayOff, Interview, Options, Plan
from planner.tui.plan_form import (
    FieldError,
    build_plan,
    format_days_off,
    read_days_off,
    read_interview,
    read_minutes,
    read_start,
)

TODAY = dt.date(2026, 11, 25)
ROUNDS = ("phone-screen", "ml-theory")
WEEK = ["90", "90", "90", "90", "90", "240", "0"]


def test_read_interview() -> None:
    interview = read_interview(" Meta ", "2026-12-09", ["ml-theory", "ml-theory"], ROUNDS, TODAY)
    assert interview == Interview(name="Meta", date=dt.date(2026, 12, 9), rounds=("ml-theory",))


@pytest.mark.parametrize(
    ("name", "date", "rounds", "field", "message"),
    [
        ("", "2026-12-09", ["ml-theory"], "name", "Give the interview a name"),
        ("x" * 201, "2026-12-09", ["ml-theory"], "name", "at most 200"),
        ("Meta", "", ["ml-theory"], "date", "The date of the interview"),
        ("Meta", "12/09/2026", ["ml-theory"], "date", "is not a date (YYYY-MM-DD)"),
        ("Meta", "2026-02-30", ["ml-theory"], "date", "is not a day of the calendar"),
        ("Meta", "2026-11-24", ["ml-theory"], "date", "Tue 24 Nov 2026 is in the past"),
        ("Meta", "2026-12-09", [], "rounds", "Pick at least one round"),
        ("Meta", "2026-12-09", ["cooking"], "rounds", "Unknown round 'cooking'"),
    ],
)
def test_bad_interviews(name: str, date: str, rounds: list[str], field: str, message: str) -> None:
    with pytest.raises(FieldError) as error:
        read_interview(name, date, rounds, ROUNDS, TODAY)
    assert error.value.field == field
    assert message in error.value.message


def test_read_minutes() -> None:
    assert read_minutes(WEEK) == (90, 90, 90, 90, 90, 240, 0)
    assert read_minutes(["0", " 30 ", "0", "0", "0", "0", "1440"]) == (0, 30, 0, 0, 0, 0, 1440)


@pytest.mark.parametrize(
    ("texts", "field", "message"),
    [
        (["ninety", "0", "0", "0", "0", "0", "0"], "min-mon", "Mon: 'ninety' is not minutes"),
        (["0", "0", "0", "0", "0", "0", "1441"], "min-sun", "Sun: 1441 is not within 0..1440"),
        (["0", "-5", "0", "0", "0", "0", "0"], "min-tue", "Tue: -5 is not within"),
        (["0", "0", "0", "0", " ", "0", "0"], "min-fri", "Fri: how many minutes? (0 for none)"),
    ],
)
def test_bad_minutes(texts: list[str], field: str, message: str) -> None:
    with pytest.raises(FieldError) as error:
        read_minutes(texts)
    assert (error.value.field, message in error.value.message) == (field, True)


def test_days_off_round_trip() -> None:
    days = read_days_off("2026-12-24..2026-12-26, 2026-12-31  2027-01-01")
    assert days == (
        DayOff(start=dt.date(2026, 12, 24), end=dt.date(2026, 12, 26)),
        DayOff(start=dt.date(2026, 12, 31), end=dt.date(2026, 12, 31)),
        DayOff(start=dt.date(2027, 1, 1), end=dt.date(2027, 1, 1)),
    )
    assert read_days_off(format_days_off(days)) == days
    assert read_days_off("  ") == ()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2026-12-26..2026-12-24", "end before they start"),
        ("christmas", "is not a date"),
        ("2026-12-24..", "is not a date"),
    ],
)
def test_bad_days_off(text: str, message: str) -> None:
    with pytest.raises(FieldError) as error:
        read_days_off(text)
    assert error.value.field == "days-off"
    assert message in error.value.message


def test_start() -> None:
    assert read_start("") is None
    assert read_start("2026-11-30") == dt.date(2026, 11, 30)
    with pytest.raises(FieldError) as error:
        read_start("tomorrow")
    assert error.value.field == "start"


def test_build_plan_keeps_options_and_extra_syllabi() -> None:
    interview = Interview(name="Meta", date=dt.date(2026, 12, 9), rounds=("ml-theory",))
    base = Plan(options=Options(drill_size=15), syllabi=("/x.yaml",))
    plan = build_plan(base, [interview], WEEK, "2026-12-01", "2026-11-26")
    assert plan.options.drill_size == 15
    assert plan.syllabi == ("/x.yaml",)
    assert plan.start == dt.date(2026, 11, 26)
    assert plan.interviews == (interview,)


@pytest.mark.parametrize(
    ("interviews", "week", "start", "field"),
    [
        ([], WEEK, "", "interviews"),
        (None, ["0"] * 7, "", "min-mon"),
        (None, WEEK, "2027-01-01", "start"),
    ],
)
def test_build_plan_refuses(
    interviews: list[Interview] | None, week: list[str], start: str, field: str
) -> None:
    default = [Interview(name="Meta", date=dt.date(2026, 12, 9), rounds=("ml-theory",))]
    with pytest.raises(FieldError) as error:
        build_plan(None, default if interviews is None else interviews, week, "", start)
    assert error.value.field == field
