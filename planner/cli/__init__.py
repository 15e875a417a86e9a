"""The command line: parse, call the core and the store, print. Nothing clever here."""

from __future__ import annotations

import importlib
import sys

import click

from planner import __version__
from planner.cli.context import Env, env, global_options
from planner.store.errors import StoreError

# Command name -> the module that adds it to `cli` (with `@cli.command()`). A module is
# imported only when its command runs (or for --help), so that `planner` alone, the app,
# does not pay for the YAML loader, icalendar or the other commands' imports at start-up.
COMMAND_MODULES: dict[str, str] = {
    "tui": "planner.cli.tui_cmd",
    "validate": "planner.cli.syllabus_cmds",
    "init": "planner.cli.init_cmd",
    "done": "planner.cli.progress_cmds",
    "undo": "planner.cli.progress_cmds",
    "export": "planner.cli.export_cmds",
    "import": "planner.cli.export_cmds",
    "review": "planner.cli.practice_cmds",
    "status": "planner.cli.practice_cmds",
    "plan": "planner.cli.schedule_cmds",
    "today": "planner.cli.schedule_cmds",
    "syllabus": "planner.cli.syllabus_files_cmds",
    "skip": "planner.cli.plan_marks_cmds",
    "unskip": "planner.cli.plan_marks_cmds",
    "pin": "planner.cli.plan_marks_cmds",
    "unpin": "planner.cli.plan_marks_cmds",
    "push": "planner.cli.plan_marks_cmds",
    "history": "planner.cli.history_cmd",
    "backup": "planner.cli.backup_cmds",
    "kata": "planner.cli.kata_cmds",
    "check": "planner.cli.kata_cmds",
    "serve": "planner.cli.serve_cmd",
    "_prepare": "planner.cli.prepare_cmd",
}


class LazyGroup(click.Group):
    """A group whose commands are imported when first asked for."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(super().list_commands(ctx)) | set(COMMAND_MODULES))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in COMMAND_MODULES:
            importlib.import_module(COMMAND_MODULES[cmd_name])
        return super().get_command(ctx, cmd_name)


@click.group(
    cls=LazyGroup,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
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
        app = cli.get_command(ctx, "tui")
        assert app is not None
        ctx.invoke(app)


def main() -> None:
    try:
        cli(prog_name="planner")
    except StoreError as exc:
        # Commands say what went wrong where they can; none may end in a traceback.
        click.echo(f"planner: {exc}", err=True)
        sys.exit(1)
