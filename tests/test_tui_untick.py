"""Unticking puts an item back exactly as it was before the tick (issue 11.1): no minutes
left behind, no phantom session tomorrow, `planner today` agrees; and minutes recorded past
an item's estimate finish it instead of leaving a one-minute tail."""

from __future__ import annotations

from click.testing import CliRunner
from textual.widgets import DataTable, Label

from planner.cli import cli
from planner.core.planning import full_schedule
from planner.store.store import Store
from planner.tui.screens.today import TodayScreen
from tests.tui_support import TODAY, bundled, fixed_plan, make_app


def first_study_row(screen: TodayScreen) -> str:
    row = next(r for r in screen._rows if r.kind == "study")
    table = screen.query_one("#sessions", DataTable)
    table.move_cursor(row=table.get_row_index(row.id))
    return row.id


def label(screen: TodayScreen) -> str:
    return str(screen.query_one("#minutes-label", Label).render())


def planner_today(store: Store) -> str:
    args = ["--data-dir", str(store.path.parent), "--today", TODAY.isoformat(), "today"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    return result.output


async def test_tick_then_untick_leaves_everything_as_before(store: Store) -> None:
    command_before = planner_today(store)
    app = make_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, TodayScreen)
        item_id = first_study_row(screen)
        before_rows, before_label = list(screen._rows), label(screen)
        before = full_schedule(bundled(), fixed_plan(), store.load_progress(), TODAY)
        await pilot.press("space")
        await pilot.pause()
        assert store.load_progress().is_done(item_id)
        table = screen.query_one("#sessions", DataTable)
        table.move_cursor(row=table.get_row_index(item_id))
        await pilot.press("space")
        await pilot.pause()
        progress = store.load_progress()
        assert not progress.is_done(item_id)
        assert progress.of(item_id).minutes_spent == 0 and not progress.work
        assert label(screen) == before_label and screen._rows == before_rows
        after = full_schedule(bundled(), fixed_plan(), progress, TODAY)
        assert after.days == before.days  # no one-minute session tomorrow or later
    assert planner_today(store) == command_before  # nothing listed as done


async def test_minutes_past_the_estimate_finish_the_item(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, TodayScreen)
        item_id = first_study_row(screen)
        item = bundled().item(item_id)
        assert item is not None
        presses = -(-item.minutes // 15)
        for _ in range(presses):
            table = screen.query_one("#sessions", DataTable)
            table.move_cursor(row=table.get_row_index(item_id))
            await pilot.press("plus")
            await pilot.pause()
        progress = store.load_progress()
        assert progress.is_done(item_id)
        assert progress.of(item_id).minutes_spent == presses * 15
        schedule = full_schedule(bundled(), fixed_plan(), progress, TODAY)
        assert not schedule.sessions_of(item_id)  # no tail left to schedule
        assert next(r for r in screen._rows if r.id == item_id).done
