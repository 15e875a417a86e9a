"""Pilot tests for what a new user tripped over: cut-off messages at 80x24, keys going to the
wrong widget, numbers that disagreed between screens, a footer that overlapped itself."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from pathlib import Path

from rich.text import Text
from textual.widget import Widget
from textual.widgets import DataTable, Footer, Input, Label, SelectionList, Static, TextArea, Tree

from planner.core.labels import format_minutes
from planner.store.store import Store
from planner.tui.screens.coding_task import CodingTaskScreen
from planner.tui.screens.item_detail import ItemDetailScreen
from planner.tui.screens.mock_round import MockRoundScreen
from planner.tui.screens.plan_setup import PlanSetupScreen
from planner.tui.screens.readiness import ReadinessScreen
from planner.tui.screens.schedule import ScheduleScreen
from planner.tui.screens.syllabus import LEVEL_INDENT, NodeRef, SyllabusScreen
from planner.tui.widgets.burndown import BurnDownChart
from planner.tui.widgets.key_bar import KeyBar
from tests.tui_support import TODAY, fixed_plan, make_app, store_with_plan

SMALL = (80, 24)


# --- plan setup ---------------------------------------------------------------------------


async def test_date_error_is_shown_whole_at_80_columns(data_dir: Path) -> None:
    store = Store.open(data_dir)
    app = make_app(store)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PlanSetupScreen)
        screen.query_one("#iv-name", Input).value = "Meta phone screen"
        screen.query_one("#iv-date", Input).value = "2026-12-9"
        await pilot.press("ctrl+n")
        await pilot.pause()
        label = screen.query_one("#error-date", Label)
        assert label.display
        message = "'2026-12-9' is not a date (YYYY-MM-DD)"
        assert message in str(label.render())
        # the message wraps inside its column instead of running past it and being cut
        column = label.parent
        assert isinstance(column, Widget)
        assert label.region.right <= column.region.right
        assert label.region.width * label.region.height >= len(message)
    store.close()


async def test_enter_in_the_rounds_list_adds_the_interview_with_the_rounds_ticked(
    data_dir: Path,
) -> None:
    store = Store.open(data_dir)
    app = make_app(store)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        screen = app.screen
        screen.query_one("#iv-name", Input).value = "Meta phone screen"
        screen.query_one("#iv-date", Input).value = "2026-12-09"
        rounds = screen.query_one("#iv-rounds", SelectionList)
        rounds.focus()
        await pilot.press("space", "down", "space", "enter")
        await pilot.pause()
        assert isinstance(screen, PlanSetupScreen)
        assert [(i.name, i.rounds) for i in screen.interviews] == [
            ("Meta phone screen", ("phone-screen", "dsa-coding"))
        ]
        assert screen.query_one("#interview-list", DataTable).row_count == 1
    store.close()


async def test_rounds_of_the_next_interview_are_picked_from_the_top(data_dir: Path) -> None:
    store = Store.open(data_dir)
    app = make_app(store)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PlanSetupScreen)
        screen.query_one("#iv-name", Input).value = "Meta phone screen"
        screen.query_one("#iv-date", Input).value = "2026-12-09"
        rounds = screen.query_one("#iv-rounds", SelectionList)
        rounds.focus()
        await pilot.press("space", "down", "space", "ctrl+n")
        await pilot.pause()
        screen.query_one("#iv-name", Input).value = "Google onsite"
        screen.query_one("#iv-date", Input).value = "2027-01-06"
        rounds.focus()
        # ML coding, ML theory, ML design are the 3rd to 5th rounds: down twice from the top
        await pilot.press("down", "down", "space", "down", "space", "down", "space", "ctrl+n")
        await pilot.pause()
        assert [i.rounds for i in screen.interviews] == [
            ("phone-screen", "dsa-coding"),
            ("ml-coding", "ml-theory", "ml-design"),
        ]
    store.close()


# --- item detail --------------------------------------------------------------------------


async def test_typing_on_an_opened_item_goes_into_its_note(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ItemDetailScreen)
        await pilot.press(*"use a dict")
        await pilot.pause()
        assert screen.query_one("#note-editor", TextArea).text == "use a dict"
        await pilot.press("escape")
        await pilot.pause()
        assert store.note(screen.item_id) == "use a dict"


# --- syllabus -----------------------------------------------------------------------------


def _labels(screen: SyllabusScreen) -> list[tuple[NodeRef, Text]]:
    tree: Tree[NodeRef] = screen.query_one("#syllabus-tree", Tree)
    found: list[tuple[NodeRef, Text]] = []

    def walk(node: object) -> None:
        for child in getattr(node, "children", ()):
            if child.data is not None:
                label = child.label
                assert isinstance(label, Text)
                found.append((child.data, label))
            walk(child)

    walk(tree.root)
    return found


async def test_filtered_syllabus_keeps_the_minutes_left_on_screen_at_80_columns(
    store: Store,
) -> None:
    app = make_app(store)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("3", "slash", *"gradient")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SyllabusScreen)
        tree = screen.query_one("#syllabus-tree", Tree)
        assert tree.show_vertical_scrollbar  # the filtered tree is longer than the screen
        room = tree.scrollable_content_region.width
        labels = _labels(screen)
        assert labels
        for ref, label in labels:
            assert label.plain.endswith(("left", "done", "optional", "needed")), label.plain
            assert LEVEL_INDENT[ref.kind] + label.cell_len <= room, label.plain


async def test_syllabus_counts_optional_minutes_apart(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SyllabusScreen)
        labels = {(ref.kind, ref.id): label.plain for ref, label in _labels(screen)}
        theory = labels[("round", "ml-theory")]
        assert "optional" in theory
        optional = next(i for i in app.workspace.syllabus.items if i.optional)
        assert labels[("item", optional.id)].endswith("left, optional")
        # a resource of optional items only: no "0m left" before its optional minutes
        only_optional = next(
            text
            for (kind, rid), text in labels.items()
            if kind == "resource"
            and all(i.optional for i in app.workspace.syllabus.items if i.resource.id == rid)
        )
        assert only_optional.endswith("optional left")
        assert " 0m left" not in only_optional
        # the required minutes left agree with Readiness (round minutes still to study)
        figures = app.workspace.readiness
        ml_theory = next(
            r for i in figures.interviews for r in i.rounds if r.round_id == "ml-theory"
        )
        required = format_minutes(ml_theory.required_minutes - ml_theory.done_minutes)
        assert f"{required} left + " in theory


# --- schedule -----------------------------------------------------------------------------


async def test_schedule_counts_days_to_the_last_interview_as_readiness_does(
    store: Store,
) -> None:
    app = make_app(store)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("2")
        await pilot.pause()
        summary = str(app.screen.query_one("#schedule-summary", Static).render())
        # today is Wed 25 Nov 2026; the onsite is Wed 06 Jan 2027: 42 days away ("in 42 days")
        assert summary.startswith("42 days to Wed 06 Jan")


async def test_schedule_shows_the_minutes_of_long_sessions_at_80_columns(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("2")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ScheduleScreen)
        table = screen.query_one("#agenda", DataTable)
        sessions = [str(table.get_cell(key, "session")) for key in screen._row_ids]
        assert any("…" in text for text in sessions)  # long titles are cut...
        for key in screen._row_ids:  # ...and their minutes always show, in their own column
            minutes = str(table.get_cell(key, "minutes")).strip()
            assert re.fullmatch(r"(\d+h)?(\d+m)?", minutes) and minutes, key


# --- practice screens ---------------------------------------------------------------------


async def test_practice_screens_use_the_key_bar_and_show_the_log_title_whole(
    store: Store,
) -> None:
    app = make_app(store)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("4")
        await pilot.pause()
        screen = app.screen
        assert not screen.query(Footer)
        assert screen.query_one(KeyBar)
        title = screen.query_one("#log-title", Static)
        assert "c for a coding task, m for a mock round" in str(title.render())
        assert title.region.height >= 2  # wrapped at 80 columns, not cut after one line
        for key in ("d", "m", "c"):
            await pilot.press(key)
            await pilot.pause()
            assert not app.screen.query(Footer), key
            assert app.screen.query_one(KeyBar), key
            await pilot.press("escape")
            await pilot.pause()
            if key == "d":
                await pilot.press("enter")  # the drill's summary
                await pilot.pause()
        await pilot.press("5")
        await pilot.pause()
        assert not app.screen.query(Footer)
        assert app.screen.query_one(KeyBar)


async def test_finished_drill_shows_close_not_the_rating_keys(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("4", "d")
        await pilot.pause()
        bar = app.screen.query_one(KeyBar)
        assert "Again" not in str(bar.render())  # ratings are offered once the answer shows
        await pilot.press("1")  # and say so, rather than doing nothing
        await pilot.pause()
        assert any("Show the answer first" in str(n.message) for n in app._notifications)
        await pilot.press("space")
        await pilot.pause()
        assert "Again" in str(bar.render())
        await pilot.press("escape")  # stop: the summary stays until closed
        await pilot.pause()
        shown = str(bar.render())
        assert "Close" in shown
        assert "Again" not in shown and "Easy" not in shown
        await pilot.press("1")  # still swallowed by the drill: no jump to Today
        await pilot.pause()
        assert "Close" in str(app.screen.query_one(KeyBar).render())


async def test_schedule_opens_with_today_at_the_top_when_the_plan_started_earlier(
    data_dir: Path,
) -> None:
    store = store_with_plan(data_dir, replace(fixed_plan(), start=dt.date(2026, 11, 1)))
    app = make_app(store)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("2")
        await pilot.pause()
        await pilot.pause()
        table = app.screen.query_one("#agenda", DataTable)
        today = table.get_row_index(f"{TODAY.isoformat()}#0")
        assert table.cursor_row == today
        # today's row is near the top, so today's sessions and the next days show below it
        assert today - 4 <= table.scroll_y <= today
    store.close()


async def test_readiness_redraws_after_a_review_started_from_it(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("5", "r")
        await pilot.pause()
        await pilot.press("space", "3", "escape")  # one review rated, then back
        await pilot.pause()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReadinessScreen)
        assert len(screen.query(BurnDownChart)) == 2  # redrawn, once per interview
        assert len(store.load_progress().reviews) == 1


async def test_a_digit_in_a_mock_round_does_not_leave_it(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("4", "m")
        await pilot.pause()
        mock = app.screen
        assert isinstance(mock, MockRoundScreen)
        await pilot.press("2", "3", "1")  # 3 is no score: the round stays on screen
        await pilot.pause()
        assert isinstance(app.screen, MockRoundScreen)
        assert list(mock.scores.values())[:2] == [2, 1]
        await pilot.press("tab", *"3 towers")  # digits are typed into the notes
        assert mock.query_one("#session-notes", TextArea).text == "3 towers"


async def test_a_digit_in_a_coding_task_does_not_leave_it(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("4", "c")
        await pilot.pause()
        task = app.screen
        assert isinstance(task, CodingTaskScreen)
        await pilot.press("3")  # on the outcome list
        await pilot.pause()
        assert app.screen is task
        await pilot.press("tab", *"O(n) 2 passes")
        assert task.query_one("#session-notes", TextArea).text == "O(n) 2 passes"


async def test_no_digit_leaves_a_coding_task_or_a_review(store: Store) -> None:
    from planner.tui.screens.coding_task import CodingTaskScreen
    from planner.tui.screens.review_session import ReviewSessionScreen

    app = make_app(store)
    async with app.run_test(size=SMALL) as pilot:
        await app.push_screen(CodingTaskScreen("code-kmeans"))
        await pilot.pause()
        await pilot.press("6", "0", "9")
        await pilot.pause()
        assert isinstance(app.screen, CodingTaskScreen)
        app.pop_screen()
        await app.push_screen(ReviewSessionScreen(["q-bias-variance"]))
        await pilot.pause()
        await pilot.press("5", "6")
        await pilot.pause()
        assert isinstance(app.screen, ReviewSessionScreen)
