"""The workspace: every action is stored, and what it shows is read back from the store."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest

from planner.store.store import Store
from planner.workspace import Workspace
from tests.tui_support import TODAY, bundled


def first_session(ws: Workspace) -> str:
    day = ws.schedule.day(TODAY)
    assert day is not None and day.sessions
    return day.sessions[0].id


def test_tick_and_untick(store: Store) -> None:
    ws = Workspace(bundled(), store, TODAY)
    item_id = first_session(ws)
    item = bundled().item(item_id)
    assert item is not None
    assert ws.tick(item_id) is True
    assert store.load_progress().of(item_id).minutes_spent == item.minutes
    assert item_id not in [s.id for s in ws.schedule.sessions_of(item_id)]
    assert ws.tick(item_id) is False
    assert not store.load_progress().is_done(item_id)


def test_unknown_item_is_refused_and_nothing_stored(store: Store) -> None:
    ws = Workspace(bundled(), store, TODAY)
    before = len(store.events())
    with pytest.raises(KeyError):
        ws.tick("no/such-item")
    with pytest.raises(KeyError):
        ws.add_minutes("no/such-item", 15)
    assert len(store.events()) == before


def test_minutes_never_take_back_more_than_today(store: Store) -> None:
    ws = Workspace(bundled(), store, TODAY)
    item_id = first_session(ws)
    assert ws.add_minutes(item_id, 15) == 15
    assert ws.add_minutes(item_id, -30) == -15
    assert ws.add_minutes(item_id, -15) == 0
    assert store.load_progress().of(item_id).minutes_spent == 0


def test_a_second_window_sees_the_first_ones_actions(data_dir: Path, store: Store) -> None:
    one = Workspace(bundled(), store, TODAY)
    other_store = Store.open(data_dir)
    try:
        other = Workspace(bundled(), other_store, TODAY)
        item_id = first_session(one)
        other.tick(item_id)
        one.push_tomorrow(first_session(one))
        assert one.progress.is_done(item_id)
    finally:
        other_store.close()


def test_push_pin_and_undo(store: Store) -> None:
    ws = Workspace(bundled(), store, TODAY)
    item_id = first_session(ws)
    version = ws.version
    assert ws.push_tomorrow(item_id) == TODAY + dt.timedelta(days=1)
    assert ws.version > version
    assert item_id not in [s.id for s in ws.schedule.day(TODAY).sessions]  # type: ignore[union-attr]
    event = ws.undo()
    assert event is not None and event.action == "push"
    assert item_id not in ws.progress.pushed
    ws.pin(item_id, TODAY + dt.timedelta(days=3))
    assert ws.progress.pinned[item_id] == TODAY + dt.timedelta(days=3)


def test_notes_history_and_theme(store: Store) -> None:
    ws = Workspace(bundled(), store, TODAY)
    item_id = first_session(ws)
    ws.save_note(item_id, "# Notes\n[red]kept as typed[/]")
    assert ws.note(item_id) == "# Notes\n[red]kept as typed[/]"
    ws.tick(item_id)
    assert [e.action for e in ws.history(item_id)] == ["done", "note"]
    assert ws.theme is None
    ws.set_theme("nord")
    assert store.setting("theme") == "nord"
    assert all(r.on >= TODAY for r in ws.planned_reviews())


def test_core_and_workspace_do_not_import_textual() -> None:
    import subprocess

    code = "import planner.workspace, planner.core.summaries, sys; print('textual' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
