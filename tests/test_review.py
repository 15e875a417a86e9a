"""FSRS integration with fixed datetimes: cards replayed from the log, recall on a day, and
reviews planned so that recall on interview day meets the target."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.core.practice.review import (
    REVIEW_MINUTES,
    card_for,
    card_of,
    due_on,
    due_today,
    plan_reviews,
    rate,
    recall_on,
    repractice_queue,
)
from planner.core.progress import Attempt, MockRound, Progress, Review
from tests.practice_fixtures import at, plan_with, review, small_syllabus

DAY0 = dt.date(2026, 11, 25)


def days(n: int) -> dt.date:
    return DAY0 + dt.timedelta(days=n)


def test_ratings_change_due_dates() -> None:
    dues = {
        rating: due_on(card_for("q1", [review("q1", rating, DAY0)]))
        for rating in ("again", "hard", "good", "easy")
    }
    assert dues["again"] is not None and dues["easy"] is not None
    assert DAY0 < dues["again"] <= dues["hard"] < dues["good"] < dues["easy"]  # type: ignore[operator]
    # A second Good a day late pushes the next due date further than the first interval.
    first = card_for("q1", [review("q1", "good", DAY0)])
    second = card_for("q1", [review("q1", "good", DAY0), review("q1", "good", days(2))])
    assert due_on(second) is not None and due_on(first) is not None
    assert (due_on(second) - days(2)).days > (due_on(first) - DAY0).days  # type: ignore[operator]


def test_reviews_replay_in_timestamp_order_and_ignore_other_items() -> None:
    log = [
        review("q1", "good", days(2)),
        review("q2", "again", days(1)),
        review("q1", "again", DAY0),
    ]
    shuffled = card_for("q1", log)
    ordered = card_for("q1", [review("q1", "again", DAY0), review("q1", "good", days(2))])
    assert shuffled.due == ordered.due
    assert shuffled.stability == ordered.stability


def test_naive_and_aware_review_times_give_the_same_card() -> None:
    aware = card_for("q1", [Review("q1", "good", at(DAY0, 20))])
    naive = card_for("q1", [Review("q1", "good", dt.datetime(2026, 11, 25, 20))])
    assert aware.due == naive.due


def test_recall_is_zero_before_any_review_and_fades_after_one() -> None:
    assert recall_on(card_for("q1", []), DAY0) == 0.0
    card = card_for("q1", [review("q1", "good", DAY0)])
    recalls = [recall_on(card, days(n)) for n in range(6)]
    assert recalls[0] == 1.0
    assert all(a > b for a, b in zip(recalls, recalls[1:], strict=False))
    assert 0.5 < recalls[-1] < 0.9


def test_attempts_and_mocks_rate_their_cards() -> None:
    solved = Progress(attempts=(Attempt("code-kmeans", "solved", 30, at(DAY0)),))
    helped = Progress(attempts=(Attempt("code-kmeans", "solved-with-help", 30, at(DAY0)),))
    good_mock = Progress(mocks=(MockRound("design-feed", {"a": 2, "b": 2}, 45, at(DAY0)),))
    poor_mock = Progress(mocks=(MockRound("design-feed", {"a": 0, "b": 1}, 45, at(DAY0)),))
    assert due_on(card_of(solved, "code-kmeans")) > due_on(card_of(helped, "code-kmeans"))  # type: ignore[operator]
    assert due_on(card_of(good_mock, "design-feed")) > due_on(card_of(poor_mock, "design-feed"))  # type: ignore[operator]


def test_question_due_after_its_interview_gets_an_extra_review_before_it() -> None:
    syllabus = small_syllabus(questions=1)
    interview = days(5)
    plan = plan_with(("Phone", interview, ("theory",)), target=0.95)
    progress = Progress(reviews=(review("q1", "easy", DAY0),))
    card = card_of(progress, "q1")
    due = due_on(card)
    assert due is not None and due > interview  # FSRS alone would not ask before it
    assert recall_on(card, interview) < 0.95

    planned = plan_reviews(syllabus, plan, progress, days(1), {})
    q1 = [r for r in planned if r.practice_id == "q1"]
    assert len(q1) == 1
    assert days(1) <= q1[0].on < interview
    assert q1[0].minutes == REVIEW_MINUTES["question"]
    assert q1[0].rounds == ("theory",)
    after = rate(card, "good", at(q1[0].on))
    assert recall_on(after, interview) >= 0.95


def test_no_review_is_planned_when_recall_already_meets_the_target() -> None:
    syllabus = small_syllabus(questions=1)
    interview = days(2)
    plan = plan_with(("Phone", interview, ("theory",)))
    progress = Progress(reviews=(review("q1", "good", DAY0),))
    assert recall_on(card_of(progress, "q1"), interview) >= 0.9
    assert plan_reviews(syllabus, plan, progress, days(1), {}) == []


def test_overdue_question_is_planned_today() -> None:
    syllabus = small_syllabus(questions=1)
    plan = plan_with(("Onsite", days(30), ("theory",)))
    progress = Progress(reviews=(review("q1", "hard", days(-10)),))
    planned = plan_reviews(syllabus, plan, progress, DAY0, {})
    assert planned[0].on == DAY0
    assert [r.on for r in planned] == sorted({r.on for r in planned})


def test_new_question_is_introduced_at_its_drill_date_and_gets_several_reviews() -> None:
    syllabus = small_syllabus(questions=1)
    plan = plan_with(("Onsite", days(28), ("theory",)))
    planned = plan_reviews(syllabus, plan, Progress(), DAY0, {"q1": days(2)})
    assert len(planned) >= 2
    assert all(days(2) < r.on < days(28) for r in planned)
    # No drill date yet (its study item is not scheduled): nothing to plan.
    assert plan_reviews(syllabus, plan, Progress(), DAY0, {}) == []


def test_items_of_no_upcoming_interview_get_no_reviews() -> None:
    syllabus = small_syllabus(questions=2)
    plan = plan_with(("Coding", days(20), ("coding",)))
    planned = plan_reviews(syllabus, plan, Progress(), DAY0, {"q1": DAY0, "code-kmeans": DAY0})
    assert {r.practice_id for r in planned} == {"code-kmeans"}
    assert all(r.minutes == REVIEW_MINUTES["coding"] for r in planned)


def test_coding_task_in_the_repractice_queue_is_left_to_the_scheduler() -> None:
    syllabus = small_syllabus(questions=1)
    plan = plan_with(("Coding", days(20), ("coding",)))
    helped = Progress(attempts=(Attempt("code-kmeans", "solved-with-help", 40, at(DAY0)),))
    assert repractice_queue(syllabus, helped) == ["code-kmeans"]
    assert plan_reviews(syllabus, plan, helped, days(1), {}) == []
    solved_later = Progress(
        attempts=(*helped.attempts, Attempt("code-kmeans", "solved", 30, at(days(1)))),
    )
    assert repractice_queue(syllabus, solved_later) == []


def test_reviews_before_an_interview_are_spread_not_piled_on_the_last_day() -> None:
    syllabus = small_syllabus(questions=40)
    interview = days(6)
    plan = plan_with(("Phone", interview, ("theory",)), target=0.95)
    progress = Progress(reviews=tuple(review(f"q{n}", "good", days(-1)) for n in range(1, 41)))
    planned = plan_reviews(syllabus, plan, progress, DAY0, {})
    per_day = Counter(r.on for r in planned)
    assert len(per_day) >= 3
    budget = {d: max(2, plan.capacity(d) // 4) for d in per_day}
    assert all(per_day[d] * 2 <= budget[d] for d in per_day)
    assert all(d < interview for d in per_day)


def _simulate(target: float) -> None:
    """Replan every morning as the app does, do every review planned for the day (and each
    drill on its drill day) rated Good, and check recall on each interview day."""
    syllabus = small_syllabus(questions=12)
    phone, onsite = days(9), days(28)
    plan = plan_with(
        ("Phone", phone, ("theory",)),
        ("Onsite", onsite, ("theory", "coding")),
        target=target,
    )
    drills = {f"q{n}": days(n % 4) for n in range(1, 13)}
    drills.update({"code-kmeans": days(5), "design-feed": days(6)})
    reviews: list[Review] = []
    day = DAY0
    while day < onsite:
        progress = Progress(reviews=tuple(reviews))
        practised = {r.practice_id for r in reviews}
        planned = plan_reviews(syllabus, plan, progress, day, drills)
        todays = {pid for pid, on in drills.items() if on == day and pid not in practised}
        todays |= {r.practice_id for r in planned if r.on == day}
        reviews.extend(review(pid, "good", day) for pid in sorted(todays))
        if day == phone - dt.timedelta(days=1):
            for n in range(1, 13):
                assert recall_on(card_for(f"q{n}", reviews), phone) >= target
        day += dt.timedelta(days=1)
    for practice in syllabus.practice:
        assert recall_on(card_for(practice.id, reviews), onsite) >= target, practice.id
    assert all(r.at.date() < onsite for r in reviews)


@pytest.mark.parametrize("target", [0.9, 0.95])
def test_recall_meets_the_target_on_interview_day_when_every_review_is_good(target: float) -> None:
    _simulate(target)


def test_due_today_lists_fsrs_due_and_planned_reviews_but_not_those_done_today() -> None:
    syllabus = small_syllabus(questions=3)
    progress = Progress(
        reviews=(
            review("q1", "again", days(-3)),
            review("q2", "good", days(-3)),
            review("q3", "again", days(-3)),
            review("q3", "good", DAY0, hour=8),
        )
    )
    plan = plan_with(("Phone", days(5), ("theory",)))
    planned = plan_reviews(syllabus, plan, progress, DAY0, {})
    due = due_today(syllabus, progress, DAY0, planned)
    assert due[0] == "q1"
    assert "q3" not in due
    assert set(due) <= {"q1", "q2"}


def test_coding_task_waiting_for_re_practice_is_not_a_due_review() -> None:
    syllabus = small_syllabus(questions=1)
    progress = Progress(attempts=(Attempt("code-kmeans", "not-solved", 30, at(days(-5))),))
    assert due_on(card_of(progress, "code-kmeans")) < DAY0  # type: ignore[operator]
    assert "code-kmeans" not in due_today(syllabus, progress, DAY0)
    solved = Progress(
        attempts=(*progress.attempts, Attempt("code-kmeans", "solved", 30, at(days(-4)))),
    )
    assert "code-kmeans" in due_today(syllabus, solved, days(30))


@settings(max_examples=40, deadline=None)
@given(
    history=st.lists(
        st.tuples(
            st.integers(1, 6),
            st.sampled_from(["again", "hard", "good", "easy"]),
            st.integers(-30, -1),
        ),
        max_size=20,
    ),
    drills=st.dictionaries(st.integers(1, 6), st.integers(0, 10), max_size=6),
    interview_in=st.integers(1, 40),
    target=st.sampled_from([0.8, 0.9, 0.95]),
)
def test_planned_reviews_reach_the_target_or_use_the_last_day(
    history: list[tuple[int, str, int]],
    drills: dict[int, int],
    interview_in: int,
    target: float,
) -> None:
    syllabus = small_syllabus(questions=6)
    interview = days(interview_in)
    plan = plan_with(("Phone", interview, ("theory",)), target=target)
    progress = Progress(reviews=tuple(review(f"q{n}", r, days(d)) for n, r, d in history))
    drill_dates = {f"q{n}": days(d) for n, d in drills.items()}
    planned = plan_reviews(syllabus, plan, progress, DAY0, drill_dates)
    usable = [d for d in (days(n) for n in range(interview_in)) if plan.capacity(d) > 0]
    for n in range(1, 7):
        pid = f"q{n}"
        own = [r.on for r in planned if r.practice_id == pid]
        assert own == sorted(set(own))
        assert all(DAY0 <= on < interview and plan.capacity(on) > 0 for on in own)
        card = card_of(progress, pid)
        if card.last_review is None:
            if pid not in drill_dates or drill_dates[pid] >= interview:
                assert own == []
                continue
            card = rate(card, "good", at(drill_dates[pid]))
        for on in own:
            card = rate(card, "good", at(on))
        if recall_on(card, interview) >= target:
            continue
        # Short of the target only when nothing more could be done: the last review already
        # falls on the last usable day before the interview (or there is no such day).
        last_chance = usable[-1] if usable else None
        assert last_chance is None or (
            card.last_review is not None and card.last_review.date() >= last_chance
        )
