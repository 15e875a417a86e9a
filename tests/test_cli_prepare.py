"""After a command that used the store, the schedules of today and the next three days are
prepared by a detached `planner _prepare`, so that the next command, or the app on a new day
(after a weekend without any command too), finds them kept; turned off by
PLANNER_NO_PREPARE (which the other tests set)."""

from __future__ import annotations

import dataclasses
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
from planner.cli import cli, preparation, prepare_cmd
from planner.core.schedule import scheduler
from planner.paths import bundled_syllabus
from planner.store import backups
from planner.store.store import Store
from planner.workspace import Workspace
from tests.tui_support import TODAY, bundled, fixed_plan, store_with_plan

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


def test_the_prepare_command_keeps_the_schedules_of_today_and_the_next_three_days(
    tmp_path: Path, data_dir: Path
) -> None:
    store_with_plan(data_dir).close()
    cache = tmp_path / "cache"
    result = CliRunner().invoke(cli, ["--cache-dir", str(cache), "_prepare"])
    assert result.exit_code == 0, result.output
    assert result.output == ""  # it says nothing: nobody reads it
    assert kept_schedule.KEPT_AHEAD == 3
    for ahead in range(4):
        day = TODAY + dt.timedelta(days=ahead)
        assert kept_schedule.day_file(base(cache, data_dir), day).exists()
    assert not kept_schedule.day_file(base(cache, data_dir), TODAY + dt.timedelta(4)).exists()


def test_after_a_weekend_without_any_command_monday_s_schedule_is_kept(
    tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store_with_plan(data_dir).close()
    cache = tmp_path / "cache"
    friday, monday = dt.date(2026, 11, 27), dt.date(2026, 11, 30)
    assert (friday.weekday(), monday.weekday()) == (4, 0)
    result = CliRunner().invoke(
        cli, ["--cache-dir", str(cache), "--today", friday.isoformat(), "_prepare"]
    )
    assert result.exit_code == 0, result.output
    with Store.open(data_dir) as store:
        expected = Workspace(bundled(), store, monday).schedule
        syllabus = load_syllabus_cached([bundled_syllabus()], cache)
        no_scheduling(monkeypatch)
        ws = Workspace(syllabus, store, monday, schedule_cache=base(cache, data_dir))
        assert ws.schedule == expected


@pytest.mark.parametrize("json_flag", [[], ["--json"]])
def test_planner_today_reads_the_same_from_a_prepared_schedule_as_it_computes(
    tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch, json_flag: list[str]
) -> None:
    # A plan that does not fit: interview lines with short minutes and late work.
    short = dataclasses.replace(fixed_plan(), weekday_minutes=(20,) * 5 + (0, 0))
    store_with_plan(data_dir, short).close()
    cache = tmp_path / "cache"
    today = ["--cache-dir", str(cache), "today", *json_flag]
    computed = CliRunner().invoke(cli, today)
    assert computed.exit_code == 0, computed.output
    shown = computed.output
    assert ('"feasible": false' if json_flag else "behind by") in shown
    assert '"sessions": []' not in shown and "day off" not in shown
    no_scheduling(monkeypatch)  # what it kept is read, the first day only
    read = CliRunner().invoke(cli, today)
    assert read.exit_code == 0, read.output
    assert read.output == computed.output


def test_a_kept_schedule_leaves_the_prepared_days_ahead_in_place(tmp_path: Path) -> None:
    base_name = tmp_path / "schedule-x.json"
    days = [TODAY + dt.timedelta(days=d) for d in range(-3, 6)]
    for day in days:
        kept_schedule.day_file(base_name, day).write_text("{}")
    kept_schedule._remove_other_days(base_name, TODAY)
    left = [day for day in days if kept_schedule.day_file(base_name, day).exists()]
    assert left == [TODAY + dt.timedelta(days=d) for d in range(-1, 4)]


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


# --- what the preparation may not do (a review of it) -----------------------------------


def prepare(cache: Path) -> None:
    result = CliRunner().invoke(cli, ["--cache-dir", str(cache), "_prepare"])
    assert result.exit_code == 0, result.output


def test_run_in_process_it_leaves_its_caller_s_priority_alone(tmp_path: Path) -> None:
    before = os.nice(0)
    prepare(tmp_path / "cache")
    assert os.nice(0) == before  # (lowered only in the process started in the background)


def test_with_no_store_it_creates_none(tmp_path: Path, data_dir: Path) -> None:
    prepare(tmp_path / "cache")
    assert not data_dir.exists()


def test_it_opens_the_store_read_only_and_keeps_no_backup(
    tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store_with_plan(data_dir).close()
    for made in backups.folder_of(data_dir / "planner.db").glob("*"):
        made.unlink()  # (the day's backup made when the test's store was created)

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the preparation opened the store for writing")

    monkeypatch.setattr(Store, "open", refuse)
    prepare(tmp_path / "cache")
    assert kept_schedule.day_file(base(tmp_path / "cache", data_dir), TOMORROW).exists()
    assert not list(backups.folder_of(data_dir / "planner.db").glob("*"))


def test_a_damaged_store_is_left_alone(tmp_path: Path, data_dir: Path) -> None:
    data_dir.mkdir()
    (data_dir / "planner.db").write_bytes(b"not a database" * 100)
    prepare(tmp_path / "cache")
    assert (data_dir / "planner.db").read_bytes() == b"not a database" * 100
    assert not list((tmp_path / "cache").glob("schedule-*.json"))


def test_one_started_while_another_runs_leaves_at_once(tmp_path: Path, data_dir: Path) -> None:
    import fcntl

    store_with_plan(data_dir).close()
    cache = tmp_path / "cache"
    cache.mkdir()
    with (cache / prepare_cmd.LOCK_NAME).open("w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        prepare(cache)
    assert not list(cache.glob("schedule-*.json"))


def test_a_change_while_it_works_is_prepared_too(
    tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store_with_plan(data_dir).close()
    cache = tmp_path / "cache"
    with Store.open(data_dir) as store:
        first = Workspace(bundled(), store, TODAY).schedule.days[0]
    item_id = next(s.id for s in first.sessions if s.kind == "study")
    real = kept_schedule.kept_or_computed
    calls: list[dt.date] = []

    def and_a_tick_meanwhile(*args: object, **kwargs: object) -> object:
        calls.append(args[4])  # type: ignore[arg-type]
        if len(calls) == 1:
            with Store.open(data_dir) as other:
                other.record_done(item_id, TODAY, 30)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(kept_schedule, "kept_or_computed", and_a_tick_meanwhile)
    prepare(cache)
    # the later days wait for the store as it is now: all are made again for the tick
    later = [TODAY + dt.timedelta(days=d) for d in (2, 3)]
    assert calls == [TODAY, TOMORROW, TODAY, TOMORROW, *later]
    with Store.open(data_dir) as store:
        assert store.load_progress().is_done(item_id)
        syllabus = load_syllabus_cached([bundled_syllabus()], cache)
        no_scheduling(monkeypatch)
        assert Workspace(syllabus, store, TOMORROW, schedule_cache=base(cache, data_dir)).schedule


def test_it_keeps_the_files_of_other_days(tmp_path: Path, data_dir: Path) -> None:
    store_with_plan(data_dir).close()
    cache = tmp_path / "cache"
    far = kept_schedule.day_file(base(cache, data_dir), TODAY + dt.timedelta(days=30))
    far.parent.mkdir(parents=True)
    far.write_text("{}")
    prepare(cache)
    assert far.exists()  # (a command run with --today must not drop the real day's)


def test_open_for_reading_finds_no_store_where_there_is_none(data_dir: Path) -> None:
    assert Store.open_for_reading(data_dir) is None
    assert not data_dir.exists()
