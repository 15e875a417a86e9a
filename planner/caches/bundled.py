"""The bundled syllabus, validated once when it is written, not on each first start.

`ml-interviews.validated.json` beside the bundled YAML holds what validating it gives, under
the digest of the YAML's exact bytes. With an empty cache (a new machine, a cleared cache
folder) the app starts from it without the YAML parser and the schema; any other bytes (an
edited copy) miss it and are validated as usual. A test keeps it current:

    .venv/bin/python -m planner.caches.bundled      # writes it again
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from contextlib import suppress
from pathlib import Path

from planner.core.syllabus.codec import dump, restore
from planner.core.syllabus.model import Syllabus
from planner.paths import bundled_syllabus

VALIDATED_NAME = "ml-interviews.validated.json"


def validated_file() -> Path:
    return bundled_syllabus().with_name(VALIDATED_NAME)


def content_key(content: bytes) -> str:
    return "bundled " + hashlib.sha256(content).hexdigest()


def from_validated(contents: Sequence[tuple[str, bytes]], key: str) -> Syllabus | None:
    """The bundled syllabus from its validated file, when `contents` are its very bytes
    alone (as `load_syllabus_cached` read them; `key` is their cache key); else None."""
    if len(contents) != 1:
        return None
    name, content = contents[0]
    if Path(name) != bundled_syllabus():
        return None
    with suppress(OSError, UnicodeDecodeError):
        found = restore(content_key(content), validated_file().read_text(encoding="utf-8"))
        if found is not None:
            return Syllabus.from_files([(name, sf) for _, sf in found.sources], digest=key)
    return None


def validated_text(content: bytes, syllabus: Syllabus) -> str:
    """The validated file's text: the same wherever planner is installed (the file's own
    path, which `from_validated` puts back, is not in it)."""
    files = [(bundled_syllabus().name, sf) for _, sf in syllabus.sources]
    return dump(content_key(content), files) + "\n"


def write_validated() -> Path:
    """Validate the bundled syllabus and write its validated file."""
    from planner.core.syllabus.loading import load_syllabus
    from planner.files import write_atomically

    path = bundled_syllabus()
    content = path.read_bytes()
    syllabus = load_syllabus([path])
    target = validated_file()
    write_atomically(target, validated_text(content, syllabus))
    target.chmod(0o644)  # shipped with planner: readable by all, as the YAML is
    return target


if __name__ == "__main__":
    print(write_validated())
