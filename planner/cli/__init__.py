"""The command line: parse, call the core and the store, print. Nothing clever here."""

from __future__ import annotations

import importlib

import click

from planner import __version__
from planner.cli.context import Env, env, global_options

# Each module adds its commands to `cli` with `@cli.command()`; imported here in order.
COMMAND_MODULES = (
    "planner.cli.tui_cmd",
    "planner.cli.syllabus_cmds",
    "planner.cli.init_cmd",
    "planner.cli.progress_cmds",
    "planner.cli.export_cmds",
    "planner.cli.practice_cmds",
    "planner.cli.schedule_cmds",
    "planner.cli.syllabus_files_cmds",
)


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="planner")
@global_options
@click.pass_context
def cli(ctx: click.Context) -> None:
    """planner: a day-by-day interview-preparation plan, in the terminal.

    With no command, opens the full-screen app.
    """
    ctx.ensure_object(Env)
    ctx.call_on_close(lambda: env().close())
    if ctx.invoked_subcommand is None:
        from planner.cli.tui_cmd import run_tui

        run_tui()


def main() -> None:
    cli(prog_name="planner")


for _name in COMMAND_MODULES:
    importlib.import_module(_name)
