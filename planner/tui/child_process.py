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
  keeps a file in the cache);
- dies with the thread that waits for it (Linux's parent-death signal), so quitting the
  app leaves nothing running;
- leaves with `os._exit`, without the app's exit handlers or buffered output.

Where `os.fork` is missing (not POSIX), or `PLANNER_BACKGROUND_THREADS=1` asks for it (the
tests that watch the work from inside), the work runs in the thread itself.
"""

from __future__ import annotations

import os
import pickle
import signal
import warnings
from collections.abc import Callable
from contextlib import suppress
from typing import TypeVar

T = TypeVar("T")

THREADS_ENV = "PLANNER_BACKGROUND_THREADS"


def in_child_process() -> bool:
    """Background work is run in a forked child (see the module's docstring)."""
    return hasattr(os, "fork") and os.environ.get(THREADS_ENV) != "1"


class ChildFailed(RuntimeError):
    """The child ended without sending a result back."""


def run_in_child(work: Callable[[], T]) -> T:
    """`work()` computed in a forked child: its result, or its error raised here. Blocks
    the calling thread (not the interpreter) until the child is done."""
    read_end, write_end = os.pipe()
    with warnings.catch_warnings():
        # (Python 3.12 warns of fork in a process with threads: the child runs only the
        # work given, which waits on none of the other threads' locks)
        warnings.simplefilter("ignore", DeprecationWarning)
        pid = os.fork()
    if pid == 0:
        os.close(read_end)
        _compute_and_leave(work, write_end)
    os.close(write_end)
    try:
        with os.fdopen(read_end, "rb") as pipe:
            sent = pipe.read()
    finally:
        with suppress(ChildProcessError):
            os.waitpid(pid, 0)
    if not sent:
        raise ChildFailed("the background computation ended without a result")
    done, value = pickle.loads(sent)  # noqa: S301 - our own child, through our pipe
    if not done:
        raise value
    result: T = value
    return result


def _compute_and_leave(work: Callable[[], T], pipe: int) -> None:
    code = 1
    try:
        from planner.serve_child import die_with_parent

        die_with_parent(signal.SIGKILL)
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
    except BaseException:  # noqa: BLE001, S110 - the parent says it ended without a result
        pass
    finally:
        os._exit(code)
