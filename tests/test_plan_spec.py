"""The `planner init` specs: interviews, minutes per weekday, days off."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.core.plan import DEFAULT_WEEKDAY_MINUTES, WEEKDAYS, DayOff, Interview
from planner.core.plan_spec import (
    SpecError,
    parse_date,
    parse_day_off,
    parse_interview,
    parse_minutes,
)


def test_interview() -> None:
    assert parse_interview("Meta phone screen=2026-12-03:phone-screen,dsa-coding") == Interview(
        name="Meta phone screen", date=dt.date(2026, 12, 3), rounds=("phone-screen", "dsa-coding")
    )


def test_interview_spaces_and_repeated_rounds() -> None:
    assert parse_interview(" Acme = 2026-12-22 : ml-theory , ml-theory ,ml-design") == Interview(
        name="Acme", date=dt.date(2026, 12, 22), rounds=("ml-theory", "ml-design")
    )


def test_interview_name_may_contain_equals() -> None:
    assert parse_interview("A=B corp=2026-12-22:ml-theory").name == "A=B corp"


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("Meta 2026-12-03:ml-theory", "should look like NAME=YYYY-MM-DD:round,round"),
        ("=2026-12-03:ml-theory", "should look like NAME=YYYY-MM-DD:round,round"),
        ("Meta=2026-12-03", "has no rounds"),
        ("Meta=2026-12-03:", "has an empty round"),
        ("Meta=2026-12-03:ml-theory,,ml-design", "has an empty round"),
        ("Meta=2026-02-30:ml-theory", "'2026-02-30' is not a day of the calendar"),
        ("A\udcff=2026-12-03:ml-theory", "must be text (UTF-8)"),
        ("Meta=tomorrow:ml-theory", "'tomorrow' is not a date (YYYY-MM-DD)"),
        ("Meta=20261203:ml-theory", "'20261203' is not a date (YYYY-MM-DD)"),
        ("x" * 201 + "=2026-12-03:ml-theory", "longer than 200 characters"),
    ],
)
def test_bad_interviews(spec: str, message: str) -> None:
    with pytest.raises(SpecError, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse_interview(spec)


def test_minutes() -> None:
    assert parse_minutes("mon-fri=90,sat=240,sun=0") == (90, 90, 90, 90, 90, 240, 0)


def test_minutes_keep_defaults_and_later_parts_win() -> None:
    assert parse_minutes("wed=30") == (90, 90, 30, 90, 90, 240, 0)
    assert parse_minutes("mon-sun=60,sat=0") == (60, 60, 60, 60, 60, 0, 60)


def test_minutes_ranges_wrap_and_names_may_be_long() -> None:
    assert parse_minutes("fri-mon=10", base=(0,) * 7) == (10, 0, 0, 0, 10, 10, 10)
    assert parse_minutes("Monday=15,TUESDAY=20", base=(0,) * 7) == (15, 20, 0, 0, 0, 0, 0)


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("", "empty --minutes spec"),
        ("mon", "'mon' should look like DAY=MINUTES or DAY-DAY=MINUTES"),
        ("=90", "'=90' should look like DAY=MINUTES"),
        ("mon=lots", "'lots' in 'mon=lots' is not minutes"),
        ("mon=-5", "-5 minutes in 'mon=-5' is not within 0..1440"),
        ("mon=1441", "1441 minutes in 'mon=1441' is not within 0..1440"),
        ("funday=30", "'funday' in 'funday=30' is not a weekday"),
        ("mo=30", "'mo' in 'mo=30' is not a weekday"),
        ("mon-xyz=30", "'xyz' in 'mon-xyz=30' is not a weekday"),
        ("mon=30,,tue=20", "'' should look like DAY=MINUTES"),
    ],
)
def test_bad_minutes(spec: str, message: str) -> None:
    with pytest.raises(SpecError, match=message.replace(".", r"\.")):
        parse_minutes(spec)


@settings(max_examples=50, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(WEEKDAYS), st.integers(0, 1440)), min_size=1))
def test_minutes_single_days_match_a_simple_model(parts: list[tuple[str, int]]) -> None:
    expected = list(DEFAULT_WEEKDAY_MINUTES)
    for day, value in parts:
        expected[WEEKDAYS.index(day)] = value
    spec = ",".join(f"{day}={value}" for day, value in parts)
    assert parse_minutes(spec) == tuple(expected)


def test_day_off_single_and_range() -> None:
    assert parse_day_off("2026-12-25") == DayOff(
        start=dt.date(2026, 12, 25), end=dt.date(2026, 12, 25)
    )
    assert parse_day_off("2026-12-24..2026-12-26") == DayOff(
        start=dt.date(2026, 12, 24), end=dt.date(2026, 12, 26)
    )


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("2026-12-26..2026-12-24", "end before they start"),
        ("2026-12-24..", "'' is not a date"),
        ("christmas", "'christmas' is not a date"),
        ("2026-12-24..2026-12-32", "'2026-12-32' is not a day of the calendar"),
    ],
)
def test_bad_days_off(spec: str, message: str) -> None:
    with pytest.raises(SpecError, match=message):
        parse_day_off(spec)


def test_parse_date() -> None:
    assert parse_date(" 2026-11-25 ") == dt.date(2026, 11, 25)
    with pytest.raises(SpecError):
        parse_date("2026-W48-3")
