"""SVG snapshots of the Practice and Readiness screens at 120x40: bundled syllabus, fixed
date, a store with some study, reviews, a coding attempt and a mock round."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from planner.core.practice.drill import DESIGN_FRAMEWORK
from planner.core.progress import Attempt, MockRound
from planner.store.store import Store
from tests.tui_support import TODAY, make_app, store_with_plan


def at(days_ago: int, hour: int = 20) -> dt.datetime:
    day = TODAY - dt.timedelta(days=days_ago)
    return dt.datetime(day.year, day.month, day.day, hour, tzinfo=dt.UTC)


def practised_store(data_dir: Path) -> Store:
    store = store_with_plan(data_dir)
    store.record_done("hundred-page-ml/ch05", TODAY - dt.timedelta(days=3), 60)
    store.record_done("theory-list/regularization", TODAY - dt.timedelta(days=2), 30)
    store.add_minutes("hundred-page-ml/ch04", 20, TODAY - dt.timedelta(days=1))
    store.record_review("q-bias-variance", "again", at(4), 2)
    store.record_review("q-overfitting-regularization", "good", at(3), 2)
    store.record_review("q-l1-vs-l2", "easy", at(2), 2)
    store.record_attempt(
        Attempt("code-kmeans", "solved-with-help", 42, at(2), "forgot to re-seed empty clusters")
    )
    scores = dict(zip(DESIGN_FRAMEWORK, (2, 1, 2, 1, 1, 0, 2, 1, 0), strict=True))
    store.record_mock(
        MockRound("design-youtube-recs", scores, 45, at(1), "ran out of time on [serving]")
    )
    return store


def test_practice_screen(snap_compare: Any, data_dir: Path) -> None:
    app = make_app(practised_store(data_dir))
    assert snap_compare(app, press=["4"], terminal_size=(120, 40))


def test_readiness_screen(snap_compare: Any, data_dir: Path) -> None:
    app = make_app(practised_store(data_dir))
    assert snap_compare(app, press=["5"], terminal_size=(120, 40))


def demo_store(data_dir: Path) -> Store:
    """The screenshots' demo: three weeks of work, reviews, an attempt and a mock."""
    from planner.tui.screenshots import seed_demo

    store = Store.open(data_dir)
    seed_demo(store)
    return store


def test_history_screen(snap_compare: Any, data_dir: Path) -> None:
    from planner.tui.screenshots import DEMO_TODAY

    app = make_app(demo_store(data_dir), DEMO_TODAY)
    assert snap_compare(app, press=["6"], terminal_size=(120, 40))


def test_history_screen_small_terminal(snap_compare: Any, data_dir: Path) -> None:
    from planner.tui.screenshots import DEMO_TODAY

    app = make_app(demo_store(data_dir), DEMO_TODAY)
    assert snap_compare(app, press=["6"], terminal_size=(80, 24))


def test_history_screen_light(snap_compare: Any, data_dir: Path) -> None:
    from planner.tui.screenshots import DEMO_TODAY

    app = make_app(demo_store(data_dir), DEMO_TODAY)

    async def light(pilot: Any) -> None:
        pilot.app.theme = "textual-light"
        await pilot.press("6")
        await pilot.pause()

    assert snap_compare(app, run_before=light, terminal_size=(120, 40))
