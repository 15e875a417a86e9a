"""Human labels for ids: what a session, item or practice item is called on screen."""

from __future__ import annotations

from planner.core.schedule_types import Session
from planner.core.syllabus import Syllabus

KIND_LABELS = {"study": "Study", "review": "Review", "drill": "Drill", "mock": "Mock"}


def title_of(syllabus: Syllabus, any_id: str) -> str:
    """The title of an item, the prompt of a practice item, else the id itself."""
    item = syllabus.item(any_id)
    if item is not None:
        return item.title
    practice = syllabus.practice_item(any_id)
    if practice is not None:
        return practice.prompt
    return any_id


def session_title(syllabus: Syllabus, session: Session) -> str:
    """One line naming a session: "Ch. 4: Anatomy... (part 2/3)", "Mock: Meta onsite"."""
    if session.kind == "mock":
        return f"Mock round: {session.id}"
    title = title_of(syllabus, session.id)
    if session.parts > 1:
        title = f"{title} (part {session.part}/{session.parts})"
    if session.kind in ("review", "drill"):
        title = f"{KIND_LABELS[session.kind]}: {title}"
    return title


def resource_title(syllabus: Syllabus, any_id: str) -> str:
    item = syllabus.item(any_id)
    return item.resource.title if item is not None else ""


def format_minutes(minutes: int) -> str:
    """90 -> "1h30m", 45 -> "45m", 120 -> "2h"."""
    hours, mins = divmod(max(0, minutes), 60)
    if hours and mins:
        return f"{hours}h{mins:02d}m"
    if hours:
        return f"{hours}h"
    return f"{mins}m"
