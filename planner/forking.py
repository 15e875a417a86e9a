"""A child forked to compute something and hand it back through a pipe: what the syllabus
read-ahead (`planner.cli.syllabus_ahead`) and the app's background work
(`planner.tui.child_process`) share.

Forking a process that has threads (the app's) copies only the forking thread, with the
memory as it is that instant. So:

- a pipe is made and forked under one lock (`fork_with_pipe`), so that no other child is
  forked while one's write end is still open in the parent: a child holding another's
  write end would keep that one's reader waiting until it ends;
- the child drops what it inherited of the app (`settle_child`): the signal handlers the
  terminal driver installed (a shell's `fg`, a resize or a suspend would run the app's
  code in the child), the terminal as its standard streams, and the cycle collector
  (which could finalise the app's objects, a database connection among them);
- the parent-death signal is asked for with `prctl` resolved in the parent beforehand
  (`prepare_parent`): loading a library after a fork in a process with threads can hang
  on a lock another thread held;
- a child ended by a signal still removes a half-written cache file (SIGTERM raises
  SystemExit in it, and `planner.files.write_atomically` cleans up on the way out).

Where `os.fork` is missing, or fails (the process limit, no memory), `fork_with_pipe` says
so and the caller does the work itself.
"""

from __future__ import annotations

import contextlib
import gc
import os
import signal
import sys
import threading
from collections.abc import Callable
from functools import cache
from types import FrameType

PR_SET_PDEATHSIG = 1

FORK_LOCK = threading.Lock()
"""Held from making a child's pipe until the parent has closed the child's end of it."""

_APP_SIGNALS = ("SIGCONT", "SIGTSTP", "SIGTTIN", "SIGTTOU", "SIGWINCH", "SIGHUP")
"""Signals whose handlers a terminal app installs: back to the default in a child."""


def can_fork() -> bool:
    """Forking a computing child is safe here: POSIX, but not macOS (where forking a process
    that has threads and has used the system's frameworks can crash the child)."""
    return hasattr(os, "fork") and sys.platform != "darwin"


def fork_with_pipe() -> tuple[int, int] | None:
    """Fork with a pipe from the child to the parent: in the parent (child's pid, read
    end), in the child (0, write end); None when the fork failed (nothing is left open)."""
    with FORK_LOCK:
        read_end, write_end = os.pipe()
        try:
            pid = os.fork()
        except OSError:
            os.close(read_end)
            os.close(write_end)
            return None
        if pid == 0:
            os.close(read_end)
            return 0, write_end
        os.close(write_end)
        return pid, read_end


def prepare_parent() -> None:
    """What a child needs resolved before it is forked (see the module's docstring)."""
    _prctl()


def settle_child(*, parent: int, death_signal: signal.Signals | None = None) -> None:
    """First thing in a forked child: the app's signal handlers, standard streams and cycle
    collector dropped (see the module's docstring); with `death_signal`, it is sent that
    signal when the thread that forked it ends (its parent, the pid `parent`), and it
    ends at once when that happened already."""
    gc.disable()
    for name in _APP_SIGNALS:
        number = getattr(signal, name, None)
        if number is not None:
            with contextlib.suppress(OSError, ValueError):
                signal.signal(number, signal.SIG_DFL)
    with contextlib.suppress(OSError, ValueError):
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # the terminal's ctrl+c is the app's
        signal.signal(signal.SIGTERM, _leave)
        signal.set_wakeup_fd(-1)
    _to_null_streams()
    if death_signal is not None:
        set_death_signal(death_signal, parent)


def set_death_signal(sig: signal.Signals, parent: int) -> None:
    """Linux's parent-death signal: `sig` when the parent (pid `parent`, the thread that
    forked or started this process) ends; ends at once when it did already (under a
    subreaper the orphan's new parent is not pid 1: the pid is compared). Elsewhere
    nothing."""
    prctl = _prctl()
    if prctl is None:
        return
    prctl(PR_SET_PDEATHSIG, int(sig))
    if os.getppid() != parent:
        os._exit(0)


@cache
def _prctl() -> Callable[..., int] | None:
    try:
        import ctypes

        function: Callable[..., int] = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None
    return function


SIGNALLED = 128
"""A child ended by a signal it handled exits with this plus the signal's number."""


def _leave(signum: int, _frame: FrameType | None) -> None:
    raise SystemExit(SIGNALLED + signum)


def _to_null_streams() -> None:
    """Standard input, output and error on /dev/null, not on the app's terminal."""
    with contextlib.suppress(OSError):
        null = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(null, fd)
        if null > 2:
            os.close(null)
