"""Readiness figures against values computed by hand on a small fixture."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.core.practice.readiness import RoundReadiness, readiness
from planner.core.progress import Attempt, ItemProgress, MockRound, Progress, WorkEntry
from planner.core.schedule.types import (
    Day,
    InterviewReport,
    Late,
    RoundStanding,
    Schedule,
    Session,
)
from tests.practice_fixtures import at, plan_with, review, small_syllabus

D0 = dt.date(2026, 11, 25)


def d(n: int) -> dt.date:
    return D0 + dt.timedelta(days=n)


# FSRS-6 default weights: initial stability after Hard / Good, and the decay w20.
S_HARD, S_GOOD, W20 = 1.2931, 2.3065, 0.1542
FACTOR = 0.9 ** (1 / -W20) - 1


def fsrs_recall(days: int, stability: float) -> float:
    return float((1 + FACTOR * days / stability) ** -W20)


PHONE = ("Phone", d(3), ("theory",))
ONSITE = ("Onsite", d(10), ("theory", "coding"))


def fixture() -> tuple[Progress, Schedule]:
    progress = Progress(
        items={
            "book/ch1": ItemProgress(minutes_spent=90, done=True, done_on=d(-2)),
            "book/ch2": ItemProgress(minutes_spent=20),
            "book/extra": ItemProgress(minutes_spent=30, done=True, done_on=d(-1)),
            "videos/kmeans": ItemProgress(minutes_spent=150),
        },
        work=(
            WorkEntry(d(-3), "book/ch1", 60),
            WorkEntry(d(-2), "book/ch1", 30),
            WorkEntry(d(-1), "book/ch2", 20),
            WorkEntry(d(-1), "book/extra", 30),
            WorkEntry(d(-1), "videos/kmeans", 150),
        ),
        reviews=(review("q1", "good", d(-1)),),
        attempts=(Attempt("code-kmeans", "solved-with-help", 40, at(d(-1))),),
        mocks=(MockRound("design-feed", {"a": 2, "b": 1}, 45, at(d(-1))),),
    )
    schedule = Schedule(
        today=D0,
        days=(
            Day(D0, 90, (Session("study", "book/ch2", 30, ("theory",)),)),
            Day(d(1), 90, (Session("study", "book/ch2", 10, ("theory",)),)),
            Day(d(2), 90, (Session("review", "q1", 2, ("theory",)),)),
        ),
        interviews=(
            InterviewReport(
                "Phone",
                d(3),
                ("theory",),
                True,
                0,
                slack_days=0,
                rounds_standing=(RoundStanding("theory", 0, 0),),
            ),
            InterviewReport(
                "Onsite",
                d(10),
                ("theory", "coding"),
                False,
                200,
                late=(Late("videos/kmeans", d(8), None),),
                slack_days=-2,
                rounds_standing=(RoundStanding("theory", 0, 7), RoundStanding("coding", 200, -2)),
            ),
        ),
    )
    return progress, schedule


def test_round_figures_match_hand_computed_values() -> None:
    progress, schedule = fixture()
    result = readiness(small_syllabus(2), plan_with(PHONE, ONSITE), progress, schedule, D0)
    theory, coding = result.rounds
    # theory: ch1 done (100) + ch2 20 of 60; the optional chapter does not count.
    assert (theory.round_id, theory.interview) == ("theory", "Phone")
    assert (theory.required_minutes, theory.done_minutes) == (160, 120)
    assert theory.coverage == pytest.approx(0.75)
    # q1 reviewed Good 4 days before the phone screen, q2 never: (R + 0) / 2.
    assert theory.recall == pytest.approx(fsrs_recall(4, S_GOOD) / 2, abs=1e-9)
    # the round's figures are the scheduler's, for its first interview
    assert (theory.slack_days, theory.short_minutes) == (0, 0)
    assert (theory.practice.items, theory.practice.practised, theory.practice.reviews) == (2, 1, 1)
    assert theory.practice.score == pytest.approx(0.5)
    # coding: K-means 150 minutes spent on a 120-minute item counts 120, not done.
    assert (coding.round_id, coding.interview) == ("coding", "Onsite")
    assert (coding.required_minutes, coding.done_minutes) == (120, 120)
    assert coding.coverage == pytest.approx(1.0)
    # the attempt rated Hard and the mock (3/4 = 0.75) rated Good, 11 days before the onsite.
    expected = (fsrs_recall(11, S_HARD) + fsrs_recall(11, S_GOOD)) / 2
    assert coding.recall == pytest.approx(expected, abs=1e-9)
    # K-means does not fit at all: behind by the scheduler's short minutes
    assert (coding.slack_days, coding.short_minutes) == (-2, 200)
    assert coding.practice.mock_score == pytest.approx(0.75)
    assert coding.practice.score == pytest.approx((1.0 + 0.75) / 2)


def test_skipping_takes_study_out_of_what_is_required_but_never_changes_coverage() -> None:
    progress, schedule = fixture()
    syl, plan = small_syllabus(2), plan_with(PHONE, ONSITE)

    def theory_with(**items: ItemProgress) -> RoundReadiness:
        changed = dataclasses.replace(progress, items={**progress.items, **items})
        return readiness(syl, plan, changed, schedule, D0).rounds[0]

    before = theory_with()
    # ch2 (60 minutes, 20 of them studied) skipped: no longer required; what was studied of
    # it still counts, and the rest is not covered: coverage stays 120 of 160.
    theory = theory_with(**{"book/ch2": ItemProgress(minutes_spent=20, skipped=True)})
    assert (theory.required_minutes, theory.skipped_minutes, theory.done_minutes) == (100, 60, 120)
    assert theory.coverage == pytest.approx(before.coverage) == pytest.approx(0.75)
    # done and skipped: it counts as done, as it would unskipped
    both = theory_with(**{"book/ch2": ItemProgress(minutes_spent=60, done=True, skipped=True)})
    done = theory_with(**{"book/ch2": ItemProgress(minutes_spent=60, done=True)})
    assert both.coverage == pytest.approx(done.coverage) == pytest.approx(1.0)
    # Every required item of a round skipped: nothing required, nothing covered.
    none_left = dataclasses.replace(
        progress, items={"videos/kmeans": ItemProgress(skipped=True)}, work=()
    )
    kmeans = readiness(syl, plan, none_left, schedule, D0).rounds[1]
    assert (kmeans.required_minutes, kmeans.skipped_minutes, kmeans.coverage) == (0, 120, 0.0)


def test_headlines_follow_the_stated_formula() -> None:
    progress, schedule = fixture()
    result = readiness(small_syllabus(2), plan_with(PHONE, ONSITE), progress, schedule, D0)
    phone, onsite = result.interviews
    theory = phone.rounds[0]
    assert theory.recall is not None
    assert phone.readiness == pytest.approx(0.5 * 0.75 + 0.3 * theory.recall + 0.2 * 0.5)
    # At the onsite the theory round's recall is judged 11 days after q1's review.
    onsite_theory, onsite_coding = onsite.rounds
    assert onsite_theory.recall == pytest.approx(fsrs_recall(11, S_GOOD) / 2, abs=1e-9)
    assert onsite.readiness == pytest.approx((onsite_theory.headline + onsite_coding.headline) / 2)
    assert (onsite.slack_days, onsite.feasible, onsite.short_minutes) == (-2, False, 200)
    assert onsite.round_ids == ("theory", "coding")


def test_burndown_from_the_work_log_against_the_ideal_line() -> None:
    progress, schedule = fixture()
    result = readiness(small_syllabus(2), plan_with(PHONE, ONSITE), progress, schedule, D0)
    burn = result.interviews[0].burndown
    assert (burn.start, burn.deadline, burn.total) == (d(-3), d(1), 160)
    assert burn.actual == ((d(-3), 100), (d(-2), 60), (d(-1), 40), (D0, 40))
    # 160 minutes over 5 days (Nov 22..26): 32 a day, zero from the last study day on.
    assert [v for _day, v in burn.ideal] == [128, 96, 64, 32, 0, 0, 0]
    assert burn.planned == ((D0, 10), (d(1), 0), (d(2), 0))


def test_never_practised_rounds_have_zero_recall_and_past_interviews_are_left_out() -> None:
    plan = plan_with(("Past", d(-1), ("coding",)), PHONE)
    schedule = Schedule(today=D0, days=(), interviews=())
    result = readiness(small_syllabus(3), plan, Progress(), schedule, D0)
    assert [i.name for i in result.interviews] == ["Phone"]
    (theory,) = result.rounds
    assert (theory.coverage, theory.recall, theory.slack_days) == (0.0, 0.0, 0)
    assert result.interviews[0].readiness == 0.0
    assert [w.practice_id for w in result.weakest] == ["q1", "q2", "q3"]


def test_weakest_lists_lowest_recall_first() -> None:
    progress = Progress(reviews=(review("q2", "easy", d(-1)), review("q1", "again", d(-1))))
    schedule = Schedule(today=D0, days=(), interviews=())
    result = readiness(small_syllabus(3), plan_with(PHONE), progress, schedule, D0)
    assert [w.practice_id for w in result.weakest] == ["q3", "q1", "q2"]
    assert result.weakest[0].recall == 0.0
    assert result.weakest[1].recall < result.weakest[2].recall


@settings(max_examples=30, deadline=None)
@given(
    work=st.lists(
        st.tuples(
            st.sampled_from(["book/ch1", "book/ch2", "book/extra", "videos/kmeans"]),
            st.integers(-6, 0),
            st.integers(1, 90),
        ),
        max_size=12,
    ),
    ticked=st.sets(st.sampled_from(["book/ch1", "book/ch2", "videos/kmeans"])),
    ratings=st.lists(
        st.tuples(st.integers(1, 3), st.sampled_from(["again", "good", "easy"])), max_size=6
    ),
)
def test_figures_stay_in_range_and_the_burndown_never_rises(
    work: list[tuple[str, int, int]], ticked: set[str], ratings: list[tuple[int, str]]
) -> None:
    entries = tuple(WorkEntry(d(day), item, minutes) for item, day, minutes in work)
    spent: dict[str, int] = {}
    for entry in entries:
        spent[entry.id] = spent.get(entry.id, 0) + entry.minutes
    items = {
        i: ItemProgress(
            minutes_spent=spent.get(i, 0), done=i in ticked, done_on=D0 if i in ticked else None
        )
        for i in {*spent, *ticked}
    }
    progress = Progress(
        items=items,
        work=entries,
        reviews=tuple(review(f"q{n}", r, d(-1)) for n, r in ratings),
    )
    schedule = Schedule(today=D0, days=(), interviews=())
    result = readiness(small_syllabus(3), plan_with(PHONE, ONSITE), progress, schedule, D0)
    for r in result.rounds:
        assert 0.0 <= r.coverage <= 1.0 and 0 <= r.done_minutes <= r.required_minutes
        assert r.recall is not None and 0.0 <= r.recall <= 1.0
        assert 0.0 <= r.headline <= 1.0
    for interview in result.interviews:
        assert 0.0 <= interview.readiness <= 1.0
        remaining = [v for _day, v in interview.burndown.actual]
        assert remaining == sorted(remaining, reverse=True)
        required = sum(r.required_minutes for r in interview.rounds)
        assert remaining[-1] == required - sum(r.done_minutes for r in interview.rounds)


def test_the_formula_shown_is_the_one_computed() -> None:
    import re

    from planner.core.practice.readiness import PracticeDone, RoundReadiness
    from planner.exports.status_text import FORMULA

    found = re.findall(r"(\d+(?:\.\d+)?) (coverage|recall|practice)", FORMULA)
    weights = {part: float(weight) for weight, part in found}
    assert set(weights) == {"coverage", "recall", "practice"}
    practice = PracticeDone(items=4, practised=1, reviews=1, attempts=0, mocks=0, mock_score=None)
    r = RoundReadiness(
        round_id="r",
        name="R",
        interview="I",
        date=dt.date(2026, 12, 1),
        coverage=0.4,
        recall=0.7,
        practice=practice,
        slack_days=0,
        short_minutes=0,
        required_minutes=100,
        done_minutes=40,
    )
    expected = weights["coverage"] * 0.4 + weights["recall"] * 0.7 + weights["practice"] * 0.25
    assert r.headline == pytest.approx(expected)
