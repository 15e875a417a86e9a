"""`keys.toml`: remapping keys by binding id, and every mistake in it a one-line error."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from textual.widgets import DataTable

from planner.cli import cli
from planner.paths import keymap_path
from planner.store.store import Store
from planner.tui.app import PlannerApp
from planner.tui.keymap import KeymapError, load_keymap
from planner.tui.screens.help import binding_ids
from tests.tui_support import TODAY, bundled, store_with_plan

IDS = ("today.tick", "app.undo", "schedule.today")


def test_no_file_means_no_changes(tmp_path: Path) -> None:
    assert load_keymap(tmp_path / "keys.toml", IDS) == {}


def test_a_good_file(tmp_path: Path) -> None:
    path = tmp_path / "keys.toml"
    path.write_text('"today.tick" = "x"\n"app.undo" = " ctrl+z,f5 "\n', encoding="utf-8")
    assert load_keymap(path, IDS) == {"today.tick": "x", "app.undo": "ctrl+z,f5"}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('"today.tick" = ', "not valid TOML: Invalid value (at end of document)"),
        (
            '"today.tik" = "x"',
            "unknown binding id 'today.tik' (did you mean 'today.tick'?) "
            "(the help screen lists them)",
        ),
        (
            '"today.tick" = 5',
            '\'today.tick\' must be a key such as "x", "ctrl+z" or "f5" '
            "(several separated by commas), got 5",
        ),
        (
            '"today.tick" = "ctrl z"',
            '\'today.tick\' must be a key such as "x", "ctrl+z" or "f5" '
            "(several separated by commas), got 'ctrl z'",
        ),
    ],
)
def test_mistakes_are_one_line(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "keys.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(KeymapError) as raised:
        load_keymap(path, IDS)
    assert str(raised.value) == f"{path}: {message}"


def test_every_binding_of_the_app_has_an_id_to_remap() -> None:
    ids = binding_ids(PlannerApp)
    assert {"today.tick", "app.undo", "mode.today", "schedule.today"} <= ids
    assert all("." in i for i in ids)


def test_the_app_refuses_a_bad_keymap_and_changes_nothing(data_dir: Path) -> None:
    store_with_plan(data_dir).close()
    before = (data_dir / "planner.db").read_bytes()
    path = keymap_path()
    path.parent.mkdir(parents=True)
    path.write_text('"today.tik" = "x"\n', encoding="utf-8")
    result = CliRunner().invoke(cli, [])
    assert result.exit_code == 1
    assert result.stderr == (
        f"planner: {path}: unknown binding id 'today.tik' (did you mean 'today.tick'?) "
        "(the help screen lists them)\n"
    )
    assert (data_dir / "planner.db").read_bytes() == before


async def test_a_remapped_key_works(data_dir: Path) -> None:
    store: Store = store_with_plan(data_dir)
    app = PlannerApp(bundled(), store, TODAY, keymap={"today.tick": "x"})
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#sessions", DataTable)
        first = str(table.ordered_rows[0].key.value)
        await pilot.press("space")  # no longer the key
        await pilot.pause()
        assert not store.load_progress().is_done(first)
        await pilot.press("x")
        await pilot.pause()
        assert store.load_progress().is_done(first)
    store.close()
