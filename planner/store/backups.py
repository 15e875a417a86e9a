"""Automatic backups of the store, with SQLite's online backup API, in the data folder's
`backups/`.

- `daily-YYYY-MM-DD.db`: on the first opening of a day (of a store that holds something);
  the newest `DAILY_KEPT` are kept.
- `before-import-…db`, `before-migration-v1-…db`, `before-restore-…db`: before an import,
  a schema migration or a restore replaces the state; the newest `KEPT_PER_KIND` of each kind.
- `damaged-…db`: a damaged store moved aside by a restore (byte for byte, never pruned).

A backup is written to a temp file, made a self-contained rollback-journal database, synced
and renamed into place, so a crash never leaves half of one under a backup's name.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

from planner.store.errors import StoreError

FOLDER = "backups"
DAILY = "daily"
BEFORE_IMPORT = "before-import"
BEFORE_MIGRATION = "before-migration"
BEFORE_RESTORE = "before-restore"
DAMAGED = "damaged"
KINDS = (DAILY, BEFORE_IMPORT, BEFORE_MIGRATION, BEFORE_RESTORE, DAMAGED)
DAILY_KEPT = 7
"""Daily backups kept: a week of days on which the store was opened."""
KEPT_PER_KIND = 7
"""Backups kept of each kind made before a replacing action."""
SUFFIX = ".db"


@dataclass(frozen=True, slots=True)
class Backup:
    """One backup file."""

    path: Path
    kind: str
    made: dt.datetime
    """When the file was written (local time)."""
    size: int

    @property
    def name(self) -> str:
        return self.path.name


@dataclass(frozen=True, slots=True)
class Contents:
    """What a backup holds, for `planner backup list`."""

    problem: str
    """Why it cannot be restored ("" when it can)."""
    events: int = 0
    done: int = 0
    last_action: str = ""
    """The time of its newest event (ISO, UTC), "" when it has none."""


def folder_of(database: Path) -> Path:
    return database.parent / FOLDER


def kind_of(name: str) -> str | None:
    """The kind of a backup file name (None for a file that is not one)."""
    if not name.endswith(SUFFIX) or name.startswith("."):
        return None
    return next((kind for kind in KINDS if name.startswith(kind + "-")), None)


def stamp(now: dt.datetime) -> str:
    return now.strftime("%Y%m%d-%H%M%S")


def listing(database: Path) -> list[Backup]:
    """Every backup of the store at `database`, newest first."""
    folder = folder_of(database)
    found: list[Backup] = []
    with suppress(OSError):
        for entry in os.scandir(folder):
            kind = kind_of(entry.name)
            if kind is None or not entry.is_file(follow_symlinks=False):
                continue
            info = entry.stat(follow_symlinks=False)
            made = dt.datetime.fromtimestamp(info.st_mtime).replace(microsecond=0)
            found.append(Backup(Path(entry.path), kind, made, info.st_size))
    return sorted(found, key=lambda b: (b.made, b.name), reverse=True)


def copy_database(source: sqlite3.Connection, target: Path) -> None:
    """A consistent copy of `source` (SQLite's online backup API) at `target`, written
    whole or not at all, readable by its owner only."""
    target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    with suppress(OSError):
        os.chmod(target.parent, 0o700)
    temp = target.with_name(f".{target.name}.tmp")
    with suppress(OSError):
        temp.unlink()
    try:
        os.close(os.open(temp, os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o600))
        with closing(sqlite3.connect(temp, isolation_level=None)) as copy:
            source.backup(copy)
            # self-contained: no -wal or -shm beside it, and readable read-only
            copy.execute("PRAGMA journal_mode = DELETE")
        with open(temp, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(temp, target)
    except BaseException:
        with suppress(OSError):
            temp.unlink()
        raise


def _holds_something(conn: sqlite3.Connection) -> bool:
    try:
        plan = conn.execute("SELECT 1 FROM plan LIMIT 1").fetchone()
        event = conn.execute("SELECT 1 FROM events LIMIT 1").fetchone()
    except sqlite3.Error:
        return False  # no tables yet: a new store
    return plan is not None or event is not None


def keep_daily(conn: sqlite3.Connection, database: Path, today: dt.date) -> Path | None:
    """Today's backup of a store that holds something, unless it was made already; the
    oldest daily ones beyond `DAILY_KEPT` go. Returns the new file (None when none was
    needed)."""
    target = folder_of(database) / f"{DAILY}-{today.isoformat()}{SUFFIX}"
    if target.exists() or not _holds_something(conn):
        return None
    copy_database(conn, target)
    prune(database, DAILY, DAILY_KEPT)
    return target


def _new_name(database: Path, kind: str, now: dt.datetime) -> Path:
    """A backup file name of `kind` at `now` that no file has yet (-2, -3... within one
    second)."""
    folder = folder_of(database)
    base = f"{kind}-{stamp(now)}"
    target = folder / f"{base}{SUFFIX}"
    n = 1
    while target.exists():
        n += 1
        target = folder / f"{base}-{n}{SUFFIX}"
    return target


def keep_before(conn: sqlite3.Connection, database: Path, kind: str, now: dt.datetime) -> Path:
    """A backup made before an action replaces the state (`kind` names the action)."""
    target = _new_name(database, kind, now)
    copy_database(conn, target)
    prune(database, kind, KEPT_PER_KIND)
    return target


def prune(database: Path, kind: str, kept: int) -> None:
    """Remove all but the newest `kept` backups of `kind` (by the date in their names)."""
    own = sorted(
        (b for b in listing(database) if b.kind == kind), key=lambda b: b.name, reverse=True
    )
    for old in own[kept:]:
        with suppress(OSError):
            old.path.unlink()


@contextmanager
def read_only(path: Path) -> Iterator[sqlite3.Connection]:
    """A connection that can neither write `path` nor leave a file beside it."""
    uri = f"{path.resolve().as_uri()}?mode=ro&immutable=1"
    conn = sqlite3.connect(uri, uri=True, isolation_level=None)
    conn.row_factory = sqlite3.Row
    try:
        yield conn
    finally:
        conn.close()


def contents(path: Path, schema_version: int) -> Contents:
    """What the backup at `path` holds, or why it cannot be restored."""
    try:
        with read_only(path) as conn:
            row = conn.execute("PRAGMA quick_check(1)").fetchone()
            if row is None or row[0] != "ok":
                return Contents("damaged")
            (version,) = conn.execute("PRAGMA user_version").fetchone()
            if version > schema_version:
                return Contents(f"written by a newer planner (schema {version})")
            if version < 1:
                return Contents("not a planner store")
            events, last = conn.execute("SELECT COUNT(*), MAX(at) FROM events").fetchone()
            (done,) = conn.execute("SELECT COUNT(*) FROM progress WHERE done = 1").fetchone()
    except sqlite3.Error as exc:
        return Contents(" ".join(str(exc).split()) or "unreadable")
    return Contents("", int(events), int(done), str(last or ""))


def newest_good(database: Path, schema_version: int) -> Backup | None:
    """The newest backup that can be restored."""
    return next(
        (
            b
            for b in listing(database)
            if b.kind != DAMAGED and not contents(b.path, schema_version).problem
        ),
        None,
    )


def restore_hint(database: Path, schema_version: int) -> str:
    """What to do about a damaged store: restore its newest good backup, when it has one."""
    good = newest_good(database, schema_version)
    if good is None:
        return "no backup of it is kept: move the file away to start afresh"
    return (
        f"the newest good backup is {good.name} (made {good.made:%Y-%m-%d %H:%M}): "
        f"'planner backup restore {good.name}' puts it back"
    )


def find(database: Path, name: str) -> Backup:
    """The backup called `name` (a file name in the backups folder, nothing else)."""
    for backup in listing(database):
        if backup.name == name:
            return backup
    known = ", ".join(b.name for b in listing(database)[:3])
    hint = f" (newest: {known}; 'planner backup list' lists them)" if known else ""
    raise StoreError(f"no backup called {name!r} in {folder_of(database)}{hint}")


def move_aside(database: Path, now: dt.datetime) -> Path:
    """Move a damaged store (and its -wal, -shm) into the backups folder, byte for byte."""
    folder_of(database).mkdir(mode=0o700, parents=True, exist_ok=True)
    target = _new_name(database, DAMAGED, now)
    for suffix in ("", "-wal", "-shm"):
        own = database.with_name(database.name + suffix)
        if own.exists():
            shutil.move(own, target.with_name(target.name + suffix))
    return target
