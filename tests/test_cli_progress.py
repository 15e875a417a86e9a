"""`planner done` and `planner undo` from a script."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from planner.cli import cli
from planner.core.progress import ItemProgress, WorkEntry
from planner.paths import database_path
from planner.store.store import Store

SYLLABUS = Path(__file__).parent / "fixtures" / "store_syllabus.yaml"
TODAY = dt.date(2026, 11, 25)


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, ["--syllabus", str(SYLLABUS), *args], catch_exceptions=False)


def stored(data_dir: Path) -> dict[str, Any]:
    with Store.open(data_dir) as store:
        return store.export_state()


def test_done_records_the_remaining_minutes(data_dir: Path) -> None:
    with Store.open(data_dir) as store:
        store.add_minutes("hundred-page-ml/ch2", 20, TODAY - dt.timedelta(days=1))
    result = run("done", "hundred-page-ml/ch2")
    assert result.exit_code == 0, result.output
    assert result.output == (
        "done: hundred-page-ml/ch2 (Ch. 2: Notation and definitions), 40 min on 2026-11-25\n"
    )
    with Store.open(data_dir) as store:
        progress = store.load_progress()
    assert progress.of("hundred-page-ml/ch2") == ItemProgress(60, True, False, TODAY)
    assert progress.work[-1] == WorkEntry(TODAY, "hundred-page-ml/ch2", 40)


def test_done_with_minutes_and_today(data_dir: Path) -> None:
    result = run("done", "hundred-page-ml/ch1", "--minutes", "70", "--today", "2026-11-27")
    assert result.exit_code == 0, result.output
    assert result.output.endswith("70 min on 2026-11-27\n")
    with Store.open(data_dir) as store:
        assert store.load_progress().of("hundred-page-ml/ch1") == ItemProgress(
            70, True, False, dt.date(2026, 11, 27)
        )


def test_done_twice_says_so_and_records_nothing(data_dir: Path) -> None:
    run("done", "hundred-page-ml/ch1")
    before = stored(data_dir)
    result = run("done", "hundred-page-ml/ch1")
    assert result.exit_code == 0
    assert result.output == "already done: hundred-page-ml/ch1 (add time with --minutes N)\n"
    assert stored(data_dir) == before


def test_unknown_item_is_a_user_error(data_dir: Path) -> None:
    run("done", "hundred-page-ml/ch1")
    before = stored(data_dir)
    result = run("done", "hundred-page-ml/ch4")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith("planner: unknown item 'hundred-page-ml/ch4' (did you mean ")
    assert result.stderr.count("\n") == 1
    assert stored(data_dir) == before


def test_unknown_item_without_a_close_match(data_dir: Path) -> None:
    result = run("done", "zzzz")
    assert result.exit_code == 1
    assert result.stderr == "planner: unknown item 'zzzz'\n"
    assert not database_path(data_dir).exists() or stored(data_dir)["events"] == []


def test_practice_item_points_to_review(data_dir: Path) -> None:
    result = run("done", "q-bias-variance")
    assert result.exit_code == 1
    assert result.stderr == (
        "planner: 'q-bias-variance' is a practice item: record it with "
        "'planner review q-bias-variance good'\n"
    )


@pytest.mark.parametrize(
    ("minutes", "message"),
    [("-5", "-5 is not in the range 0<=x<=6000"), ("lots", "'lots' is not a valid integer range")],
)
def test_bad_minutes_are_usage_errors(data_dir: Path, minutes: str, message: str) -> None:
    run("done", "hundred-page-ml/ch1")
    before = stored(data_dir)
    result = run("done", "hundred-page-ml/ch2", "--minutes", minutes)
    assert result.exit_code == 2
    assert (
        result.stderr.strip().splitlines()[-1]
        == f"Error: Invalid value for '--minutes': {message}."
    )
    assert stored(data_dir) == before


def test_undo_walks_back(data_dir: Path) -> None:
    run("done", "hundred-page-ml/ch1")
    run("done", "hundred-page-ml/ch2", "--minutes", "15")
    first = run("undo")
    assert first.exit_code == 0
    assert first.output == "undone: done hundred-page-ml/ch2 (15 min on 2026-11-25)\n"
    second = run("undo")
    assert second.output == "undone: done hundred-page-ml/ch1 (45 min on 2026-11-25)\n"
    third = run("undo")
    assert third.exit_code == 0
    assert third.output == "nothing to undo\n"
    with Store.open(data_dir) as store:
        assert store.load_progress().items == {}
        assert [e.action for e in store.events()] == ["done", "done", "undo", "undo"]


def test_undo_on_a_new_store(data_dir: Path) -> None:
    result = run("undo")
    assert result.exit_code == 0
    assert result.output == "nothing to undo\n"


def test_corrupt_store_is_a_one_line_error(data_dir: Path) -> None:
    data_dir.mkdir()
    database_path(data_dir).write_text("not sqlite at all\n" * 50)
    for args in (["done", "hundred-page-ml/ch1"], ["undo"]):
        result = run(*args)
        assert result.exit_code == 1
        assert result.stderr.startswith(f"planner: {database_path(data_dir)} is damaged (")
        assert result.stderr.count("\n") == 1
    assert database_path(data_dir).read_text() == "not sqlite at all\n" * 50


def test_a_failing_write_is_a_one_line_error(data_dir: Path) -> None:
    run("done", "hundred-page-ml/ch1")
    raw = sqlite3.connect(database_path(data_dir))
    raw.execute(
        "CREATE TRIGGER refuse BEFORE INSERT ON events "
        "BEGIN SELECT RAISE(ABORT, 'disk on fire'); END"
    )
    raw.commit()
    raw.close()
    before = stored(data_dir)
    for args in (["done", "hundred-page-ml/ch2"], ["undo"]):
        result = run(*args)
        assert result.exit_code == 1
        assert result.stderr == "planner: cannot write to the store: disk on fire\n"
    assert stored(data_dir) == before


def test_done_on_a_skipped_item_records_its_estimate(data_dir: Path) -> None:
    with Store.open(data_dir) as store:
        store.set_skipped("hundred-page-ml/ch3", True, TODAY)
    result = run("done", "hundred-page-ml/ch3")
    assert result.exit_code == 0
    assert result.output.endswith("(Ch. 3: Fundamental algorithms), 90 min on 2026-11-25\n")


def test_done_on_an_overrun_item_records_no_extra_minutes(data_dir: Path) -> None:
    with Store.open(data_dir) as store:
        store.add_minutes("hundred-page-ml/ch1", 80, TODAY)
    result = run("done", "hundred-page-ml/ch1")
    assert result.output.endswith(", 0 min on 2026-11-25\n")
    with Store.open(data_dir) as store:
        assert store.load_progress().of("hundred-page-ml/ch1").minutes_spent == 80


def test_a_resource_id_points_to_its_items(data_dir: Path) -> None:
    result = run("done", "hundred-page-ml")
    assert result.exit_code == 1
    assert result.stderr == (
        "planner: 'hundred-page-ml' is a resource: tick its items, e.g. 'hundred-page-ml/ch1'\n"
    )
    assert not database_path(data_dir).exists() or stored(data_dir)["events"] == []


def test_zero_minutes_on_a_done_item_records_nothing_to_undo(data_dir: Path) -> None:
    run("done", "hundred-page-ml/ch1")
    before = stored(data_dir)
    result = run("done", "hundred-page-ml/ch1", "--minutes", "0")
    assert result.exit_code == 0
    assert result.output == "already done: hundred-page-ml/ch1 (add time with --minutes N)\n"
    assert stored(data_dir) == before
    assert run("undo").output == "undone: done hundred-page-ml/ch1 (45 min on 2026-11-25)\n"
    with Store.open(data_dir) as store:
        assert not store.load_progress().of("hundred-page-ml/ch1").done
