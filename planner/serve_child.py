"""What an app process started by `planner serve` does first: end with the server. Light,
so that the app's start-up does not load the web server."""

from __future__ import annotations

import os
import signal

SERVED_ENV = "PLANNER_SERVED"
"""Set in each app process the server starts, to the server's pid."""


def die_with_parent() -> None:
    """End when the server ends (Linux's parent-death signal, SIGTERM; elsewhere nothing),
    at once when it has ended already."""
    from planner.forking import set_death_signal

    value = os.environ.get(SERVED_ENV, "")
    number = int(value) if value.isascii() and value.isdigit() else 0
    server = number if number > 1 else os.getppid()
    set_death_signal(signal.SIGTERM, server)
