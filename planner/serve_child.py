"""What an app process started by `planner serve` does first: end with the server. Light,
so that the app's start-up does not load the web server."""

from __future__ import annotations

import contextlib
import os
import signal

SERVED_ENV = "PLANNER_SERVED"
"""Set in each app process the server starts."""

PR_SET_PDEATHSIG = 1


def die_with_parent(sig: signal.Signals = signal.SIGTERM) -> None:
    """End when the server ends (Linux's parent-death signal, `sig`; elsewhere nothing).
    Also what a child forked for the app's background work does first (`SIGKILL`: it
    holds nothing to clean up); its "parent" is then the thread that forked it."""
    import ctypes

    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, sig)
        if os.getppid() == 1:  # the server was gone before the signal was asked for
            os._exit(0)
