"""A validated syllabus as plain JSON, and back without validating again.

The app starts often and its syllabus files rarely change. Loading YAML with every check
and validating it with pydantic costs more than the rest of start-up together, so after a
successful load the merged files are kept as JSON, keyed by a digest of the files' exact
bytes and of planner's version. A key that matches means these very bytes were validated
before, so the plain models are rebuilt from it directly (no YAML, no validation, no
pydantic). Any other key misses and the files are loaded, and checked, as usual.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import fields, is_dataclass
from typing import Any

from planner import __version__
from planner.core.syllabus.model import (
    Item,
    PracticeItem,
    Resource,
    Round,
    Syllabus,
    SyllabusFile,
)

CACHE_FORMAT = 3
"""3: text with control characters is refused (a syllabus cached before is read again)."""


def cache_key(files: Sequence[tuple[str, bytes]]) -> str:
    """Digest of (name, exact bytes) of each file, in order, with planner's version."""
    digest = hashlib.sha256(f"planner {__version__} cache {CACHE_FORMAT}\0".encode())
    for name, content in files:
        digest.update(name.encode("utf-8", "surrogateescape") + b"\0")
        digest.update(len(content).to_bytes(8, "big"))
        digest.update(content)
    return digest.hexdigest()


def dump(key: str, syllabus_files: Sequence[tuple[str, SyllabusFile]]) -> str:
    document = {
        "format": CACHE_FORMAT,
        "key": key,
        "files": [{"source": source, "file": sf} for source, sf in syllabus_files],
    }
    return json.dumps(document, ensure_ascii=False, separators=(",", ":"), default=_fields)


def _fields(value: object) -> dict[str, Any]:
    """A model's fields by name, as `dataclasses.asdict` gives them (tuples are written as
    lists), one level at a time: the encoder comes back for the models inside."""
    if not is_dataclass(value) or isinstance(value, type):
        raise TypeError(f"cannot keep {type(value).__name__} in a syllabus cache")
    return {f.name: getattr(value, f.name) for f in fields(value)}


def restore(key: str, text: str) -> Syllabus | None:
    """The syllabus kept under `key`, or None when the text is not a cache of that key."""
    try:
        document = json.loads(text)
        if document.get("format") != CACHE_FORMAT or document.get("key") != key:
            return None
        files = [(str(f["source"]), _file(f["file"])) for f in document["files"]]
    except (ValueError, KeyError, TypeError, AttributeError):
        return None
    return Syllabus.from_files(files, digest=key)


def _strings(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise TypeError("a list expected")
    return tuple(str(v) for v in value)


def _item(d: dict[str, Any]) -> Item:
    rounds = d["rounds"]
    return Item(
        **{
            **d,
            "rounds": None if rounds is None else _strings(rounds),
            "requires": _strings(d["requires"]),
        }
    )


def _resource(d: dict[str, Any]) -> Resource:
    return Resource(
        **{**d, "rounds": _strings(d["rounds"]), "items": tuple(_item(i) for i in d["items"])}
    )


def _practice(d: dict[str, Any]) -> PracticeItem:
    return PracticeItem(
        **{**d, "rounds": _strings(d["rounds"]), "learn_from": _strings(d["learn_from"])}
    )


def _file(d: dict[str, Any]) -> SyllabusFile:
    return SyllabusFile(
        syllabus=d["syllabus"],
        title=d["title"],
        rounds=tuple(Round(**r) for r in d["rounds"]),
        resources=tuple(_resource(r) for r in d["resources"]),
        practice=tuple(_practice(p) for p in d["practice"]),
    )
