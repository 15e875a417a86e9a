"""`planner done` and `planner undo`: record progress from a script."""

from __future__ import annotations

import click

from planner.cli import cli
from planner.cli.completion import item_ids
from planner.cli.context import env, fail, global_options
from planner.cli.store_guard import store_errors
from planner.core.syllabus.suggest import did_you_mean


@cli.command("done")
@click.argument("item_id", metavar="ID", shell_complete=item_ids)
@click.option(
    "--minutes",
    type=click.IntRange(0, 6000),
    default=None,
    help="Minutes spent (default: what the item had left).",
)
@global_options
def done_command(item_id: str, minutes: int | None) -> None:
    """Tick a study item done, recording the minutes spent today."""
    e = env()
    syllabus = e.syllabus()
    item = syllabus.item(item_id)
    if item is None:
        if syllabus.practice_item(item_id) is not None:
            fail(f"{item_id!r} is a practice item: record it with 'planner review {item_id} good'")
        resource = syllabus.resource(item_id)
        if resource is not None and resource.items:
            fail(f"{item_id!r} is a resource: tick its items, e.g. {resource.items[0].id!r}")
        fail(f"unknown item {item_id!r}{did_you_mean(item_id, syllabus.all_ids)}")
    store = e.store()
    today = e.resolved_today()
    with store_errors():
        progress = store.load_progress()
        if progress.of(item_id).done and not minutes:
            click.echo(f"already done: {item_id} (add time with --minutes N)")
            return
        left = max(0, item.minutes - progress.of(item_id).minutes_spent)
        spent = left if minutes is None else minutes
        store.record_done(item_id, today, spent)
    click.echo(f"done: {item_id} ({item.title}), {spent} min on {today.isoformat()}")


@cli.command("undo")
@global_options
def undo_command() -> None:
    """Undo the last recorded action (repeat to walk further back)."""
    store = env().store()
    with store_errors():
        event = store.undo()
    if event is None:
        click.echo("nothing to undo")
        return
    click.echo(f"undone: {event.describe()}")
