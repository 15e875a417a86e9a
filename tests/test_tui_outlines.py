"""Coding tasks and mock design rounds show their answer outline once the attempt is over,
or on ctrl+o after a warning (issue 11.3); the mock says that a score moves to the next
step."""

from __future__ import annotations

from textual.widgets import RadioSet, Static

from planner.core.practice.drill import DESIGN_FRAMEWORK
from planner.store.store import Store
from planner.tui.screens.coding_task import CodingTaskScreen
from planner.tui.screens.mock_round import SCORING_HINT, MockRoundScreen
from planner.tui.widgets.answer_outline import EARLY_WARNING, AnswerOutline
from planner.tui.widgets.countdown import Countdown
from tests.tui_support import bundled, make_app

SIZE = (80, 24)


def outline_of(practice_id: str) -> str:
    practice = bundled().practice_item(practice_id)
    assert practice is not None and practice.answer
    return practice.answer.strip()


def shown_outline(screen: object) -> str | None:
    assert isinstance(screen, CodingTaskScreen | MockRoundScreen)
    outline = screen.query_one(AnswerOutline)
    return str(outline.render()) if outline.shown and outline.display else None


async def test_the_coding_outline_needs_two_asks_during_the_attempt(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await app.push_screen(CodingTaskScreen("code-kmeans"))
        await pilot.pause()
        assert shown_outline(app.screen) is None
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert shown_outline(app.screen) is None
        assert any(EARLY_WARNING in str(n.message) for n in app._notifications)
        await pilot.press("ctrl+o")
        await pilot.pause()
        text = shown_outline(app.screen)
        assert text is not None and outline_of("code-kmeans").splitlines()[0] in text


async def test_choosing_the_outcome_shows_the_coding_outline(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await app.push_screen(CodingTaskScreen("code-knn"))
        await pilot.pause()
        app.screen.query_one(RadioSet).focus()
        await pilot.press("enter")  # the first outcome chosen
        await pilot.pause()
        text = shown_outline(app.screen)
        assert text is not None and outline_of("code-knn").splitlines()[0] in text


async def test_time_up_shows_the_outline(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await app.push_screen(CodingTaskScreen("code-pca"))
        await pilot.pause()
        countdown = app.screen.query_one(Countdown)
        countdown.post_message(Countdown.Expired())
        await pilot.pause()
        assert shown_outline(app.screen) is not None


async def test_the_mock_says_how_scores_move_and_shows_the_outline_at_the_end(
    store: Store,
) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await app.push_screen(MockRoundScreen("design-youtube-recs"))
        await pilot.pause()
        hint = app.screen.query_one("#checklist-hint", Static)
        assert str(hint.render()) == SCORING_HINT and hint.region.height == 1
        for _ in DESIGN_FRAMEWORK[:-1]:
            await pilot.press("2")
        await pilot.pause()
        assert shown_outline(app.screen) is None
        await pilot.press("1")  # the last step
        await pilot.pause()
        text = shown_outline(app.screen)
        assert text is not None and outline_of("design-youtube-recs").splitlines()[0] in text
