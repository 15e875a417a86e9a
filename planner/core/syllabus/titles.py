"""What an id is called on screen: an item's title, a practice item's prompt."""

from __future__ import annotations

from planner.core.syllabus.model import Syllabus


def title_of(syllabus: Syllabus, any_id: str) -> str:
    """The title of an item, the prompt of a practice item, else the id itself."""
    item = syllabus.item(any_id)
    if item is not None:
        return item.title
    practice = syllabus.practice_item(any_id)
    if practice is not None:
        return practice.prompt
    return any_id


def resource_title(syllabus: Syllabus, any_id: str) -> str:
    item = syllabus.item(any_id)
    return item.resource.title if item is not None else ""
