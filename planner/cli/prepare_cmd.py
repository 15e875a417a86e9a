"""Preparing the schedules the next command will ask for, in the background.

Making the schedule of a large syllabus takes a second or more; a new day, or a change
made by the last command, would make the next `planner today` (or the app) wait for it.
So, after a command that used the store, a detached `planner _prepare` process makes
today's schedule and tomorrow's for the store as it is then, and keeps them in the cache
(`planner.caches.schedule`), as the app does while idle. A schedule kept already for these
very inputs is not made again; one made for a state that changes before it is used is
simply never found (its key is the digest of everything it was made from).

It runs at low priority, one at a time per cache folder, says nothing, and never touches
the store (it only reads it). `PLANNER_NO_PREPARE=1` turns it off; so does a system other
than a POSIX one.
"""

from __future__ import annotations

import datetime as dt
import os
from contextlib import suppress
from pathlib import Path

from planner.cli import cli
from planner.cli.context import Env, env

LOCK_NAME = "prepare.lock"


@cli.command("_prepare", hidden=True)
def prepare_command() -> None:
    """Make and keep today's and tomorrow's schedules (see the module's docstring)."""
    with suppress(OSError):
        os.nice(10)
    e = env()
    e.preparing = True
    cache = e.resolved_cache_dir()
    with suppress(OSError), _one_at_a_time(cache / LOCK_NAME):
        _prepare(e)


def _prepare(e: Env) -> None:
    from planner.caches.schedule import kept_or_computed

    store = e.store()
    plan = store.load_plan()
    if plan is None:
        return
    syllabus = e.syllabus()
    progress = store.load_progress()
    today = e.resolved_today()
    base = e.schedule_cache()
    for day in (today, today + dt.timedelta(days=1)):
        kept_or_computed(base, syllabus, plan, progress, day, fixes=False)


class _one_at_a_time:  # noqa: N801 - used as a context manager
    """An exclusive lock on a file of the cache folder, waited for."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.fd = -1

    def __enter__(self) -> None:
        import fcntl

        from planner.files import private_folder

        private_folder(self.path.parent)
        self.fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        fcntl.flock(self.fd, fcntl.LOCK_EX)

    def __exit__(self, *_exc: object) -> None:
        os.close(self.fd)  # (and the lock with it)
