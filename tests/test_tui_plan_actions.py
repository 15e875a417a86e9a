"""Acting on the plan in the app: the drop fix (searched in the background, applied with f
from Today or Readiness), skip, pin to a date and push from Schedule and the item detail,
each undone with u, and the pin dialog's bad input."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Static

from planner.core.planning import full_schedule
from planner.core.summaries import FIXES_PENDING, fix_text
from planner.store.store import Store
from planner.tui.app import PlannerApp
from planner.tui.screens.item_detail import ItemDetailScreen
from planner.tui.screens.pin_date import PinDateScreen
from planner.tui.screens.schedule import ScheduleScreen
from planner.tui.screens.today import TodayScreen
from planner.workspace import Workspace
from tests.tui_support import TODAY, bundled, fixed_plan, make_app, store_with_plan

SIZE = (120, 40)


@pytest.fixture
def short_store(data_dir: Path) -> Store:
    """The demo plan with 50 minutes a weekday: the phone screen does not fit."""
    store = store_with_plan(data_dir, replace(fixed_plan(), weekday_minutes=(50,) * 5 + (0, 0)))
    return store


async def settled(pilot: Pilot[None]) -> None:
    """Let the background search for fixes finish and its result be drawn."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


def banner_text(app: PlannerApp) -> str:
    return str(app.screen.query_one("#banner", Static).render())


def skipped(store: Store) -> set[str]:
    return {i for i, p in store.load_progress().items.items() if p.skipped}


def test_the_workspace_hands_out_one_search_per_version(short_store: Store) -> None:
    ws = Workspace(bundled(), short_store, TODAY)
    assert not ws.schedule.interviews[0].fixes_searched
    search = ws.fix_search()
    assert search is not None and ws.fix_search() is None  # one search per version
    found = search()
    assert ws.adopt_fixes(ws.version - 1, found) is False  # stale: refused
    version = ws.version
    assert ws.adopt_fixes(version, found) is True
    assert ws.version == version + 1 and ws.schedule is found
    assert all(r.fixes_searched for r in ws.schedule.interviews)
    assert ws.fix_search() is None
    # the same as the schedule computed with its fixes at once
    expected = full_schedule(bundled(), ws.plan or fixed_plan(), ws.progress, TODAY)
    assert ws.schedule.interviews == expected.interviews


async def test_today_finds_the_fix_in_the_background_and_f_applies_it(short_store: Store) -> None:
    app = make_app(short_store)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, TodayScreen)
        await settled(pilot)
        report = app.workspace.schedule.interviews[0]
        assert report.fixes_searched and report.drop
        fix = fix_text(bundled(), report)
        assert FIXES_PENDING not in banner_text(app) and f"Fix: {fix}" in banner_text(app)
        assert "Drop fix" in str(app.screen.query_one("KeyBar").render())
        await pilot.press("f")
        await pilot.pause()
        assert skipped(short_store) == set(report.drop)
        (event,) = short_store.events()[-1:]
        assert event.action == "drop" and event.payload["ids"] == list(report.drop)
        await pilot.press("u")  # one undo brings them all back
        await pilot.pause()
        assert skipped(short_store) == set()


async def test_f_is_not_offered_when_everything_fits(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        assert "Drop fix" not in str(app.screen.query_one("KeyBar").render())
        await pilot.press("f")
        await pilot.pause()
        assert skipped(store) == set()


async def test_today_s_f_applies_only_the_fix_its_banner_shows(short_store: Store) -> None:
    # A week before the phone screen nothing dropped would make it fit; the onsite has a
    # drop fix, which the banner (about the phone screen) does not show: f is not offered.
    late = TODAY + dt.timedelta(days=7)
    app = make_app(short_store, late)
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        phone, onsite = app.workspace.schedule.interviews
        assert phone.fixes_searched and not phone.feasible and not phone.drop
        assert onsite.drop and not onsite.feasible
        assert f"for {phone.name}" in banner_text(app) and "f drops them" not in banner_text(app)
        assert "Drop fix" not in str(app.screen.query_one("KeyBar").render())
        await pilot.press("f")
        await pilot.pause()
        assert skipped(short_store) == set()
        await pilot.press("5")  # Readiness shows the onsite's fix, and f applies it there
        await settled(pilot)
        fixes = [str(w.render()) for w in app.screen.query(".fix")]
        assert "f drops them" not in fixes[0] and "f drops them" in fixes[1]
        await pilot.press("f")
        await pilot.pause()
        assert skipped(short_store) == set(onsite.drop)


async def test_readiness_shows_the_fix_and_f_applies_it(short_store: Store) -> None:
    app = make_app(short_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5")
        await settled(pilot)
        report = app.workspace.schedule.interviews[0]
        fixes = [str(w.render()) for w in app.screen.query(".fix")]
        assert fixes and fixes[0].startswith(f"  Fix: {fix_text(bundled(), report)}")
        assert "f drops them" in fixes[0]
        await pilot.press("f")
        await pilot.pause()
        assert skipped(short_store) == set(report.drop)


def schedule_row(screen: ScheduleScreen, kind: str = "study") -> tuple[str, str, dt.date]:
    """(row key, id, day) of the first session of `kind` still to do, from tomorrow on."""
    for key, (any_id, day) in screen._entries.items():
        is_study = screen.workspace.syllabus.item(any_id) is not None
        if day > TODAY and is_study == (kind == "study"):
            return key, any_id, day
    raise AssertionError("no such row")


async def to_row(pilot: Pilot[None], key: str) -> None:
    table = pilot.app.screen.query_one("#agenda", DataTable)
    table.move_cursor(row=table.get_row_index(key))
    await pilot.pause()


async def test_schedule_skip_pin_unpin_and_later_each_undone(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ScheduleScreen)
        key, item_id, day = schedule_row(screen)
        await to_row(pilot, key)
        await pilot.press("x")
        await pilot.pause()
        assert skipped(store) == {item_id}
        assert item_id not in {s.id for d in app.workspace.schedule.days for s in d.sessions}
        await pilot.press("u")
        await pilot.pause()
        assert skipped(store) == set()

        key, item_id, day = schedule_row(screen)
        await to_row(pilot, key)
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, PinDateScreen)
        on = TODAY + dt.timedelta(days=3)
        app.screen.query_one("#pin-date", Input).value = on.isoformat()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ScheduleScreen)
        assert store.load_progress().pinned == {item_id: on}
        key, _, _ = next(
            (k, i, d) for k, (i, d) in screen._entries.items() if i == item_id and d == on
        )
        await to_row(pilot, key)
        await pilot.press("d")  # empty: take the pin away
        await pilot.pause()
        app.screen.query_one("#pin-date", Input).value = ""
        await pilot.press("enter")
        await pilot.pause()
        assert store.load_progress().pinned == {}
        await pilot.press("u")
        await pilot.pause()
        assert store.load_progress().pinned == {item_id: on}
        await pilot.press("u")
        await pilot.pause()
        assert store.load_progress().pinned == {}

        key, drill_id, day = schedule_row(screen, kind="drill")
        await to_row(pilot, key)
        await pilot.press("l")
        await pilot.pause()
        assert store.load_progress().pushed == {drill_id: day + dt.timedelta(days=1)}
        assert all(on > day for on, _ in app.workspace.schedule.sessions_of(drill_id))
        await pilot.press("u")
        await pilot.pause()
        assert store.load_progress().pushed == {}


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("2026-13-01", "is not a day of the calendar"),
        ("tomorrow", "is not a date (YYYY-MM-DD)"),
        ("2026-11-01", "is in the past"),
        ("+99999", "write +N"),
        ("+²", "write +N"),
        ("+" + "9" * 5000, "write +N"),
        ("2040-01-01", "more than five years away"),
    ],
)
async def test_the_pin_dialog_refuses_bad_dates_and_stores_nothing(
    store: Store, typed: str, message: str
) -> None:
    app = make_app(store)
    item_id = bundled().items[0].id
    async with app.run_test(size=SIZE) as pilot:
        app.open_item(item_id)
        await pilot.pause()
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert isinstance(app.screen, PinDateScreen)
        app.screen.query_one("#pin-date", Input).value = typed
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PinDateScreen)  # still open, saying why
        assert message in str(app.screen.query_one("#pin-error", Static).render())
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ItemDetailScreen)
    assert store.load_progress().pinned == {}
    assert [e.action for e in store.events()] == ["plan"]


async def test_item_detail_skip_pin_in_days_and_later(store: Store) -> None:
    app = make_app(store)
    item_id = bundled().items[0].id
    async with app.run_test(size=SIZE) as pilot:
        app.open_item(item_id)
        await pilot.pause()
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert skipped(store) == {item_id}
        # u would be typed into the note here: the message says how to undo instead
        assert "(esc, then u to undo)" in [str(n.message) for n in app._notifications][-1]
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert skipped(store) == set()
        await pilot.press("ctrl+r")
        await pilot.pause()
        app.screen.query_one("#pin-date", Input).value = "+4"
        await pilot.press("enter")
        await pilot.pause()
        on = TODAY + dt.timedelta(days=4)
        assert store.load_progress().pinned == {item_id: on}
        facts = str(app.screen.query_one("#facts-text", Static).render())
        assert f"pinned to {on:%a %d %b}" in facts
        await pilot.press("ctrl+l")
        await pilot.pause()
        progress = store.load_progress()
        assert progress.pushed == {item_id: TODAY + dt.timedelta(days=1)}
        assert progress.pinned == {}  # pushing drops the pin
        assert [e.action for e in store.events()] == ["plan", "skip", "skip", "pin", "push"]


async def test_enter_on_a_schedule_practice_row_opens_today_s_and_names_a_later_day(
    store: Store,
) -> None:
    mock_day = dt.date(2026, 12, 8)  # the day before the demo plan's phone screen
    app = make_app(store, mock_day)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ScheduleScreen)
        practice_rows = screen._practice
        (today_mock,) = [
            k for k, (_, kind, on) in practice_rows.items() if kind == "mock" and on == mock_day
        ]
        later = next(k for k, (_, _, on) in practice_rows.items() if on > mock_day)
        await to_row(pilot, later)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen  # a later day's session is named, not started
        assert "it opens on its day" in [str(n.message) for n in app._notifications][-1]
        await to_row(pilot, today_mock)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        from planner.tui.screens.coding_task import CodingTaskScreen
        from planner.tui.screens.drill import DrillScreen

        assert isinstance(app.screen, CodingTaskScreen | DrillScreen)


async def test_t_on_a_row_done_today_pushes_nothing(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space")  # the first study session, done
        await pilot.pause()
        table = app.screen.query_one("#sessions", DataTable)
        table.move_cursor(row=0)  # done work moves to the top
        await pilot.pause()
        events = [e.action for e in store.events()]
        await pilot.press("t")
        await pilot.pause()
        assert [e.action for e in store.events()] == events
        assert "Done today already" in [str(n.message) for n in app._notifications][-1]


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_readiness_round_lines_fit_the_screen(
    short_store: Store, size: tuple[int, int]
) -> None:
    app = make_app(short_store)
    async with app.run_test(size=size) as pilot:
        await pilot.press("5")
        await settled(pilot)
        interviews = list(app.screen.query(".interview"))
        assert interviews
        for widget in interviews:
            assert isinstance(widget, Static)
            lines = str(widget.render()).splitlines()
            rounds = [line for line in lines[1:] if "%" in line]  # (the headline may wrap)
            assert rounds and all(len(line) <= widget.content_size.width for line in rounds)
