"""Two windows (or the app and a `planner` command) on one store: neither loses the other's
work, and each shows what the other did."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable

from planner.store.store import Store
from planner.workspace import Workspace
from tests.tui_support import TODAY, bundled, make_app


def test_a_tick_decides_on_what_another_window_did(data_dir: Path, store: Store) -> None:
    one = Workspace(bundled(), store, TODAY)
    day = one.schedule.day(TODAY)
    assert day is not None
    item_id = day.sessions[-1].id
    assert not one.progress.is_done(item_id)  # cached now
    with Store.open(data_dir) as other_store:
        Workspace(bundled(), other_store, TODAY).tick(item_id)
    assert one.refresh_if_changed() is True
    assert one.refresh_if_changed() is False  # nothing new since
    assert one.progress.is_done(item_id)
    # Our own writes are not "changes elsewhere".
    one.add_minutes(day.sessions[0].id, 15)
    assert one.refresh_if_changed() is False


def test_ticking_an_item_another_window_ticked_does_not_count_it_twice(
    data_dir: Path, store: Store
) -> None:
    one = Workspace(bundled(), store, TODAY)
    day = one.schedule.day(TODAY)
    assert day is not None
    item_id = next(s.id for s in day.sessions if s.kind == "study")
    item = bundled().item(item_id)
    assert item is not None and not one.progress.is_done(item_id)
    with Store.open(data_dir) as other_store:
        Workspace(bundled(), other_store, TODAY).tick(item_id)
    # This window still showed it unticked: space now unticks (it is done), never adds the
    # item's minutes a second time: the item is as before the other window's tick.
    assert one.tick(item_id) is False
    assert store.load_progress().of(item_id).minutes_spent == 0
    assert item.minutes > 0 and not store.load_progress().work


async def test_today_shows_a_tick_made_by_a_command(data_dir: Path, store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#sessions", DataTable)
        first = str(table.ordered_rows[0].key.value)
        assert str(table.get_cell(first, "check")) == "[ ]"
        with Store.open(data_dir) as other_store:  # e.g. `planner done` in another terminal
            minutes = bundled().item(first)
            assert minutes is not None
            other_store.record_done(first, TODAY, minutes.minutes)
        app.check_store()  # what the app's timer does every few seconds
        await pilot.pause()
        assert str(table.get_cell(first, "check")) == "[x]"
