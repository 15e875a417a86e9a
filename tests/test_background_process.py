"""The app's background work runs in a forked child (`planner.tui.child_process`): its result
or its error comes back as if computed in the app, a child that dies says so, and the app's
own schedule and fixes, made that way, are the very ones computed in-process."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest

from planner.core.planning import full_schedule
from planner.tui import background, child_process
from planner.tui.app import PlannerApp
from planner.tui.child_process import THREADS_ENV, ChildFailed, in_child_process, run_in_child
from planner.tui.screens.today import TodayScreen
from tests.tui_support import TODAY, bundled, fixed_plan, store_with_plan

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="os.fork is POSIX only")


def test_the_result_is_computed_in_another_process() -> None:
    parent = os.getpid()
    child, total = run_in_child(lambda: (os.getpid(), sum(range(1_000))))
    assert child != parent and total == 499_500


def test_an_error_in_the_child_is_raised_in_the_app() -> None:
    def fails() -> None:
        raise ValueError("no schedule today")

    with pytest.raises(ValueError, match="no schedule today"):
        run_in_child(fails)


class _Unpicklable(Exception):
    def __init__(self, text: str, handle: object) -> None:
        super().__init__(text)
        self.handle = handle

    def __reduce__(self) -> tuple[object, ...]:
        raise TypeError("cannot pickle this error")


def test_an_error_that_cannot_be_sent_back_is_named() -> None:
    def fails() -> None:
        raise _Unpicklable("stuck", object())

    with pytest.raises(ChildFailed, match="_Unpicklable: stuck"):
        run_in_child(fails)


def test_a_child_that_dies_without_a_result_says_so() -> None:
    with pytest.raises(ChildFailed, match="without a result"):
        run_in_child(lambda: os._exit(3))


def test_threads_are_used_when_asked_for(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(THREADS_ENV, raising=False)
    assert in_child_process()
    monkeypatch.setenv(THREADS_ENV, "1")
    assert not in_child_process()


async def test_the_app_s_schedule_and_fixes_come_from_children_and_equal_the_computed_ones(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    short = replace(fixed_plan(), weekday_minutes=(50,) * 5 + (0, 0))  # fixes are searched
    store = store_with_plan(data_dir, short)
    monkeypatch.delenv(THREADS_ENV, raising=False)
    monkeypatch.setattr(background, "BACKGROUND_ITEMS", 0)  # as with a large syllabus
    children: list[str] = []
    real = child_process.run_in_child

    def counted(work: object) -> object:
        children.append("child")
        return real(work)  # type: ignore[arg-type]

    monkeypatch.setattr(background, "run_in_child", counted)
    app = PlannerApp(syllabus=bundled(), store=store, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(3):  # the schedule, then the search for fixes it starts
            await app.workers.wait_for_complete()
            await pilot.pause()
        ws = app.workspace
        assert isinstance(app.screen, TodayScreen)
        assert ws.schedule_ready and len(children) >= 2
        expected = full_schedule(bundled(), short, ws.progress, TODAY)
        assert not expected.feasible and any(r.drop for r in expected.interviews)
        assert ws.schedule == expected
    store.close()
