"""Automatic backups (issue 12.7): one a day on the first opening, one before every import,
migration and restore, the last 7 daily ones kept; `planner backup list` and
`planner backup restore NAME`; a damaged store names its newest good backup."""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import cli
from planner.store import backups
from planner.store.errors import DamagedStoreError, StoreError
from planner.store.migrations import SCHEMA_VERSION, V1
from planner.store.state import read_state
from planner.store.store import Store
from tests.tui_support import TODAY, make_app, store_with_plan

ITEM = "hundred-page-ml/ch02"
OTHER = "hundred-page-ml/ch03"


def done_ids(data_dir: Path) -> set[str]:
    with Store.open(data_dir) as store:
        return {i for i, p in store.load_progress().items.items() if p.done}


def names(data_dir: Path) -> list[str]:
    return sorted(b.name for b in backups.listing(data_dir / "planner.db"))


def run(data_dir: Path, *args: str) -> tuple[int, str, str]:
    """The real command, in a new process."""
    done = subprocess.run(
        [sys.executable, "-m", "planner", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=os.environ.copy(),
    )
    return done.returncode, done.stdout, done.stderr


def damage(db: Path) -> bytes:
    """Junk over the pages after the first: SQLite's quick check finds it."""
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    content = bytearray(db.read_bytes())
    content[4096 : 4096 * 3] = b"\xa5" * 8192
    db.write_bytes(bytes(content))
    return bytes(content)


def test_a_new_store_has_no_backup_and_the_first_opening_of_a_day_makes_one(
    data_dir: Path,
) -> None:
    Store.open(data_dir).close()
    assert names(data_dir) == []  # nothing to keep yet
    store = store_with_plan(data_dir)
    store.record_done(ITEM, TODAY, 30)
    store.close()
    with Store.open(data_dir) as store:
        (daily,) = backups.listing(store.path)
        assert daily.name == f"daily-{dt.date.today().isoformat()}.db"
        store.record_done(OTHER, TODAY, 30)
    with Store.open(data_dir):
        pass
    (again,) = backups.listing(data_dir / "planner.db")  # once a day, not on every opening
    assert again.path.read_bytes() == daily.path.read_bytes()
    with backups.read_only(daily.path) as conn:  # the state of the day's first opening
        assert {r[0] for r in conn.execute("SELECT id FROM progress WHERE done = 1")} == {ITEM}
    assert (daily.path.stat().st_mode & 0o777) == 0o600
    assert (daily.path.parent.stat().st_mode & 0o777) == 0o700
    assert not daily.path.with_name(daily.name + "-wal").exists()


def test_the_last_seven_daily_backups_are_kept(data_dir: Path) -> None:
    store = store_with_plan(data_dir)
    first = dt.date(2026, 11, 1)
    try:
        for n in range(10):
            day = first + dt.timedelta(days=n)
            store.record_done(f"hundred-page-ml/ch{n:02}", day, 10)
            assert store.keep_daily_backup(day) is not None
            assert store.keep_daily_backup(day) is None  # the day has its backup
    finally:
        store.close()
    kept = [n for n in names(data_dir) if n != f"daily-{dt.date.today().isoformat()}.db"]
    assert kept == [f"daily-2026-11-{d:02}.db" for d in range(4, 11)]
    newest = backups.folder_of(data_dir / "planner.db") / "daily-2026-11-10.db"
    with backups.read_only(newest) as conn:
        assert conn.execute("SELECT COUNT(*) FROM progress WHERE done = 1").fetchone()[0] == 10


def test_backups_of_other_kinds_are_not_pruned_by_the_daily_ones(data_dir: Path) -> None:
    store = store_with_plan(data_dir)
    try:
        before = backups.keep_before(
            store._connection(), store.path, backups.BEFORE_IMPORT, dt.datetime(2026, 1, 1)
        )
        for n in range(9):
            store.keep_daily_backup(dt.date(2026, 11, 1) + dt.timedelta(days=n))
        for _ in range(9):  # same second: distinct names
            backups.keep_before(
                store._connection(), store.path, backups.BEFORE_RESTORE, dt.datetime(2026, 2, 1)
            )
    finally:
        store.close()
    kinds = [b.kind for b in backups.listing(data_dir / "planner.db")]
    assert kinds.count(backups.BEFORE_IMPORT) == 1 and before.exists()
    assert kinds.count(backups.BEFORE_RESTORE) == backups.KEPT_PER_KIND
    assert kinds.count(backups.DAILY) == backups.DAILY_KEPT


def test_a_migration_is_preceded_by_a_backup_of_the_old_schema(data_dir: Path) -> None:
    data_dir.mkdir()
    db = data_dir / "planner.db"
    conn = sqlite3.connect(db, isolation_level=None)
    conn.executescript(V1)
    conn.execute("INSERT INTO progress (id, minutes_spent, done) VALUES (?, 30, 1)", (ITEM,))
    conn.execute("INSERT INTO events (at, action, payload) VALUES ('2026-01-01', 'done', '{}')")
    conn.execute("PRAGMA user_version = 1")
    conn.close()
    with Store.open(data_dir) as store:
        assert store.schema_version == SCHEMA_VERSION
    (migration,) = [b for b in backups.listing(db) if b.kind == backups.BEFORE_MIGRATION]
    with backups.read_only(migration.path) as old:
        assert old.execute("PRAGMA user_version").fetchone()[0] == 1
        assert [tuple(r) for r in old.execute("SELECT id FROM progress")] == [(ITEM,)]


def test_restore_brings_back_the_backup_and_keeps_the_state_it_replaced(data_dir: Path) -> None:
    store = store_with_plan(data_dir)
    store.record_done(ITEM, TODAY, 30)
    daily = store.keep_daily_backup(dt.date(2026, 11, 1))
    assert daily is not None
    store.record_done(OTHER, TODAY, 30)
    store.save_note(ITEM, "after the backup")
    with store._read() as conn:
        replaced = read_state(conn)
    store.close()
    code, out, err = run(data_dir, "backup", "restore", daily.name)
    assert (code, err) == (0, "")
    saved = next(
        b for b in backups.listing(data_dir / "planner.db") if b.kind == backups.BEFORE_RESTORE
    )
    made = backups.find(data_dir / "planner.db", daily.name).made
    assert out == (
        f"restored {daily.name} (made {made:%Y-%m-%d %H:%M})\n"
        f"the state it replaced is in {saved.path} "
        f"('planner backup restore {saved.name}' brings it back)\n"
    )
    assert done_ids(data_dir) == {ITEM}
    with Store.open(data_dir) as store:
        assert store.note(ITEM) == ""
        assert store.integrity_check() == "ok"
    with backups.read_only(saved.path) as conn:
        assert read_state(conn) == replaced
    code, _, _ = run(data_dir, "backup", "restore", saved.name)  # and back again
    assert code == 0
    assert done_ids(data_dir) == {ITEM, OTHER}


def test_a_second_window_sees_a_restore(data_dir: Path) -> None:
    store = store_with_plan(data_dir)
    daily = store.keep_daily_backup(dt.date(2026, 11, 1))
    assert daily is not None
    store.record_done(ITEM, TODAY, 30)
    try:
        Store.restore_backup(data_dir, daily.name)  # while this window is open
        assert not store.load_progress().items.get(ITEM)
        store.record_done(OTHER, TODAY, 20)  # and its next tick lands in the restored store
    finally:
        store.close()
    assert done_ids(data_dir) == {OTHER}


def test_a_damaged_store_names_its_newest_good_backup_and_restore_mends_it(
    data_dir: Path,
) -> None:
    store = store_with_plan(data_dir)
    for n in range(40):
        store.save_note(f"hundred-page-ml/ch{n:02}", "x" * 300)
    store.record_done(ITEM, TODAY, 30)
    older = store.keep_daily_backup(dt.date(2026, 11, 1))
    store.record_done(OTHER, TODAY, 30)
    newer = store.keep_daily_backup(dt.date(2026, 11, 2))
    store.close()
    assert older is not None and newer is not None
    damage(newer)  # the newest backup is damaged too: the hint skips it
    os.utime(older, (1_700_000_000, 1_700_000_000))
    db = data_dir / "planner.db"
    junk = damage(db)
    code, out, err = run(data_dir, "today")
    assert code == 1 and out == "" and "Traceback" not in err and err.count("\n") == 1
    assert err.startswith(f"planner: {db} is damaged (")
    made = dt.datetime.fromtimestamp(1_700_000_000)
    assert err.endswith(
        f"nothing was written to it; the newest good backup is {older.name} "
        f"(made {made:%Y-%m-%d %H:%M}): 'planner backup restore {older.name}' puts it back\n"
    )
    assert db.read_bytes() == junk
    code, out, err = run(data_dir, "backup", "list")
    assert code == 0 and f"{newer.name}" in out and "cannot be restored: damaged" in out
    code, out, err = run(data_dir, "backup", "restore", newer.name)
    assert code == 1 and "cannot be restored (damaged); nothing was changed" in err
    assert db.read_bytes() == junk
    code, out, err = run(data_dir, "backup", "restore", older.name)
    assert code == 0, err
    (moved,) = [b for b in backups.listing(db) if b.kind == backups.DAMAGED]
    assert f"the damaged store was moved to {moved.path}" in out
    assert moved.path.read_bytes() == junk  # kept as it was
    assert done_ids(data_dir) == {ITEM}


def test_a_damaged_store_without_backups_says_so(data_dir: Path) -> None:
    store = store_with_plan(data_dir)
    for n in range(40):
        store.save_note(f"hundred-page-ml/ch{n:02}", "x" * 300)
    store.close()
    db = data_dir / "planner.db"
    damage(db)
    with pytest.raises(DamagedStoreError) as caught:
        Store.open(data_dir)
    assert str(caught.value).endswith(
        "nothing was written to it; no backup of it is kept: move the file away to start afresh"
    )


@pytest.mark.parametrize("name", ["nope.db", "../planner.db", "/etc/passwd", "", "daily-x.json"])
def test_restore_of_a_backup_that_is_not_there_changes_nothing(data_dir: Path, name: str) -> None:
    store = store_with_plan(data_dir)
    store.record_done(ITEM, TODAY, 30)
    store.close()
    before = (data_dir / "planner.db").read_bytes()
    result = CliRunner().invoke(cli, ["--data-dir", str(data_dir), "backup", "restore", name])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"planner: no backup called {name!r} in ")
    assert (data_dir / "planner.db").read_bytes() == before


def test_restore_of_a_backup_from_a_newer_planner_is_refused(data_dir: Path) -> None:
    store = store_with_plan(data_dir)
    daily = store.keep_daily_backup(dt.date(2026, 11, 1))
    store.close()
    assert daily is not None
    conn = sqlite3.connect(daily)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(StoreError, match=r"written by a newer planner .* nothing was changed"):
        Store.restore_backup(data_dir, daily.name)


def test_backup_list_says_what_each_holds(data_dir: Path) -> None:
    runner = CliRunner()
    empty = runner.invoke(cli, ["--data-dir", str(data_dir), "backup", "list"])
    assert empty.exit_code == 0
    folder = data_dir / "backups"
    assert empty.stdout == (
        f"no backups yet in {folder} (one is made on the first opening of each day)\n"
    )
    store = store_with_plan(data_dir)
    store.record_done(ITEM, TODAY, 30)
    store.record_done(OTHER, TODAY, 30)
    daily = store.keep_daily_backup(dt.date(2026, 11, 1))
    with store._read() as conn:
        events, last = conn.execute("SELECT COUNT(*), MAX(at) FROM events").fetchone()
    store.close()
    assert daily is not None
    result = runner.invoke(cli, ["--data-dir", str(data_dir), "backup", "list", "--json"])
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    row = next(r for r in rows if r["name"] == daily.name)
    assert row == {
        "name": daily.name,
        "kind": "daily",
        "made": backups.find(data_dir / "planner.db", daily.name).made.isoformat(),
        "bytes": daily.stat().st_size,
        "restorable": True,
        "problem": None,
        "events": events,
        "done": 2,
        "last_action": last,
    }
    text = runner.invoke(cli, ["--data-dir", str(data_dir), "backup", "list"]).stdout
    assert f"  {daily.name}  " in text and f"2 done · {events} events · last " in text


def test_a_backup_that_cannot_be_written_warns_and_the_store_still_opens(
    data_dir: Path,
) -> None:
    store = store_with_plan(data_dir)
    store.record_done(ITEM, TODAY, 30)
    store.close()
    (data_dir / "backups").write_text("in the way")
    result = CliRunner().invoke(
        cli, ["--data-dir", str(data_dir), "--today", TODAY.isoformat(), "done", OTHER]
    )
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith(f"planner: warning: no backup could be kept in {data_dir}")
    assert done_ids(data_dir) == {ITEM, OTHER}


def test_an_import_cannot_go_ahead_without_its_backup(tmp_path: Path, data_dir: Path) -> None:
    store = store_with_plan(data_dir)
    store.record_done(ITEM, TODAY, 30)
    state = store.export_state()
    store.close()
    (data_dir / "backups").write_text("in the way")
    problem = "cannot keep a backup in .*nothing was changed"
    with Store.open(data_dir) as store, pytest.raises(StoreError, match=problem):
        store.import_state(state)
    assert done_ids(data_dir) == {ITEM}


async def test_an_app_left_open_into_a_new_day_makes_that_day_s_backup(data_dir: Path) -> None:
    store = store_with_plan(data_dir)
    store.record_done(ITEM, TODAY, 30)
    today = backups.folder_of(store.path) / f"daily-{dt.date.today().isoformat()}.db"
    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert not today.exists()  # (opened without Store.open's backup, as at midnight)
        app.check_store()
        assert today.exists()
        with backups.read_only(today) as conn:
            assert conn.execute("SELECT id FROM progress").fetchone()[0] == ITEM
    store.close()
