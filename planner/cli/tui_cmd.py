"""`planner` / `planner tui`: the full-screen app."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from planner.cli import cli
from planner.cli.context import env, fail, global_options
from planner.paths import keymap_path

if TYPE_CHECKING:
    from textual.app import App


def run_tui() -> None:
    e = env()
    syllabus = e.syllabus()
    store = e.store()
    from planner.tui.app import PlannerApp

    keymap = _keymap(PlannerApp)
    PlannerApp(
        syllabus=syllabus,
        store=store,
        today=e.resolved_today(),
        keymap=keymap,
        schedule_cache=e.schedule_cache(),
    ).run()


def _keymap(app_class: type[App[Any]]) -> dict[str, str]:
    """The person's `keys.toml`, checked against the app's binding ids ({} when absent)."""
    path = keymap_path()
    if not path.exists():
        return {}
    from planner.tui.keymap import KeymapError, load_keymap
    from planner.tui.screens.help import binding_ids

    try:
        return load_keymap(path, binding_ids(app_class))
    except KeymapError as exc:
        fail(str(exc))


@cli.command()
@global_options
def tui() -> None:
    """Open the full-screen app."""
    run_tui()
