"""A large syllabus the cache does not hold, read in a second process while the app's
libraries are imported (`planner` / `planner tui` on a new syllabus or an empty cache).

Loading 5,000 items takes about half a second: importing the YAML parser and pydantic,
parsing the files, checking them against each other, validating them against the schema.
Importing Textual and the app takes about a fifth. One used to wait for the other.

Now a forked child parses the files and checks them against each other
(`planner.core.syllabus.parsing`), which needs only the YAML parser, and hands the plain
data to the parent through a pipe. Meanwhile the parent imports Textual, the app and the
schema. The parent validates the plain data against the schema and has the syllabus. After
the handoff the child validates the files too, and keeps the result in the syllabus cache,
so the next start reads it from there.

Nothing is trusted that the parent could not check itself:

- the child hands over nothing when a file has a problem, when the files do not check
  against each other, or when they changed while being read;
- the parent loads the files itself whenever it gets nothing, or the schema finds a
  problem, and then says what is wrong as ever;
- the child writes nothing but the cache file.

This runs only where forking is safe (`planner.forking.can_fork`), and only for files
large enough to be worth a process; when the fork fails, the parent loads the files itself.
The child parses the very bytes its cache key is made of, and leaves the app's terminal,
signal handlers and cycle collector alone (`planner.forking.settle_child`).
"""

from __future__ import annotations

import os
import pickle
import threading
from collections.abc import Sequence
from contextlib import suppress
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from planner.forking import can_fork, fork_with_pipe, settle_child

if TYPE_CHECKING:
    from typing import BinaryIO

    from planner.core.syllabus.model import Syllabus
    from planner.core.syllabus.parsing import ParsedFiles

WORTH_A_PROCESS_BYTES = 256 * 1024
"""Syllabus files smaller than this (together) are loaded in the process itself: the
bundled syllabus is about a tenth of it, and loads from its validated copy anyway."""


class Ahead:
    """The child reading the syllabus, as the parent sees it."""

    def __init__(self, pid: int, pipe: int) -> None:
        self.pid = pid
        self._pipe = pipe
        self._exit_code: int | None = None
        # Reaped as soon as it ends (it caches the syllabus after the handoff), not left a
        # zombie while the app runs; at exit, whatever it still does is left to finish.
        self._reaper = threading.Thread(target=self._reap, name="syllabus-ahead", daemon=True)
        self._reaper.start()

    def _reap(self) -> None:
        with suppress(ChildProcessError, OSError):
            _, status = os.waitpid(self.pid, 0)
            self._exit_code = os.waitstatus_to_exitcode(status)

    def wait(self) -> int | None:
        """Until the child has ended: its exit code (0 when it handed the syllabus over and
        validated it, and then kept it in the cache if the folder could be written), None
        when it could not be told."""
        self._reaper.join()
        return self._exit_code

    def syllabus(self) -> Syllabus | None:
        """The syllabus from the child's plain data (waiting for it), or None when the
        child handed nothing over or the schema found a problem: load the files then."""
        from planner.core.syllabus.plain import build_validator, from_plain

        build_validator()  # (while the child parses)
        with os.fdopen(self._pipe, "rb") as pipe:
            handed = pipe.read()
        if not handed:
            return None
        try:
            key, plain = pickle.loads(handed)  # noqa: S301 - our own child, through our pipe
        except Exception:  # noqa: BLE001 - cut short: the parent loads the files itself
            return None
        syllabus = from_plain(plain)
        return None if syllabus is None else replace(syllabus, digest=key)


def _total_bytes(paths: Sequence[Path]) -> int:
    total = 0
    for path in paths:
        try:
            total += path.stat().st_size
        except OSError:
            return 0  # the loader says what is wrong with it
    return total


def read_ahead(
    paths: Sequence[Path], cache_dir: Path, *, min_bytes: int = WORTH_A_PROCESS_BYTES
) -> Ahead | None:
    """Start reading `paths` in a forked child when that is worth it (large files the
    cache does not hold); None when none was started."""
    if not can_fork() or _total_bytes(paths) < min_bytes:
        return None
    from planner.caches.syllabus import is_cached

    if is_cached(paths, cache_dir):
        return None
    parent = os.getpid()
    forked = fork_with_pipe()
    if forked is None:
        return None
    pid, pipe = forked
    if pid == 0:  # the child: no store, nothing written but the cache file
        _read_and_leave(paths, cache_dir, pipe, parent)
    return Ahead(pid, pipe)


def _read_and_leave(paths: Sequence[Path], cache_dir: Path, pipe: int, parent: int) -> None:
    """In the child: hand the plain data over, then validate and keep it in the cache;
    leave at once, whatever happens, without the parent's exit handlers or buffered output
    (`os._exit`). It outlives the parent if need be, to keep the syllabus for next time."""
    code = 1
    try:
        settle_child(parent=parent)
        with os.fdopen(pipe, "wb") as handoff:
            parsed = _hand_over(paths, handoff)
        if parsed is not None:
            with suppress(OSError):
                os.nice(10)  # what is left is for the next start: the parent goes first
            _keep_validated(cache_dir, *parsed)
            code = 0
    except BaseException:  # noqa: BLE001, S110 - the parent loads the files itself
        pass
    finally:
        os._exit(code)


def _hand_over(paths: Sequence[Path], handoff: BinaryIO) -> tuple[ParsedFiles, str] | None:
    """Parse the files and write (cache key, plain data) to `handoff` when nothing is wrong
    so far and they did not change meanwhile; returns what validating them needs."""
    from planner.caches.syllabus import contents_and_key, unchanged
    from planner.core.syllabus.collector import collector_paused
    from planner.core.syllabus.parsing import parse_sources, read_sources

    read = contents_and_key(paths)
    if read is None:
        return None
    contents, key = read
    with collector_paused():
        parsed = parse_sources(read_sources(paths, dict(contents)))
        plain = parsed.plain()
    if plain is None or not unchanged(paths, contents):
        return None
    handoff.write(pickle.dumps((key, plain), protocol=pickle.HIGHEST_PROTOCOL))
    return parsed, key


def _keep_validated(cache_dir: Path, parsed: ParsedFiles, key: str) -> None:
    from planner.caches.syllabus import keep
    from planner.core.syllabus.collector import collector_paused
    from planner.core.syllabus.loading import validated

    with collector_paused():
        keep(cache_dir, key, validated(parsed))
