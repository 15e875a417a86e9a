"""A small syllabus and plan for the practice and readiness tests (built in code, so the tests
do not depend on the bundled syllabus)."""

from __future__ import annotations

import datetime as dt

from planner.core.plan import Interview, Options, Plan
from planner.core.progress import Review
from planner.core.syllabus.model import (
    Item,
    PracticeItem,
    Resource,
    Round,
    Syllabus,
    SyllabusFile,
)

UTC = dt.UTC


def at(day: dt.date, hour: int = 9) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, tzinfo=UTC)


def question(qid: str, rounds: tuple[str, ...], learn_from: tuple[str, ...] = ()) -> PracticeItem:
    return PracticeItem(
        id=qid,
        kind="question",
        prompt=f"Question {qid}?",
        rounds=rounds,
        learn_from=learn_from,
        answer=f"Outline of {qid}",
    )


def small_syllabus(questions: int = 4) -> Syllabus:
    """Two rounds: `theory` (a 100-minute and a 60-minute item, an optional 30-minute one,
    `questions` questions) and `coding` (a 120-minute item, one coding task, one design
    prompt)."""
    file = SyllabusFile(
        syllabus="small",
        title="Small",
        rounds=(
            Round(id="theory", name="ML theory"),
            Round(id="coding", name="ML coding"),
        ),
        resources=(
            Resource(
                id="book",
                title="A book",
                kind="book",
                rounds=("theory",),
                items=(
                    Item(id="book/ch1", title="Chapter 1", minutes=100),
                    Item(id="book/ch2", title="Chapter 2", minutes=60),
                    Item(id="book/extra", title="Extra", minutes=30, optional=True),
                ),
            ),
            Resource(
                id="videos",
                title="Coding videos",
                kind="video",
                rounds=("coding",),
                items=(Item(id="videos/kmeans", title="K-means", minutes=120),),
            ),
        ),
        practice=(
            *(question(f"q{n}", ("theory",), ("book/ch1",)) for n in range(1, questions + 1)),
            PracticeItem(
                id="code-kmeans",
                kind="coding",
                prompt="Implement K-means",
                rounds=("coding",),
                learn_from=("videos/kmeans",),
            ),
            PracticeItem(
                id="design-feed",
                kind="design",
                prompt="Design a feed",
                rounds=("coding",),
            ),
        ),
    )
    return Syllabus.from_files([("small.yaml", file)])


def plan_with(*interviews: tuple[str, dt.date, tuple[str, ...]], target: float = 0.9) -> Plan:
    return Plan(
        interviews=tuple(Interview(name=n, date=d, rounds=r) for n, d, r in interviews),
        weekday_minutes=(90, 90, 90, 90, 90, 240, 120),
        options=Options(recall_target=target),
    )


def review(pid: str, rating: str, day: dt.date, hour: int = 9) -> Review:
    return Review(pid, rating, at(day, hour))  # type: ignore[arg-type]
