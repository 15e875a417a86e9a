"""Today at 80x24 with more sessions than fit (issue 11.2): the tabs, the banner and the bar
stay put and only the table scrolls; practice rows keep their titles whole, their kind in
the Resource column."""

from __future__ import annotations

from dataclasses import replace

from textual.widgets import DataTable

from planner.store.store import Store
from planner.tui.screens.today import TodayScreen
from planner.tui.widgets.mode_tabs import ModeTabs
from tests.tui_support import fixed_plan, make_app, store_with_plan


def long_day_store(data_dir: object) -> Store:
    from pathlib import Path

    assert isinstance(data_dir, Path)
    return store_with_plan(data_dir, replace(fixed_plan(), weekday_minutes=(1000,) * 7))


async def test_only_the_table_scrolls_at_80x24(data_dir: object) -> None:
    app = make_app(long_day_store(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, TodayScreen)
        table = screen.query_one("#sessions", DataTable)
        assert table.row_count > 20  # more than the screen holds
        for keys in (["down"] * 40, ["end"], ["pagedown"] * 3):
            await pilot.press(*keys)
            await pilot.pause()
            assert screen.scroll_y == 0
            assert screen.query_one(ModeTabs).region.y == 0
            assert screen.query_one("#banner").region.y >= 1
            assert table.region.bottom <= 24 - 1  # above the key bar
        assert table.scroll_y > 0 and table.cursor_row == table.row_count - 1
        await pilot.press("home")
        await pilot.pause()
        await pilot.wait_for_scheduled_animations()
        assert table.cursor_row == 0 and table.scroll_y == 0


async def test_practice_rows_show_the_whole_title_and_their_kind(data_dir: object) -> None:
    app = make_app(long_day_store(data_dir))
    async with app.run_test(size=(80, 24)):
        screen = app.screen
        assert isinstance(screen, TodayScreen)
        practice = [r for r in screen._rows if r.kind in ("review", "drill")]
        assert practice
        for row in practice:
            assert not row.title.startswith(("Review: ", "Drill: "))
            assert "(from the answer outline)" not in row.title
            assert row.resource.startswith(("Review", "Drill"))
