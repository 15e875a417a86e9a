"""Plan setup (issue 11.5): an unchosen round looks unchosen, and at 80x24 every field,
the start date last, can be brought into view above the Save/Cancel bar."""

from __future__ import annotations

import pytest
from textual.widgets import Input, SelectionList

from planner.store.store import Store
from planner.tui.screens.plan_setup import PlanSetupScreen
from tests.tui_support import make_app


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
async def test_only_chosen_rounds_show_a_mark(store: Store, theme: str) -> None:
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        app.theme = theme
        app.edit_plan()
        await pilot.pause()
        rounds = app.screen.query_one("#iv-rounds", SelectionList)
        rounds.select(rounds.get_option_at_index(1).value)
        await pilot.pause()
        off = rounds.get_component_styles("selection-list--button")
        on = rounds.get_component_styles("selection-list--button-selected")
        assert off.color == off.background  # the X is not drawn: an empty box
        assert on.color != on.background


async def test_the_start_date_shows_above_the_buttons_at_80x24(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        app.edit_plan()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PlanSetupScreen)
        buttons = screen.query_one("#setup-buttons")
        for field_id in ("#iv-name", "#days-off", "#start"):
            field = screen.query_one(field_id, Input)
            field.focus()
            await pilot.pause()
            await pilot.wait_for_scheduled_animations()
            assert field.region.height == 3, field_id  # the whole box, border to border
            assert field.region.bottom <= buttons.region.y, field_id
            assert field.region.y >= 1, field_id
