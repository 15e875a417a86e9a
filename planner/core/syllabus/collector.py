"""Pausing Python's cycle collector while many long-lived objects are made.

Loading a syllabus (a node tree for every value of every file, then the plain data, the
models) and scheduling (a job per item, sessions, reports) make objects by the ten
thousand that all live until the work is done and hold no reference cycles worth finding.
The collector would walk them, and everything else alive, again and again for nothing:
about half the time of loading or scheduling 5,000 items. Nothing computed depends on it.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cycle collector off within; turned back on after only if it was on (so pauses
    nest)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
