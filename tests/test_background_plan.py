"""When making the schedule takes long: an action shows at once and the new schedule follows
from the background; tomorrow's schedule is prepared while the app is idle and the first
start tomorrow opens on it; the command line keeps and reuses schedules as the app does."""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner
from textual.pilot import Pilot
from textual.widgets import Static

from planner.caches import schedule as kept_schedule
from planner.caches.syllabus import load_syllabus_cached
from planner.cli import cli
from planner.core.planning import full_schedule, reviews_and_schedule
from planner.core.schedule import scheduler
from planner.core.summaries import provisional_schedule, today_rows, today_totals
from planner.core.syllabus.model import Syllabus
from planner.paths import bundled_syllabus
from planner.store.store import Store
from planner.tui import background
from planner.tui.app import PlannerApp
from planner.tui.child_process import THREADS_ENV
from planner.tui.screens.today import UPDATING, TodayScreen
from planner.workspace import Workspace
from tests.tui_support import TODAY, bundled, fixed_plan, store_with_plan

TOMORROW = TODAY + dt.timedelta(days=1)


@pytest.fixture
def syllabus(tmp_path: Path) -> Syllabus:
    loaded = load_syllabus_cached([bundled_syllabus()], tmp_path / "syllabi")
    assert loaded.digest
    return loaded


@pytest.fixture
def kept(tmp_path: Path, data_dir: Path) -> Path:
    return kept_schedule.cache_file(tmp_path / "cache", data_dir)


def no_scheduling(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("scheduled although a kept schedule was current")

    monkeypatch.setattr(scheduler, "schedule", refuse)
    monkeypatch.setattr(scheduler, "draft_schedule", refuse)
    monkeypatch.setattr(scheduler, "draft", refuse)


def first_study(ws: Workspace) -> str:
    day = ws.schedule.day(TODAY)
    assert day is not None
    return next(s.id for s in day.sessions if s.kind == "study")


# --- the workspace ----------------------------------------------------------------------


def test_after_an_action_the_schedule_is_made_by_replan_and_adopted(store: Store) -> None:
    ws = Workspace(bundled(), store, TODAY)
    assert ws.shown_schedule is None and ws.replan() is not None  # nothing made yet
    before = ws.schedule
    assert ws.replan() is None and ws.shown_schedule is before  # at hand
    ws.tick(first_study(ws))
    assert not ws.schedule_ready and ws.shown_schedule is before
    job = ws.replan()
    assert job is not None
    version, compute = job
    computed = compute()
    assert ws.adopt_schedule(version - 1, computed) is False  # for an older state
    assert ws.adopt_schedule(version, computed) is True
    assert ws.version == version + 1 and ws.schedule is computed[1]
    assert list(ws.planned_reviews()) == computed[0]
    expected = reviews_and_schedule(bundled(), fixed_plan(), ws.progress, TODAY, fixes=False)
    assert computed == expected
    assert ws.adopt_schedule(ws.version, computed) is False  # at hand already


def test_a_replan_for_a_state_changed_since_is_refused(store: Store) -> None:
    ws = Workspace(bundled(), store, TODAY)
    ws.tick(first_study(ws))
    job = ws.replan()
    assert job is not None
    ws.add_minutes(first_study(ws), 15)  # (computes the schedule of the tick on the way)
    assert ws.adopt_schedule(job[0], job[1]()) is False
    assert ws.schedule == full_schedule(bundled(), fixed_plan(), ws.progress, TODAY, fixes=False)


def test_the_provisional_schedule_leaves_out_what_was_done_since(store: Store) -> None:
    ws = Workspace(bundled(), store, TODAY)
    before = ws.schedule
    item_id = first_study(ws)
    ws.tick(item_id)
    shown = provisional_schedule(before, ws.progress, TODAY)
    rows = today_rows(ws.syllabus, shown, ws.progress, TODAY)
    row = next(r for r in rows if r.id == item_id)
    assert row.done and row.planned_minutes == 0
    day = before.day(TODAY)
    assert day is not None
    planned = sum(s.minutes for s in day.sessions)
    # the ticked minutes count once: as done, no longer as planned
    totals = today_totals(rows, day.capacity)
    assert totals.done_minutes + totals.planned_minutes == planned
    assert [d.date for d in shown.days] == [d.date for d in before.days]
    assert shown.interviews == before.interviews


def test_tomorrow_is_prepared_and_the_first_start_tomorrow_opens_on_it(
    store: Store, syllabus: Syllabus, kept: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws = Workspace(syllabus, store, TODAY, schedule_cache=kept)
    ws.tick(first_study(ws))
    prepare = ws.next_day_preparation()
    assert prepare is not None and ws.next_day_preparation() is None  # once per version
    prepare()
    assert kept_schedule.day_file(kept, TOMORROW).exists()
    assert kept_schedule.day_file(kept, TODAY).exists()  # today's is kept too
    expected = Workspace(bundled(), store, TOMORROW)
    expected_schedule, expected_reviews = expected.schedule, list(expected.planned_reviews())
    no_scheduling(monkeypatch)
    tomorrow = Workspace(syllabus, store, TOMORROW, schedule_cache=kept)
    assert tomorrow.schedule == expected_schedule
    assert list(tomorrow.planned_reviews()) == expected_reviews
    assert Workspace(bundled(), store, TODAY).next_day_preparation() is None  # nothing kept


def test_a_change_after_preparing_tomorrow_is_not_missed(
    store: Store, syllabus: Syllabus, kept: Path
) -> None:
    ws = Workspace(syllabus, store, TODAY, schedule_cache=kept)
    prepare = ws.next_day_preparation()
    assert prepare is not None
    prepare()
    ws.tick(first_study(ws))  # after tomorrow was prepared
    tomorrow = Workspace(syllabus, store, TOMORROW, schedule_cache=kept)
    assert tomorrow.schedule == Workspace(bundled(), store, TOMORROW).schedule
    assert ws.next_day_preparation() is not None  # a new state: prepared again


def test_kept_schedules_of_days_far_from_the_one_written_are_removed(
    store: Store, syllabus: Syllabus, kept: Path
) -> None:
    for day in (TODAY - dt.timedelta(days=5), TODAY, TOMORROW):
        Workspace(syllabus, store, day, schedule_cache=kept).schedule  # noqa: B018
    names = sorted(p.name for p in kept.parent.glob(f"{kept.stem}-*"))
    assert names == [kept_schedule.day_file(kept, d).name for d in (TODAY, TOMORROW)]


# --- the command line ---------------------------------------------------------------------


def run(data_dir: Path, *args: str) -> str:
    result = CliRunner().invoke(
        cli, ["--data-dir", str(data_dir), "--today", TODAY.isoformat(), *args]
    )
    assert result.exit_code == 0, result.output
    return result.output


def test_the_command_line_keeps_the_schedule_and_uses_it_again(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store_with_plan(data_dir, replace(fixed_plan(), weekday_minutes=(50,) * 5 + (0, 0)))
    today = run(data_dir, "today")
    status = run(data_dir, "status", "--json")
    plan = run(data_dir, "plan", "--json")  # searches the fixes on the kept schedule
    no_scheduling(monkeypatch)
    assert run(data_dir, "today") == today
    assert run(data_dir, "status", "--json") == status
    assert run(data_dir, "plan", "--json") == plan  # the fixes were kept too
    assert run(data_dir, "export", "ics")


def test_the_command_line_sees_a_tick_made_since(data_dir: Path) -> None:
    store = store_with_plan(data_dir)
    before = run(data_dir, "plan", "--json")
    ws = Workspace(bundled(), store, TODAY)
    ws.tick(first_study(ws))
    after = run(data_dir, "plan", "--json")
    assert after != before
    expected = full_schedule(bundled(), fixed_plan(), store.load_progress(), TODAY)
    day = expected.day(TODAY)
    assert day is not None
    assert all(s.id in after for s in day.sessions)


# --- the app ----------------------------------------------------------------------------


def banner_text(app: PlannerApp) -> str:
    return str(app.screen.query_one("#banner", Static).render())


def watched_in_threads(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """The app's background work runs in its own threads, not in forked children, so that
    a test can hold it (the event returned: set it to let the work run) and watch it from
    inside (`planner.tui.child_process`; `tests/test_background_process.py` checks the
    children)."""
    monkeypatch.setenv(THREADS_ENV, "1")
    return threading.Event()


async def settled(pilot: Pilot[None]) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


async def test_a_tick_shows_at_once_and_the_schedule_follows(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(background, "BACKGROUND_ITEMS", 0)  # as with a large syllabus
    app = PlannerApp(syllabus=bundled(), store=store, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        assert isinstance(app.screen, TodayScreen)
        await settled(pilot)
        ws = app.workspace
        item_id = first_study(ws)
        gate = watched_in_threads(monkeypatch)
        real = ws._computation

        def held() -> object:
            compute = real()

            def wait_then_compute() -> object:
                gate.wait(10)
                return compute()

            return wait_then_compute

        monkeypatch.setattr(ws, "_computation", held)
        await pilot.press("space")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TodayScreen)
        row = next(r for r in screen._rows if r.id == item_id)
        assert row.done  # shown before the new schedule exists
        assert not ws.schedule_ready and UPDATING in banner_text(app)
        gate.set()
        await settled(pilot)
        assert ws.schedule_ready and UPDATING not in banner_text(app)
        expected = full_schedule(bundled(), fixed_plan(), ws.progress, TODAY, fixes=False)
        assert screen._rows == today_rows(ws.syllabus, expected, ws.progress, TODAY)


async def test_the_idle_app_prepares_tomorrow(
    store: Store, syllabus: Syllabus, kept: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = PlannerApp(syllabus=syllabus, store=store, today=TODAY, schedule_cache=kept)
    async with app.run_test(size=(120, 40)) as pilot:
        await settled(pilot)
        app.check_store()  # a first look: something may have just happened
        await settled(pilot)
        assert not kept_schedule.day_file(kept, TOMORROW).exists()
        app.check_store()  # nothing happened since: idle
        await settled(pilot)
        assert kept_schedule.day_file(kept, TOMORROW).exists()
    expected = Workspace(bundled(), store, TOMORROW).schedule
    no_scheduling(monkeypatch)
    assert Workspace(syllabus, store, TOMORROW, schedule_cache=kept).schedule == expected


async def test_one_fix_search_at_a_time_and_the_last_state_gets_its_fixes(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = store_with_plan(data_dir, replace(fixed_plan(), weekday_minutes=(50,) * 5 + (0, 0)))
    app = PlannerApp(syllabus=bundled(), store=store, today=TODAY)
    gate = watched_in_threads(monkeypatch)
    searches: list[int] = []
    real = Workspace.fix_search

    def held(ws: Workspace) -> object:
        search = real(ws)
        if search is None:
            return None
        searches.append(ws.version)

        def wait_then_search() -> object:
            gate.wait(10)
            return search()

        return wait_then_search

    monkeypatch.setattr(Workspace, "fix_search", held)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert len(searches) == 1
        ws = app.workspace
        ws.tick(first_study(ws))
        screen = app.screen
        assert isinstance(screen, TodayScreen)
        screen.changed()
        await pilot.pause()
        assert len(searches) == 1  # the first one still runs: no second beside it
        gate.set()
        await settled(pilot)
        await settled(pilot)
        assert len(searches) == 2 and searches[1] > searches[0]
        expected = full_schedule(bundled(), ws.plan or fixed_plan(), ws.progress, TODAY)
        assert ws.schedule.interviews == expected.interviews
        assert all(r.fixes_searched for r in ws.schedule.interviews)


def test_the_provisional_schedule_leaves_out_what_was_skipped_or_moved(store: Store) -> None:
    ws = Workspace(bundled(), store, TODAY)
    before = ws.schedule
    day = before.day(TODAY)
    assert day is not None
    study = [s.id for s in day.sessions if s.kind == "study"]
    assert len(study) >= 2
    ws.push(study[0], TOMORROW)
    ws.set_skipped(study[1], True)
    shown = provisional_schedule(before, ws.progress, TODAY)
    today = shown.day(TODAY)
    assert today is not None
    assert {s.id for s in today.sessions} == {s.id for s in day.sessions} - set(study[:2])
    ws.pin(study[0], TODAY)  # pinned back to today (the pin replaces the push): shown again
    shown = provisional_schedule(before, ws.progress, TODAY)
    assert study[0] in {s.id for s in (shown.day(TODAY) or day).sessions}
    ws.pin(study[0], TOMORROW)  # pinned to another day: not today
    shown = provisional_schedule(before, ws.progress, TODAY)
    assert study[0] not in {s.id for s in (shown.day(TODAY) or day).sessions}


async def test_a_key_that_needs_the_schedule_during_a_replan_leaves_no_stale_view(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(background, "BACKGROUND_ITEMS", 0)
    app = PlannerApp(syllabus=bundled(), store=store, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settled(pilot)
        await pilot.press("t")  # push: it reads the schedule at once, during the replan
        await settled(pilot)
        await settled(pilot)
        screen = app.screen
        assert isinstance(screen, TodayScreen)
        assert UPDATING not in banner_text(app)
        ws = app.workspace
        assert screen._rows == today_rows(ws.syllabus, ws.schedule, ws.progress, TODAY)


def held_replans(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """Every workspace's schedule computations wait for the event returned (set it to let
    them run), so that a test sees what is drawn before the schedule is made."""
    gate = watched_in_threads(monkeypatch)
    real = Workspace._computation

    def held(self: Workspace) -> object:
        compute = real(self)
        return lambda: (gate.wait(10), compute())[1]

    monkeypatch.setattr(Workspace, "_computation", held)
    return gate


# --- a new day's first start: drawn from yesterday's schedule, filled in -----------------


async def test_a_new_day_opens_on_yesterday_s_schedule_and_fills_in_today_s(
    store: Store, syllabus: Syllabus, kept: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    yesterday = TODAY - dt.timedelta(days=1)
    before = Workspace(syllabus, store, yesterday, schedule_cache=kept)
    assert before.schedule  # made and kept yesterday; today's is not kept
    store.record_done(first_study(Workspace(syllabus, store, TODAY)), TODAY, 45)
    assert not kept_schedule.day_file(kept, TODAY).exists()
    app = PlannerApp(syllabus=syllabus, store=store, today=TODAY, schedule_cache=kept)
    gate = held_replans(monkeypatch)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TodayScreen)
        ws = app.workspace
        assert not ws.schedule_ready and UPDATING in banner_text(app)
        shown = provisional_schedule(before.schedule, ws.progress, TODAY)
        assert screen._rows == today_rows(syllabus, shown, ws.progress, TODAY)
        assert all(day.date >= TODAY for day in screen._shown.days)
        gate.set()
        await settled(pilot)
        assert ws.schedule_ready and UPDATING not in banner_text(app)
        expected = full_schedule(bundled(), fixed_plan(), ws.progress, TODAY, fixes=False)
        assert screen._rows == today_rows(syllabus, expected, ws.progress, TODAY)
    assert kept_schedule.day_file(kept, TODAY).exists()  # and kept for the next start


async def test_an_unchanged_day_opens_on_its_kept_schedule_without_updating(
    store: Store, syllabus: Syllabus, kept: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert Workspace(syllabus, store, TODAY, schedule_cache=kept).schedule
    expected = Workspace(bundled(), store, TODAY).schedule
    no_scheduling(monkeypatch)
    app = PlannerApp(syllabus=syllabus, store=store, today=TODAY, schedule_cache=kept)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        ws = app.workspace
        assert ws.schedule_ready and UPDATING not in banner_text(app)
        assert ws.schedule == expected and not background.planning_now(app)


async def test_with_no_schedule_kept_a_small_syllabus_is_planned_at_once(
    store: Store, syllabus: Syllabus, kept: Path
) -> None:
    app = PlannerApp(syllabus=syllabus, store=store, today=TODAY, schedule_cache=kept)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.workspace.schedule_ready and UPDATING not in banner_text(app)


async def test_with_nothing_kept_a_large_syllabus_opens_on_the_first_pass_and_fills_in(
    store: Store, syllabus: Syllabus, kept: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(background, "BACKGROUND_ITEMS", 0)  # as with a large syllabus
    ws0 = Workspace(syllabus, store, TODAY)
    first_pass = scheduler.draft(syllabus, fixed_plan(), ws0.progress, TODAY).schedule()
    expected = full_schedule(bundled(), fixed_plan(), ws0.progress, TODAY, fixes=False)
    passes: list[object] = []
    real_draft = scheduler.draft

    def counted(*args: object, **kwargs: object) -> scheduler.Draft:
        if not (args[4] if len(args) > 4 else kwargs.get("reviews")):
            passes.append(args)  # a first pass: placed with no reviews reserved
        return real_draft(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(scheduler, "draft", counted)
    gate = held_replans(monkeypatch)
    app = PlannerApp(syllabus=syllabus, store=store, today=TODAY, schedule_cache=kept)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TodayScreen)
        ws = app.workspace
        assert not ws.schedule_ready and UPDATING in banner_text(app)
        assert screen._rows == today_rows(syllabus, first_pass, ws.progress, TODAY)
        assert screen._rows  # something to do at once
        gate.set()
        await settled(pilot)
        assert ws.schedule_ready and UPDATING not in banner_text(app)
        assert ws.schedule == expected
        assert screen._rows == today_rows(syllabus, expected, ws.progress, TODAY)
    assert len(passes) == 1  # the whole schedule went on from the first pass shown
    assert first_pass != expected  # (the reviews planned around it changed the days)


def test_the_latest_earlier_day_s_kept_schedule_is_found(
    store: Store, syllabus: Syllabus, kept: Path
) -> None:
    for days_ago in (3, 2):
        day = TODAY - dt.timedelta(days=days_ago)
        assert Workspace(syllabus, store, day, schedule_cache=kept).schedule
    two_days_ago = Workspace(bundled(), store, TODAY - dt.timedelta(days=2)).schedule
    assert kept_schedule.latest_before(kept, TODAY) == two_days_ago
    assert kept_schedule.latest_before(kept, TODAY - dt.timedelta(days=3)) is None
    kept_schedule.day_file(kept, TODAY - dt.timedelta(days=2)).write_text("{truncated")
    three = kept_schedule.latest_before(kept, TODAY)  # a damaged file is passed over
    assert three == Workspace(bundled(), store, TODAY - dt.timedelta(days=3)).schedule
