"""The last schedule computed, kept by everything it was computed from, so the app opens on
Today without planning reviews and scheduling again when nothing changed since it closed.

A schedule is a pure function of the syllabus, the plan, the progress, today and planner's
own code. The key is a digest of all of them: the syllabus by the digest of its files' bytes
(`Syllabus.digest`, set by the syllabus cache), the plan by its JSON, the progress by its
full `repr` (every field of every record), today's date, planner's version and the size and
modification time of each module of `planner.core` and of fsrs. Any change gives another key, which
misses, and the schedule is computed as usual. One file per data folder holds the latest
schedule; reading it fails safe (anything unexpected is a miss), writing it never fails an
action.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib.util
import json
from contextlib import suppress
from functools import cache
from pathlib import Path

from planner import __version__
from planner.core.plan import Plan
from planner.core.plan_json import plan_to_json
from planner.core.progress import Progress
from planner.core.schedule.codec import from_data, to_data
from planner.core.schedule.types import PlannedReview, Schedule
from planner.core.syllabus.model import Syllabus

CACHE_FORMAT = 2

Computed = tuple[list[PlannedReview], Schedule]
"""The reviews planned and the schedule made around them."""


def cache_file(cache_dir: Path, data_dir: Path) -> Path:
    """Where the latest schedule of the store in `data_dir` is kept."""
    folder = hashlib.sha256(str(data_dir.absolute()).encode("utf-8", "surrogateescape"))
    return cache_dir / f"schedule-{folder.hexdigest()[:24]}.json"


def schedule_key(syllabus: Syllabus, plan: Plan, progress: Progress, today: dt.date) -> str | None:
    """The digest of everything the schedule depends on; None when the syllabus has no
    digest (it was not loaded from files), and so nothing may be kept."""
    if not syllabus.digest:
        return None
    digest = hashlib.sha256(f"planner {__version__} schedule {CACHE_FORMAT}\0".encode())
    for part in (_code_fingerprint(), syllabus.digest, plan_to_json(plan), today.isoformat()):
        digest.update(part.encode("utf-8", "surrogateescape") + b"\0")
    digest.update(repr(progress).encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


@cache
def _code_fingerprint() -> str:
    """Size and modification time of each core module and of the installed fsrs (which plans
    the reviews), found without importing it: changed code is another key."""
    core = Path(__file__).parent / "core"
    spec = importlib.util.find_spec("fsrs")
    fsrs = Path(spec.origin).parent if spec and spec.origin else core
    parts: list[str] = []
    for path in sorted(core.rglob("*.py")) + sorted(fsrs.glob("*.py")):
        with suppress(OSError):
            stat = path.stat()
            parts.append(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns}")
    return ";".join(parts)


def load(path: Path, key: str) -> Computed | None:
    """The schedule kept under `key`, or None."""
    try:
        document = json.loads(path.read_bytes())
        if document.get("format") != CACHE_FORMAT or document.get("key") != key:
            return None
        return from_data(document["schedule"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
        return None  # a cache: a missing, truncated or foreign file is a miss


def save(path: Path, key: str, computed: Computed) -> None:
    """Keep `computed` under `key`, replacing the file whole (errors are ignored: the next
    start computes the schedule again)."""
    from planner.files import write_atomically

    document = {"format": CACHE_FORMAT, "key": key, "schedule": to_data(*computed)}
    with suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, json.dumps(document, ensure_ascii=False, separators=(",", ":")))
