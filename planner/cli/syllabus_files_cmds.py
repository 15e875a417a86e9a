"""`planner syllabus add|remove|list`: the user's own syllabus files, registered with the plan
so that every command and the app load them next to the bundled one."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import click

from planner.cli import cli
from planner.cli.context import env, fail, global_options, report_problems
from planner.cli.store_guard import store_errors
from planner.cli.syllabus_cmds import summary
from planner.paths import bundled_syllabus


@cli.group("syllabus")
def syllabus_group() -> None:
    """Register your own syllabus files with the plan."""


def _registered() -> tuple[str, ...]:
    plan = env().store().load_plan()
    if plan is None:
        fail("no plan yet: run 'planner init' or open 'planner' to set one up")
    return plan.syllabi


def _save(files: tuple[str, ...]) -> None:
    store = env().store()
    plan = store.load_plan()
    assert plan is not None  # checked by _registered()
    store.save_plan(replace(plan, syllabi=files))


@syllabus_group.command("list")
@global_options
def list_command() -> None:
    """Print the syllabus files loaded by default."""
    with store_errors():
        registered = _registered()
    click.echo(f"{bundled_syllabus()} (bundled)")
    for path in registered:
        missing = "" if Path(path).is_file() else " (missing)"
        click.echo(f"{path}{missing}")


@syllabus_group.command("add")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE")
@global_options
def add_command(file: Path) -> None:
    """Check FILE together with the files already loaded, then register it."""
    from planner.core.syllabus.loading import SyllabusError, load_syllabus

    path = file.expanduser().resolve()
    with store_errors():
        registered = _registered()
        if str(path) in registered:
            fail(f"{path} is already registered")
        files = (*registered, str(path))
        try:
            syllabus = load_syllabus([bundled_syllabus(), *(Path(p) for p in files)])
        except SyllabusError as exc:
            report_problems(exc)
        _save(files)
    click.echo(f"registered {path}: now {summary(syllabus)}")


@syllabus_group.command("remove")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE")
@global_options
def remove_command(file: Path) -> None:
    """Stop loading FILE by default (progress on its items is kept)."""
    path = str(file.expanduser().resolve())
    with store_errors():
        registered = _registered()
        if path not in registered:
            fail(f"{path} is not registered (see 'planner syllabus list')")
        _save(tuple(p for p in registered if p != path))
    click.echo(f"removed {path}")
