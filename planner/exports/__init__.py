"""Exports of the state: a registry of formats (`planner export FORMAT`).

Each format is a function taking an `ExportSource` (what the command line's `Env` offers:
the store, the syllabus, today) and returning the text (or, for anki, the bytes) to write.
Formats are named here as "module:function" and imported only when used, so `icalendar`
is not loaded to export JSON.
To add a format, add one line to `FORMATS`.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, cast

if TYPE_CHECKING:
    from planner.core.plan import Plan
    from planner.core.progress import Progress
    from planner.core.schedule.types import Schedule
    from planner.core.syllabus.model import Syllabus
    from planner.store.store import Store


class ExportSource(Protocol):
    """Where an export reads from (`planner.cli.context.Env` is one)."""

    def store(self) -> Store: ...

    def syllabus(self) -> Syllabus: ...

    def resolved_today(self) -> dt.date: ...

    def schedule_cache(self) -> Path | None:
        """Where schedules are kept between runs (see `planner.caches.schedule`)."""
        ...


Exporter = Callable[[ExportSource], str | bytes]
"""Text, or the bytes of a binary file (anki)."""

FORMATS: dict[str, str] = {
    "json": "planner.exports.json_state:export_json",
    "ics": "planner.exports.ics:export_ics",
    "markdown": "planner.exports.markdown:export_markdown",
    "anki": "planner.exports.anki:export_anki",
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


@dataclass(frozen=True, slots=True)
class Current:
    """What an export of the schedule is made from."""

    syllabus: Syllabus
    plan: Plan
    progress: Progress
    schedule: Schedule


def current_schedule(source: ExportSource) -> Current:
    """The loaded syllabus, the plan, the progress and the full schedule they make from today
    (reviews included)."""
    from planner.caches.schedule import kept_or_computed

    plan = source.store().load_plan()
    if plan is None:
        raise NoPlanError("no plan yet: run 'planner init' or open 'planner' to set one up")
    syllabus = source.syllabus()
    progress = source.store().load_progress()
    today = source.resolved_today()
    _, schedule = kept_or_computed(
        source.schedule_cache(), syllabus, plan, progress, today, fixes=True
    )
    return Current(syllabus, plan, progress, schedule)
