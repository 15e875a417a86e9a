"""`planner` / `planner tui`: the full-screen app."""

from __future__ import annotations

from planner.cli import cli
from planner.cli.context import env, global_options


def run_tui() -> None:
    e = env()
    syllabus = e.syllabus()
    store = e.store()
    from planner.tui.app import PlannerApp

    PlannerApp(syllabus=syllabus, store=store, today=e.resolved_today()).run()


@cli.command()
@global_options
def tui() -> None:
    """Open the full-screen app."""
    run_tui()
