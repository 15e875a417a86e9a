"""Numbers that do not mislead (issue 11.6): today's minutes are done against the day's
capacity, and a day that ran over says so; the reviews of today are one count, the same on
Practice as the rows Today lists."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from textual.widgets import Label, Static

from planner.core.summaries import TodayTotals
from planner.store.store import Store
from planner.tui.screens.practice import PracticeScreen
from planner.tui.screens.today import TodayScreen
from planner.tui.widgets.minutes_bar import MinutesBar
from tests.tui_support import TODAY, bundled, fixed_plan, make_app, store_with_plan


def test_totals_are_done_against_capacity() -> None:
    assert TodayTotals(27, 25, 60).text == "27m of 1h today"
    assert TodayTotals(80, 0, 60).text == "1h20m of 1h today, 20m over"
    assert TodayTotals(80, 0, 60).fraction == 80 / 60
    assert TodayTotals(0, 0, 0).text == "A day off"
    assert TodayTotals(30, 0, 0).text == "30m today, a day off"


async def test_today_shows_done_against_the_days_minutes_and_running_over(
    store: Store,
) -> None:
    app = make_app(store)
    capacity = fixed_plan().capacity(TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, TodayScreen)
        label = screen.query_one("#minutes-label", Label)
        assert str(label.render()).endswith(f"of {capacity // 60}h{capacity % 60}m today")
        item_id = next(r.id for r in screen._rows if r.kind == "study")
        app.workspace.add_minutes(item_id, capacity + 20)  # more than the whole day
        screen.changed()
        await pilot.pause()
        assert str(label.render()).endswith("today, 20m over")
        bar = screen.query_one(MinutesBar)
        assert bar.value > 1 and bar.fraction == 1
        assert "%" in str(bar.render())


async def test_practice_counts_the_reviews_today_lists(data_dir: object) -> None:
    from pathlib import Path

    assert isinstance(data_dir, Path)
    store = store_with_plan(data_dir, replace(fixed_plan(), weekday_minutes=(60,) * 7))
    questions = [p.id for p in bundled().practice if p.kind == "question"][:9]
    for pid in questions:  # reviewed four days ago: due again by now
        store.record_review(pid, "hard", dt.datetime(2026, 11, 21, 19, tzinfo=dt.UTC), 2)
    app = make_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, TodayScreen)
        listed = [r for r in screen._rows if r.kind == "review" and not r.done]
        await pilot.press("4")
        await pilot.pause()
        practice = app.screen
        assert isinstance(practice, PracticeScreen)
        due = [r for r in practice._rows if r.section == "review"]
        assert len(due) > len(listed) > 0  # more due than today holds
        summary = str(practice.query_one("#practice-summary", Static).render())
        more = len(due) - len(listed)
        assert summary.startswith(
            f"{len(listed)} review{'' if len(listed) == 1 else 's'} today "
            f"({more} more due, no time today)"
        )
