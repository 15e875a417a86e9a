"""`planner backup list` and `planner backup restore NAME`: the store's automatic backups.

Neither opens the store first: both must work when it is damaged.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING

import click

from planner.cli import cli
from planner.cli.completion import backup_names
from planner.cli.context import env, fail, global_options
from planner.paths import database_path

if TYPE_CHECKING:
    from planner.store.backups import Backup, Contents


@cli.group("backup")
def backup_group() -> None:
    """The automatic backups of the store (one a day, and one before every import,
    migration or restore)."""


@backup_group.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (its shape is in the README).")
@global_options
def list_command(as_json: bool) -> None:
    """The backups, newest first, with what each holds."""
    from planner.store import backups
    from planner.store.migrations import SCHEMA_VERSION

    database = database_path(env().resolved_data_dir())
    found = backups.listing(database)
    rows = [(b, backups.contents(b.path, SCHEMA_VERSION)) for b in found]
    if as_json:
        click.echo(json.dumps([_json_row(b, c) for b, c in rows], indent=2))
        return
    folder = backups.folder_of(database)
    if not rows:
        click.echo(f"no backups yet in {folder} (one is made on the first opening of each day)")
        return
    click.echo(f"backups in {folder}, newest first:")
    width = max(len(b.name) for b, _ in rows)
    for backup, held in rows:
        click.echo(
            f"  {backup.name:<{width}}  {backup.made:%Y-%m-%d %H:%M}  "
            f"{_size(backup.size):>7}  {_holds(held)}"
        )
    click.echo("'planner backup restore NAME' puts one back (the state now is backed up first)")


@backup_group.command("restore")
@click.argument("name", metavar="NAME", shell_complete=backup_names)
@global_options
def restore_command(name: str) -> None:
    """Put back the backup called NAME (as `planner backup list` shows it). What the
    store holds now is backed up first, so a restore can itself be taken back."""
    from planner.store.errors import StoreError
    from planner.store.store import Store

    try:
        restored = Store.restore_backup(env().resolved_data_dir(), name)
    except StoreError as exc:
        fail(str(exc))
    backup = restored.backup
    click.echo(f"restored {backup.name} (made {backup.made:%Y-%m-%d %H:%M})")
    if restored.damaged:
        click.echo(f"the damaged store was moved to {restored.saved}")
    else:
        click.echo(
            f"the state it replaced is in {restored.saved} "
            f"('planner backup restore {restored.saved.name}' brings it back)"
        )


def _json_row(backup: Backup, held: Contents) -> dict[str, object]:
    return {
        "name": backup.name,
        "kind": backup.kind,
        "made": backup.made.isoformat(),
        "bytes": backup.size,
        "restorable": not held.problem,
        "problem": held.problem or None,
        "events": held.events,
        "done": held.done,
        "last_action": held.last_action or None,
    }


def _holds(held: Contents) -> str:
    if held.problem:
        return f"cannot be restored: {held.problem}"
    parts = [f"{held.done} done", f"{held.events} events"]
    if held.last_action:
        parts.append(f"last {_local(held.last_action)}")
    return " · ".join(parts)


def _local(iso: str) -> str:
    try:
        moment = dt.datetime.fromisoformat(iso)
    except ValueError:
        return iso
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return f"{moment:%Y-%m-%d %H:%M}"


def _size(size: int) -> str:
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / (1024 * 1024):.1f} MB"
