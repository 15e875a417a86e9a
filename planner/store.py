"""SQLite store: the plan, progress, notes, reviews and an append-only event log.

INTERFACE STUB: the signatures below are the contract the CLI and the TUI code against.
The store issue fills in the bodies (schema, migrations, transactions, undo).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from planner.core.plan import Plan
from planner.core.progress import Attempt, MockRound, Progress, Rating


class StoreError(Exception):
    """The store cannot be opened or used (message is one line, for the user)."""


@dataclass(frozen=True, slots=True)
class Event:
    """One entry of the append-only event log."""

    seq: int
    at: dt.datetime
    action: str
    """e.g. "done", "minutes", "undone", "skip", "push", "pin", "unpin", "note", "review",
    "attempt", "mock", "plan", "undo", "import"."""
    payload: dict[str, Any]
    undone: bool = False


class Store:
    """One SQLite database. Every public method that writes is one transaction."""

    @classmethod
    def open(cls, data_dir: Path) -> Store:
        """Open (creating and migrating as needed) `data_dir/planner.db`."""
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    # plan
    def load_plan(self) -> Plan | None:
        raise NotImplementedError

    def save_plan(self, plan: Plan) -> None:
        raise NotImplementedError

    # progress
    def load_progress(self) -> Progress:
        raise NotImplementedError

    def record_done(self, item_id: str, on: dt.date, minutes: int) -> None:
        """Tick an item done, adding `minutes` (>= 0) spent on `on`."""
        raise NotImplementedError

    def record_undone(self, item_id: str, on: dt.date) -> None:
        """Untick an item (its minutes stay spent)."""
        raise NotImplementedError

    def add_minutes(self, item_id: str, minutes: int, on: dt.date) -> None:
        """Record partial work; negative minutes correct a mistake (never below 0 in total)."""
        raise NotImplementedError

    def set_skipped(self, item_id: str, skipped: bool, on: dt.date) -> None:
        raise NotImplementedError

    def push(self, any_id: str, to: dt.date) -> None:
        """Not before `to` (push to tomorrow)."""
        raise NotImplementedError

    def pin(self, any_id: str, on: dt.date | None) -> None:
        """Pin to a date; None removes the pin."""
        raise NotImplementedError

    # notes
    def note(self, item_id: str) -> str:
        raise NotImplementedError

    def notes(self) -> dict[str, str]:
        raise NotImplementedError

    def save_note(self, item_id: str, text: str) -> None:
        """Save a note (no event when the text is unchanged)."""
        raise NotImplementedError

    # practice
    def record_review(self, practice_id: str, rating: Rating, at: dt.datetime, minutes: int) -> None:
        raise NotImplementedError

    def record_attempt(self, attempt: Attempt) -> None:
        raise NotImplementedError

    def record_mock(self, mock: MockRound) -> None:
        raise NotImplementedError

    # history
    def undo(self) -> Event | None:
        """Reverse the last action that is not undone yet; None when there is none."""
        raise NotImplementedError

    def events(self, limit: int | None = None) -> list[Event]:
        raise NotImplementedError

    def orphans(self, known_ids: set[str]) -> list[str]:
        """Ids with stored progress that no loaded syllabus has (kept, reported)."""
        raise NotImplementedError

    # settings (theme ...)
    def setting(self, key: str) -> str | None:
        raise NotImplementedError

    def set_setting(self, key: str, value: str) -> None:
        raise NotImplementedError

    # whole state
    def export_state(self) -> dict[str, Any]:
        raise NotImplementedError

    def import_state(self, data: dict[str, Any]) -> None:
        """Replace the whole state with an export (validated first; nothing changes on error)."""
        raise NotImplementedError
