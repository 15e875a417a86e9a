"""History: minutes per day and week (by round) against the plan's, streaks and reviews,
computed from the work log; the same figures in `planner history --json`."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.cli import cli
from planner.core.plan import DayOff, Plan
from planner.core.practice.history import OTHER_ROUND, history, streaks
from planner.core.progress import Progress, Review, WorkEntry
from planner.store.store import Store
from planner.tui.screenshots import DEMO_TODAY, seed_demo
from tests.tui_support import bundled

MONDAY = dt.date(2026, 11, 2)
PLAN = Plan(weekday_minutes=(60, 60, 60, 60, 60, 120, 0), start=MONDAY)


def day(n: int) -> dt.date:
    return MONDAY + dt.timedelta(days=n)


def test_days_weeks_rounds_and_reviews() -> None:
    progress = Progress(
        work=(
            WorkEntry(day(0), "hundred-page-ml/ch02", 45),  # phone-screen first
            WorkEntry(day(0), "assemblyai-mlfs/knn", 20),  # ml-coding
            WorkEntry(day(2), "gone/item", 10),  # no longer in the syllabus
            WorkEntry(day(8), "q-bias-variance", 2, kind="review"),
            WorkEntry(day(20), "hundred-page-ml/ch03", 30),  # after "today": left out
        ),
        reviews=(Review("q-bias-variance", "good", dt.datetime(2026, 11, 10, 20, tzinfo=dt.UTC)),),
    )
    result = history(bundled(), PLAN, progress, day(9))
    assert [d.date for d in result.days] == [day(n) for n in range(10)]
    assert result.days[0].by_round == {"phone-screen": 45, "ml-coding": 20}
    assert result.days[2].by_round == {OTHER_ROUND: 10}
    assert result.rounds == ("phone-screen", "ml-coding", OTHER_ROUND)  # the syllabus's order
    assert result.total_minutes == 77 and result.days_with_work == 3
    first, second = result.weeks
    assert (first.start, first.minutes, first.planned) == (day(0), 75, 60 * 5 + 120)
    assert (second.start, second.minutes, second.planned, second.reviews) == (day(7), 2, 180, 1)
    assert result.reviews == {"again": 0, "hard": 0, "good": 1, "easy": 0}
    assert result.days[8].reviews == {"good": 1}


def test_streaks_skip_days_off_and_wait_for_today() -> None:
    plan = Plan(
        weekday_minutes=(60, 60, 60, 60, 60, 0, 0),
        start=MONDAY,
        days_off=(DayOff(start=day(2), end=day(2)),),
    )
    # Mon, Tue worked; Wed a day off; Thu, Fri worked; the weekend has no minutes in the
    # plan; next Mon worked, Tue (today) not yet.
    worked = [0, 1, 3, 4, 7]
    progress = Progress(work=tuple(WorkEntry(day(n), "hundred-page-ml/ch02", 10) for n in worked))
    result = history(bundled(), plan, progress, day(8))
    assert (result.current_streak, result.longest_streak) == (5, 5)
    # a study day with nothing done ends the run
    progress = Progress(
        work=tuple(WorkEntry(day(n), "hundred-page-ml/ch02", 10) for n in (0, 1, 4, 7, 8))
    )
    result = history(bundled(), plan, progress, day(9))
    assert (result.current_streak, result.longest_streak) == (3, 3)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 40), st.integers(1, 120), st.booleans()), max_size=30),
    st.integers(0, 40),
)
def test_the_figures_add_up(entries: list[tuple[int, int, bool]], today_n: int) -> None:
    ids = ("hundred-page-ml/ch02", "assemblyai-mlfs/knn")
    work = tuple(WorkEntry(day(n), ids[int(flag)], m) for n, m, flag in entries)
    result = history(bundled(), PLAN, Progress(work=work), day(today_n))
    counted = sum(m for n, m, _ in entries if n <= today_n)
    assert result.total_minutes == counted
    assert sum(w.minutes for w in result.weeks) == counted
    assert sum(sum(d.by_round.values()) for d in result.days) == counted
    assert result.current_streak <= result.longest_streak <= result.days_with_work
    assert all(
        w.planned
        == sum(
            PLAN.capacity(d.date)
            for d in result.days
            if w.start <= d.date < w.start + dt.timedelta(days=7)
        )
        for w in result.weeks
    )
    assert streaks(result.days, result.today) == (result.current_streak, result.longest_streak)


def test_planner_history_json_matches_the_events(data_dir: Path) -> None:
    with Store.open(data_dir) as store:
        seed_demo(store)
        events = store.events()
        progress = store.load_progress()
    args = ["--data-dir", str(data_dir), "--today", DEMO_TODAY.isoformat(), "history", "--json"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    document = json.loads(result.output)
    spent = sum(
        int(e.payload.get("minutes") or 0)
        for e in events
        if not e.undone and e.action in ("done", "minutes", "review", "attempt", "mock")
    )
    assert document["total_minutes"] == spent == sum(w.minutes for w in progress.work)
    assert sum(w["minutes"] for w in document["weeks"]) == spent
    reviews = [e for e in events if e.action == "review" and not e.undone]
    assert sum(document["reviews"].values()) == len(reviews)
    assert len(document["weeks"]) >= 3  # three weeks of demo work
    by_day = {d["date"]: d["minutes"] for d in document["days"]}
    for entry in progress.work:
        assert by_day[entry.on.isoformat()] >= entry.minutes
    weeks = CliRunner().invoke(cli, [*args, "--weeks", "1"])
    assert len(json.loads(weeks.output)["weeks"]) == 1


def test_planner_history_text(data_dir: Path) -> None:
    with Store.open(data_dir) as store:
        seed_demo(store)
    args = ["--data-dir", str(data_dir), "--today", DEMO_TODAY.isoformat(), "history"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].startswith("History to 2026-11-25: ")
    assert any(line.startswith("2026-11-02 ") for line in lines)
    bad = CliRunner().invoke(cli, [*args, "--weeks", "0"])
    assert bad.exit_code == 2
