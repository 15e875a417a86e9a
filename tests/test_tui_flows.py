"""Pilot tests: each user flow of the app, checked in the store and on screen."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Label, SelectionList, TextArea, Tree
from textual.widgets.tree import TreeNode

from planner.core.labels import format_minutes
from planner.store.store import Store
from planner.tui.screens.item_detail import ItemDetailScreen
from planner.tui.screens.plan_setup import PlanSetupScreen
from planner.tui.screens.schedule import ScheduleScreen
from planner.tui.screens.syllabus import SyllabusScreen
from planner.tui.screens.today import TodayScreen
from planner.tui.widgets.minutes_bar import MinutesBar
from tests.tui_support import TODAY, make_app, store_with_plan

SIZE = (120, 40)


def table_ids(table: DataTable[object]) -> list[str]:
    return [str(row.key.value) for row in table.ordered_rows]


def with_long_days(store: Store) -> None:
    """Five hours every day: today has several rows."""
    plan = store.load_plan()
    assert plan is not None
    store.save_plan(replace(plan, weekday_minutes=(300,) * 7))


def cell_text(table: DataTable[object], row_key: str, column: str) -> str:
    return str(table.get_cell(row_key, column))


# --- first run ---------------------------------------------------------------------------


async def test_first_run_asks_for_a_plan_and_saves_it(data_dir: Path) -> None:
    store = Store.open(data_dir)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, PlanSetupScreen)
        await pilot.click("#iv-name")
        await pilot.press(*"Meta phone screen")
        app.screen.query_one("#iv-date", Input).focus()
        await pilot.press(*"2026-12-09")
        rounds = app.screen.query_one("#iv-rounds", SelectionList)
        rounds.select("phone-screen")
        rounds.select("dsa-coding")
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert len(app.screen.query_one("#interview-list", DataTable).rows) == 1
        app.screen.query_one("#min-sun", Input).value = "60"
        app.screen.query_one("#days-off", Input).value = "2026-12-24..2026-12-26, 2026-12-31"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        table = app.screen.query_one("#sessions", DataTable)
        assert table.row_count > 0
    plan = store.load_plan()
    store.close()
    assert plan is not None
    assert [(i.name, i.date, i.rounds) for i in plan.interviews] == [
        ("Meta phone screen", dt.date(2026, 12, 9), ("phone-screen", "dsa-coding"))
    ]
    assert plan.weekday_minutes[6] == 60
    assert [(d.start, d.end) for d in plan.days_off] == [
        (dt.date(2026, 12, 24), dt.date(2026, 12, 26)),
        (dt.date(2026, 12, 31), dt.date(2026, 12, 31)),
    ]


@pytest.mark.parametrize(
    ("name", "date", "field", "message"),
    [
        ("Meta", "2026-13-01", "date", "is not a day of the calendar"),
        ("Meta", "soon", "date", "is not a date (YYYY-MM-DD)"),
        ("Meta", "2026-11-01", "date", "is in the past"),
        ("", "2026-12-09", "name", "Give the interview a name"),
        ("Meta", "2026-12-09", "rounds", "Pick at least one round"),
    ],
)
async def test_invalid_interview_is_shown_next_to_its_field_and_not_saved(
    data_dir: Path, name: str, date: str, field: str, message: str
) -> None:
    store = Store.open(data_dir)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        screen.query_one("#iv-name", Input).value = name
        screen.query_one("#iv-date", Input).value = date
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PlanSetupScreen)
        label = screen.query_one(f"#error-{field}", Label)
        assert label.display
        assert message in str(label.render())
    assert store.load_plan() is None
    store.close()


async def test_bad_minutes_are_refused_and_the_old_plan_kept(store: Store) -> None:
    before = store.load_plan()
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PlanSetupScreen)
        screen.query_one("#min-mon", Input).value = "2000"
        screen.query_one("#days-off", Input).value = "2026-12-26..2026-12-24"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PlanSetupScreen)
        assert "not within 0..1440" in str(screen.query_one("#error-minutes", Label).render())
        screen.query_one("#min-mon", Input).value = "60"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "end before they start" in str(screen.query_one("#error-days-off", Label).render())
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
    assert store.load_plan() == before


async def test_removing_an_interview_changes_only_the_form_until_saved(store: Store) -> None:
    before = store.load_plan()
    assert before is not None and len(before.interviews) == 2
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
        listing = app.screen.query_one("#interview-list", DataTable)
        listing.focus()
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert listing.row_count == 1
        assert any("not saved yet" in str(n.message) for n in app._notifications)
        await pilot.press("escape")
        await pilot.pause()
        assert store.load_plan() == before
        await pilot.press("p")
        await pilot.pause()
        app.screen.query_one("#interview-list", DataTable).focus()
        await pilot.press("ctrl+r", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
    after = store.load_plan()
    assert after is not None
    assert after.interviews == before.interviews[1:]


# --- today -------------------------------------------------------------------------------


async def test_tick_is_stored_and_updates_today_and_schedule(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        today = app.screen
        table = today.query_one("#sessions", DataTable)
        first = table_ids(table)[0]
        minutes = app.workspace.syllabus.item(first)
        assert minutes is not None
        assert cell_text(table, first, "check") == "[ ]"
        bar = today.query_one("#minutes-bar", MinutesBar)
        capacity = 90  # the fixed plan's Wednesday
        assert bar.value == 0
        await pilot.press("space")
        await pilot.pause()
        assert cell_text(table, first, "check") == "[x]"
        assert bar.value == minutes.minutes / capacity
        label = str(today.query_one("#minutes-label", Label).render())
        assert label == f"{format_minutes(minutes.minutes)} of {format_minutes(capacity)} today"
        await pilot.press("2")
        await pilot.pause()
        schedule = app.screen
        assert isinstance(schedule, ScheduleScreen)
        agenda = schedule.query_one("#agenda", DataTable)
        todays = [k for k in table_ids(agenda) if k.startswith(TODAY.isoformat())]
        titles = [cell_text(agenda, k, "session") for k in todays]
        assert any(t.startswith(f"✓ {minutes.title[:20]}") for t in titles), titles
    progress = store.load_progress()
    assert progress.is_done(first)
    assert progress.of(first).minutes_spent == minutes.minutes


async def test_after_a_tick_the_cursor_goes_to_the_next_thing_to_do(store: Store) -> None:
    with_long_days(store)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#sessions", DataTable)
        before = table_ids(table)
        await pilot.press("down", "space")
        await pilot.pause()
        ids = table_ids(table)
        assert ids[0] == before[1]  # done work is listed first
        assert ids[table.cursor_row] == before[0]  # the first row still to do
        assert cell_text(table, before[0], "check") == "[ ]"


async def test_undo_takes_back_the_tick(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#sessions", DataTable)
        first = table_ids(table)[0]
        await pilot.press("space")
        await pilot.pause()
        await pilot.press("u")
        await pilot.pause()
        assert cell_text(table, first, "check") == "[ ]"
        item = app.workspace.syllabus.item(first)
        assert item is not None
        messages = [str(n.message) for n in app._notifications]
        assert f"Undone: done {item.title} ({item.minutes} min on Wed 25 Nov)" in messages
    assert not store.load_progress().is_done(first)


async def test_partial_minutes_add_and_take_back(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#sessions", DataTable)
        first = table_ids(table)[0]
        await pilot.press("plus", "plus")
        await pilot.pause()
        assert store.load_progress().of(first).minutes_spent == 30
        assert cell_text(table, first, "minutes").startswith("30/")
        assert app.screen.query_one("#minutes-bar", MinutesBar).value == 30 / 90
        await pilot.press("minus", "minus", "minus")
        await pilot.pause()
        assert store.load_progress().of(first).minutes_spent == 0
        assert not store.load_progress().is_done(first)


async def test_push_to_tomorrow_moves_the_session(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#sessions", DataTable)
        first = table_ids(table)[0]
        await pilot.press("t")
        await pilot.pause()
        assert first not in table_ids(table)
        tomorrow = app.workspace.schedule.day(TODAY + dt.timedelta(days=1))
        assert tomorrow is not None
        assert first in [s.id for s in tomorrow.sessions]
    assert store.load_progress().pushed[first] == TODAY + dt.timedelta(days=1)


async def test_skip_takes_the_item_out_of_the_plan_and_undo_brings_it_back(
    store: Store,
) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#sessions", DataTable)
        first = table_ids(table)[0]
        await pilot.press("x")
        await pilot.pause()
        assert store.load_progress().of(first).skipped
        assert first not in table_ids(table)
        assert app.workspace.schedule.sessions_of(first) == []
        await pilot.press("u")
        await pilot.pause()
        assert not store.load_progress().of(first).skipped
        assert first in table_ids(table)


async def test_push_keeps_the_cursor_in_place_and_says_where_the_item_went(
    store: Store,
) -> None:
    with_long_days(store)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#sessions", DataTable)
        before = table_ids(table)
        assert len(before) >= 3
        await pilot.press("down")
        await pilot.press("t")
        await pilot.pause()
        pushed = before[1]
        assert pushed not in table_ids(table)
        assert table_ids(table)[0] == before[0]
        assert table.cursor_row == 1  # on the row that took its place, not back at the top
        lands = min(on for on, _ in app.workspace.schedule.sessions_of(pushed))
        messages = [str(n.message) for n in app._notifications]
        assert any(m.endswith(f"(now on {lands:%a %d %b})") for m in messages), messages


async def test_open_link_opens_only_http(store: Store) -> None:
    app = make_app(store)
    opened: list[str] = []
    app.open_url = lambda url, *, new_tab=True: opened.append(url)  # type: ignore[method-assign]
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        assert len(opened) == 1
        assert opened[0].startswith(("https://", "http://"))
        app.open_link("javascript:alert(1)")
        app.open_link("file:///etc/passwd")
        await pilot.pause()
        assert len(opened) == 1


async def test_command_palette_runs_a_screen_action(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        first = table_ids(app.screen.query_one("#sessions", DataTable))[0]
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Tomorrow")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.3)
    assert first in store.load_progress().pushed


async def test_undo_is_in_the_command_palette_and_quit_is_listed_once(store: Store) -> None:
    from textual.command import CommandPalette

    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        first = table_ids(app.screen.query_one("#sessions", DataTable))[0]
        await pilot.press("space")
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause(0.3)
        palette = app.screen
        assert isinstance(palette, CommandPalette)
        assert app.check_action("undo", ()) is True
        await pilot.press(*"Quit")
        await pilot.pause(0.5)
        shown = [str(option.prompt) for option in palette.query_one("CommandList").options]
        assert sum(1 for text in shown if text.startswith("Quit")) == 1, shown
        await pilot.press(*("backspace" for _ in "Quit"), *"Undo")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause(0.3)
    assert not store.load_progress().is_done(first)


# --- notes -------------------------------------------------------------------------------


async def test_note_typed_then_app_closed_is_intact_when_reopened(data_dir: Path) -> None:
    store = store_with_plan(data_dir)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        first = table_ids(app.screen.query_one("#sessions", DataTable))[0]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ItemDetailScreen)
        await pilot.click("#note-editor")
        await pilot.press(*"Bias [red]variance[/] *tradeoff*")
        # quit at once, well inside the save delay: nothing typed may be lost
        await pilot.press("ctrl+q")
    store.close()

    store = Store.open(data_dir)
    assert store.note(first) == "Bias [red]variance[/] *tradeoff*"
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.open_item(first)
        await pilot.pause()
        editor = app.screen.query_one("#note-editor", TextArea)
        assert editor.text == "Bias [red]variance[/] *tradeoff*"
        await pilot.press(*" and more")  # goes after what is there, not before it
        await pilot.press("ctrl+q")
    assert store.note(first) == "Bias [red]variance[/] *tradeoff* and more"
    store.close()


async def test_note_is_saved_while_typing_and_on_leaving(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        first = table_ids(app.screen.query_one("#sessions", DataTable))[0]
        await pilot.press("enter")
        await pilot.pause()
        await pilot.click("#note-editor")
        await pilot.press(*"first")
        await pilot.pause(0.8)
        assert store.note(first) == "first"
        await pilot.press(*" second")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        assert store.note(first) == "first second"


# --- syllabus ----------------------------------------------------------------------------


def visible_items(tree: Tree[object]) -> list[str]:
    found: list[str] = []

    def walk(node: object) -> None:
        for child in getattr(node, "children", ()):
            data = child.data
            if data is not None and data.kind == "item":
                found.append(data.id)
            walk(child)

    walk(tree.root)
    return found


async def test_filter_in_syllabus(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("3")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SyllabusScreen)
        tree = screen.query_one("#syllabus-tree", Tree)
        everything = visible_items(tree)
        await pilot.press("slash", *"fennel")
        await pilot.pause()
        filtered = visible_items(tree)
        assert 0 < len(filtered) < len(everything)
        syllabus = app.workspace.syllabus
        for item_id in filtered:
            item = syllabus.item(item_id)
            assert item is not None
            text = " ".join([item.title, item.id, item.resource.title, item.item.description])
            assert "fennel" in text.casefold()
        await pilot.press("escape")
        await pilot.pause()
        assert visible_items(tree) == everything


async def syllabus_on_item(
    pilot: Pilot[None], item_id: str
) -> tuple[Tree[object], TreeNode[object]]:
    """Syllabus, filtered to `item_id`, the cursor on its row: the tree and that row."""
    await pilot.pause()
    await pilot.press("3")
    await pilot.pause()
    tree = pilot.app.screen.query_one("#syllabus-tree", Tree)
    await pilot.press("slash", *item_id, "enter")
    await pilot.pause()
    assert visible_items(tree) == [item_id] * len(visible_items(tree))
    await pilot.press("down", "down")
    await pilot.pause()
    node = tree.cursor_node
    assert node is not None and node.data is not None and node.data.id == item_id
    return tree, node


async def test_a_skipped_item_in_the_syllabus_tree_is_skipped_not_done(store: Store) -> None:
    app = make_app(store)
    item_id = "hundred-page-ml/ch02"
    async with app.run_test(size=SIZE) as pilot:
        _, node = await syllabus_on_item(pilot, item_id)
        resource = node.parent
        assert resource is not None and resource.data is not None
        total = len(resource.data.item_ids)
        await pilot.press("x")
        await pilot.pause()
        assert store.load_progress().of(item_id).skipped
        assert "[-]" in str(node.label) and "skipped" in str(node.label)
        assert "[x]" not in str(node.label)
        assert f"0/{total} done, 1 skipped" in str(resource.label)
        events = len(store.events())
        await pilot.press("space")  # not ticked: it says how to take it back
        await pilot.pause()
        assert len(store.events()) == events and not store.load_progress().of(item_id).done
        await pilot.press("x")
        await pilot.pause()
        assert not store.load_progress().of(item_id).skipped
        assert "[ ]" in str(node.label) and f"0/{total} done," in str(resource.label)


async def test_tick_from_the_syllabus_tree(store: Store) -> None:
    app = make_app(store)
    item_id = "hundred-page-ml/ch02"
    async with app.run_test(size=SIZE) as pilot:
        tree, node = await syllabus_on_item(pilot, item_id)
        await pilot.press("space")
        await pilot.pause()
        assert "[x]" in str(node.label)
        # the filtered resource still counts all its items, not only the one shown
        resource = node.parent
        assert resource is not None and resource.data is not None
        total = len(resource.data.item_ids)
        assert total > 1
        assert f"1/{total} done" in str(resource.label)
        # clearing the filter keeps the cursor on that item, not on the same line number
        await pilot.press("escape")
        await pilot.pause()
        await pilot.pause()
        after = tree.cursor_node
        assert after is not None and after.data is not None and after.data.id == item_id
    assert store.load_progress().is_done(item_id)


# --- themes and help ---------------------------------------------------------------------


async def test_theme_is_remembered(data_dir: Path) -> None:
    store = store_with_plan(data_dir)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.theme = "nord"
        await pilot.pause()
    store.close()
    store = Store.open(data_dir)
    assert store.setting("theme") == "nord"
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.theme == "nord"
    store.close()


async def test_help_lists_every_key_of_every_screen(store: Store) -> None:
    from planner.tui.app import PlannerApp

    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        table = app.screen.query_one("#help-keys", DataTable)
        ids = {str(table.get_row_at(i)[2]) for i in range(table.row_count)}
    expected = {
        b.id
        for cls in (PlannerApp, TodayScreen, ScheduleScreen, SyllabusScreen, ItemDetailScreen)
        for b in cls.BINDINGS
        if hasattr(b, "id")
    }
    assert expected <= ids


async def test_user_text_is_never_markup(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        first = table_ids(app.screen.query_one("#sessions", DataTable))[0]
        store.save_note(first, "[bold]not bold[/bold] [link=x]")
        app.open_item(first)
        await pilot.pause()
        assert app.screen.query_one("#note-editor", TextArea).text.startswith("[bold]not")


async def test_schedule_jumps_to_today_and_between_weeks(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("2")
        await pilot.pause()
        agenda = app.screen.query_one("#agenda", DataTable)
        keys = table_ids(agenda)
        assert keys[agenda.cursor_row] == f"{TODAY.isoformat()}#0"
        # the top row is today's week heading or today, never the tail of an earlier day
        top = keys[round(agenda.scroll_y)]
        assert top == f"{TODAY.isoformat()}#0" or (
            top.startswith("week-") and top <= f"week-{TODAY.isoformat()}"
        )
        await pilot.press("n")
        await pilot.pause()
        assert keys[agenda.cursor_row].startswith("week-")
        await pilot.press("n", "n")
        await pilot.pause()
        assert keys[agenda.cursor_row] > "week-2026-11-30"
        await pilot.press("t")
        await pilot.pause()
        assert keys[agenda.cursor_row] == f"{TODAY.isoformat()}#0"
        interview_rows = [k for k in keys if "Interview:" in cell_text(agenda, k, "session")]
        assert [k[:10] for k in interview_rows] == ["2026-12-09", "2027-01-06"]


async def test_today_fits_a_small_terminal(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#sessions", DataTable)
        assert table.row_count > 0
        assert table.virtual_size.width <= 80
        assert not table.show_horizontal_scrollbar


@pytest.mark.parametrize("key", ["1", "2", "3", "4", "5"])
async def test_a_narrow_footer_always_shows_help(store: Store, key: str) -> None:
    from planner.tui.screens.help import HelpScreen
    from planner.tui.widgets.key_bar import KeyBar

    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(key)
        await pilot.pause()
        keys = str(app.screen.query_one(KeyBar).render())
        assert len(keys) <= 80
        assert keys.rstrip().endswith("? Help  ^p palette")
        await pilot.click(KeyBar, offset=(keys.index("Help"), 0))
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)


async def test_mouse_on_the_tab_bar_and_the_footer_keys(store: Store) -> None:
    from planner.tui.widgets.key_bar import KeyBar
    from planner.tui.widgets.mode_tabs import ModeTabs

    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        first = table_ids(app.screen.query_one("#sessions", DataTable))[0]
        keys = str(app.screen.query_one(KeyBar).render())
        await pilot.click(KeyBar, offset=(keys.index("Tomorrow"), 0))
        await pilot.pause()
        assert first in store.load_progress().pushed
        tabs = str(app.screen.query_one(ModeTabs).render())
        await pilot.click(ModeTabs, offset=(tabs.index("Syllabus"), 0))
        await pilot.pause()
        assert isinstance(app.screen, SyllabusScreen)


async def test_undo_leaves_the_theme_alone(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        first = table_ids(app.screen.query_one("#sessions", DataTable))[0]
        await pilot.press("space")
        app.theme = "gruvbox"
        await pilot.pause()
        await pilot.press("u")
        await pilot.pause()
        assert app.theme == "gruvbox"
    assert store.setting("theme") == "gruvbox"
    assert not store.load_progress().is_done(first)


async def test_no_other_screen_before_a_plan_is_saved(data_dir: Path) -> None:
    store = Store.open(data_dir)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.query_one("#save").focus()
        await pilot.press("2", "escape")
        await pilot.pause()
        assert isinstance(app.screen, PlanSetupScreen)
    store.close()


async def test_practice_sessions_are_listed_and_open_practice(store: Store) -> None:
    mock_day = dt.date(2026, 12, 8)  # the day before the phone screen holds its mock round
    app = make_app(store, today=mock_day)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TodayScreen)
        practice = [r for r in screen._rows if r.kind != "study"]
        assert [r.kind for r in practice] == ["mock"]
        table = screen.query_one("#sessions", DataTable)
        table.move_cursor(row=table.get_row_index(practice[0].id))
        events = len(store.events())
        await pilot.press("plus")
        await pilot.pause()
        assert len(store.events()) == events
        await pilot.press("space")
        await pilot.pause()
        await pilot.pause()
        assert app.current_mode == "practice"
        assert len(store.events()) == events
        # the session itself opens, not just the Practice screen: the phone screen's mock
        # begins with its timed coding question (not a design round)
        from planner.tui.screens.coding_task import CodingTaskScreen

        assert isinstance(app.screen, CodingTaskScreen)
