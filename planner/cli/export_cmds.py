"""`planner export FORMAT [-o FILE]` and `planner import FILE`."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import click

from planner.cli import cli
from planner.cli.completion import export_formats
from planner.cli.context import env, fail, global_options
from planner.cli.store_guard import store_errors
from planner.core.syllabus.suggest import did_you_mean
from planner.exports import FORMATS, NoPlanError, exporter
from planner.files import write_atomically

MAX_IMPORT_BYTES = 200 * 1024 * 1024


@cli.command("export")
@click.argument("format_name", metavar="FORMAT", shell_complete=export_formats)
@click.option(
    "-o",
    "--output",
    metavar="FILE",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to FILE (replaced atomically) instead of standard output.",
)
@click.option(
    "--at",
    "at",
    metavar="HH:MM",
    help="ics: timed events at this study time, in the local time zone (default: all-day).",
)
@global_options
def export_command(format_name: str, output: Path | None, at: str | None) -> None:
    """Export the plan (ics, markdown), the whole state (json) or the practice questions
    as an Anki deck (anki, with -o FILE.apkg)."""
    make = exporter(format_name)
    if make is None:
        known = ", ".join(sorted(FORMATS))
        fail(
            f"unknown export format {format_name!r}{did_you_mean(format_name, FORMATS)}"
            f" (available: {known})"
        )
    if at is not None:
        if format_name != "ics":
            raise click.UsageError("--at is for 'export ics' only")
        env().export_at = _study_time(at)
    with store_errors():
        try:
            text = make(env())
        except NoPlanError as exc:
            fail(str(exc))
    if output is None and isinstance(text, bytes):
        if sys.stdout.isatty():
            fail(f"{format_name} is a binary file: give -o FILE (for example -o prep.apkg)")
        sys.stdout.flush()
        sys.stdout.buffer.write(text)
        sys.stdout.buffer.flush()
        return
    if output is None:
        click.echo(text, nl=False)
        return
    try:
        write_atomically(output, text)
    except OSError as exc:
        fail(f"cannot write {output}: {exc.strerror or exc}")
    click.echo(f"wrote {output}", err=True)


def _study_time(text: str) -> dt.time:
    try:
        hours, minutes = text.strip().split(":")
        if len(minutes) != 2:
            raise ValueError(text)
        return dt.time(int(hours), int(minutes))
    except ValueError:
        raise click.BadParameter(
            f"{text!r} is not a time of day (HH:MM)", param_hint="--at"
        ) from None


@cli.command("import")
@click.argument("file", metavar="FILE", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--replace", is_flag=True, help="Replace what the data folder holds (a backup is kept)."
)
@global_options
def import_command(file: Path, replace: bool) -> None:
    """Replace the whole state with a `planner export json` file. The state it replaces is
    kept in the data folder's backups/, and `planner undo` puts it back."""
    try:
        if file.stat().st_size > MAX_IMPORT_BYTES:
            fail(f"{file}: larger than {MAX_IMPORT_BYTES // (1024 * 1024)} MB")
        text = file.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        fail(f"{file}: not UTF-8 text")
    except OSError as exc:
        fail(f"cannot read {file}: {exc.strerror or exc}")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        fail(f"{file}:{exc.lineno}:{exc.colno}: not valid JSON: {exc.msg}")
    except ValueError:  # (an integer of thousands of digits)
        fail(f"{file}: not a planner state file (a number far too long)")
    except RecursionError:
        fail(f"{file}: not a planner state file (nested too deeply)")
    store = env().store()
    from planner.store.errors import StoreError

    try:
        store.checked_state(data)
    except StoreError as exc:
        fail(f"{file}: {exc}")
    with store_errors():
        empty = store.is_empty()
    if not empty and not replace and not _confirmed(file):
        fail(
            f"{file}: the data folder already holds a plan and progress; "
            "add --replace to replace them (a backup of them is kept)"
        )
    try:
        backup = store.import_state(data, source=str(file))
    except StoreError as exc:
        fail(f"{file}: {exc}")
    summary = {
        key: len(data[key])
        for key in ("progress", "notes", "reviews", "attempts", "mocks", "events")
    }
    parts = ", ".join(f"{key} {count}" for key, count in summary.items())
    plan = "a plan" if data.get("plan") else "no plan"
    click.echo(f"imported {file}: {plan}; {parts}")
    if backup is not None:
        click.echo(f"the state it replaced is in {backup} ('planner undo' puts it back)")


def _confirmed(file: Path) -> bool:
    """On a terminal, the person says yes to replacing what is stored; elsewhere, no."""
    import sys

    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        return False
    return click.confirm(f"Replace the plan and progress stored here with {file}?", default=False)
