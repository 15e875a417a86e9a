"""Exports of the state: a registry of formats (`planner export FORMAT`) and a safe writer.

Each format is a function taking an `ExportSource` (what the command line's `Env` offers:
the store, the syllabus, today) and returning the text to write. Formats are named here as
"module:function" and imported only when used, so `icalendar` is not loaded to export JSON.
To add a format, add one line to `FORMATS`.
"""

from __future__ import annotations

import datetime as dt
import importlib
import os
import tempfile
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, cast

if TYPE_CHECKING:
    from planner.core.schedule_types import Schedule
    from planner.core.syllabus import Syllabus
    from planner.store import Store


class ExportSource(Protocol):
    """Where an export reads from (`planner.cli.context.Env` is one)."""

    def store(self) -> Store: ...

    def syllabus(self) -> Syllabus: ...

    def resolved_today(self) -> dt.date: ...


Exporter = Callable[[ExportSource], str]

FORMATS: dict[str, str] = {
    "json": "planner.exports.json_state:export_json",
    "ics": "planner.exports.ics:export_ics",
    "markdown": "planner.exports.markdown:export_markdown",
}
"""Format name -> "module:function" of its `Exporter`."""


def exporter(name: str) -> Exporter | None:
    """The exporter of a format, or None when no such format is registered."""
    target = FORMATS.get(name)
    if target is None:
        return None
    module_name, _, function_name = target.partition(":")
    module = importlib.import_module(module_name)
    return cast(Exporter, getattr(module, function_name))


class NoPlanError(Exception):
    """An export of the schedule was asked for before any plan exists."""


def current_schedule(source: ExportSource) -> tuple[Syllabus, Schedule]:
    """The loaded syllabus and the full schedule from today (reviews included)."""
    from planner.core.planning import full_schedule

    plan = source.store().load_plan()
    if plan is None:
        raise NoPlanError("no plan yet: run 'planner init' or open 'planner' to set one up")
    syllabus = source.syllabus()
    progress = source.store().load_progress()
    return syllabus, full_schedule(syllabus, plan, progress, source.resolved_today())


def write_atomically(path: Path, text: str) -> None:
    """Write `text` to `path` so that a crash leaves either the old file or the new one:
    a temp file in the same folder, fsync, `os.replace`, then fsync the folder."""
    folder = path.parent if str(path.parent) else Path(".")
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp_name, path)
    except BaseException:
        with suppress(OSError):
            os.unlink(temp_name)
        raise
    with suppress(OSError):
        dir_fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
