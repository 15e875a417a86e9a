"""`planner history`: minutes per week against the plan, streaks and reviews."""

from __future__ import annotations

import click

from planner.cli import cli
from planner.cli.context import env, global_options
from planner.cli.store_guard import store_errors


@cli.command("history")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (its shape is in the README).")
@click.option(
    "--weeks", type=click.IntRange(min=1), default=None, metavar="N", help="Only the last N weeks."
)
@global_options
def history_command(as_json: bool, weeks: int | None) -> None:
    """What you did: minutes per week against the plan, streaks, reviews."""
    from planner.core.practice.history import history
    from planner.exports.history_out import history_json, history_text

    e = env()
    syllabus = e.syllabus()
    store = e.store()
    with store_errors():
        plan = store.load_plan()
        progress = store.load_progress()
    result = history(syllabus, plan, progress, e.resolved_today())
    click.echo(history_json(result, weeks) if as_json else history_text(result, weeks), nl=False)
