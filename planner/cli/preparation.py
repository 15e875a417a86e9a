"""Starting `planner _prepare` (`planner.cli.prepare_cmd`) in the background after a
command that used the store: cheap to import, as every command ends here."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from collections.abc import Callable, Sequence
from contextlib import suppress
from pathlib import Path

import click

NO_PREPARE_ENV = "PLANNER_NO_PREPARE"
BACKGROUND_ENV = "PLANNER_PREPARING"
"""Set for the process `spawn_preparation` starts: it lowers its own priority."""


def preparation_command(
    data_dir: Path, cache_dir: Path, today: dt.date, syllabus_files: Sequence[Path]
) -> list[str]:
    """The `planner _prepare` command line for these folders, syllabus files and day."""
    command = [sys.executable, "-m", "planner", "--data-dir", str(data_dir)]
    command += ["--cache-dir", str(cache_dir), "--today", today.isoformat()]
    for path in syllabus_files:
        command += ["--syllabus", str(path)]
    return [*command, "_prepare"]


def spawn_preparation(command: Callable[[], list[str]]) -> None:
    """Start the `command` (from `preparation_command`) detached from this process and its
    terminal; nothing when turned off, or when it cannot be made or started (it is only a
    head start for the next command)."""
    if os.name != "posix" or os.environ.get(NO_PREPARE_ENV):
        return
    with suppress(OSError, ValueError, click.ClickException):
        subprocess.Popen(  # noqa: S603 - our own interpreter and arguments
            command(),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
            close_fds=True,
            env={**os.environ, NO_PREPARE_ENV: "1", BACKGROUND_ENV: "1"},
        )
