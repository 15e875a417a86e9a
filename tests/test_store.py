"""The store: each method, the event log, files and failures."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import stat
import threading
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from planner.core.plan import DayOff, Interview, Options, Plan
from planner.core.progress import Attempt, ItemProgress, MockRound, Review, WorkEntry
from planner.paths import database_path
from planner.store.errors import StoreError
from planner.store.migrations import SCHEMA_VERSION
from planner.store.store import Store

DAY = dt.date(2026, 11, 25)
AT = dt.datetime(2026, 11, 25, 20, 30)


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    s = Store.open(data_dir)
    yield s
    s.close()


def sample_plan() -> Plan:
    return Plan(
        interviews=(
            Interview(name="Meta phone screen", date=dt.date(2026, 12, 3), rounds=("ml-theory",)),
        ),
        weekday_minutes=(60, 60, 60, 60, 60, 200, 0),
        days_off=(DayOff(start=dt.date(2026, 12, 24), end=dt.date(2026, 12, 26)),),
        start=dt.date(2026, 11, 20),
        options=Options(drill_size=15),
        syllabi=("/tmp/extra.yaml",),
    )


# ---------------------------------------------------------------- opening and files


def test_open_creates_private_folder_and_files(data_dir: Path) -> None:
    with Store.open(data_dir) as store:
        store.record_done("a", DAY, 10)
        assert stat.S_IMODE(os.stat(data_dir).st_mode) == 0o700
        db = database_path(data_dir)
        for path in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
            assert path.exists(), path
            assert stat.S_IMODE(os.stat(path).st_mode) == 0o600, path


def test_open_tightens_an_existing_database_to_owner_only(data_dir: Path) -> None:
    Store.open(data_dir).close()
    db = database_path(data_dir)
    db.chmod(0o644)
    Store.open(data_dir).close()
    assert stat.S_IMODE(os.stat(db).st_mode) == 0o600


def test_open_uses_wal_and_current_schema(data_dir: Path) -> None:
    Store.open(data_dir).close()
    conn = sqlite3.connect(database_path(data_dir))
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    conn.close()


def test_reopen_keeps_data(data_dir: Path) -> None:
    with Store.open(data_dir) as store:
        store.record_done("a", DAY, 10)
    with Store.open(data_dir) as store:
        assert store.load_progress().of("a").done


def test_corrupt_database_is_a_one_line_error(data_dir: Path) -> None:
    data_dir.mkdir()
    db = database_path(data_dir)
    db.write_bytes(b"this is not a database, just some text\n" * 100)
    with pytest.raises(StoreError) as err:
        Store.open(data_dir)
    message = str(err.value)
    assert "\n" not in message
    assert str(db) in message and "not a database" in message
    assert db.read_bytes() == b"this is not a database, just some text\n" * 100


def test_data_dir_inside_a_file_is_a_one_line_error(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(StoreError) as err:
        Store.open(blocker / "data")
    assert "\n" not in str(err.value)
    assert str(err.value).startswith(f"cannot create the store in {blocker / 'data'}: ")


def test_unwritable_data_dir_is_a_one_line_error(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root can write anywhere")
    parent = tmp_path / "locked"
    parent.mkdir()
    parent.chmod(0o500)
    try:
        with pytest.raises(StoreError) as err:
            Store.open(parent / "data")
        assert "\n" not in str(err.value)
        assert "cannot create the store" in str(err.value)
    finally:
        parent.chmod(0o700)


def test_database_path_that_is_a_folder_is_a_one_line_error(data_dir: Path) -> None:
    database_path(data_dir).mkdir(parents=True)
    with pytest.raises(StoreError) as err:
        Store.open(data_dir)
    assert str(err.value) == f"cannot open the store {database_path(data_dir)}: it is a folder"


def test_database_from_a_newer_planner_is_refused(data_dir: Path) -> None:
    Store.open(data_dir).close()
    conn = sqlite3.connect(database_path(data_dir))
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="newer planner"):
        Store.open(data_dir)


def test_closed_store_raises_store_error(data_dir: Path) -> None:
    store = Store.open(data_dir)
    store.close()
    with pytest.raises(StoreError, match="closed"):
        store.load_progress()


def test_integrity_check_ok(store: Store) -> None:
    assert store.integrity_check() == "ok"


# ---------------------------------------------------------------- plan


def test_plan_round_trips(store: Store) -> None:
    assert store.load_plan() is None
    plan = sample_plan()
    store.save_plan(plan)
    assert store.load_plan() == plan
    assert [e.action for e in store.events()] == ["plan"]


def test_saving_the_same_plan_adds_no_event(store: Store) -> None:
    store.save_plan(sample_plan())
    store.save_plan(sample_plan())
    assert len(store.events()) == 1


def test_replacing_the_plan_can_be_undone(store: Store) -> None:
    first = sample_plan()
    second = replace(first, weekday_minutes=(0, 0, 0, 0, 0, 300, 300))
    store.save_plan(first)
    store.save_plan(second)
    assert store.load_plan() == second
    store.undo()
    assert store.load_plan() == first
    store.undo()
    assert store.load_plan() is None


# ---------------------------------------------------------------- progress


def test_record_done_adds_minutes_and_dates_the_tick(store: Store) -> None:
    store.add_minutes("a", 20, DAY - dt.timedelta(days=1))
    store.record_done("a", DAY, 25)
    progress = store.load_progress()
    assert progress.of("a") == ItemProgress(minutes_spent=45, done=True, done_on=DAY)
    assert progress.work == (
        WorkEntry(on=DAY - dt.timedelta(days=1), id="a", minutes=20),
        WorkEntry(on=DAY, id="a", minutes=25),
    )


def test_record_done_twice_keeps_the_first_date(store: Store) -> None:
    store.record_done("a", DAY, 10)
    store.record_done("a", DAY + dt.timedelta(days=2), 5)
    assert store.load_progress().of("a") == ItemProgress(minutes_spent=15, done=True, done_on=DAY)


def test_record_done_refuses_negative_minutes(store: Store) -> None:
    with pytest.raises(ValueError):
        store.record_done("a", DAY, -1)
    assert store.events() == []


def test_record_undone_takes_back_the_minutes_of_the_tick(store: Store) -> None:
    store.add_minutes("a", 20, DAY)
    later = DAY + dt.timedelta(days=2)
    store.record_done("a", later, 40)
    store.record_undone("a", later + dt.timedelta(days=1))
    progress = store.load_progress()
    assert progress.of("a") == ItemProgress(minutes_spent=20, done=False)
    assert [(w.on, w.minutes) for w in progress.work] == [(DAY, 20)]  # the tick's day is empty
    assert [e.action for e in store.events()] == ["minutes", "done", "undone"]
    store.undo()  # the untick undone: done again, with the tick's minutes
    progress = store.load_progress()
    assert progress.of("a").done and progress.of("a").minutes_spent == 60
    assert [(w.on, w.minutes) for w in progress.work] == [(DAY, 20), (later, 40)]


def test_an_untick_of_a_tick_with_no_minutes_takes_nothing_back(store: Store) -> None:
    store.add_minutes("a", 60, DAY)
    store.record_done("a", DAY, 0)
    store.record_undone("a", DAY)
    assert store.load_progress().of("a") == ItemProgress(minutes_spent=60, done=False)
    assert "minutes" not in store.events()[-1].payload


def test_record_undone_on_an_item_not_done_does_nothing(store: Store) -> None:
    store.record_undone("a", DAY)
    assert store.events() == []
    assert store.load_progress().items == {}


def test_add_minutes_never_goes_below_zero(store: Store) -> None:
    store.add_minutes("a", 30, DAY)
    store.add_minutes("a", -50, DAY)
    progress = store.load_progress()
    assert progress.of("a").minutes_spent == 0
    assert progress.work == ()
    # the event records what was really taken back
    assert store.events()[-1].payload["minutes"] == -30
    store.add_minutes("a", -5, DAY)
    assert len(store.events()) == 2


def test_negative_minutes_come_off_the_latest_days(store: Store) -> None:
    d1, d2 = DAY - dt.timedelta(days=2), DAY - dt.timedelta(days=1)
    store.add_minutes("a", 30, d1)
    store.add_minutes("a", 20, d2)
    store.add_minutes("a", -25, DAY)
    assert store.load_progress().work == (WorkEntry(on=d1, id="a", minutes=25),)


def test_set_skipped(store: Store) -> None:
    store.set_skipped("opt", True, DAY)
    progress = store.load_progress()
    assert progress.of("opt").skipped and progress.is_done("opt")
    store.set_skipped("opt", True, DAY)
    assert len(store.events()) == 1
    store.set_skipped("opt", False, DAY)
    assert not store.load_progress().of("opt").skipped


def test_push_and_pin_replace_each_other(store: Store) -> None:
    tomorrow = DAY + dt.timedelta(days=1)
    store.push("a", tomorrow)
    assert store.load_progress().pushed == {"a": tomorrow}
    store.pin("a", DAY + dt.timedelta(days=3))
    progress = store.load_progress()
    assert progress.pinned == {"a": DAY + dt.timedelta(days=3)} and progress.pushed == {}
    store.pin("a", None)
    progress = store.load_progress()
    assert progress.pinned == {} and progress.pushed == {}
    assert [e.action for e in store.events()] == ["push", "pin", "unpin"]
    store.pin("a", None)
    assert len(store.events()) == 3


# ---------------------------------------------------------------- notes


def test_notes(store: Store) -> None:
    assert store.note("a") == ""
    store.save_note("a", "# Heading\n[bold]not markup[/bold]")
    store.save_note("b", "second")
    assert store.note("a") == "# Heading\n[bold]not markup[/bold]"
    assert store.notes() == {"a": "# Heading\n[bold]not markup[/bold]", "b": "second"}


def test_unchanged_note_adds_no_event(store: Store) -> None:
    store.save_note("a", "text")
    store.save_note("a", "text")
    store.save_note("b", "")
    assert [e.action for e in store.events()] == ["note"]


def test_empty_note_removes_it(store: Store) -> None:
    store.save_note("a", "text")
    store.save_note("a", "")
    assert store.notes() == {}
    store.undo()
    assert store.note("a") == "text"


# ---------------------------------------------------------------- practice


def test_reviews(store: Store) -> None:
    store.record_review("q1", "good", AT, 4)
    store.record_review("q1", "again", AT + dt.timedelta(days=1), 3, kind="drill")
    progress = store.load_progress()
    assert progress.reviews == (
        Review("q1", "good", AT),
        Review("q1", "again", AT + dt.timedelta(days=1)),
    )
    assert progress.work == (
        WorkEntry(on=AT.date(), id="q1", minutes=4, kind="review"),
        WorkEntry(on=AT.date() + dt.timedelta(days=1), id="q1", minutes=3, kind="drill"),
    )


def test_timezone_aware_review_times_round_trip(store: Store) -> None:
    at = dt.datetime(2026, 11, 25, 22, 0, tzinfo=dt.timezone(dt.timedelta(hours=-5)))
    store.record_review("q1", "easy", at, 2)
    assert store.load_progress().reviews == (Review("q1", "easy", at),)


def test_attempts(store: Store) -> None:
    attempt = Attempt("kata-kmeans", "solved-with-help", 40, AT, notes="forgot init")
    store.record_attempt(attempt)
    progress = store.load_progress()
    assert progress.attempts == (attempt,)
    assert progress.work == (WorkEntry(on=AT.date(), id="kata-kmeans", minutes=40, kind="coding"),)


def test_mocks(store: Store) -> None:
    mock = MockRound("design-youtube", {"clarify": 2, "metrics": 1, "serving": 0}, 45, AT, "ok")
    store.record_mock(mock)
    progress = store.load_progress()
    assert progress.mocks == (mock,)
    assert progress.mocks[0].score == pytest.approx(0.5)
    assert progress.work == (WorkEntry(on=AT.date(), id="design-youtube", minutes=45, kind="mock"),)


# ---------------------------------------------------------------- history


def test_events_are_in_order_with_limit(store: Store) -> None:
    store.record_done("a", DAY, 1)
    store.record_done("b", DAY, 2)
    store.record_done("c", DAY, 3)
    events = store.events()
    assert [e.seq for e in events] == sorted(e.seq for e in events)
    assert [e.payload["id"] for e in events] == ["a", "b", "c"]
    assert [e.payload["id"] for e in store.events(limit=2)] == ["b", "c"]
    assert all(e.at.tzinfo is not None for e in events)


def test_orphans_are_kept_and_reported(store: Store) -> None:
    store.record_done("kept", DAY, 5)
    store.record_done("gone/item", DAY, 5)
    store.save_note("gone/note", "x")
    store.record_review("gone-q", "good", AT, 1)
    store.push("gone/pushed", DAY)
    assert store.orphans({"kept"}) == ["gone-q", "gone/item", "gone/note", "gone/pushed"]
    assert store.load_progress().of("gone/item").done


# ---------------------------------------------------------------- settings


def test_settings(store: Store) -> None:
    assert store.setting("theme") is None
    store.set_setting("theme", "nord")
    store.set_setting("theme", "nord")
    assert store.setting("theme") == "nord"
    assert [e.action for e in store.events()] == ["setting"]


def test_undo_skips_settings(store: Store) -> None:
    store.record_done("a", DAY, 5)
    store.set_setting("theme", "nord")
    undone = store.undo()
    assert undone is not None and undone.action == "done"
    assert store.setting("theme") == "nord"


# ---------------------------------------------------------------- two windows


def test_two_stores_see_each_others_writes(data_dir: Path) -> None:
    with Store.open(data_dir) as one, Store.open(data_dir) as two:
        one.record_done("a", DAY, 10)
        two.save_note("a", "from two")
        two.record_done("b", DAY, 5)
        assert set(one.load_progress().items) == {"a", "b"}
        assert one.note("a") == "from two"
        one.undo()
        assert set(two.load_progress().items) == {"a"}


def test_second_writer_waits_for_the_first(data_dir: Path) -> None:
    with Store.open(data_dir) as store:
        blocker = sqlite3.connect(
            database_path(data_dir), isolation_level=None, check_same_thread=False
        )
        blocker.execute("BEGIN IMMEDIATE")
        released = threading.Timer(0.3, lambda: blocker.execute("COMMIT"))
        released.start()
        store.record_done("a", DAY, 5)  # waits for the lock instead of failing
        released.join()
        blocker.close()
        assert store.load_progress().of("a").done


def test_write_failure_rolls_back_and_is_a_store_error(store: Store, data_dir: Path) -> None:
    store.record_done("a", DAY, 5)
    # Sabotage: a trigger that makes every event insert fail mid-transaction.
    raw = sqlite3.connect(database_path(data_dir))
    raw.execute(
        "CREATE TRIGGER refuse BEFORE INSERT ON events "
        "BEGIN SELECT RAISE(ABORT, 'disk on fire'); END"
    )
    raw.commit()
    raw.close()
    with pytest.raises(StoreError, match="disk on fire"):
        store.record_done("b", DAY, 5)
    assert set(store.load_progress().items) == {"a"}


def test_untick_takes_back_every_done_since_the_item_became_done(store: Store) -> None:
    later = DAY + dt.timedelta(days=1)
    store.record_done("a", DAY, 45)
    store.record_done("a", later, 10)  # more minutes on an item already done
    store.record_undone("a", later)
    progress = store.load_progress()
    assert progress.of("a") == ItemProgress(minutes_spent=0, done=False)
    assert progress.work == ()


def test_notes_of_attempts_and_mocks_lose_control_characters(store: Store) -> None:
    from planner.core.progress import Attempt, MockRound

    at = dt.datetime(2026, 11, 20, 20, tzinfo=dt.UTC)
    store.record_attempt(Attempt("kata", "solved", 20, at, "x \x1b[31mred\x9b"))
    store.record_mock(MockRound("design", {"clarify": 1}, 45, at, "a\x07b"))
    progress = store.load_progress()
    assert progress.attempts[0].notes == "x [31mred"
    assert progress.mocks[0].notes == "ab"
    assert Store.checked_state(store.export_state())  # exports and imports again
