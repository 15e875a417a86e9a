"""`planner validate FILE...`: check syllabus files and print every problem.

It reads only the files named: the store is never opened, so nothing is written.
"""

from __future__ import annotations

from pathlib import Path

import click

from planner.cli import cli
from planner.cli.context import global_options, report_problems
from planner.core.syllabus.loading import SyllabusError, load_syllabus
from planner.core.syllabus.model import Syllabus
from planner.paths import bundled_syllabus


def summary(syllabus: Syllabus) -> str:
    """`N rounds, N resources, N items, N practice items, H.H hours`."""
    hours = syllabus.total_minutes / 60
    return (
        f"{len(syllabus.rounds)} rounds, {len(syllabus.resources)} resources, "
        f"{len(syllabus.items)} items, {len(syllabus.practice)} practice items, {hours:.1f} hours"
    )


@cli.command("validate")
@click.argument(
    "files", nargs=-1, required=True, type=click.Path(path_type=Path), metavar="FILE..."
)
@click.option(
    "--with-bundled",
    is_flag=True,
    help="Check the files together with the bundled syllabus (whose rounds and items "
    "your own files may use).",
)
@global_options
def validate_command(files: tuple[Path, ...], with_bundled: bool) -> None:
    """Check syllabus files together; print every problem as FILE:LINE:COL: message."""
    paths = [bundled_syllabus(), *files] if with_bundled else list(files)
    try:
        syllabus = load_syllabus(paths)
    except SyllabusError as exc:
        report_problems(exc)
    click.echo(summary(syllabus))
