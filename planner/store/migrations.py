"""The store's schema, as explicit ordered migrations keyed by `PRAGMA user_version`.

Version 1 was the first store: the plan, item progress, push/pin marks, notes, practice
reviews (without the time they took), the event log and settings. Version 2 adds what v1
lacked: timed coding attempts, mock design rounds and the minutes a review took.

Never edit a migration that has shipped: add a new one. A fresh database runs them all in
order, so every path a real database can take is the one the tests exercise.
"""

from __future__ import annotations

import sqlite3

V1 = """
CREATE TABLE plan (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    json TEXT NOT NULL
);
CREATE TABLE progress (
    id TEXT PRIMARY KEY,
    minutes_spent INTEGER NOT NULL DEFAULT 0 CHECK (minutes_spent >= 0),
    done INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
    skipped INTEGER NOT NULL DEFAULT 0 CHECK (skipped IN (0, 1)),
    done_on TEXT
);
CREATE TABLE marks (
    id TEXT PRIMARY KEY,
    pushed TEXT,
    pinned TEXT
);
CREATE TABLE notes (
    id TEXT PRIMARY KEY,
    text TEXT NOT NULL,
    updated TEXT NOT NULL
);
CREATE TABLE reviews (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    practice_id TEXT NOT NULL,
    rating TEXT NOT NULL CHECK (rating IN ('again', 'hard', 'good', 'easy')),
    at TEXT NOT NULL
);
CREATE INDEX reviews_by_practice ON reviews (practice_id, at);
CREATE TABLE events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    action TEXT NOT NULL,
    payload TEXT NOT NULL,
    undone INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1))
);
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
"""

V2 = """
ALTER TABLE reviews ADD COLUMN minutes INTEGER NOT NULL DEFAULT 0;
CREATE TABLE attempts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    practice_id TEXT NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('solved', 'solved-with-help', 'not-solved')),
    minutes INTEGER NOT NULL CHECK (minutes >= 0),
    at TEXT NOT NULL,
    notes TEXT NOT NULL DEFAULT ''
);
CREATE INDEX attempts_by_practice ON attempts (practice_id, at);
CREATE TABLE mocks (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    practice_id TEXT NOT NULL,
    scores TEXT NOT NULL,
    minutes INTEGER NOT NULL CHECK (minutes >= 0),
    at TEXT NOT NULL,
    notes TEXT NOT NULL DEFAULT ''
);
CREATE INDEX mocks_by_practice ON mocks (practice_id, at);
CREATE INDEX events_not_undone ON events (undone, seq);
"""

MIGRATIONS: tuple[tuple[int, str], ...] = ((1, V1), (2, V2))
"""(version reached, SQL script), in order."""

SCHEMA_VERSION = MIGRATIONS[-1][0]


def run_script(conn: sqlite3.Connection, script: str) -> None:
    """Execute each statement of `script` inside the caller's open transaction.

    `executescript` would commit first; a migration must be all-or-nothing with its
    `user_version` bump.
    """
    for statement in script.split(";"):
        if statement.strip():
            conn.execute(statement)


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the database to `SCHEMA_VERSION`; returns the version it had before.

    The caller holds a write transaction (`BEGIN IMMEDIATE`), so two processes opening a
    new database at once cannot both migrate it.
    """
    (before,) = conn.execute("PRAGMA user_version").fetchone()
    for version, script in MIGRATIONS:
        if version > before:
            run_script(conn, script)
            conn.execute(f"PRAGMA user_version = {version:d}")
    return int(before)
