"""After a command that used the store, today's and tomorrow's schedules are prepared by a
detached `planner _prepare`, so that the next command, or the app on a new day, finds them
kept; turned off by PLANNER_NO_PREPARE (which the other tests set)."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.caches import schedule as kept_schedule
from planner.caches.syllabus import load_syllabus_cached
from planner.cli import cli, preparation
from planner.core.schedule import scheduler
from planner.paths import bundled_syllabus
from planner.store.store import Store
from planner.workspace import Workspace
from tests.tui_support import TODAY, bundled, store_with_plan

TOMORROW = TODAY + dt.timedelta(days=1)


def no_scheduling(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("scheduled although a prepared schedule was kept")

    for name in ("schedule", "draft_schedule", "draft"):
        monkeypatch.setattr(scheduler, name, refuse)


def base(cache: Path, data_dir: Path) -> Path:
    return kept_schedule.cache_file(cache, data_dir)


def test_after_a_command_tomorrow_s_schedule_is_prepared_in_the_background(
    tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store_with_plan(data_dir).close()
    cache = tmp_path / "cache"
    environment = {k: v for k, v in os.environ.items() if k != preparation.NO_PREPARE_ENV}
    done = subprocess.run(
        [sys.executable, "-m", "planner", "--data-dir", str(data_dir), "--cache-dir", str(cache)]
        + ["today"],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    tomorrow = kept_schedule.day_file(base(cache, data_dir), TOMORROW)
    waited = 0.0
    while not tomorrow.exists() and waited < 90:  # (a slow machine: not a timing check)
        time.sleep(0.2)
        waited += 0.2
    assert tomorrow.exists(), "tomorrow's schedule was not prepared"
    with Store.open(data_dir) as store:
        expected = Workspace(bundled(), store, TOMORROW).schedule
        syllabus = load_syllabus_cached([bundled_syllabus()], cache)
        no_scheduling(monkeypatch)
        ws = Workspace(syllabus, store, TOMORROW, schedule_cache=base(cache, data_dir))
        assert ws.schedule == expected


def test_the_prepare_command_keeps_today_s_and_tomorrow_s_schedules(
    tmp_path: Path, data_dir: Path
) -> None:
    store_with_plan(data_dir).close()
    cache = tmp_path / "cache"
    result = CliRunner().invoke(cli, ["--cache-dir", str(cache), "_prepare"])
    assert result.exit_code == 0, result.output
    assert result.output == ""  # it says nothing: nobody reads it
    for day in (TODAY, TOMORROW):
        assert kept_schedule.day_file(base(cache, data_dir), day).exists()


def test_with_no_plan_nothing_is_prepared(tmp_path: Path, data_dir: Path) -> None:
    Store.open(data_dir).close()
    cache = tmp_path / "cache"
    result = CliRunner().invoke(cli, ["--cache-dir", str(cache), "_prepare"])
    assert result.exit_code == 0, result.output
    assert not list(cache.glob("schedule-*.json"))


def test_the_prepare_command_is_not_listed() -> None:
    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0
    assert "_prepare" not in result.output


class Spawned:
    def __init__(self) -> None:
        self.commands: list[list[str]] = []

    def __call__(self, command: list[str], **kwargs: object) -> None:
        assert kwargs["start_new_session"] is True and kwargs["stdin"] == subprocess.DEVNULL
        self.commands.append(command)


@pytest.fixture
def spawned(monkeypatch: pytest.MonkeyPatch) -> Spawned:
    fake = Spawned()
    monkeypatch.setattr(preparation.subprocess, "Popen", fake)
    monkeypatch.delenv(preparation.NO_PREPARE_ENV)
    return fake


def test_a_command_that_used_the_store_starts_one_preparation(
    tmp_path: Path, data_dir: Path, spawned: Spawned
) -> None:
    store_with_plan(data_dir).close()
    cache = tmp_path / "cache"
    syllabus = tmp_path / "mine.yaml"
    syllabus.write_bytes(bundled_syllabus().read_bytes())
    args = ["--cache-dir", str(cache), "--syllabus", str(syllabus), "today"]
    assert CliRunner().invoke(cli, args).exit_code == 0
    assert spawned.commands == [
        [sys.executable, "-m", "planner", "--data-dir", str(data_dir), "--cache-dir", str(cache)]
        + ["--today", TODAY.isoformat(), "--syllabus", str(syllabus), "_prepare"]
    ]


def test_no_preparation_without_the_store_or_when_turned_off(
    data_dir: Path, spawned: Spawned, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert CliRunner().invoke(cli, ["--help"]).exit_code == 0
    assert CliRunner().invoke(cli, ["kata", "--list"]).exit_code == 0
    assert spawned.commands == []
    store_with_plan(data_dir).close()
    monkeypatch.setenv(preparation.NO_PREPARE_ENV, "1")
    assert CliRunner().invoke(cli, ["today"]).exit_code == 0
    assert spawned.commands == []


def test_a_preparation_that_cannot_start_changes_nothing_for_the_command(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store_with_plan(data_dir).close()
    monkeypatch.delenv(preparation.NO_PREPARE_ENV)

    def cannot(*_args: object, **_kwargs: object) -> None:
        raise OSError("no processes left")

    monkeypatch.setattr(preparation.subprocess, "Popen", cannot)
    result = CliRunner().invoke(cli, ["today"])
    assert result.exit_code == 0 and "Traceback" not in result.output
