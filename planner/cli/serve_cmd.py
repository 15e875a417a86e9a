"""`planner serve`: the app in a web browser (textual-serve), and /calendar.ics."""

from __future__ import annotations

import os
import shlex
import sys

import click

from planner.cli import cli
from planner.cli.context import env, global_options


@cli.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port", type=click.IntRange(1, 65535), default=8000, show_default=True, help="Port."
)
@global_options
def serve_command(host: str, port: int) -> None:
    """The app in a web browser, and the plan as a calendar at /calendar.ics. There is no
    login: anyone who can reach the address can read and change your plan."""
    from planner.serve import SERVED_ENV, is_loopback, serve, served_argv

    e = env()
    e.syllabus()  # a bad syllabus is reported here, once, not in every page
    with_today = e.resolved_today().isoformat() if e.today is not None else None
    argv = served_argv(
        e.resolved_data_dir(), e.resolved_cache_dir(), with_today, list(e.syllabus_files)
    )
    python = [sys.executable, "-m", "planner", *argv]
    app = f"{SERVED_ENV}={os.getpid()} exec {shlex.join([*python, 'tui'])}"
    calendar = [*python, "export", "ics"]
    if not is_loopback(host):
        click.echo(
            f"planner: warning: serving on {host}: the app has no login, so anyone who can "
            "reach this address can read and change your plan",
            err=True,
        )
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"planner: the app is at http://{shown}:{port}/ ", nl=False)
    click.echo(f"and the calendar at http://{shown}:{port}/calendar.ics (ctrl+c stops)")
    e.preparing = True  # (each app it serves prepares the schedules when it ends)
    e.close()
    try:
        serve(app, calendar, host, port)
    except OSError as exc:
        raise click.ClickException(
            f"cannot serve on {host}:{port}: {exc.strerror or exc}"
        ) from None
