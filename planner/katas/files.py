"""A person's kata files: writing a starter (never over an earlier attempt), finding the
newest attempt of a kata, and when it was started (a header line the starter carries)."""

from __future__ import annotations

import datetime as dt
import os
import re
import shlex
from pathlib import Path

from planner.core.labels import without_controls
from planner.katas.catalog import Kata

HEADER = "# planner kata {id}, started {at}\n# check it with: planner check {id} {path}\n"
_STARTED = re.compile(r"^# planner kata (\S+), started (\S+)$", re.MULTILINE)
MAX_NUMBERED = 999


def write_starter(kata: Kata, folder: Path, now: dt.datetime) -> Path:
    """Write a fresh starter for `kata` into `folder` and return its path: `kmeans.py`, or
    `kmeans-2.py`, `kmeans-3.py`, ... when earlier attempts are there (never overwritten)."""
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(1, MAX_NUMBERED + 1):
        name = kata.file_name if number == 1 else f"{kata.module}-{number}.py"
        path = folder / name
        at = now.isoformat(timespec="seconds")
        header = HEADER.format(id=kata.id, at=at, path=shlex.quote(without_controls(str(path))))
        try:
            # "x": created here or not at all, so a file that appears meanwhile is kept
            with path.open("x", encoding="utf-8") as out:
                out.write(header + kata.starter_text())
                out.flush()
                os.fsync(out.fileno())
        except FileExistsError:
            continue
        return path
    raise FileExistsError(f"{folder} already holds {MAX_NUMBERED} attempts of {kata.id}")


def newest_attempt(kata: Kata, folder: Path) -> Path | None:
    """The highest-numbered attempt file of `kata` in `folder`, if any."""
    numbered: list[tuple[int, Path]] = []
    pattern = re.compile(rf"^{re.escape(kata.module)}(?:-(\d+))?\.py$")
    try:
        entries = list(folder.iterdir())
    except OSError:
        return None
    for path in entries:
        found = pattern.match(path.name)
        if found and path.is_file():
            numbered.append((int(found.group(1) or 1), path))
    return max(numbered)[1] if numbered else None


def started_at(text: str, kata: Kata) -> dt.datetime | None:
    """When the attempt in `text` was started, from its header (None when missing or not
    this kata's, or not a time)."""
    for found in _STARTED.finditer(text[:2000]):
        if found.group(1) != kata.id:
            continue
        try:
            moment = dt.datetime.fromisoformat(found.group(2))
        except ValueError:
            return None
        return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)
    return None


MAX_ATTEMPT_MINUTES = 180
"""An attempt counts at most this long: a starter written one evening and checked the next
is not a 20-hour sitting."""


def attempt_minutes(text: str, kata: Kata, now: dt.datetime) -> int | None:
    """Whole minutes from the start in the attempt's header to `now` (1 to
    MAX_ATTEMPT_MINUTES), or None when the header is gone."""
    started = started_at(text, kata)
    if started is None:
        return None
    seconds = (now - started).total_seconds()
    return max(1, min(MAX_ATTEMPT_MINUTES, -int(-seconds // 60)))


def default_folder(data_dir: Path) -> Path:
    """Where attempts go unless the person names a folder: katas/ in the data folder."""
    return data_dir / "katas"
