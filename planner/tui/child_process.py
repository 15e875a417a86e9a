"""Background work in a forked child, so that it never competes with the screen for the
interpreter.

A schedule of 5,000 items takes about a second to make and its search for fixes several.
In a thread of the app's own process, that work holds Python's interpreter lock in turns
with the screen: a tick made meanwhile took 0.3 to 1 s instead of 15 ms. Every store call
lets the lock go and must wait to get it back. So the app's background work runs in a
child forked from the thread that waits for it. The child has the same memory (nothing is
copied in), computes, and sends back the result, or the error, pickled through a pipe. The
waiting thread only reads the pipe, which holds no lock.

The child:

- touches neither the store nor the screen (the work given is a pure computation, or
  keeps a file in the cache), and leaves the app's signal handlers, terminal and cycle
  collector alone (`planner.forking.settle_child`);
- dies with the thread that waits for it (Linux's parent-death signal, SIGTERM, which
  removes a cache file it was writing), so quitting the app leaves nothing running;
- leaves with `os._exit`, without the app's exit handlers or buffered output.

Where forking is not safe (not POSIX, or macOS), where it fails, or where
`PLANNER_BACKGROUND_THREADS=1` asks for it (the tests that watch the work from inside),
the work runs in the thread itself. The modules the work needs are imported before the
fork (`preload`): a child importing a module another thread of the app was importing at
that instant would wait for that thread's lock forever.
"""

from __future__ import annotations

import importlib
import os
import pickle
import signal
import warnings
from collections.abc import Callable, Iterable
from contextlib import suppress
from typing import TypeVar

from planner.forking import SIGNALLED, can_fork, fork_with_pipe, prepare_parent, settle_child

T = TypeVar("T")

THREADS_ENV = "PLANNER_BACKGROUND_THREADS"

# (Python 3.12 warns of fork in a process with threads: the child runs only the work
# given, which waits on none of the other threads' locks)
warnings.filterwarnings("ignore", r".*fork\(\) may lead to deadlocks", DeprecationWarning)


def in_child_process() -> bool:
    """Background work is run in a forked child (see the module's docstring)."""
    return can_fork() and os.environ.get(THREADS_ENV) != "1"


class ChildFailed(RuntimeError):
    """The child ended without sending a result back."""


def preload(modules: Iterable[str]) -> None:
    """Import `modules` here, before a child that needs them is forked."""
    for name in modules:
        importlib.import_module(name)


def run_in_child(work: Callable[[], T]) -> T:
    """`work()` computed in a forked child: its result, or its error raised here (the work
    is done in the calling thread when no child can be forked). Blocks the calling thread
    (not the interpreter) until the child is done."""
    prepare_parent()
    parent = os.getpid()
    forked = fork_with_pipe()
    if forked is None:
        return work()
    pid, pipe = forked
    if pid == 0:
        _compute_and_leave(work, pipe, parent)
    try:
        with os.fdopen(pipe, "rb") as reading:
            sent = reading.read()
    finally:
        status = _reaped(pid)
    if not sent:
        raise ChildFailed(f"the background computation {_ended(status)} without a result")
    try:
        done, value = pickle.loads(sent)  # noqa: S301 - our own child, through our pipe
    except Exception as exc:  # noqa: BLE001 - cut short while sending
        raise ChildFailed(f"the background computation {_ended(status)} while sending") from exc
    if not done:
        raise value
    result: T = value
    return result


def _reaped(pid: int) -> int | None:
    """The child's exit status, once it has ended (None when it cannot be told)."""
    with suppress(ChildProcessError):
        return os.waitpid(pid, 0)[1]
    return None


def _ended(status: int | None) -> str:
    if status is None:
        return "ended"
    if os.WIFSIGNALED(status):
        number = os.WTERMSIG(status)
    elif os.WIFEXITED(status) and os.WEXITSTATUS(status) > SIGNALLED:
        number = os.WEXITSTATUS(status) - SIGNALLED  # (SIGTERM, handled: see `settle_child`)
    else:
        return "ended"
    with suppress(ValueError):
        return f"was ended by {signal.Signals(number).name}"
    return f"was ended by signal {number}"


def _compute_and_leave(work: Callable[[], T], pipe: int, parent: int) -> None:
    code = 1
    try:
        settle_child(parent=parent, death_signal=signal.SIGTERM)
        try:
            outcome: tuple[bool, object] = (True, work())
        except Exception as exc:  # noqa: BLE001 - raised again in the parent
            outcome = (False, exc)
        try:
            sent = pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception as exc:  # noqa: BLE001 - a result or an error that does not pickle
            what = outcome[1] if not outcome[0] else exc
            sent = pickle.dumps((False, ChildFailed(f"{type(what).__name__}: {what}")))
        with os.fdopen(pipe, "wb") as handoff:
            handoff.write(sent)
        code = 0
    except SystemExit as leaving:  # (ended by a signal: the parent names it)
        code = leaving.code if isinstance(leaving.code, int) else 1
    except BaseException:  # noqa: BLE001, S110 - the parent says it ended without a result
        pass
    finally:
        os._exit(code)
