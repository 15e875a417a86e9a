"""SVG snapshots of every screen of the app on the bundled syllabus, at a fixed date with a
fixed plan (120x40, and Today at 80x24). Update with `pytest --snapshot-update`."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from textual.pilot import Pilot

from planner.store.store import Store
from planner.tui.app import PlannerApp
from tests.tui_support import make_app

Compare = Callable[..., bool]
WIDE = (120, 40)


@pytest.fixture(autouse=True)
def _fixed_clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Events get a fixed timestamp, shown in UTC: the item history is the same every run."""
    monkeypatch.setattr("planner.store.store._now", lambda: "2026-11-25T19:30:00+00:00")
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def app(store: Store) -> PlannerApp:
    return make_app(store)


def test_today(snap_compare: Compare, app: PlannerApp) -> None:
    assert snap_compare(app, terminal_size=WIDE)


def test_today_small_terminal(snap_compare: Compare, app: PlannerApp) -> None:
    assert snap_compare(app, terminal_size=(80, 24))


def test_today_after_ticks(snap_compare: Compare, store: Store, app: PlannerApp) -> None:
    async def tick_and_partial(pilot: Pilot[None]) -> None:
        await pilot.pause()
        app.workspace.tick(app.workspace.schedule.days[0].sessions[0].id)
        app.workspace.add_minutes(app.workspace.schedule.days[0].sessions[0].id, 15)
        app.screen.changed()  # type: ignore[attr-defined]

    assert snap_compare(app, terminal_size=WIDE, run_before=tick_and_partial)


def test_schedule(snap_compare: Compare, app: PlannerApp) -> None:
    assert snap_compare(app, terminal_size=WIDE, press=["2"])


def test_syllabus(snap_compare: Compare, app: PlannerApp) -> None:
    assert snap_compare(app, terminal_size=WIDE, press=["3"])


def test_syllabus_filtered(snap_compare: Compare, app: PlannerApp) -> None:
    assert snap_compare(app, terminal_size=WIDE, press=["3", "slash", *"recommend", "enter"])


def test_item_detail(snap_compare: Compare, app: PlannerApp) -> None:
    async def open_with_note(pilot: Pilot[None]) -> None:
        await pilot.pause()
        item_id = app.workspace.schedule.days[0].sessions[0].id
        app.workspace.save_note(item_id, "# Key ideas\n\n- *bias* vs **variance**\n- [not markup]")
        app.open_item(item_id)
        await pilot.pause()
        app.screen.query_one("#facts").focus()
        await pilot.pause()

    assert snap_compare(app, terminal_size=WIDE, run_before=open_with_note)


def test_help(snap_compare: Compare, app: PlannerApp) -> None:
    assert snap_compare(app, terminal_size=WIDE, press=["question_mark"])


def test_plan_setup_first_run(snap_compare: Compare, data_dir: Path) -> None:
    store = Store.open(data_dir)
    try:
        assert snap_compare(make_app(store), terminal_size=WIDE)
    finally:
        store.close()


def test_plan_setup_edit_with_an_error(snap_compare: Compare, app: PlannerApp) -> None:
    assert snap_compare(
        app, terminal_size=WIDE, press=["p", *"Google onsite", "tab", *"2026-02-30", "ctrl+n"]
    )
