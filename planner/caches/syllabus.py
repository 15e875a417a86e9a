"""Loading the syllabus files through the cache of validated syllabi (see
`planner.core.syllabus.codec`): what the app and every command use to start quickly."""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import suppress
from dataclasses import replace
from pathlib import Path

from planner.core.syllabus.codec import cache_key, dump, restore
from planner.core.syllabus.collector import collector_paused
from planner.core.syllabus.model import Syllabus

KEEP_CACHED = 8
"""Cached syllabi kept (the most recently written); older ones are removed."""

MAX_CACHED_FILE_BYTES = 5 * 1024 * 1024
"""Larger files always go through the loader (which refuses them with its own message)."""


def _contents(paths: Sequence[Path]) -> list[tuple[str, bytes]] | None:
    """(name, bytes) of each file, or None when one cannot be read (the loader says why)."""
    contents: list[tuple[str, bytes]] = []
    for path in paths:
        try:
            if path.stat().st_size > MAX_CACHED_FILE_BYTES:
                return None
            contents.append((str(path), path.read_bytes()))
        except OSError:
            return None
    return contents


def _cache_file(cache_dir: Path, key: str | None) -> Path | None:
    return cache_dir / f"syllabus-{key[:40]}.json" if key else None


def is_cached(paths: Sequence[Path], cache_dir: Path) -> bool:
    """Whether the cache holds these exact bytes validated (or none of them can be read, and
    only the loader can say why): `load_syllabus_cached` then needs no validation."""
    contents = _contents(paths)
    if contents is None:
        return True
    cache_file = _cache_file(cache_dir, cache_key(contents))
    return cache_file is not None and cache_file.is_file()


def load_syllabus_cached(paths: Sequence[Path], cache_dir: Path) -> Syllabus:
    """The merged syllabus of `paths`: from the cache when these exact bytes were validated
    before, else loaded and checked by `planner.core.syllabus.loading.load_syllabus` (which raises
    `SyllabusError` with every problem) and then cached."""
    contents = _contents(paths)
    key = cache_key(contents) if contents is not None else None
    cache_file = _cache_file(cache_dir, key)
    if key and cache_file is not None:
        with suppress(OSError, UnicodeDecodeError), collector_paused():
            cached = restore(key, cache_file.read_text(encoding="utf-8"))
            if cached is not None:
                return cached
    if key and contents is not None:
        from planner.caches.bundled import from_validated

        validated = from_validated(contents, key)
        if validated is not None:
            return validated
    from planner.core.syllabus.loading import load_syllabus

    syllabus = load_syllabus(paths)
    # Keep it only if the files did not change while they were being loaded.
    if key and contents is not None and unchanged(paths, contents):
        return keep(cache_dir, key, syllabus)
    return syllabus


def contents_and_key(paths: Sequence[Path]) -> tuple[list[tuple[str, bytes]], str] | None:
    """The bytes of each file and their cache key (None when one cannot be read)."""
    contents = _contents(paths)
    return None if contents is None else (contents, cache_key(contents))


def unchanged(paths: Sequence[Path], contents: list[tuple[str, bytes]]) -> bool:
    """The files still hold `contents` (they did not change while they were loaded)."""
    return _contents(paths) == contents


def keep(cache_dir: Path, key: str, syllabus: Syllabus) -> Syllabus:
    """Keep a syllabus validated from the files of cache key `key`; returns it with that
    digest. A cache folder that cannot be written keeps nothing."""
    syllabus = replace(syllabus, digest=key)
    cache_file = _cache_file(cache_dir, key)
    if cache_file is not None:
        from planner.files import private_folder, write_atomically

        with suppress(OSError):
            private_folder(cache_dir)
            write_atomically(cache_file, dump(key, syllabus.sources))
            _prune(cache_dir)
    return syllabus


def _prune(cache_dir: Path) -> None:
    def written(path: Path) -> float:
        try:
            return path.stat().st_mtime
        except OSError:
            return 0.0

    from planner.files import remove_leftovers

    remove_leftovers(cache_dir, "syllabus-")
    cached = sorted(cache_dir.glob("syllabus-*.json"), key=written, reverse=True)
    for old in cached[KEEP_CACHED:]:
        with suppress(OSError):
            old.unlink()
