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
from planner.tui.keymap import Keymap, is_key, load_keymap
from planner.tui.screens.help import binding_ids, binding_scopes
from tests.tui_support import TODAY, bundled, store_with_plan

IDS = ("today.tick", "app.undo", "schedule.today")


def test_no_file_means_no_changes(tmp_path: Path) -> None:
    assert load_keymap(tmp_path / "keys.toml", IDS) == Keymap()


def test_a_good_file(tmp_path: Path) -> None:
    path = tmp_path / "keys.toml"
    path.write_text('"today.tick" = "x"\n"app.undo" = " ctrl+z, f5 "\n', encoding="utf-8")
    keymap = load_keymap(path, IDS)
    assert keymap == Keymap({"today.tick": "x", "app.undo": "ctrl+z,f5"}, path=path)


@pytest.mark.parametrize(
    "key",
    ["x", "T", "5", "f12", "ctrl+z", "ctrl+shift+home", "question_mark", "alt+plus", "pagedown"],
)
def test_keys_textual_binds(key: str) -> None:
    assert is_key(key)


@pytest.mark.parametrize(
    "key", ["ctrl+zz", "ctrl+alt+nonsense", "ctrl z", "", "ctrl+", "ctrl+ctrl+x", "?", "f25"]
)
def test_keys_textual_cannot_bind(key: str) -> None:
    assert not is_key(key)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('"today.tick" = ', "not valid TOML: Invalid value (at end of document)"),
        (
            '"today.tik" = "x"',
            "unknown binding id 'today.tik' (did you mean 'today.tick'?) "
            "(the help screen lists them)",
        ),
        ('"today.tick" = 5', '\'today.tick\' must be a key such as "x", "ctrl+z" or "f5", got 5'),
        (
            '"app.undo" = "ctrl+zz"',
            '\'app.undo\': \'ctrl+zz\' is not a key (keys look like "x", "5", "ctrl+z", '
            '"f5", "home" or "question_mark")',
        ),
    ],
)
def test_each_mistake_is_one_line_and_the_rest_is_used(
    tmp_path: Path, text: str, message: str
) -> None:
    path = tmp_path / "keys.toml"
    path.write_text(text, encoding="utf-8")
    keymap = load_keymap(path, IDS)
    assert keymap.keys == {}
    assert keymap.lines()[0] == f"{path}: {message}"
    assert keymap.problems[-1].endswith(("keep their default keys", "keeps its default keys"))


def test_every_mistake_is_reported_and_good_lines_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "keys.toml"
    path.write_text(
        '"today.tik" = "y"\n"app.undo" = "ctrl+zz"\n"today.tick" = "ctrl+alt+nonsense"\n'
        '"schedule.today" = "g"\n',
        encoding="utf-8",
    )
    keymap = load_keymap(path, IDS)
    assert keymap.keys == {"schedule.today": "g"}
    assert len(keymap.problems) == 4  # three mistakes and what happens to them


def test_two_bindings_of_one_screen_on_one_key_keep_their_defaults(tmp_path: Path) -> None:
    path = tmp_path / "keys.toml"
    path.write_text('"today.tick" = "t"\n"app.undo" = "ctrl+z"\n', encoding="utf-8")
    ids = binding_ids(PlannerApp)
    keymap = load_keymap(path, ids, binding_scopes(PlannerApp))
    assert keymap.keys == {"app.undo": "ctrl+z"}  # t is Today's push to tomorrow
    assert (
        keymap.problems[0] == "'today.push' and 'today.tick' share the key 't' on the Today screen"
    )


def test_two_remapped_bindings_on_one_key(tmp_path: Path) -> None:
    path = tmp_path / "keys.toml"
    path.write_text('"today.tick" = "y"\n"today.more" = "y"\n', encoding="utf-8")
    keymap = load_keymap(path, binding_ids(PlannerApp), binding_scopes(PlannerApp))
    assert keymap.keys == {}
    assert "'today.more' and 'today.tick' share the key 'y'" in keymap.problems[0]


def test_every_binding_of_the_app_has_an_id_to_remap() -> None:
    ids = binding_ids(PlannerApp)
    assert {"today.tick", "app.undo", "mode.today", "schedule.today"} <= ids
    assert all("." in i for i in ids)


def test_a_bad_keymap_is_reported_and_the_app_starts_with_the_defaults(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store_with_plan(data_dir).close()
    before = (data_dir / "planner.db").read_bytes()
    path = keymap_path()
    path.parent.mkdir(parents=True)
    path.write_text('"today.tik" = "x"\n"today.tick" = "y"\n', encoding="utf-8")
    started: dict[str, object] = {}

    def run(self: PlannerApp, *_args: object, **_kwargs: object) -> None:
        started["keymap"] = dict(self._keymap)
        started["problems"] = self.keymap_problems

    monkeypatch.setattr(PlannerApp, "run", run)
    result = CliRunner().invoke(cli, [])
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        f"planner: {path}: unknown binding id 'today.tik' (did you mean 'today.tick'?) "
        "(the help screen lists them)",
        f"planner: {path}: the bindings in question keep their default keys",
    ]
    assert started["keymap"] == {"today.tick": "y"}
    assert len(started["problems"]) == 2  # type: ignore[arg-type]
    assert (data_dir / "planner.db").read_bytes() == before


async def test_the_app_says_what_was_wrong(data_dir: Path) -> None:
    store: Store = store_with_plan(data_dir)
    problem = "keys.toml: unknown binding id 'today.tik'"
    app = PlannerApp(bundled(), store, TODAY, keymap_problems=[problem])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert any(problem in str(n.message) for n in app._notifications)
    store.close()


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


def test_a_clash_left_by_a_binding_put_back_is_reported_too(tmp_path: Path) -> None:
    path = tmp_path / "keys.toml"
    # push goes to x (skip's key): it is put back on t, where link now is
    path.write_text('"today.push" = "x"\n"today.link" = "t"\n', encoding="utf-8")
    keymap = load_keymap(path, binding_ids(PlannerApp), binding_scopes(PlannerApp))
    assert keymap.keys == {}
    assert any("'today.link' and 'today.push'" in p for p in keymap.problems)
