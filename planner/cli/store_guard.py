"""Store failures met while a command runs become one-line user errors (exit 1)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from planner.cli.context import fail


@contextmanager
def store_errors() -> Iterator[None]:
    """`with store_errors(): ...` turns a `StoreError` (locked, damaged, unwritable database)
    into `planner: MESSAGE` on stderr and exit code 1, never a traceback."""
    from planner.store.errors import StoreError

    try:
        yield
    except StoreError as exc:
        fail(str(exc))
