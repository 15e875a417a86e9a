"""Preparing the schedules the next command will ask for, in the background.

Making the schedule of a large syllabus takes a second or more; a new day, or a change
made by the last command, would make the next `planner today` (or the app) wait for it.
So, after a command that used the store, a detached `planner _prepare` process makes
today's schedule and those of the next three days (`KEPT_AHEAD`: a weekend without any
command finds Monday's made) for the store as it is then, and keeps them in the cache
(`planner.caches.schedule`), as the app does for tomorrow while idle. Today's and
tomorrow's come first; the store is looked at again before each later day. A schedule
kept already for these very inputs is not made again; one made for a state that changes
before it is used is simply never found (its key is the digest of everything it was made
from).

It runs at low priority, one at a time per cache folder (one started while another runs
leaves at once, and the running one makes them again when the store changed meanwhile),
says nothing, and opens the store read-only: nothing is created, migrated or backed up.
`PLANNER_NO_PREPARE=1` turns it off; so does a system other than a POSIX one.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from planner.cli import cli
from planner.cli.context import Env, env
from planner.cli.preparation import BACKGROUND_ENV
from planner.paths import bundled_syllabus

LOCK_NAME = "prepare.lock"
ROUNDS = 3
"""Times the schedules are made again when the store changed while they were made."""


@cli.command("_prepare", hidden=True)
def prepare_command() -> None:
    """Make and keep the schedules of today and the next days (see the module's docstring)."""
    if os.environ.get(BACKGROUND_ENV):
        with suppress(OSError):
            os.nice(10)  # (only when started in the background: never its caller's)
    e = env()
    e.preparing = True
    with suppress(OSError), _only_one(e.resolved_cache_dir() / LOCK_NAME) as alone:
        if alone:
            _prepare(e)


def _prepare(e: Env) -> None:
    """Until the store stays as it was while its schedules were made (a command that
    changed it meanwhile started a preparation that found this one running, and left)."""
    from planner.caches.schedule import KEPT_AHEAD, kept_or_computed, schedule_key
    from planner.caches.syllabus import load_syllabus_cached
    from planner.core.syllabus.problem import SyllabusError
    from planner.store.errors import StoreError
    from planner.store.store import Store

    store = Store.open_for_reading(e.resolved_data_dir())
    if store is None:
        return
    with store, suppress(StoreError, SyllabusError):
        made: str | None = None
        for _ in range(ROUNDS):
            seen = store.data_version()
            plan = store.load_plan()
            if plan is None:
                return
            paths = list(e.syllabus_files) or [bundled_syllabus(), *map(Path, plan.syllabi)]
            syllabus = load_syllabus_cached(paths, e.resolved_cache_dir())
            progress = store.load_progress()
            today = e.resolved_today()
            key = schedule_key(syllabus, plan, progress, today)
            if key is None or key == made:
                return
            base = e.schedule_cache()
            for ahead in range(KEPT_AHEAD + 1):
                if ahead >= 2 and store.data_version() != seen:
                    break  # (made again for the store as it is now)
                day = today + dt.timedelta(days=ahead)
                kept_or_computed(base, syllabus, plan, progress, day, fixes=False, prune=False)
            made = key


@contextmanager
def _only_one(path: Path) -> Iterator[bool]:
    """An exclusive lock on a file of the cache folder, if no other process holds it:
    True when this one has it, False when another preparation is running."""
    import fcntl

    from planner.files import private_folder

    private_folder(path.parent)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        yield True
    finally:
        os.close(fd)  # (and the lock with it)
