"""Long work done away from the screen: making the schedule again after an action when that
takes long (a syllabus of thousands of items), searching fixes, and preparing tomorrow's
schedule while the app is idle.

The work runs in a child process forked by a daemon thread (`child_process`: it never
competes with the screen for the interpreter), so quitting never waits for it; a Textual
worker awaits it, so the result is taken on the app's own thread (and tests can wait for
it). What comes back after the app is gone is dropped.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from contextlib import suppress
from typing import Any, TypeVar
from weakref import WeakKeyDictionary

from textual.app import App

from planner.caches.schedule import Computed
from planner.core.schedule.types import Schedule
from planner.core.summaries import provisional_schedule
from planner.tui.child_process import in_child_process, preload, run_in_child
from planner.workspace import Workspace

T = TypeVar("T")

BACKGROUND_ITEMS = 1_000
"""With a syllabus of at least this many study and practice items (making the schedule
takes a good part of a second and more), an action shows at once on the schedule before it
and the new one follows from the background. Smaller ones (the bundled syllabus has about
150) are planned again at once, as the action is drawn. A count, not a timing, so that the
app does the same on a fast machine and a slow one."""

REPLAN = "replan"

SETTLE_SECONDS = 0.5
"""Background work starts once the frame an action changed (or the first frame) is drawn,
so that it does not compete with drawing it for the interpreter; at most this long after
it was asked for (a frame is drawn well before)."""

CHILD_NEEDS = (
    "planner.core.planning",
    "planner.core.practice.review",
    "planner.core.schedule.scheduler",
    "planner.caches.schedule",
    "planner.files",
    "fsrs",
)
"""What the background work imports when it runs: imported before its child is forked."""

_busy: WeakKeyDictionary[App[Any], set[str]] = WeakKeyDictionary()
"""Per app, the names of the background work under way (one of each at a time)."""


def busy(app: App[Any], name: str) -> bool:
    """Background work of this name is under way."""
    return name in _busy.get(app, set())


def off_thread(
    app: App[Any],
    work: Callable[[], T],
    then: Callable[[T], None],
    *,
    name: str,
    failed: Callable[[BaseException], None] | None = None,
) -> None:
    """Run `work` in a daemon thread, then `then(result)` on the app's thread (`failed`
    with the error instead, when it raises); `busy(app, name)` meanwhile."""
    running = _busy.setdefault(app, set())
    running.add(name)

    async def run() -> None:
        try:
            await _drawn(app)
            result = await _in_daemon_thread(work, name)
        except Exception as exc:  # noqa: BLE001 - the UI says so and goes on
            running.discard(name)
            if failed is not None:
                failed(exc)
            return
        finally:
            running.discard(name)
        then(result)

    app.run_worker(run(), name=name, group=name, exit_on_error=False)


async def _drawn(app: App[Any]) -> None:
    """Until the screen has been drawn next (or `SETTLE_SECONDS` at most)."""
    drawn = asyncio.Event()
    app.call_after_refresh(drawn.set)
    with suppress(asyncio.TimeoutError):
        await asyncio.wait_for(drawn.wait(), SETTLE_SECONDS)


async def _in_daemon_thread(work: Callable[[], T], name: str) -> T:
    loop = asyncio.get_running_loop()
    future: asyncio.Future[T] = loop.create_future()

    def settle(result: T | None, error: BaseException | None) -> None:
        if future.done():  # the worker was cancelled (the app is closing)
            return
        if error is not None:
            future.set_exception(error)
        else:
            future.set_result(result)  # type: ignore[arg-type]

    separate = in_child_process()

    def target() -> None:
        result: T | None = None
        error: BaseException | None = None
        try:
            if separate:
                preload(CHILD_NEEDS)
                result = run_in_child(work)
            else:
                result = work()
        except BaseException as exc:  # noqa: BLE001 - handed to the awaiting worker
            error = exc
        with suppress(RuntimeError):  # the loop has closed: the app is gone
            loop.call_soon_threadsafe(settle, result, error)

    threading.Thread(target=target, name=name, daemon=True).start()
    return await future


def schedule_to_show(app: App[Any], workspace: Workspace, redraw: Callable[[], None]) -> Schedule:
    """The schedule a view draws now. When the current one is not at hand and the syllabus
    is large, or on a new day's first start: the one before (before the last action, or
    kept on an earlier day; at a large syllabus's first start with nothing kept, its first
    pass, see `Workspace.sketch`), with what was done, skipped or moved since left out of
    today, while the new one is made in the background; `redraw` runs when it comes.
    Otherwise the current schedule, made now if need be."""
    workspace.look_for_kept()
    syllabus = workspace.syllabus
    large = len(syllabus.items) + len(syllabus.practice) >= BACKGROUND_ITEMS
    if large and not workspace.schedule_ready:
        workspace.sketch()
    previous = workspace.shown_schedule
    early = large or workspace.showing_an_earlier_day
    if workspace.schedule_ready or previous is None or not early:
        return workspace.schedule
    replan(app, workspace, redraw)
    return provisional_schedule(previous, workspace.progress, workspace.today)


def replan(app: App[Any], workspace: Workspace, redraw: Callable[[], None]) -> None:
    """Make the current state's schedule in the background (one replan at a time: when it
    comes for a state an action has changed since, the next one starts)."""
    if busy(app, REPLAN):
        return
    job = workspace.replan()
    if job is None:
        return
    version, compute = job

    def adopt(computed: Computed) -> None:
        if workspace.adopt_schedule(version, computed) or workspace.schedule_ready:
            redraw()  # (made meanwhile on the spot for a key that needed it: drawn now)
        else:
            replan(app, workspace, redraw)

    def failed(error: BaseException) -> None:
        app.notify(f"Could not make the schedule: {error}", severity="error", markup=False)

    off_thread(app, compute, adopt, name=REPLAN, failed=failed)


def planning_now(app: App[Any]) -> bool:
    """A replan is under way: what is shown is the schedule before the last action."""
    return busy(app, REPLAN)
