"""Each interview's own practice before it, when time is short: the new-user plan of a phone
screen in 9 days and an onsite in 4 weeks, 60 minutes a weekday, on the bundled syllabus."""

from __future__ import annotations

import datetime as dt

import pytest

from planner.core.plan import Interview, Plan
from planner.core.planning import full_schedule
from planner.core.progress import Progress
from planner.core.schedule.types import Schedule
from planner.core.syllabus.loading import load_syllabus
from planner.core.syllabus.model import Syllabus
from planner.paths import bundled_syllabus

TODAY = dt.date(2026, 12, 1)
PHONE = Interview(name="Phone", date=TODAY + dt.timedelta(days=9), rounds=("phone-screen",))
ONSITE = Interview(
    name="Onsite",
    date=TODAY + dt.timedelta(days=28),
    rounds=("ml-coding", "ml-theory", "ml-design", "dsa-coding"),
)
PLAN = Plan(interviews=(PHONE, ONSITE), weekday_minutes=(60, 60, 60, 60, 60, 0, 0))


@pytest.fixture(scope="module")
def bundled() -> Syllabus:
    return load_syllabus([bundled_syllabus()])


@pytest.fixture(scope="module")
def short_plan(bundled: Syllabus) -> Schedule:
    return full_schedule(bundled, PLAN, Progress(), TODAY)


def first_practice(schedule: Schedule) -> dict[str, dt.date]:
    out: dict[str, dt.date] = {}
    for day in schedule.days:
        for session in day.sessions:
            if session.kind in ("drill", "review"):
                out.setdefault(session.id, day.date)
    return out


def test_the_plan_does_not_fit(short_plan: Schedule) -> None:
    phone, onsite = short_plan.interviews
    assert not phone.feasible and not onsite.feasible


def test_every_phone_screen_question_is_practised_before_the_phone_screen(
    bundled: Syllabus, short_plan: Schedule
) -> None:
    practised = first_practice(short_plan)
    questions = [p.id for p in bundled.practice if "phone-screen" in p.rounds]
    assert questions
    assert [q for q in questions if practised.get(q, PHONE.date) >= PHONE.date] == []


def test_every_onsite_coding_task_and_design_prompt_is_practised_before_the_onsite(
    bundled: Syllabus, short_plan: Schedule
) -> None:
    practised = first_practice(short_plan)
    tasks = [
        p.id
        for p in bundled.practice
        if p.kind in ("coding", "design") and set(p.rounds) & set(ONSITE.rounds)
    ]
    assert "code-kmeans" in tasks and any(t.startswith("design-") for t in tasks)
    assert [t for t in tasks if practised.get(t, ONSITE.date) >= ONSITE.date] == []


def test_a_drill_whose_teaching_items_do_not_fit_says_it_is_from_the_outline(
    bundled: Syllabus, short_plan: Schedule
) -> None:
    outlined = [s for d in short_plan.days for s in d.sessions if s.from_outline]
    assert outlined and all(s.kind == "drill" for s in outlined)
    from planner.core.schedule.titles import session_title

    title = session_title(bundled, outlined[0])
    assert title.startswith("Drill: ") and title.endswith(" (from the answer outline)")


def test_no_review_of_an_item_comes_before_its_first_drill(short_plan: Schedule) -> None:
    drilled: dict[str, dt.date] = {}
    for day in short_plan.days:
        for session in day.sessions:
            if session.kind == "drill":
                drilled.setdefault(session.id, day.date)
            elif session.kind == "review":
                assert session.id in drilled and drilled[session.id] < day.date
