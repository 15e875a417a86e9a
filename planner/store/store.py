"""SQLite store: the plan, progress, notes, reviews and an append-only event log.

The schema and its migrations are `planner.store.migrations`; events, undo and the work log are
`planner.store.events`; the whole-state export/import is `planner.store.state` (its shape,
`planner.store.schema`). This module opens the database and holds the transactions.

Every method that writes is one `BEGIN IMMEDIATE` transaction that changes the state tables
and appends one event carrying the state it replaced, so `undo` can put it back. Reads
always go to the database (no cache), so two windows on one store never lose each other's
ticks or notes; `busy_timeout` makes a second writer wait instead of failing.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, closing, contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from planner.core.labels import without_controls
from planner.core.plan import Plan
from planner.core.plan_json import PlanError, plan_from_json, plan_to_json
from planner.core.progress import (
    Attempt,
    ItemProgress,
    MockRound,
    Progress,
    Rating,
    Review,
    WorkKind,
)
from planner.paths import database_path
from planner.store import backups
from planner.store.errors import DamagedStoreError, StoredPlanError, StoreError
from planner.store.events import (
    EMPTY_PROGRESS,
    UNDOABLE,
    WORK_ACTIONS,
    Event,
    dumps,
    event_from_row,
    progress_row,
    put_marks,
    put_progress,
    reverse,
    work_log,
)
from planner.store.migrations import SCHEMA_VERSION, migrate

if TYPE_CHECKING:
    from planner.store.schema import StateFile

__all__ = ["UNDOABLE", "Event", "Store", "StoreError"]

BUSY_TIMEOUT_SECONDS = 10.0
"""How long a write waits for another process's transaction before giving up."""


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


def _reason(exc: OSError | sqlite3.Error) -> str:
    """Why a file operation failed: the system's words for an OSError, else one line."""
    strerror = exc.strerror if isinstance(exc, OSError) else None
    return strerror or _one_line(exc)


def _connect(target: str | Path, *, uri: bool = False) -> sqlite3.Connection:
    """A connection as the store uses one: in autocommit (transactions are explicit), usable
    from the app's worker threads, rows by column name, waiting while another writes."""
    conn = sqlite3.connect(
        target,
        uri=uri,
        timeout=BUSY_TIMEOUT_SECONDS,
        isolation_level=None,
        check_same_thread=False,
    )
    try:
        conn.row_factory = sqlite3.Row
        conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_SECONDS * 1000)}")
    except BaseException:
        conn.close()
        raise
    return conn


class Store:
    """One SQLite database. Every public method that writes is one transaction."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self._conn: sqlite3.Connection | None = conn
        self.path = path
        self.backup_problem = ""
        """Why today's automatic backup could not be made ("" when it was, or was not due)."""
        # Textual workers write from threads: one connection, one operation at a time.
        self._lock = threading.RLock()

    # ------------------------------------------------------------------ opening

    @classmethod
    def open(cls, data_dir: Path) -> Store:
        """Open (creating and migrating as needed) `data_dir/planner.db`."""
        path = database_path(data_dir)
        if data_dir.exists() and not data_dir.is_dir():
            raise StoreError(f"cannot create the store in {data_dir}: it is a file, not a folder")
        try:
            data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
            if not path.exists():
                # Created 0600 before SQLite opens it; its -wal/-shm files copy this mode.
                os.close(os.open(path, os.O_RDWR | os.O_CREAT, 0o600))
        except OSError as exc:
            reason = exc.strerror or _one_line(exc)
            raise StoreError(f"cannot create the store in {data_dir}: {reason}") from None
        if path.is_dir():
            raise StoreError(f"cannot open the store {path}: it is a folder")
        conn: sqlite3.Connection | None = None
        try:
            conn = _connect(path)
            mode = _wal_mode(conn)
            if str(mode).lower() != "wal":
                raise StoreError(f"cannot open the store {path}: WAL mode is not available")
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA foreign_keys = ON")
            _check_integrity(conn, path)
            (version,) = conn.execute("PRAGMA user_version").fetchone()
            if version > SCHEMA_VERSION:
                raise StoreError(
                    f"the store {path} was written by a newer planner "
                    f"(schema {version}, this one knows {SCHEMA_VERSION})"
                )
            if version < SCHEMA_VERSION:
                if version >= 1:
                    _keep_before(conn, path, backups.BEFORE_MIGRATION)
                conn.execute("BEGIN IMMEDIATE")
                try:
                    migrate(conn)
                    conn.execute("COMMIT")
                except BaseException:
                    conn.rollback()
                    raise
            for suffix in ("", "-wal", "-shm"):
                own = path.with_name(path.name + suffix)
                if own.exists():
                    _owner_only(own)
        except sqlite3.Error as exc:
            if conn is not None:
                conn.close()
            text = _one_line(exc)
            if any(word in text for word in DAMAGED_WORDS):
                raise DamagedStoreError(damaged_message(path, text)) from None
            raise StoreError(f"cannot open the store {path}: {text}") from None
        except StoreError:
            if conn is not None:
                conn.close()
            raise
        store = cls(conn, path)
        store.keep_daily_backup(dt.date.today())
        return store

    @classmethod
    def open_for_reading(cls, data_dir: Path) -> Store | None:
        """`data_dir/planner.db` opened read-only, as it is: nothing created, migrated,
        backed up or checked. None when there is no such store, when it has another
        schema or cannot be read (for work that may only read, and may give up)."""
        path = database_path(data_dir)
        if not path.is_file():
            return None
        conn: sqlite3.Connection | None = None
        try:
            conn = _connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
            (version,) = conn.execute("PRAGMA user_version").fetchone()
        except sqlite3.Error:
            if conn is not None:
                conn.close()
            return None
        if version != SCHEMA_VERSION:
            conn.close()
            return None
        return cls(conn, path)

    def keep_daily_backup(self, today: dt.date) -> Path | None:
        """Today's automatic backup, on the first opening of the day (the newest
        `backups.DAILY_KEPT` kept). A failure does not stop the store from opening: it is
        kept in `backup_problem` for the command line and the app to say."""
        with self._lock:
            try:
                made = backups.keep_daily(self._connection(), self.path, today)
            except (OSError, sqlite3.Error) as exc:
                self.backup_problem = (
                    f"no backup could be kept in {backups.folder_of(self.path)}: {_reason(exc)}"
                )
                return None
        self.backup_problem = ""
        return made

    @classmethod
    def restore_backup(cls, data_dir: Path, name: str) -> Restored:
        """Put back the backup called `name`. The state it replaces is backed up first
        (`before-restore-…`); a damaged store is moved into the backups folder instead, byte
        for byte. Nothing changes when the backup cannot be restored."""
        path = database_path(data_dir)
        backup = backups.find(path, name)
        problem = backups.contents(backup.path, SCHEMA_VERSION).problem
        if problem:
            raise StoreError(
                f"the backup {backup.name} cannot be restored ({problem}); nothing was changed"
            )
        try:
            store = cls.open(data_dir)
        except DamagedStoreError:
            return cls._restore_over_damaged(path, backup)
        with store, store._lock:
            conn = store._connection()
            saved = _keep_before(conn, path, backups.BEFORE_RESTORE)
            try:
                with backups.read_only(backup.path) as source:
                    source.backup(conn)
            except sqlite3.Error as exc:
                raise StoreError(
                    f"cannot restore {backup.name}: {_one_line(exc)}; the state before it is "
                    f"in {saved}"
                ) from None
        cls.open(data_dir).close()  # migrates a backup of an older schema
        return Restored(backup, saved, damaged=False)

    @classmethod
    def _restore_over_damaged(cls, path: Path, backup: backups.Backup) -> Restored:
        try:
            saved = backups.move_aside(path, dt.datetime.now())
            os.close(os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600))
            with (
                backups.read_only(backup.path) as source,
                closing(sqlite3.connect(path, isolation_level=None)) as fresh,
            ):
                source.backup(fresh)
        except (OSError, sqlite3.Error) as exc:
            raise StoreError(f"cannot restore {backup.name}: {_reason(exc)}") from None
        cls.open(path.parent).close()
        return Restored(backup, saved, damaged=True)

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        with self._read() as conn:
            return int(conn.execute("PRAGMA user_version").fetchone()[0])

    def integrity_check(self) -> str:
        """SQLite's own check: "ok" when the file is sound."""
        with self._read() as conn:
            return str(conn.execute("PRAGMA integrity_check").fetchone()[0])

    def data_version(self) -> int:
        """A number that changes whenever another connection (a second window, a `planner`
        command) commits: two different readings mean the state changed elsewhere."""
        with self._lock:
            try:
                return int(self._connection().execute("PRAGMA data_version").fetchone()[0])
            except sqlite3.Error as exc:
                raise StoreError(f"cannot read the store: {_one_line(exc)}") from None

    # ------------------------------------------------------------------ transactions

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None:
            raise StoreError("the store is closed")
        return self._conn

    @contextmanager
    def _transaction(self, begin: str, doing: str) -> Iterator[sqlite3.Connection]:
        """One transaction on the one connection: committed when the block ends, rolled back
        when it raises; a SQLite failure becomes "cannot {doing} the store: ..." (one line)."""
        with self._lock:
            conn = self._connection()
            try:
                conn.execute(begin)
                yield conn
                conn.execute("COMMIT")
            except sqlite3.Error as exc:
                if conn.in_transaction:
                    conn.rollback()
                raise self._failure(doing, exc) from None
            except (ValueError, TypeError, KeyError) as exc:
                if conn.in_transaction:
                    conn.rollback()
                if doing != "read":
                    raise
                # a record a reader cannot decode (edited by hand, or damaged): one line
                raise StoreError(
                    f"cannot read the store {self.path}: a damaged record ({_one_line(exc)}); "
                    "nothing was changed"
                ) from None
            except BaseException:
                if conn.in_transaction:
                    conn.rollback()
                raise

    def _failure(self, doing: str, exc: sqlite3.Error) -> StoreError:
        """One line for a SQLite failure; a damaged file is named, with what to do."""
        text = _one_line(exc)
        if any(word in text for word in DAMAGED_WORDS):
            return DamagedStoreError(damaged_message(self.path, text))
        return StoreError(f"cannot {doing} the store: {text}")

    def _write(self) -> AbstractContextManager[sqlite3.Connection]:
        """A write transaction, taking the write lock at once (`busy_timeout` waits for it)."""
        return self._transaction("BEGIN IMMEDIATE", "write to")

    def _read(self) -> AbstractContextManager[sqlite3.Connection]:
        """One read transaction: a consistent snapshot of the latest committed state."""
        return self._transaction("BEGIN", "read")

    @staticmethod
    def _log(conn: sqlite3.Connection, action: str, payload: Mapping[str, Any]) -> int:
        cur = conn.execute(
            "INSERT INTO events (at, action, payload) VALUES (?, ?, ?)",
            (_now(), action, dumps(dict(payload))),
        )
        return int(cur.lastrowid or 0)

    # ------------------------------------------------------------------ plan

    def load_plan(self) -> Plan | None:
        with self._read() as conn:
            row = conn.execute("SELECT json FROM plan WHERE id = 1").fetchone()
        if row is None:
            return None
        try:
            return plan_from_json(row["json"])
        except PlanError as exc:
            raise StoredPlanError(
                f"the stored plan is not valid: {exc} ('planner init' replaces it)"
            ) from None

    def save_plan(self, plan: Plan) -> None:
        text = plan_to_json(plan)
        with self._write() as conn:
            row = conn.execute("SELECT json FROM plan WHERE id = 1").fetchone()
            before = None if row is None else json.loads(row["json"])
            if row is not None and row["json"] == text:
                return
            conn.execute("INSERT OR REPLACE INTO plan (id, json) VALUES (1, ?)", (text,))
            self._log(conn, "plan", {"plan": json.loads(text), "before": before})

    # ------------------------------------------------------------------ progress

    def load_progress(self) -> Progress:
        with self._read() as conn:
            items = {
                row["id"]: ItemProgress(
                    minutes_spent=int(row["minutes_spent"]),
                    done=bool(row["done"]),
                    skipped=bool(row["skipped"]),
                    done_on=_date(row["done_on"]),
                )
                for row in conn.execute("SELECT * FROM progress ORDER BY id")
            }
            pushed: dict[str, dt.date] = {}
            pinned: dict[str, dt.date] = {}
            for row in conn.execute("SELECT * FROM marks ORDER BY id"):
                if row["pushed"]:
                    pushed[row["id"]] = dt.date.fromisoformat(row["pushed"])
                if row["pinned"]:
                    pinned[row["id"]] = dt.date.fromisoformat(row["pinned"])
            reviews = tuple(
                Review(row["practice_id"], row["rating"], dt.datetime.fromisoformat(row["at"]))
                for row in conn.execute("SELECT * FROM reviews ORDER BY at, id")
            )
            attempts = tuple(
                Attempt(
                    practice_id=row["practice_id"],
                    outcome=row["outcome"],
                    minutes=int(row["minutes"]),
                    at=dt.datetime.fromisoformat(row["at"]),
                    notes=without_controls(str(row["notes"])),
                )
                for row in conn.execute("SELECT * FROM attempts ORDER BY at, id")
            )
            mocks = tuple(
                MockRound(
                    practice_id=row["practice_id"],
                    scores=json.loads(row["scores"]),
                    minutes=int(row["minutes"]),
                    at=dt.datetime.fromisoformat(row["at"]),
                    notes=without_controls(str(row["notes"])),
                )
                for row in conn.execute("SELECT * FROM mocks ORDER BY at, id")
            )
            work = work_log(
                (row["action"], json.loads(row["payload"]))
                for row in conn.execute(
                    "SELECT action, payload FROM events WHERE undone = 0 AND action IN "
                    f"({','.join('?' * len(WORK_ACTIONS))}) ORDER BY seq",
                    sorted(WORK_ACTIONS),
                )
            )
        return Progress(
            items=items,
            pushed=pushed,
            pinned=pinned,
            reviews=reviews,
            attempts=attempts,
            mocks=mocks,
            work=work,
        )

    @staticmethod
    def _progress_before(conn: sqlite3.Connection, item_id: str) -> dict[str, Any] | None:
        row = conn.execute("SELECT * FROM progress WHERE id = ?", (item_id,)).fetchone()
        return progress_row(row)

    def record_done(self, item_id: str, on: dt.date, minutes: int) -> None:
        """Tick an item done, adding `minutes` (>= 0) spent on `on`."""
        if minutes < 0:
            raise ValueError("minutes must not be negative")
        with self._write() as conn:
            before = self._progress_before(conn, item_id)
            state = dict(before or EMPTY_PROGRESS)
            state["minutes_spent"] += minutes
            if not state["done"]:
                state["done"] = True
                state["done_on"] = on.isoformat()
            put_progress(conn, item_id, state)
            self._log(
                conn,
                "done",
                {"id": item_id, "on": on.isoformat(), "minutes": minutes, "before": before},
            )

    def record_undone(self, item_id: str, on: dt.date) -> None:
        """Untick an item: it is as it was before its tick, the minutes its tick (and any
        done with more minutes since) recorded taken back from the days they were recorded
        on."""
        with self._write() as conn:
            before = self._progress_before(conn, item_id)
            if before is None or not before["done"]:
                return
            left = before["minutes_spent"]
            taken: list[dict[str, Any]] = []
            for day, minutes in _tick_minutes(conn, item_id):
                back = min(minutes, left)
                if back > 0:
                    taken.append({"on": day, "minutes": back})
                    left -= back
            state = {**before, "done": False, "done_on": None, "minutes_spent": left}
            put_progress(conn, item_id, state)
            payload: dict[str, Any] = {"id": item_id, "on": on.isoformat(), "before": before}
            if taken:
                payload["taken"] = taken
            self._log(conn, "undone", payload)

    def add_minutes(self, item_id: str, minutes: int, on: dt.date) -> None:
        """Record partial work; negative minutes correct a mistake (never below 0 in total)."""
        with self._write() as conn:
            before = self._progress_before(conn, item_id)
            state = dict(before or EMPTY_PROGRESS)
            total = max(0, state["minutes_spent"] + minutes)
            applied = total - state["minutes_spent"]
            if applied == 0:
                return
            state["minutes_spent"] = total
            put_progress(conn, item_id, state)
            self._log(
                conn,
                "minutes",
                {"id": item_id, "on": on.isoformat(), "minutes": applied, "before": before},
            )

    def set_skipped(self, item_id: str, skipped: bool, on: dt.date) -> None:
        with self._write() as conn:
            before = self._progress_before(conn, item_id)
            state = dict(before or EMPTY_PROGRESS)
            if state["skipped"] == skipped:
                return
            state["skipped"] = skipped
            put_progress(conn, item_id, state)
            self._log(
                conn,
                "skip",
                {"id": item_id, "skipped": skipped, "on": on.isoformat(), "before": before},
            )

    def skip_all(self, item_ids: Sequence[str], on: dt.date) -> int:
        """Skip several study items at once (a "drop" fix): one action, undone as one.
        Items already skipped are left as they are. Returns how many were skipped."""
        with self._write() as conn:
            before: dict[str, dict[str, Any] | None] = {}
            for item_id in dict.fromkeys(item_ids):
                state = self._progress_before(conn, item_id)
                if state is not None and state["skipped"]:
                    continue
                before[item_id] = state
                put_progress(conn, item_id, {**(state or EMPTY_PROGRESS), "skipped": True})
            if before:
                payload = {"ids": list(before), "on": on.isoformat(), "before": before}
                self._log(conn, "drop", payload)
            return len(before)

    @staticmethod
    def _marks_before(conn: sqlite3.Connection, any_id: str) -> dict[str, Any] | None:
        row = conn.execute("SELECT pushed, pinned FROM marks WHERE id = ?", (any_id,)).fetchone()
        return None if row is None else {"pushed": row["pushed"], "pinned": row["pinned"]}

    def push(self, any_id: str, to: dt.date) -> None:
        """Not before `to` (push to tomorrow). Pushing drops a pin."""
        with self._write() as conn:
            before = self._marks_before(conn, any_id)
            after = {"pushed": to.isoformat(), "pinned": None}
            if before == after:
                return
            put_marks(conn, any_id, after)
            self._log(conn, "push", {"id": any_id, "to": to.isoformat(), "before": before})

    def pin(self, any_id: str, on: dt.date | None) -> None:
        """Pin to a date; None removes the pin. Pinning drops a push."""
        with self._write() as conn:
            before = self._marks_before(conn, any_id)
            if on is None:
                if before is None or before["pinned"] is None:
                    return
                put_marks(conn, any_id, {**before, "pinned": None})
                self._log(conn, "unpin", {"id": any_id, "before": before})
                return
            after = {"pushed": None, "pinned": on.isoformat()}
            if before == after:
                return
            put_marks(conn, any_id, after)
            self._log(conn, "pin", {"id": any_id, "on": on.isoformat(), "before": before})

    # ------------------------------------------------------------------ notes

    def note(self, item_id: str) -> str:
        with self._read() as conn:
            row = conn.execute("SELECT text FROM notes WHERE id = ?", (item_id,)).fetchone()
        # (a note stored before control characters were refused, or edited by hand, never
        # reaches the terminal with them)
        return "" if row is None else without_controls(str(row["text"]))

    def notes(self) -> dict[str, str]:
        with self._read() as conn:
            return {
                row["id"]: without_controls(str(row["text"]))
                for row in conn.execute("SELECT * FROM notes ORDER BY id")
            }

    def save_note(self, item_id: str, text: str) -> None:
        """Save a note (no event when the text is unchanged). An empty note is removed.
        Control characters other than tabs and newlines (terminal escapes, say, from a
        paste) are left out: they never reach a terminal, and the note always exports and
        imports."""
        text = without_controls(text)
        with self._write() as conn:
            row = conn.execute("SELECT text, updated FROM notes WHERE id = ?", (item_id,))
            found = row.fetchone()
            before = None if found is None else {"text": found["text"], "updated": found["updated"]}
            if (before["text"] if before else "") == text:
                return
            if text:
                conn.execute(
                    "INSERT OR REPLACE INTO notes (id, text, updated) VALUES (?, ?, ?)",
                    (item_id, text, _now()),
                )
            else:
                conn.execute("DELETE FROM notes WHERE id = ?", (item_id,))
            self._log(conn, "note", {"id": item_id, "text": text, "before": before})

    # ------------------------------------------------------------------ practice

    def record_review(
        self,
        practice_id: str,
        rating: Rating,
        at: dt.datetime,
        minutes: int,
        kind: WorkKind = "review",
    ) -> None:
        """One spaced-repetition review; `kind` ("review" or "drill") labels its minutes."""
        with self._write() as conn:
            cur = conn.execute(
                "INSERT INTO reviews (practice_id, rating, at, minutes) VALUES (?, ?, ?, ?)",
                (practice_id, rating, at.isoformat(), max(0, minutes)),
            )
            self._log(
                conn,
                "review",
                {
                    "practice_id": practice_id,
                    "rating": rating,
                    "at": at.isoformat(),
                    "minutes": max(0, minutes),
                    "kind": kind,
                    "row": cur.lastrowid,
                },
            )

    def record_attempt(self, attempt: Attempt) -> None:
        with self._write() as conn:
            cur = conn.execute(
                "INSERT INTO attempts (practice_id, outcome, minutes, at, notes) "
                "VALUES (?, ?, ?, ?, ?)",
                (
                    attempt.practice_id,
                    attempt.outcome,
                    max(0, attempt.minutes),
                    attempt.at.isoformat(),
                    without_controls(attempt.notes),
                ),
            )
            self._log(
                conn,
                "attempt",
                {
                    "practice_id": attempt.practice_id,
                    "outcome": attempt.outcome,
                    "minutes": max(0, attempt.minutes),
                    "at": attempt.at.isoformat(),
                    "row": cur.lastrowid,
                },
            )

    def record_mock(self, mock: MockRound) -> None:
        with self._write() as conn:
            cur = conn.execute(
                "INSERT INTO mocks (practice_id, scores, minutes, at, notes) "
                "VALUES (?, ?, ?, ?, ?)",
                (
                    mock.practice_id,
                    dumps(dict(mock.scores)),
                    max(0, mock.minutes),
                    mock.at.isoformat(),
                    without_controls(mock.notes),
                ),
            )
            self._log(
                conn,
                "mock",
                {
                    "practice_id": mock.practice_id,
                    "minutes": max(0, mock.minutes),
                    "at": mock.at.isoformat(),
                    "score": mock.score,
                    "row": cur.lastrowid,
                },
            )

    # ------------------------------------------------------------------ history

    def undo(self) -> Event | None:
        """Reverse the last action that is not undone yet; None when there is none.

        Returns the reversed event (marked undone). Repeated calls walk further back.
        """
        placeholders = ",".join("?" * len(UNDOABLE))
        with self._write() as conn:
            row = conn.execute(
                f"SELECT * FROM events WHERE undone = 0 AND action IN ({placeholders}) "
                "ORDER BY seq DESC LIMIT 1",
                sorted(UNDOABLE),
            ).fetchone()
            marker = _import_marker(conn)
            if marker is not None and (row is None or row["seq"] <= marker.seq):
                return self._undo_import(conn, marker)  # nothing done since the import
            if row is None:
                return None
            event = event_from_row(row)
            try:
                reverse(conn, event)
            except (KeyError, TypeError, ValueError) as exc:
                raise StoreError(
                    f"cannot undo event #{event.seq} ({event.action}): bad record {_one_line(exc)}"
                ) from None
            conn.execute("UPDATE events SET undone = 1 WHERE seq = ?", (event.seq,))
            self._log(
                conn,
                "undo",
                {"of": event.seq, "action": event.action, "summary": event.describe()},
            )
        return Event(event.seq, event.at, event.action, event.payload, undone=True)

    def events(self, limit: int | None = None) -> list[Event]:
        """The event log, oldest first; with `limit`, only the latest `limit` events."""
        with self._read() as conn:
            if limit is None:
                rows = conn.execute("SELECT * FROM events ORDER BY seq").fetchall()
            else:
                rows = conn.execute(
                    "SELECT * FROM events ORDER BY seq DESC LIMIT ?", (max(0, limit),)
                ).fetchall()
                rows.reverse()
        return [event_from_row(row) for row in rows]

    def orphans(self, known_ids: set[str]) -> list[str]:
        """Ids with stored progress that no loaded syllabus has (kept, reported)."""
        with self._read() as conn:
            stored = {
                row[0]
                for row in conn.execute(
                    "SELECT id FROM progress UNION SELECT id FROM marks UNION SELECT id FROM notes "
                    "UNION SELECT practice_id FROM reviews UNION SELECT practice_id FROM attempts "
                    "UNION SELECT practice_id FROM mocks"
                )
            }
        return sorted(stored - known_ids)

    # ------------------------------------------------------------------ settings

    def setting(self, key: str) -> str | None:
        with self._read() as conn:
            row = conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row["value"])

    def set_setting(self, key: str, value: str) -> None:
        with self._write() as conn:
            row = conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
            before = None if row is None else row["value"]
            if before == value:
                return
            conn.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", (key, value))
            self._log(conn, "setting", {"key": key, "value": value, "before": before})

    # ------------------------------------------------------------------ whole state

    def export_state(self) -> dict[str, Any]:
        """Everything, as a JSON-able dict (`planner export json`)."""
        from planner.store.state import read_state

        with self._read() as conn:
            try:
                return read_state(conn)
            except PlanError as exc:
                raise StoreError(
                    f"the stored plan is not valid: {exc} ('planner init' replaces it)"
                ) from None

    @staticmethod
    def checked_state(data: dict[str, Any]) -> StateFile:
        """An export, validated whole (StoreError naming the first problem)."""
        from planner.store.schema import parse_state

        try:
            return parse_state(data)
        except ValueError as exc:
            raise StoreError(f"bad state file: {_one_line(exc)}") from None

    def is_empty(self) -> bool:
        """Nothing recorded yet: no plan, no event (settings such as the theme aside)."""
        with self._read() as conn:
            plan = conn.execute("SELECT 1 FROM plan LIMIT 1").fetchone()
            event = conn.execute("SELECT 1 FROM events LIMIT 1").fetchone()
        return plan is None and event is None

    def import_state(self, data: dict[str, Any], source: str = "") -> Path | None:
        """Replace the whole state with an export (validated first; nothing changes on error).
        When something was stored, the state it replaces is kept first in a file of the data
        folder's `backups/`, named by the time (returned), and `undo` puts it back while
        nothing was done since; into an empty store, undo walks the imported history.

        The imported event log becomes the history (no event is added for the import
        itself), so export -> import -> export gives identical JSON.
        """
        from planner.store.schema import state_plan
        from planner.store.state import write_state

        state = self.checked_state(data)
        plan = state_plan(state)
        current = None if self.is_empty() else self.export_state()
        if current is not None:
            try:  # what is kept must be importable again, or undo could not put it back
                self.checked_state(current)
            except StoreError as exc:
                raise StoreError(
                    f"the state stored now could not be put back ({exc}); nothing was imported"
                ) from None
        with self._lock:
            backup = (
                None
                if current is None
                else _keep_before(self._connection(), self.path, backups.BEFORE_IMPORT)
            )
        with self._write() as conn:
            write_state(conn, state, plan)
            if backup is not None:
                last = conn.execute("SELECT MAX(seq) FROM events").fetchone()[0] or 0
                marker = {"backup": str(backup), "seq": last, "source": source}
                conn.execute(
                    "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
                    (IMPORT_MARKER, json.dumps(marker)),
                )
        return backup

    @staticmethod
    def _undo_import(conn: sqlite3.Connection, marker: ImportMarker) -> Event:
        """The state before the latest import, back from its backup."""
        from planner.store.schema import parse_state, state_plan
        from planner.store.state import write_state

        try:
            state = parse_state(_backup_state(marker.backup))
        except (OSError, ValueError, sqlite3.Error, PlanError) as exc:
            raise StoreError(
                f"cannot undo the import: its backup {marker.backup} cannot be read "
                f"({_one_line(exc)})"
            ) from None
        write_state(conn, state, state_plan(state))
        payload = {"source": marker.source, "backup": str(marker.backup)}
        return Event(0, dt.datetime.now(dt.UTC), "import", payload, undone=True)


DAMAGED_WORDS = ("malformed", "not a database", "corrupt")
"""What SQLite says of a damaged file."""


def damaged_message(path: Path, what: str) -> str:
    """One line: the damaged file, what SQLite found, and the backup to restore."""
    hint = backups.restore_hint(path, SCHEMA_VERSION)
    return f"{path} is damaged ({what}): nothing was written to it; {hint}"


def _keep_before(conn: sqlite3.Connection, path: Path, kind: str) -> Path:
    """A backup before an action replaces the state; the action does not go ahead
    without it."""
    try:
        return backups.keep_before(conn, path, kind, dt.datetime.now())
    except (OSError, sqlite3.Error) as exc:
        raise StoreError(
            f"cannot keep a backup in {backups.folder_of(path)}: {_reason(exc)}; "
            "nothing was changed"
        ) from None


def _check_integrity(conn: sqlite3.Connection, path: Path) -> None:
    """Refuse a damaged database before anything reads or writes it (a quick check: a few
    milliseconds on a store of thousands of events)."""
    row = conn.execute("PRAGMA quick_check(1)").fetchone()
    if row is None or row[0] != "ok":
        what = " ".join(str(row[0]).split()) if row else "no answer"
        raise DamagedStoreError(damaged_message(path, what[:200]))


@dataclass(frozen=True, slots=True)
class Restored:
    """What `Store.restore_backup` did."""

    backup: backups.Backup
    saved: Path
    """Where the state it replaced went (a backup, or the damaged file moved aside)."""
    damaged: bool
    """The replaced store was damaged (so `saved` is the file as it was)."""


IMPORT_MARKER = "_import"
"""The setting that says how to undo the latest import (see `Store.import_state`)."""


@dataclass(frozen=True, slots=True)
class ImportMarker:
    """How to undo the latest import over stored work."""

    seq: int
    """The last event it brought: undo restores the backup while nothing came after."""
    backup: Path
    source: str


def _import_marker(conn: sqlite3.Connection) -> ImportMarker | None:
    """The marker the latest import left (None when there is none, or it is unreadable)."""
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (IMPORT_MARKER,)).fetchone()
    if row is None:
        return None
    try:
        marker = json.loads(row[0])
        return ImportMarker(
            int(marker["seq"]), Path(str(marker["backup"])), str(marker.get("source", ""))
        )
    except (ValueError, TypeError, KeyError, AttributeError):
        return None


def _backup_state(path: Path) -> dict[str, Any]:
    """The whole state a backup holds: a database copy, or (from before backups were
    databases) an export."""
    from planner.store.state import read_state

    if path.suffix == ".json":
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            raise ValueError("not a state file")
        return data
    if not path.is_file():
        raise FileNotFoundError(f"no file {path}")
    with backups.read_only(path) as conn:
        return read_state(conn)


def _owner_only(path: Path) -> None:
    with suppress(OSError):
        os.chmod(path, 0o600)


def _date(value: str | None) -> dt.date | None:
    return None if not value else dt.date.fromisoformat(value)


def _wal_mode(conn: sqlite3.Connection) -> str:
    """Switch a connection to WAL. On a new database that several processes open at once,
    SQLite may refuse the switch with "database is locked" without waiting (the busy
    timeout does not cover it): try again until the busy timeout is spent."""
    deadline = time.monotonic() + BUSY_TIMEOUT_SECONDS
    while True:
        try:
            return str(conn.execute("PRAGMA journal_mode = WAL").fetchone()[0])
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def _tick_minutes(conn: sqlite3.Connection, item_id: str) -> list[tuple[str, int]]:
    """(day, minutes) of each live "done" event of an item since it last became done (the
    tick that made it done, and any done with more minutes after it), latest first."""
    rows = conn.execute(
        "SELECT payload FROM events WHERE undone = 0 AND action = 'done' ORDER BY seq DESC"
    )
    found: list[tuple[str, int]] = []
    for (text,) in rows:
        try:
            payload = json.loads(text)
            if payload.get("id") != item_id:
                continue
            day = str(payload.get("on"))
            dt.date.fromisoformat(day)
        except (ValueError, TypeError, AttributeError):
            continue
        minutes = payload.get("minutes")
        found.append((day, minutes if isinstance(minutes, int) and minutes > 0 else 0))
        before = payload.get("before")
        if not isinstance(before, dict) or not before.get("done"):
            break  # the tick that made it done
    return found
