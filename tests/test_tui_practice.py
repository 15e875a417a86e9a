"""Pilot tests of practice: a review session, a full drill on a controllable clock, a mock
round saved and shown in the log, a coding task that comes back in the schedule, a kata
started from Practice and checked in the background."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Static

from planner.core.plan import Interview, Plan
from planner.core.practice.drill import DESIGN_FRAMEWORK
from planner.core.syllabus.loading import load_syllabus
from planner.paths import bundled_syllabus
from planner.store.store import Store
from planner.tui.app import PlannerApp
from planner.tui.screens.coding_task import CodingTaskScreen
from planner.tui.screens.drill import DrillScreen
from planner.tui.screens.mock_round import MockRoundScreen
from planner.tui.screens.practice import PracticeScreen
from planner.tui.screens.review_session import ReviewSessionScreen
from planner.tui.widgets.countdown import Countdown
from planner.tui.widgets.kata_panel import KataPanel

TODAY = dt.date(2026, 11, 25)
PLAN = Plan(
    interviews=(
        Interview(name="Meta phone screen", date=dt.date(2026, 12, 4), rounds=("phone-screen",)),
        Interview(
            name="Onsite",
            date=dt.date(2026, 12, 23),
            rounds=("ml-coding", "ml-theory", "ml-design"),
        ),
    ),
    start=TODAY,
)


class FakeClock:
    """The time the app sees; tests move it on."""

    def __init__(self) -> None:
        self.now = dt.datetime(2026, 11, 25, 19, 0, tzinfo=dt.UTC)

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, minutes: float) -> None:
        self.now += dt.timedelta(minutes=minutes)


Started = Callable[..., AbstractAsyncContextManager[tuple[PlannerApp, Pilot[None]]]]


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def store(data_dir: Path) -> Store:
    opened = Store.open(data_dir)
    opened.save_plan(PLAN)
    return opened


@pytest.fixture
def started(store: Store, clock: FakeClock) -> Started:
    @asynccontextmanager
    async def start(today: dt.date = TODAY) -> AsyncIterator[tuple[PlannerApp, Pilot[None]]]:
        syllabus = load_syllabus([bundled_syllabus()])
        app = PlannerApp(syllabus=syllabus, store=store, today=today, clock=clock)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("4")
            await pilot.pause()
            assert isinstance(app.screen, PracticeScreen)
            yield app, pilot

    return start


def rows(app: PlannerApp, table_id: str) -> list[list[str]]:
    table = app.screen.query_one(table_id, DataTable)
    return [[str(c) for c in table.get_row_at(n)] for n in range(table.row_count)]


def text_of(app: PlannerApp, widget_id: str) -> str:
    return str(app.screen.query_one(widget_id, Static).render())


async def test_review_session_reveals_the_answer_and_stores_the_rating(
    started: Started, store: Store
) -> None:
    store.record_review("q-bias-variance", "again", dt.datetime(2026, 11, 20, 19, tzinfo=dt.UTC), 2)
    store.save_note("q-bias-variance", "my [bold]own[/bold] words")
    async with started() as (app, pilot):
        assert rows(app, "#practice-items")[0][:2] == [
            "Review",
            "Explain the bias-variance tradeoff.",
        ]
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, ReviewSessionScreen)
        assert "bias-variance" in text_of(app, "#prompt")
        await pilot.press("3")  # no rating before the answer is shown
        await pilot.pause()
        assert len(store.load_progress().reviews) == 1
        await pilot.press("space")
        await pilot.pause()
        answer = text_of(app, "#answer")
        assert "Answer outline" in answer and "irreducible noise" in answer
        assert "Ch. 5" in answer or "Study" in answer
        assert "my [bold]own[/bold] words" in answer  # notes shown as text, not markup
        await pilot.press("3")
        await pilot.pause()
        assert isinstance(app.screen, PracticeScreen)
        latest = store.load_progress().reviews[-1]
        assert (latest.practice_id, latest.rating) == ("q-bias-variance", "good")
        assert latest.at == dt.datetime(2026, 11, 25, 19, tzinfo=dt.UTC)
        assert all(r[0] != "Review" for r in rows(app, "#practice-items"))


async def test_full_drill_on_a_controllable_clock(
    started: Started, store: Store, clock: FakeClock
) -> None:
    async with started() as (app, pilot):
        await pilot.press("d")
        await pilot.pause()
        drill = app.screen
        assert isinstance(drill, DrillScreen)
        assert len(drill.practice_ids) == 10
        assert "15:00 left" in str(drill.query_one(Countdown).render())
        for n in range(10):
            assert f"Drill question {n + 1} of 10" in text_of(app, "#session-progress")
            clock.advance(1)
            await pilot.press("space", "4" if n % 2 else "2")
            await pilot.pause()
        assert drill.finished
        summary = text_of(app, "#drill-summary")
        assert "10 of 10 questions in 10:00" in summary
        assert "ratings: hard 5, easy 5" in summary
        assert "not reached" not in summary
        assert len(store.load_progress().reviews) == 10
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PracticeScreen)


async def test_drill_ends_when_the_countdown_runs_out(
    started: Started, store: Store, clock: FakeClock
) -> None:
    async with started() as (app, pilot):
        await pilot.press("d")
        await pilot.pause()
        drill = app.screen
        assert isinstance(drill, DrillScreen)
        for _ in range(3):
            clock.advance(2)
            await pilot.press("space", "3")
        clock.advance(8.5)
        countdown = drill.query_one(Countdown)
        countdown.tick()
        await pilot.pause()
        assert "00:30 left" in str(countdown.render())
        assert not drill.finished
        clock.advance(1)
        countdown.tick()
        await pilot.pause()
        assert drill.finished
        assert "Time is up" in str(countdown.render())
        summary = text_of(app, "#drill-summary")
        assert "3 of 10 questions in 15:00 (time is up)" in summary
        assert "not reached: 7" in summary
        await pilot.press("3")  # nothing left to rate
        assert len(store.load_progress().reviews) == 3


async def test_mock_round_is_saved_and_shown_in_the_log(
    started: Started, store: Store, clock: FakeClock
) -> None:
    async with started() as (app, pilot):
        await pilot.press("m")
        await pilot.pause()
        mock = app.screen
        assert isinstance(mock, MockRoundScreen)
        assert "45:00 left" in str(mock.query_one(Countdown).render())
        await pilot.press("2", "2", "1", "0", "2", "1", "2", "1", "2")
        await pilot.press("tab")
        await pilot.press(*"forgot [b]latency[/b]")
        clock.advance(40)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PracticeScreen)
        (saved,) = store.load_progress().mocks
        assert saved.practice_id == mock.practice_id
        assert dict(saved.scores) == dict(
            zip(DESIGN_FRAMEWORK, [2, 2, 1, 0, 2, 1, 2, 1, 2], strict=True)
        )
        assert (saved.minutes, saved.notes) == (40, "forgot [b]latency[/b]")
        (logged,) = rows(app, "#practice-log")
        prompt = app.workspace.syllabus.practice_item(saved.practice_id)
        assert prompt is not None and logged[2].startswith(prompt.prompt[:20])
        assert logged[1] == "mock"
        assert logged[3:] == ["13/18 (72%)", "40", "forgot [b]latency[/b]"]
        assert "1 mock round done" in text_of(app, "#practice-summary")


async def test_coding_task_solved_with_help_comes_back_in_the_schedule(
    started: Started, store: Store, clock: FakeClock
) -> None:
    task = "code-linear-regression"
    async with started() as (app, pilot):
        await pilot.press("c")
        await pilot.pause()
        coding = app.screen
        assert isinstance(coding, CodingTaskScreen)
        assert coding.practice_id == task
        await pilot.press("ctrl+s")  # no outcome chosen yet: nothing saved
        assert store.load_progress().attempts == ()
        await pilot.press("down", "enter")
        await pilot.press("tab", *"needed the gradient formula")
        clock.advance(33)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PracticeScreen)
        (attempt,) = store.load_progress().attempts
        assert (attempt.outcome, attempt.minutes) == ("solved-with-help", 33)
        assert attempt.notes == "needed the gradient formula"
        first = rows(app, "#practice-items")[0]
        assert first[0] == "Re-practice" and first[3] == "solved with help"
    # The next day the scheduler brings it back as a drill before the onsite.
    tomorrow = TODAY + dt.timedelta(days=1)
    async with started(tomorrow) as (app, _pilot):
        drills = [
            day
            for day, session in app.workspace.schedule.sessions_of(task)
            if session.kind == "drill"
        ]
        assert drills and tomorrow <= drills[0] < dt.date(2026, 12, 23)
        queue = [r for r in rows(app, "#practice-items") if r[0] == "Re-practice"]
        assert len(queue) == 1 and queue[0][3] == "solved with help"


async def test_solved_coding_task_is_not_brought_back(
    started: Started, store: Store, clock: FakeClock
) -> None:
    async with started() as (app, pilot):
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("enter", "ctrl+s")  # the first outcome: solved
        await pilot.pause()
        (attempt,) = store.load_progress().attempts
        assert attempt.outcome == "solved"
        assert all(r[0] != "Re-practice" for r in rows(app, "#practice-items"))
        sessions = app.workspace.schedule.sessions_of("code-linear-regression")
        assert all(s.kind != "drill" for _day, s in sessions)


async def test_review_keys_are_in_the_footer_and_the_palette(started: Started) -> None:
    async with started() as (app, pilot):
        ids = {b.binding.id for b in app.screen.active_bindings.values()}
        assert {"practice.review", "practice.drill", "practice.mock", "practice.coding"} <= ids
        await pilot.press("5")
        await pilot.pause()
        ids = {b.binding.id for b in app.screen.active_bindings.values()}
        assert {"readiness.review", "readiness.drill"} <= ids


async def test_planned_reviews_show_on_today_within_its_capacity(
    started: Started, store: Store
) -> None:
    store.record_review("q-bias-variance", "good", dt.datetime(2026, 11, 23, 19, tzinfo=dt.UTC), 2)
    async with started() as (app, pilot):
        today = app.workspace.schedule.day(TODAY)
        assert today is not None
        reviews = [s for s in today.sessions if s.kind == "review"]
        assert [(s.id, s.minutes) for s in reviews] == [("q-bias-variance", 2)]
        assert today.used <= today.capacity
        await pilot.press("1")
        await pilot.pause()
        shown = [(str(row[1]), str(row[2])) for row in rows(app, "#sessions")]
        assert ("Explain the bias-variance tradeoff.", "Review") in shown
        # enter on the review row opens that very review
        table = app.screen.query_one("#sessions", DataTable)
        table.move_cursor(row=table.get_row_index("q-bias-variance"))
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, ReviewSessionScreen)
        assert app.screen.current == "q-bias-variance"


async def test_undo_is_off_in_the_middle_of_a_mock_round(
    started: Started, store: Store, clock: FakeClock
) -> None:
    store.record_done("hundred-page-ml/ch02", TODAY, 45)
    async with started() as (app, pilot):
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, MockRoundScreen)
        await pilot.press("u")
        await pilot.pause()
        assert isinstance(app.screen, MockRoundScreen)
        assert store.load_progress().is_done("hundred-page-ml/ch02")  # not undone
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("u")
        await pilot.pause()
        assert not store.load_progress().is_done("hundred-page-ml/ch02")


async def test_a_review_records_the_minutes_it_took(
    started: Started, store: Store, clock: FakeClock
) -> None:
    store.record_review("q-bias-variance", "again", dt.datetime(2026, 11, 20, 19, tzinfo=dt.UTC), 2)
    async with started() as (app, pilot):
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, ReviewSessionScreen)
        clock.advance(3.5)
        await pilot.press("space", "3")
        await pilot.pause()
    today = [w for w in store.load_progress().work if w.on == TODAY and w.kind == "review"]
    assert [(w.id, w.minutes) for w in today] == [("q-bias-variance", 4)]


@pytest.mark.parametrize(
    ("today", "interview", "screen"),
    [
        (dt.date(2026, 12, 3), "Meta phone screen", DrillScreen),  # questions only
        (dt.date(2026, 12, 22), "Onsite", CodingTaskScreen),  # a timed coding task first
    ],
)
async def test_a_mock_day_session_opens_what_the_mock_holds(
    started: Started, today: dt.date, interview: str, screen: type
) -> None:
    async with started(today) as (app, pilot):
        day = app.workspace.schedule.day(today)
        assert day is not None
        (mock,) = [s for s in day.sessions if s.kind == "mock"]
        assert mock.id == interview and mock.holds
        practice = app.screen
        assert isinstance(practice, PracticeScreen)
        practice.open_session(interview, "mock")
        await pilot.pause()
        assert isinstance(app.screen, screen)
        if isinstance(app.screen, CodingTaskScreen):
            assert app.screen.practice_id == mock.holds[0].id


KATA_SOLUTIONS = Path(__file__).parent / "katas"


async def _until_checked(panel: KataPanel) -> None:
    for _ in range(600):
        if not panel.running:
            return
        await asyncio.sleep(0.05)
    raise AssertionError("the checks did not finish")


async def test_a_kata_from_practice_checked_correct_is_stored_as_solved(
    started: Started, store: Store, clock: FakeClock, data_dir: Path
) -> None:
    async with started() as (app, pilot):
        await pilot.press("k")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CodingTaskScreen) and screen.kata is not None
        starter = data_dir / "katas" / screen.kata.file_name
        assert starter.is_file()
        assert "raise NotImplementedError" in starter.read_text(encoding="utf-8")
        panel = screen.query_one(KataPanel)
        assert str(starter) in str(panel.query_one("#kata-status").render())
        # the untouched starter: every check fails, nothing is stored
        await pilot.press("ctrl+r")
        await _until_checked(panel)
        await pilot.pause()
        table = panel.query_one(DataTable)
        assert table.row_count >= 4
        assert all(str(table.get_row_at(i)[0]) == "✗" for i in range(table.row_count))
        assert store.load_progress().attempts == ()
        # the person writes a correct solution, and checks again
        header = "".join(starter.read_text(encoding="utf-8").splitlines(True)[:2])
        solution = (KATA_SOLUTIONS / screen.kata.file_name).read_text(encoding="utf-8")
        starter.write_text(header + solution, encoding="utf-8")
        clock.advance(21)
        await pilot.press("ctrl+r")
        await _until_checked(panel)
        await pilot.pause()
        assert all(str(table.get_row_at(i)[0]) == "✓" for i in range(table.row_count))
        (attempt,) = store.load_progress().attempts
        assert (attempt.practice_id, attempt.outcome, attempt.minutes) == (
            screen.practice_id,
            "solved",
            21,
        )
        assert attempt.notes.endswith("checks passed")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PracticeScreen)
        assert len(store.load_progress().attempts) == 1
        # t on Practice: the same task opened with its newest attempt checked at once
        clock.advance(5)
        await pilot.press("t")
        await pilot.pause()
        again = app.screen
        assert isinstance(again, CodingTaskScreen) and again.practice_id == attempt.practice_id
        await _until_checked(again.query_one(KataPanel))
        await pilot.pause()
        assert [a.outcome for a in store.load_progress().attempts] == ["solved", "solved"]
        assert len(list((data_dir / "katas").iterdir())) == 1


async def test_the_kata_keys_show_only_for_a_task_with_a_kata(started: Started) -> None:
    async with started() as (app, pilot):
        await pilot.press("c")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CodingTaskScreen)
        assert screen.check_action("check", ()) is True
        screen.kata = None
        assert screen.check_action("check", ()) is False
        assert screen.check_action("starter", ()) is False


async def test_the_mock_round_runs_its_parts_in_turn_and_what_is_done_leaves_today(
    data_dir: Path, clock: FakeClock
) -> None:
    # A phone screen with coding: a timed coding question, then a rapid-fire drill.
    mock_day = dt.date(2026, 12, 3)
    rounds = ("phone-screen", "dsa-coding")
    phone = Interview(name="Phone", date=dt.date(2026, 12, 4), rounds=rounds)
    store = Store.open(data_dir)
    store.save_plan(Plan(interviews=(phone,), start=TODAY))
    clock.now = dt.datetime.combine(mock_day, dt.time(19), tzinfo=dt.UTC)
    syllabus = load_syllabus([bundled_syllabus()])
    app = PlannerApp(syllabus=syllabus, store=store, today=mock_day, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        day = app.workspace.schedule.day(mock_day)
        assert day is not None
        (mock,) = [s for s in day.sessions if s.kind == "mock"]
        assert [h.kind for h in mock.holds] == ["coding", "drill"]
        await pilot.press("4")
        await pilot.pause()
        practice = app.screen
        assert isinstance(practice, PracticeScreen)
        practice.open_session("Phone", "mock")
        await pilot.pause()
        coding = app.screen
        assert isinstance(coding, CodingTaskScreen)
        assert coding.practice_id == mock.holds[0].id
        await pilot.press("enter")  # solved
        clock.advance(25)
        await pilot.press("ctrl+s")
        await pilot.pause()
        drill = app.screen  # the next part follows at once
        assert isinstance(drill, DrillScreen) and drill.minutes == mock.holds[1].minutes
        questions = {
            p.id for p in syllabus.practice if p.kind == "question" and "phone-screen" in p.rounds
        }
        assert set(drill.practice_ids) <= questions
        while not drill.finished:
            clock.advance(2)
            await pilot.press("space", "3")
            await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PracticeScreen)
        await app.workers.wait_for_complete()
        work = [w for w in store.load_progress().work if w.on == mock_day]
        drilled = [w for w in work if w.kind == "drill" and w.id in questions]
        assert drilled and any(w.kind == "coding" and w.id == coding.practice_id for w in work)
        day = app.workspace.schedule.day(mock_day)
        assert day is not None  # every part done: the mock round holds no more time today
        assert not [s for s in day.sessions if s.kind == "mock"]
