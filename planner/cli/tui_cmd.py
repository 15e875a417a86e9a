"""`planner` / `planner tui`: the full-screen app."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

from planner.cli import cli
from planner.cli.context import env, global_options
from planner.paths import keymap_path

if TYPE_CHECKING:
    from textual.app import App

    from planner.tui.keymap import Keymap


def run_tui() -> None:
    import os

    from planner.serve_child import SERVED_ENV, die_with_parent

    if os.environ.get(SERVED_ENV):
        die_with_parent()
    e = env()
    from planner.cli.syllabus_ahead import read_ahead

    # A large syllabus the cache does not hold is read in a second process meanwhile.
    ahead = read_ahead(e.syllabus_paths(), e.resolved_cache_dir())
    if ahead is not None:
        import planner.tui.app  # noqa: F401 - (imported while the syllabus is read)
    syllabus = e.syllabus(ahead.syllabus if ahead is not None else None)
    store = e.store()
    from planner.tui.app import PlannerApp

    keymap = _keymap(PlannerApp)
    PlannerApp(
        syllabus=syllabus,
        store=store,
        today=e.resolved_today(),
        keymap=keymap.keys,
        keymap_problems=keymap.problems,
        keymap_file=str(keymap.path or "keys.toml"),
        schedule_cache=e.schedule_cache(),
    ).run()


def _keymap(app_class: type[App[Any]]) -> Keymap:
    """The person's `keys.toml`, checked against the app's bindings (nothing when absent);
    each mistake is printed, and the app starts with the default keys of those bindings."""
    from planner.tui.keymap import Keymap, load_keymap

    path = keymap_path()
    if not path.exists():
        return Keymap()
    from planner.tui.screens.help import binding_ids, binding_scopes

    keymap = load_keymap(path, binding_ids(app_class), binding_scopes(app_class))
    for line in keymap.lines():
        click.echo(f"planner: {line}", err=True)
    return keymap


@cli.command()
@global_options
def tui() -> None:
    """Open the full-screen app."""
    run_tui()
