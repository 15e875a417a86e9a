"""What a session is called on screen: "Ch. 4: Anatomy... (part 2/3)", "Review: ..."."""

from __future__ import annotations

from planner.core.schedule.types import Session
from planner.core.syllabus.model import Syllabus
from planner.core.syllabus.titles import title_of

KIND_LABELS = {"study": "Study", "review": "Review", "drill": "Drill", "mock": "Mock"}

_PART_LABELS = {"coding": "timed coding", "design": "design round", "drill": "rapid-fire drill"}


def session_title(syllabus: Syllabus, session: Session, *, labelled: bool = True) -> str:
    """One line naming a session: "Ch. 4: Anatomy... (part 2/3)", "Mock: Meta onsite".
    Without `labelled`, no "Review: " or "Drill: " before it and no "(from the answer
    outline)" after it, for a view that shows those in a column of their own."""
    if session.kind == "mock":
        what = " + ".join(_PART_LABELS[h.kind] for h in session.holds)
        return f"Mock round: {session.id}" + (f" ({what})" if what else "")
    title = title_of(syllabus, session.id)
    if session.parts > 1:
        title = f"{title} (part {session.part}/{session.parts})"
    if not labelled:
        return title
    if session.kind in ("review", "drill"):
        title = f"{KIND_LABELS[session.kind]}: {title}"
    if session.from_outline:
        title = f"{title} (from the answer outline)"
    return title
