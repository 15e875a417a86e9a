"""What is needed: an item of no interview's round is scheduled only while something still to
do requires it; otherwise it is listed as not needed (never silently dropped)."""

from __future__ import annotations

import datetime as dt

from planner.core.plan import Interview, Plan
from planner.core.progress import ItemProgress, Progress
from planner.core.schedule.scheduler import schedule
from planner.core.syllabus.model import Syllabus
from planner.core.syllabus.schema import validate_file

TODAY = dt.date(2026, 11, 25)
PLAN = Plan(
    interviews=(Interview(name="Onsite", date=dt.date(2026, 12, 4), rounds=("ra",)),),
    weekday_minutes=(60, 60, 60, 60, 60, 0, 0),
)


def syllabus() -> Syllabus:
    items = [
        {"id": "basics", "title": "Basics (round rb only)", "minutes": 30, "rounds": ["rb"]},
        {"id": "advanced", "title": "Advanced", "minutes": 30, "rounds": ["ra"]},
        {"id": "other", "title": "Other", "minutes": 30, "rounds": ["ra"]},
    ]
    items[1]["requires"] = ["basics"]
    document = {
        "syllabus": "t",
        "title": "T",
        "rounds": [{"id": "ra", "name": "RA"}, {"id": "rb", "name": "RB"}],
        "resources": [{"id": "book", "title": "Book", "kind": "book", "items": items}],
    }
    return Syllabus.from_files([("t.yaml", validate_file(document, strict=False))])


def scheduled_ids(progress: Progress) -> tuple[set[str], tuple[str, ...]]:
    result = schedule(syllabus(), PLAN, progress, TODAY)
    return {s.id for d in result.days for s in d.sessions if s.kind == "study"}, result.not_needed


def test_a_prerequisite_of_work_still_to_do_is_scheduled_first() -> None:
    ids, not_needed = scheduled_ids(Progress())
    assert ids == {"basics", "advanced", "other"}
    assert not_needed == ()


def test_a_prerequisite_of_finished_work_is_not_needed_any_more() -> None:
    done = Progress(items={"advanced": ItemProgress(30, True, done_on=TODAY)})
    ids, not_needed = scheduled_ids(done)
    assert ids == {"other"}
    assert not_needed == ("basics",)
    # Pinning it does not make it needed, and it is still reported, not lost.
    pinned = Progress(items=done.items, pinned={"basics": TODAY + dt.timedelta(days=1)})
    assert scheduled_ids(pinned) == ({"other"}, ("basics",))
