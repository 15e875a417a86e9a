"""Writing files so that a crash leaves the old file or the new one, never half of one."""

from __future__ import annotations

import os
import tempfile
from contextlib import suppress
from pathlib import Path


def write_atomically(path: Path, text: str | bytes) -> None:
    """Write `text` (UTF-8, or bytes as they are) to `path` so that a crash leaves either
    the old file or the new one: a temp file in the same folder, fsync, `os.replace`, then
    fsync the folder."""
    folder = path.parent if str(path.parent) else Path(".")
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    data = text.encode("utf-8") if isinstance(text, str) else text
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp_name, path)
    except BaseException:
        with suppress(OSError):
            os.unlink(temp_name)
        raise
    with suppress(OSError):
        dir_fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


LEFTOVER_SECONDS = 3600
"""A temp file of `write_atomically` this old was left by a process that was killed."""


def remove_leftovers(folder: Path, name_prefix: str) -> None:
    """Remove the temp files `write_atomically` left in `folder` for files whose names start
    with `name_prefix` when their writer was killed (an hour old and more: a writer still
    at work is left alone). Errors are ignored."""
    import time

    stale = time.time() - LEFTOVER_SECONDS
    with suppress(OSError):
        for path in folder.glob(f".{name_prefix}*.tmp"):
            with suppress(OSError):
                if path.stat().st_mtime < stale:
                    path.unlink()


def private_folder(path: Path) -> None:
    """Make `path` (and its parents) a folder only its owner can read (0700)."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    with suppress(OSError):
        os.chmod(path, 0o700)
