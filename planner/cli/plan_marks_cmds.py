"""`planner skip/unskip/pin/unpin/push`: act on the plan from a script, each undoable."""

from __future__ import annotations

import datetime as dt

import click

from planner.cli import cli
from planner.cli.completion import any_ids, item_ids
from planner.cli.context import env, fail, global_options
from planner.cli.store_guard import store_errors
from planner.core.plan import Plan, date_range_problem
from planner.core.plan_spec import SpecError, parse_date, pin_date_problem
from planner.core.syllabus.model import Syllabus
from planner.core.syllabus.suggest import did_you_mean


def _known(syllabus: Syllabus, any_id: str, *, practice: bool) -> str:
    """The title of a study item (or, with `practice`, of a practice item); else exit 1."""
    item = syllabus.item(any_id)
    if item is not None:
        return item.title
    found = syllabus.practice_item(any_id)
    if found is not None:
        if practice:
            return found.prompt
        fail(f"{any_id!r} is a practice item: only study items can be skipped")
    resource = syllabus.resource(any_id)
    if resource is not None and resource.items:
        fail(f"{any_id!r} is a resource: name one of its items, e.g. {resource.items[0].id!r}")
    fail(f"unknown item {any_id!r}{did_you_mean(any_id, syllabus.all_ids)}")


def _set_skipped(item_id: str, skipped: bool) -> None:
    e = env()
    title = _known(e.syllabus(), item_id, practice=False)
    store = e.store()
    with store_errors():
        progress = store.load_progress()
        if progress.of(item_id).skipped == skipped:
            click.echo(f"already {'skipped' if skipped else 'not skipped'}: {item_id}")
            return
        store.set_skipped(item_id, skipped, e.resolved_today())
    click.echo(f"{'skipped' if skipped else 'unskipped'}: {item_id} ({title})")


@cli.command("skip")
@click.argument("item_id", metavar="ID", shell_complete=item_ids)
@global_options
def skip_command(item_id: str) -> None:
    """Skip a study item: not scheduled, not counted as required (undo with unskip)."""
    _set_skipped(item_id, True)


@cli.command("unskip")
@click.argument("item_id", metavar="ID", shell_complete=item_ids)
@global_options
def unskip_command(item_id: str) -> None:
    """Take a skipped study item back into the plan."""
    _set_skipped(item_id, False)


@cli.command("pin")
@click.argument("any_id", metavar="ID", shell_complete=any_ids)
@click.argument("on", metavar="YYYY-MM-DD")
@global_options
def pin_command(any_id: str, on: str) -> None:
    """Pin a study or practice item to a date: it is done that day, as far as it fits."""
    e = env()
    try:
        day = parse_date(on)
    except SpecError as exc:
        raise click.BadParameter(str(exc), param_hint="YYYY-MM-DD") from None
    title = _known(e.syllabus(), any_id, practice=True)
    with store_errors():
        plan = e.store().load_plan()
    problem = pin_date_problem(day, e.resolved_today(), plan)
    if problem is not None:
        fail(problem)
    with store_errors():
        e.store().pin(any_id, day)
    click.echo(f"pinned: {any_id} ({title}) to {day.isoformat()}")
    _warn_out_of_reach(plan, any_id, day)


@cli.command("unpin")
@click.argument("any_id", metavar="ID", shell_complete=any_ids)
@global_options
def unpin_command(any_id: str) -> None:
    """Remove an item's pin: the schedule places it again."""
    e = env()
    title = _known(e.syllabus(), any_id, practice=True)
    store = e.store()
    with store_errors():
        if any_id not in store.load_progress().pinned:
            click.echo(f"not pinned: {any_id}")
            return
        store.pin(any_id, None)
    click.echo(f"unpinned: {any_id} ({title})")


@cli.command("push")
@click.argument("any_id", metavar="ID", shell_complete=any_ids)
@click.option(
    "--days",
    type=click.IntRange(1, 365),
    default=1,
    show_default=True,
    help="Days from today before which it is not scheduled.",
)
@global_options
def push_command(any_id: str, days: int) -> None:
    """Push a study or practice item to a later day (tomorrow by default)."""
    e = env()
    title = _known(e.syllabus(), any_id, practice=True)
    to = e.resolved_today() + dt.timedelta(days=days)  # (today is at most 2199-12-31)
    problem = date_range_problem(to, "the day pushed to,")
    if problem is not None:
        fail(problem)
    with store_errors():
        store = e.store()
        store.push(any_id, to)
        plan = store.load_plan()
    click.echo(f"pushed: {any_id} ({title}) to {to.isoformat()} or later")
    _warn_out_of_reach(plan, any_id, to)


def _warn_out_of_reach(plan: Plan | None, any_id: str, day: dt.date) -> None:
    """Say so when the item, from `day` on, is past every interview that needs it (done as
    asked: undo takes it back)."""
    from planner.core.schedule.reach import out_of_reach

    e = env()
    with store_errors():
        progress = e.store().load_progress()
    note = out_of_reach(e.syllabus(), plan, progress, e.resolved_today(), any_id, day)
    if note is not None:
        click.echo(f"planner: warning: {note}", err=True)
