"""The bundled syllabus with a realistic plan: a phone screen in two weeks, an onsite in six,
90 minutes on weekdays, 4 hours on Saturdays: everything required is scheduled on time."""

from __future__ import annotations

import datetime as dt

import pytest

from planner.core.plan import Interview, Plan
from planner.core.practice.review import review_plan
from planner.core.progress import Progress
from planner.core.schedule.scheduler import schedule
from planner.core.schedule.types import PlannedReview
from planner.core.syllabus.loading import load_syllabus
from planner.core.syllabus.model import Syllabus
from planner.paths import bundled_syllabus

START = dt.date(2026, 11, 25)
PHONE = Interview(
    name="Phone screen", date=dt.date(2026, 12, 9), rounds=("phone-screen", "dsa-coding")
)
ONSITE = Interview(
    name="Onsite", date=dt.date(2027, 1, 6), rounds=("ml-coding", "ml-theory", "ml-design")
)
PLAN = Plan(
    interviews=(PHONE, ONSITE),
    weekday_minutes=(90, 90, 90, 90, 90, 240, 0),
    start=START,
)


@pytest.fixture(scope="module")
def bundled() -> Syllabus:
    return load_syllabus([bundled_syllabus()])


def deadline_of(rounds: tuple[str, ...]) -> dt.date | None:
    """The last study day before the first interview that needs one of `rounds`."""
    for interview in (PHONE, ONSITE):
        if set(rounds) & set(interview.rounds):
            return interview.date - dt.timedelta(days=PLAN.options.mock_days + 1)
    return None


@pytest.mark.parametrize("with_reviews", [False, True])
def test_everything_required_is_scheduled_on_time(bundled: Syllabus, with_reviews: bool) -> None:
    reviews: list[PlannedReview] = (
        review_plan(bundled, PLAN, Progress(), START) if with_reviews else []
    )
    result = schedule(bundled, PLAN, Progress(), START, reviews)
    assert result.feasible and result.late == ()
    assert [(r.name, r.feasible, r.short_minutes) for r in result.interviews] == [
        ("Phone screen", True, 0),
        ("Onsite", True, 0),
    ]
    assert all(r.slack_days >= 0 for r in result.interviews)
    for d in result.days:
        assert d.used <= d.capacity
    if with_reviews:
        assert any(s.kind == "review" for d in result.days for s in d.sessions)

    required = [i for i in bundled.items if not i.optional and deadline_of(i.rounds)]
    assert required, "the bundled syllabus has required items for these rounds"
    for study in required:
        sessions = result.sessions_of(study.id)
        assert sum(s.minutes for _, s in sessions) == study.minutes, study.id
        assert max(date for date, _ in sessions) <= deadline_of(study.rounds), study.id  # type: ignore[operator]
    for practice in bundled.practice:
        deadline = deadline_of(practice.rounds)
        drills = [date for date, s in result.sessions_of(practice.id) if s.kind == "drill"]
        if deadline is not None:
            assert len(drills) == 1 and drills[0] <= deadline, practice.id


def test_the_phone_screen_comes_first(bundled: Syllabus) -> None:
    result = schedule(bundled, PLAN, Progress(), START)
    phone_only = {
        i.id for i in bundled.items if set(i.rounds) & set(PHONE.rounds) and not i.optional
    }
    first_week = {s.id for d in result.days[:7] for s in d.sessions}
    assert first_week and first_week & phone_only
    mock = result.day(dt.date(2026, 12, 8))
    assert mock is not None and [s.kind for s in mock.sessions] == ["mock"]
