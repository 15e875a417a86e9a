"""What the item screen shows about one study item: its rounds, prerequisites, practice
and history."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from planner.core.labels import format_minutes
from planner.core.progress import Progress
from planner.core.schedule.types import Schedule
from planner.core.syllabus.model import Syllabus
from planner.core.syllabus.titles import title_of


@dataclass(frozen=True, slots=True)
class ItemFacts:
    """What the item detail screen lists about one study item."""

    title: str
    resource: str
    url: str | None
    rounds: tuple[str, ...]
    minutes: int
    status: str
    prerequisites: tuple[tuple[str, str, bool], ...]
    """(id, title, done) of each required item."""
    practice: tuple[tuple[str, str], ...]
    """(id, prompt) of the practice items that learn from it."""
    planned: tuple[tuple[dt.date, int], ...]
    """(date, minutes) of its coming sessions."""


def item_facts(
    syllabus: Syllabus, progress: Progress, schedule: Schedule, item_id: str
) -> ItemFacts | None:
    item = syllabus.item(item_id)
    if item is None:
        return None
    p = progress.of(item_id)
    if p.done:
        status = f"done{f' on {p.done_on:%a %d %b}' if p.done_on else ''}"
    elif p.skipped:
        status = "skipped"
    else:
        left = progress.remaining(item_id, item.minutes)
        status = f"{format_minutes(p.minutes_spent)} spent, {format_minutes(left)} left"
    if not p.done and not p.skipped:
        if (pinned := progress.pinned.get(item_id)) is not None:
            status += f", pinned to {pinned:%a %d %b}"
        elif (pushed := progress.pushed.get(item_id)) is not None:
            status += f", not before {pushed:%a %d %b}"
    rounds = tuple(
        (r.name if (r := syllabus.round(round_id)) else round_id) for round_id in item.rounds
    )
    return ItemFacts(
        title=item.title,
        resource=item.resource.title,
        url=item.url,
        rounds=rounds,
        minutes=item.minutes,
        status=status,
        prerequisites=tuple(
            (req, title_of(syllabus, req), progress.is_done(req)) for req in item.requires
        ),
        practice=tuple((q.id, q.prompt) for q in syllabus.practice if item_id in q.learn_from),
        planned=tuple((day, s.minutes) for day, s in schedule.sessions_of(item_id)),
    )
