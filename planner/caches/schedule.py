"""The last schedule computed, kept by everything it was computed from, so the app opens on
Today without planning reviews and scheduling again when nothing changed since it closed.

A schedule is a pure function of the syllabus, the plan, the progress, today and planner's
own code. The key is a digest of all of them: the syllabus by the digest of its files' bytes
(`Syllabus.digest`, set by the syllabus cache), the plan by its JSON, the progress by its
full `repr` (every field of every record), today's date, planner's version and the size and
modification time of each module of `planner.core` and of fsrs. Any change gives another key, which
misses, and the schedule is computed as usual.

One file per data folder and day holds the latest schedule of that day: today's, and those
of the next days (`KEPT_AHEAD`) when `planner _prepare` or the idle app made them ahead (so
the first start on a new day finds it); files of other days are removed when one is
written. Reading fails safe (anything
unexpected is a miss), writing never fails an action.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import importlib.util
import json
from contextlib import suppress
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from planner import __version__
from planner.core.plan import Plan
from planner.core.plan_json import plan_to_json
from planner.core.progress import Progress
from planner.core.schedule.codec import from_data, to_data
from planner.core.schedule.types import PlannedReview, Schedule
from planner.core.syllabus.collector import collector_paused
from planner.core.syllabus.model import Syllabus

if TYPE_CHECKING:
    from planner.core.schedule.scheduler import Draft

CACHE_FORMAT = 2

KEPT_AHEAD = 3
"""Days after today whose schedules are made ahead (`planner _prepare`) and kept: a day or
a weekend without any command still finds its schedule made."""

Computed = tuple[list[PlannedReview], Schedule]
"""The reviews planned and the schedule made around them."""


def cache_file(cache_dir: Path, data_dir: Path) -> Path:
    """The base name of the kept schedules of the store in `data_dir` (see `day_file`)."""
    folder = hashlib.sha256(str(data_dir.absolute()).encode("utf-8", "surrogateescape"))
    return cache_dir / f"schedule-{folder.hexdigest()[:24]}.json"


def day_file(base: Path, day: dt.date) -> Path:
    """Where the schedule of `day` is kept, for the base name from `cache_file`."""
    return base.with_name(f"{base.stem}-{day.isoformat()}{base.suffix}")


def kept_or_computed(
    base: Path | None,
    syllabus: Syllabus,
    plan: Plan,
    progress: Progress,
    today: dt.date,
    *,
    fixes: bool,
    first: Draft | None = None,
    prune: bool = True,
    first_days: int | None = None,
) -> Computed:
    """The reviews and the schedule of `reviews_and_schedule`, from the file kept for these
    very inputs when there is one (with its fixes searched, and kept again, when `fixes`
    asks for them and it has none); else computed (from `first`, the first pass of these
    very inputs, when it is made already) and kept (with `prune`, the files of days far
    from it are removed). `base` None keeps nothing. With `first_days` (and no `fixes`),
    the schedule returned holds only its first days, the reports whole: what a look at
    today needs, read no further from a kept file."""
    from planner.core.planning import reviews_and_schedule, with_fixes

    if fixes and first_days is not None:
        raise ValueError("the fixes are searched on the whole schedule")
    key = None if base is None else schedule_key(syllabus, plan, progress, today)
    kept = None if base is None or key is None else load(base, today, key, first_days)
    if kept is not None:
        reviews, schedule = kept
        if not fixes or all(r.fixes_searched for r in schedule.interviews):
            return kept
        computed = reviews, with_fixes(syllabus, plan, progress, today, reviews, schedule)
    else:
        computed = reviews_and_schedule(syllabus, plan, progress, today, fixes=fixes, first=first)
    if base is not None and key is not None:
        save(base, today, key, computed, prune=prune)
    if first_days is None:
        return computed
    reviews, schedule = computed
    return reviews, dataclasses.replace(schedule, days=schedule.days[:first_days])


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


def kept(
    base: Path, syllabus: Syllabus, plan: Plan, progress: Progress, today: dt.date
) -> Computed | None:
    """The schedule kept for these very inputs, or None (nothing is computed)."""
    key = schedule_key(syllabus, plan, progress, today)
    return None if key is None else load(base, today, key)


def load(
    base: Path, day: dt.date, key: str | None, first_days: int | None = None
) -> Computed | None:
    """The schedule of `day` kept under `key` (any key when None), or None; with
    `first_days`, only its first days are read (see `kept_or_computed`)."""
    try:
        with collector_paused():  # (thousands of sessions, no cycles among them)
            document = json.loads(day_file(base, day).read_bytes())
            if document.get("format") != CACHE_FORMAT:
                return None
            if key is not None and document.get("key") != key:
                return None
            return from_data(document["schedule"], first_days=first_days)
    except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
        return None  # a cache: a missing, truncated or foreign file is a miss


def latest_before(base: Path, day: dt.date) -> Schedule | None:
    """The schedule kept for the latest day before `day`, whatever it was made from (the
    state of that day): something to show while `day`'s own is made."""
    earlier: list[dt.date] = []
    prefix, suffix = f"{base.stem}-", base.suffix
    with suppress(OSError):
        for path in base.parent.glob(f"{prefix}*{suffix}"):
            with suppress(ValueError):
                kept_day = dt.date.fromisoformat(path.name[len(prefix) : -len(suffix)])
                if kept_day < day:
                    earlier.append(kept_day)
    for kept_day in sorted(earlier, reverse=True):
        found = load(base, kept_day, None)
        if found is not None:
            return found[1]
    return None


def save(base: Path, day: dt.date, key: str, computed: Computed, *, prune: bool = True) -> None:
    """Keep `computed` as the schedule of `day` under `key`, replacing that day's file
    whole, and with `prune` remove the files of days other than it, the day before and the
    `KEPT_AHEAD` after (errors are ignored: the next start computes the schedule again)."""
    from planner.files import private_folder, write_atomically

    document = {"format": CACHE_FORMAT, "key": key, "schedule": to_data(*computed)}
    with suppress(OSError):
        private_folder(base.parent)
        text = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
        write_atomically(day_file(base, day), text)
        if prune:
            _remove_other_days(base, day)


def _remove_other_days(base: Path, day: dt.date) -> None:
    from planner.files import remove_leftovers

    remove_leftovers(base.parent, f"{base.stem}-")
    days = range(-1, KEPT_AHEAD + 1)
    near = {day_file(base, day + dt.timedelta(days=d)).name for d in days}
    for path in base.parent.glob(f"{base.stem}-*{base.suffix}"):
        if path.name not in near:
            with suppress(OSError):
                path.unlink()
