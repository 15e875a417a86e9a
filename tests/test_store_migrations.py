"""Migrations: a database written by schema v1 opens with every datum intact."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from planner.core.plan import DayOff, Interview, Options, Plan
from planner.core.progress import Attempt, ItemProgress, Review, WorkEntry
from planner.paths import database_path
from planner.store.errors import StoreError
from planner.store.migrations import MIGRATIONS, SCHEMA_VERSION
from planner.store.store import Store

FIXTURE = Path(__file__).parent / "fixtures" / "store_v1.sql"
NOTE = "Gradient descent: the **step size** matters; it's [not] markup. Ünïcode ✓"


def make_v1(data_dir: Path) -> Path:
    data_dir.mkdir(parents=True, exist_ok=True)
    db = database_path(data_dir)
    conn = sqlite3.connect(db)
    conn.executescript(FIXTURE.read_text(encoding="utf-8"))
    conn.close()
    return db


def table_dump(db: Path) -> dict[str, list[tuple[object, ...]]]:
    conn = sqlite3.connect(db)
    tables = [
        row[0]
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    dump = {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in tables}
    conn.close()
    return dump


def test_fixture_is_a_v1_database(data_dir: Path) -> None:
    db = make_v1(data_dir)
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    columns = [row[1] for row in conn.execute("PRAGMA table_info(reviews)")]
    assert "minutes" not in columns
    conn.close()


def test_v1_database_migrates_with_every_datum(data_dir: Path) -> None:
    db = make_v1(data_dir)
    v1_rows = table_dump(db)
    with Store.open(data_dir) as store:
        assert store.schema_version == SCHEMA_VERSION == 2
        assert store.integrity_check() == "ok"

        assert store.load_plan() == Plan(
            interviews=(
                Interview(
                    name="Meta phone screen",
                    date=dt.date(2026, 12, 3),
                    rounds=("phone-screen", "dsa-coding"),
                ),
                Interview(
                    name="Acme onsite",
                    date=dt.date(2026, 12, 22),
                    rounds=("ml-theory", "ml-design"),
                ),
            ),
            weekday_minutes=(90, 90, 60, 90, 90, 240, 0),
            days_off=(DayOff(start=dt.date(2026, 12, 24), end=dt.date(2026, 12, 26)),),
            start=dt.date(2026, 11, 18),
            options=Options(),
            syllabi=("/home/me/extra.yaml",),
        )

        progress = store.load_progress()
        assert progress.items == {
            "gone/renamed-item": ItemProgress(45, True, False, dt.date(2026, 11, 19)),
            "hundred-page-ml/ch1": ItemProgress(60, True, False, dt.date(2026, 11, 20)),
            "hundred-page-ml/ch2": ItemProgress(30, False, False, None),
            "optional/extra": ItemProgress(0, False, True, None),
        }
        assert progress.pushed == {"hundred-page-ml/ch3": dt.date(2026, 11, 26)}
        assert progress.pinned == {"q-bias-variance": dt.date(2026, 11, 27)}
        assert progress.reviews == (
            Review("q-bias-variance", "good", dt.datetime(2026, 11, 22, 20, 15)),
            Review("q-adam-vs-rmsprop", "again", dt.datetime(2026, 11, 23, 21, 0)),
        )
        assert progress.attempts == () and progress.mocks == ()
        # the work log comes from the v1 events; the undone +15 is not in it
        assert progress.work == (
            WorkEntry(dt.date(2026, 11, 19), "gone/renamed-item", 45),
            WorkEntry(dt.date(2026, 11, 20), "hundred-page-ml/ch1", 60),
            WorkEntry(dt.date(2026, 11, 21), "hundred-page-ml/ch2", 30),
        )

        assert store.notes() == {"hundred-page-ml/ch1": NOTE}
        assert store.setting("theme") == "gruvbox"
        events = store.events()
        assert [e.seq for e in events] == list(range(1, 14))
        assert [e.action for e in events][:4] == ["plan", "done", "done", "minutes"]
        assert events[7].undone and not any(e.undone for e in events if e.seq != 8)
        assert store.orphans({"hundred-page-ml/ch1", "hundred-page-ml/ch2"}) == [
            "gone/renamed-item",
            "hundred-page-ml/ch3",
            "optional/extra",
            "q-adam-vs-rmsprop",
            "q-bias-variance",
        ]

        exported = store.export_state()
        assert [r["minutes"] for r in exported["reviews"]] == [0, 0]

    # every v1 row is still there, unchanged, beside the new review column
    after = table_dump(db)
    for table, rows in v1_rows.items():
        if table == "reviews":
            assert [row[:4] for row in after[table]] == rows
            assert all(row[4] == 0 for row in after[table])
        else:
            assert after[table] == rows, table
    assert after["attempts"] == [] and after["mocks"] == []


def test_migrated_store_accepts_new_kinds_and_undoes_old_events(data_dir: Path) -> None:
    make_v1(data_dir)
    with Store.open(data_dir) as store:
        at = dt.datetime(2026, 11, 25, 20, 0)
        store.record_attempt(Attempt("kata-knn", "solved", 35, at))
        assert store.load_progress().attempts == (Attempt("kata-knn", "solved", 35, at),)
        assert store.undo() is not None  # the attempt
        # walking back into v1 history: the setting is skipped, the pin (event 12) undone
        undone = store.undo()
        assert undone is not None and undone.seq == 12
        assert store.load_progress().pinned == {}
        assert store.undo() is not None  # push of ch3
        assert store.load_progress().pushed == {}
        assert store.undo() is not None  # the v1 review without minutes
        assert [r.practice_id for r in store.load_progress().reviews] == ["q-bias-variance"]


def test_migrating_twice_is_a_no_op(data_dir: Path) -> None:
    db = make_v1(data_dir)
    Store.open(data_dir).close()
    first = table_dump(db)
    Store.open(data_dir).close()
    assert table_dump(db) == first


def test_failed_migration_leaves_the_v1_database_untouched(data_dir: Path) -> None:
    db = make_v1(data_dir)
    conn = sqlite3.connect(db)
    # a table in the way makes the v2 script fail half-way (after ALTER TABLE reviews)
    conn.execute("CREATE TABLE mocks (x INTEGER)")
    conn.commit()
    conn.close()
    before = table_dump(db)
    with pytest.raises(StoreError) as err:
        Store.open(data_dir)
    assert "\n" not in str(err.value) and "mocks already exists" in str(err.value)
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    conn.close()
    assert table_dump(db) == before


def test_fresh_schema_equals_migrated_schema(tmp_path: Path) -> None:
    fresh_dir, migrated_dir = tmp_path / "fresh", tmp_path / "migrated"
    Store.open(fresh_dir).close()
    make_v1(migrated_dir)
    Store.open(migrated_dir).close()

    def schema(db: Path) -> list[tuple[str, str]]:
        conn = sqlite3.connect(db)
        rows = conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name"
        ).fetchall()
        conn.close()
        return [(str(n), " ".join(str(s).split())) for n, s in rows]

    assert schema(database_path(fresh_dir)) == schema(database_path(migrated_dir))


def test_migrations_are_ordered_and_contiguous() -> None:
    assert [version for version, _ in MIGRATIONS] == list(range(1, SCHEMA_VERSION + 1))
