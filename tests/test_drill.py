"""Drill selection: due questions first, then the weakest; deterministic."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from planner.core.practice.drill import choose_drill
from planner.core.progress import ItemProgress, Progress
from tests.practice_fixtures import review, small_syllabus

D0 = dt.date(2026, 11, 25)


def d(n: int) -> dt.date:
    return D0 + dt.timedelta(days=n)


def test_due_questions_come_first_then_weakest() -> None:
    syllabus = small_syllabus(questions=6)
    progress = Progress(
        reviews=(
            review("q4", "again", d(-5)),  # due d(-4): most overdue
            review("q2", "again", d(-2)),  # due d(-1)
            review("q1", "easy", d(-1)),  # due in a week: strong
            review("q3", "good", d(-1)),  # due tomorrow: fading
        )
    )
    drill = choose_drill(syllabus, progress, D0, size=6)
    assert drill[:2] == ["q4", "q2"]
    # then never-practised q5, q6 (recall 0), then q3 (weaker) before q1.
    assert drill[2:] == ["q5", "q6", "q3", "q1"]


def test_size_caps_the_drill_and_only_questions_are_chosen() -> None:
    syllabus = small_syllabus(questions=12)
    drill = choose_drill(syllabus, Progress(), D0, size=10)
    assert len(drill) == 10
    assert all(pid.startswith("q") for pid in drill)
    assert choose_drill(syllabus, Progress(), D0, size=10, rounds=["coding"]) == []


def test_questions_whose_material_is_studied_come_before_the_rest() -> None:
    syllabus = small_syllabus(questions=2)
    studied = Progress(items={"book/ch1": ItemProgress(done=True, minutes_spent=100)})
    assert choose_drill(syllabus, studied, D0, size=2) == ["q1", "q2"]


@settings(max_examples=25, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(1, 8),
            st.sampled_from(["again", "hard", "good", "easy"]),
            st.integers(-20, 0),
        ),
        max_size=15,
    ),
    st.integers(1, 8),
)
def test_drill_is_deterministic_without_repeats(log: list[tuple[int, str, int]], size: int) -> None:
    syllabus = small_syllabus(questions=8)
    progress = Progress(reviews=tuple(review(f"q{n}", rating, d(day)) for n, rating, day in log))
    first = choose_drill(syllabus, progress, D0, size)
    again = choose_drill(syllabus, Progress(reviews=tuple(reversed(progress.reviews))), D0, size)
    assert first == again
    assert len(first) == len(set(first)) == size
