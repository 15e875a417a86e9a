"""`planner init`: the plan from the command line, and what bad input gets."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from planner.cli import cli
from planner.core.plan import DayOff, Interview, Options, Plan
from planner.paths import database_path
from planner.store.store import Store

SYLLABUS = Path(__file__).parent / "fixtures" / "store_syllabus.yaml"


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, ["--syllabus", str(SYLLABUS), *args], catch_exceptions=False)


def stored(data_dir: Path) -> dict[str, Any] | None:
    if not database_path(data_dir).exists():
        return None
    with Store.open(data_dir) as store:
        return store.export_state()


def test_init_creates_the_plan(data_dir: Path) -> None:
    result = run(
        "init",
        "--interview",
        "Acme onsite=2026-12-22:ml-theory,ml-design",
        "--interview",
        "Meta phone screen=2026-12-03:phone-screen",
        "--minutes",
        "mon-fri=60,sat=180,sun=0",
        "--off",
        "2026-12-24..2026-12-26",
        "--off",
        "2026-12-10",
        "--start",
        "2026-11-26",
    )
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "plan created:",
        "  2026-12-03  Meta phone screen (phone-screen)",
        "  2026-12-22  Acme onsite (ml-theory, ml-design)",
        "  8 h a week; starts 2026-11-26",
        "  4 days off",
    ]
    with Store.open(data_dir) as store:
        assert store.load_plan() == Plan(
            interviews=(
                Interview(
                    name="Meta phone screen", date=dt.date(2026, 12, 3), rounds=("phone-screen",)
                ),
                Interview(
                    name="Acme onsite",
                    date=dt.date(2026, 12, 22),
                    rounds=("ml-theory", "ml-design"),
                ),
            ),
            weekday_minutes=(60, 60, 60, 60, 60, 180, 0),
            days_off=(
                DayOff(start=dt.date(2026, 12, 10), end=dt.date(2026, 12, 10)),
                DayOff(start=dt.date(2026, 12, 24), end=dt.date(2026, 12, 26)),
            ),
            start=dt.date(2026, 11, 26),
        )


def test_init_defaults(data_dir: Path) -> None:
    result = run("init", "--interview", "Meta=2026-12-03:phone-screen")
    assert result.exit_code == 0, result.output
    assert "starts 2026-11-25" in result.output
    with Store.open(data_dir) as store:
        plan = store.load_plan()
    assert plan is not None
    assert plan.weekday_minutes == (90, 90, 90, 90, 90, 240, 0)
    assert plan.start is None and plan.days_off == ()


def test_init_replaces_the_plan_keeping_syllabi_and_options(data_dir: Path) -> None:
    with Store.open(data_dir) as store:
        store.save_plan(Plan(syllabi=("/home/me/extra.yaml",), options=Options(drill_size=20)))
        store.record_done("hundred-page-ml/ch1", dt.date(2026, 11, 24), 45)
    result = run("init", "--interview", "Meta=2026-12-03:phone-screen", "--minutes", "sun=30")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("plan replaced:")
    with Store.open(data_dir) as store:
        plan = store.load_plan()
        assert plan is not None
        assert plan.syllabi == ("/home/me/extra.yaml",)
        assert plan.options == Options(drill_size=20)
        assert plan.weekday_minutes[6] == 30
        assert store.load_progress().of("hundred-page-ml/ch1").done
        # one action, one undo
        assert store.undo() is not None
        assert store.load_plan() == Plan(
            syllabi=("/home/me/extra.yaml",), options=Options(drill_size=20)
        )


def test_unknown_round_is_a_user_error(data_dir: Path) -> None:
    run("init", "--interview", "Meta=2026-12-03:phone-screen")
    before = stored(data_dir)
    result = run("init", "--interview", "Acme=2026-12-22:ml-theory,ml-desing")
    assert result.exit_code == 1
    assert result.stderr == "planner: unknown round 'ml-desing' (did you mean 'ml-design'?)\n"
    assert result.stdout == ""
    assert stored(data_dir) == before


def test_unknown_round_without_a_close_match(data_dir: Path) -> None:
    result = run("init", "--interview", "Acme=2026-12-22:cooking")
    assert result.exit_code == 1
    assert result.stderr == "planner: unknown round 'cooking'\n"
    assert stored(data_dir) is None or stored(data_dir)["plan"] is None  # type: ignore[index]


BAD_SPECS = [
    (
        ["--interview", "Meta=2026-13-03:phone-screen"],
        "Invalid value for '--interview': '2026-13-03' is not a day of the calendar",
    ),
    (
        ["--interview", "Meta 2026-12-03 phone-screen"],
        "Invalid value for '--interview': interview 'Meta 2026-12-03 phone-screen' should look "
        "like NAME=YYYY-MM-DD:round,round",
    ),
    (
        ["--interview", "Meta=2026-12-03"],
        "Invalid value for '--interview': interview 'Meta=2026-12-03' has no rounds "
        "(NAME=YYYY-MM-DD:round,round)",
    ),
    (
        ["--interview", "Meta=2026-12-03:phone-screen", "--minutes", "mon-fri=ninety"],
        "Invalid value for '--minutes': 'ninety' in 'mon-fri=ninety' is not minutes",
    ),
    (
        ["--interview", "Meta=2026-12-03:phone-screen", "--minutes", "someday=30"],
        "Invalid value for '--minutes': 'someday' in 'someday=30' is not a weekday "
        "(mon, tue, ... sun)",
    ),
    (
        ["--interview", "Meta=2026-12-03:phone-screen", "--minutes", "sat=2000"],
        "Invalid value for '--minutes': 2000 minutes in 'sat=2000' is not within 0..1440",
    ),
    (
        ["--interview", "Meta=2026-12-03:phone-screen", "--off", "2026-12-26..2026-12-24"],
        "Invalid value for '--off': days off '2026-12-26..2026-12-24' end before they start",
    ),
    (
        ["--interview", "Meta=2026-12-03:phone-screen", "--off", "xmas"],
        "Invalid value for '--off': 'xmas' is not a date (YYYY-MM-DD)",
    ),
    (
        ["--interview", "Meta=2026-12-03:phone-screen", "--start", "2026/11/30"],
        "Invalid value for '--start': '2026/11/30' is not a date (YYYY-MM-DD)",
    ),
    (
        ["--interview", "Meta=2026-12-03:phone-screen", "--today", "yesterday"],
        "Invalid value for --today: 'yesterday' is not a date (YYYY-MM-DD)",
    ),
    ([], "Missing option '--interview'."),
]


@pytest.mark.parametrize(("args", "message"), BAD_SPECS)
def test_bad_specs_are_usage_errors(data_dir: Path, args: list[str], message: str) -> None:
    run("init", "--interview", "Meta=2026-12-03:phone-screen")
    before = stored(data_dir)
    result = run("init", *args)
    assert result.exit_code == 2
    last = result.stderr.strip().splitlines()[-1]
    assert last == f"Error: {message}"
    assert "Traceback" not in result.output
    assert stored(data_dir) == before


def test_bad_spec_on_a_fresh_machine_creates_nothing(data_dir: Path) -> None:
    result = run("init", "--interview", "Meta=2026-12-32:phone-screen")
    assert result.exit_code == 2
    assert not data_dir.exists()


def test_corrupt_store_is_a_one_line_error(data_dir: Path) -> None:
    data_dir.mkdir()
    database_path(data_dir).write_bytes(b"garbage" * 500)
    result = run("init", "--interview", "Meta=2026-12-03:phone-screen")
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"planner: {database_path(data_dir)} is damaged (")
    assert "not a database" in result.stderr
    assert database_path(data_dir).read_bytes() == b"garbage" * 500


USER_ERRORS = [
    (
        ["--interview", "Meta=2026-12-03:phone-screen", "--interview", "Meta=2026-12-03:ml-theory"],
        "planner: interview 'Meta' on 2026-12-03 is given twice",
    ),
    (
        ["--interview", "Meta=2026-11-01:phone-screen"],
        "planner: every interview is before the plan starts on 2026-11-25 (the last is on "
        "2026-11-01)",
    ),
    (
        ["--interview", "Meta=2026-12-03:phone-screen", "--start", "2026-12-04"],
        "planner: every interview is before the plan starts on 2026-12-04 (the last is on "
        "2026-12-03)",
    ),
]


@pytest.mark.parametrize(("args", "message"), USER_ERRORS)
def test_plans_with_nothing_to_prepare_for_are_user_errors(
    data_dir: Path, args: list[str], message: str
) -> None:
    result = run("init", *args)
    assert result.exit_code == 1
    assert result.stderr == message + "\n"
    assert not data_dir.exists()
    run("init", "--interview", "Meta=2026-12-03:phone-screen")
    before = stored(data_dir)
    assert run("init", *args).exit_code == 1
    assert stored(data_dir) == before


def test_same_name_on_another_day_and_an_interview_today_are_fine(data_dir: Path) -> None:
    result = run(
        "init",
        "--interview",
        "Meta=2026-11-25:phone-screen",
        "--interview",
        "Meta=2026-12-03:ml-theory",
    )
    assert result.exit_code == 0, result.output
    assert "  2026-11-25  Meta (phone-screen)" in result.output.splitlines()


def test_data_dir_that_is_a_file_is_a_one_line_error(tmp_path: Path) -> None:
    a_file = tmp_path / "not-a-folder"
    a_file.write_text("mine\n")
    result = run("--data-dir", str(a_file), "init", "--interview", "Meta=2026-12-03:phone-screen")
    assert result.exit_code == 1
    assert (
        result.stderr
        == f"planner: cannot create the store in {a_file}: it is a file, not a folder\n"
    )
    assert a_file.read_text() == "mine\n"


def test_init_replaces_a_stored_plan_it_cannot_read(data_dir: Path) -> None:
    import sqlite3

    run("init", "--interview", "Meta=2026-12-03:phone-screen")
    with sqlite3.connect(database_path(data_dir)) as conn:
        conn.execute("UPDATE plan SET json = replace(json, '2026-12-03', '2602-12-03')")
    today = run("today")
    assert today.exit_code == 1 and "('planner init' replaces it)" in today.stderr
    again = run("init", "--interview", "Meta=2026-12-04:phone-screen")
    assert again.exit_code == 0, again.output
    assert "it is replaced" in again.stderr
    assert run("today").exit_code == 0
