"""A simulated run of the real schedule on the bundled syllabus: every morning the plan is
recomputed as the app does (first pass -> drill dates -> planned reviews -> schedule), every
session of the day is done, every drill and review rated Good. On each interview day, every
practice item of its rounds is recalled with at least the target probability."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from planner.core.plan import Interview, Options, Plan
from planner.core.practice.review import card_for, recall_on, review_plan
from planner.core.progress import ItemProgress, Progress, Review
from planner.core.schedule.scheduler import schedule
from planner.core.syllabus.loading import load_syllabus
from planner.core.syllabus.model import Syllabus
from planner.paths import bundled_syllabus

START = dt.date(2026, 11, 25)


def one_day(syllabus: Syllabus, plan: Plan, progress: Progress, day: dt.date) -> Progress:
    """Do everything scheduled on `day`; drills and reviews rated Good at 19:00 UTC."""
    reviews = review_plan(syllabus, plan, progress, day)
    planned = schedule(syllabus, plan, progress, day, reviews=reviews).day(day)
    if planned is None:
        return progress
    items = dict(progress.items)
    new_reviews = list(progress.reviews)
    at = dt.datetime(day.year, day.month, day.day, 19, tzinfo=dt.UTC)
    for session in planned.sessions:
        if session.kind == "study":
            item = syllabus.item(session.id)
            assert item is not None
            before = items.get(session.id, ItemProgress())
            spent = before.minutes_spent + session.minutes
            done = spent >= item.minutes
            items[session.id] = ItemProgress(spent, done, False, day if done else None)
        elif session.kind in ("drill", "review"):
            new_reviews.append(Review(session.id, "good", at))
    return replace(progress, items=items, reviews=tuple(new_reviews))


@pytest.mark.parametrize(
    ("target", "onsite_rounds"),
    [
        (0.9, ("ml-theory",)),
        (0.95, ("ml-theory",)),
        (0.9, ("ml-theory", "ml-coding", "ml-design")),
    ],
)
def test_every_practice_item_meets_the_target_on_its_interview_day(
    target: float, onsite_rounds: tuple[str, ...]
) -> None:
    syllabus = load_syllabus([bundled_syllabus()])
    phone = Interview(name="Phone", date=dt.date(2026, 12, 9), rounds=("phone-screen",))
    onsite = Interview(name="Onsite", date=dt.date(2026, 12, 30), rounds=onsite_rounds)
    plan = Plan(
        interviews=(phone, onsite),
        weekday_minutes=(180, 180, 180, 180, 180, 300, 120),
        start=START,
        options=Options(recall_target=target),
    )
    progress = Progress()
    day = START
    checked = 0
    while day <= onsite.date:
        for interview in (phone, onsite):
            if day == interview.date:
                ids = [p.id for p in syllabus.practice if set(p.rounds) & set(interview.rounds)]
                for pid in ids:
                    recall = recall_on(card_for(pid, progress.reviews), day)
                    assert recall >= target, (interview.name, pid, round(recall, 3))
                checked += len(ids)
        progress = one_day(syllabus, plan, progress, day)
        day += dt.timedelta(days=1)
    assert checked >= 20
    assert len(progress.reviews) > checked  # more than one pass each: reviews were planned
