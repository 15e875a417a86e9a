"""When time is short, at 5,000 items: the work behind a tick, `planner today` and opening on
a new day, against the same on the bundled syllabus, measured side by side in one run.

Both plans do not fit: the new user's plan (a phone screen in 9 days, an onsite in 4 weeks,
60 minutes a weekday) on the bundled syllabus, and a 5,000-item syllabus (as in
`bench_schedule.py`) with five interviews over a year and 80% of the time it needs. Timed,
in one process, median of several runs each:

- new day: reviews planned and the schedule computed without the search for fixes, as
  `planner today` and the app's Today do when nothing is kept for the day;
- tick: one study item of today ticked, then the same again (what the app does after `space`);
- fixes: the search for fixes that follows in the app's background (and that `planner plan`
  and the exports wait for);
- a tick in the app: what `space` runs until the row can be drawn ticked, with nothing
  running in the background, and while the search for fixes after the last tick runs (one
  item ticked after another; that work runs in a child process, see
  `planner.tui.child_process`);
- `planner today`: the whole command in a new process (syllabus cache warm), as a person
  runs it: with nothing kept at all, and prepared (yesterday's last command, or the app
  closing or idle, left today's schedule made by `planner _prepare`);
- opening the app: until Today shows its sessions (at 5,000 items with nothing kept, from
  the schedule's first pass, marked "updating"), and until it is filled in.

The target (issue 10): each within 2 times the same on the bundled syllabus.

    .venv/bin/python benchmarks/bench_short.py [--items 5000] [--runs 3]
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from bench_schedule import DAY_MINUTES, bench_plan, generate, generated_document
from startup import CHILD_ENV, PLANNER_APP

from planner.core.plan import Interview, Plan
from planner.core.planning import full_schedule, reviews_and_schedule, with_fixes
from planner.core.progress import ItemProgress, Progress, WorkEntry
from planner.core.syllabus.loading import load_syllabus
from planner.core.syllabus.model import Syllabus
from planner.paths import bundled_syllabus
from planner.store.store import Store

if TYPE_CHECKING:
    from textual.app import App
    from textual.pilot import Pilot

TODAY = dt.date(2026, 11, 25)


def new_user_plan() -> Plan:
    return Plan(
        interviews=(
            Interview(name="Phone", date=TODAY + dt.timedelta(days=9), rounds=("phone-screen",)),
            Interview(
                name="Onsite",
                date=TODAY + dt.timedelta(days=28),
                rounds=("ml-coding", "ml-theory", "ml-design", "dsa-coding"),
            ),
        ),
        weekday_minutes=(60, 60, 60, 60, 60, 0, 0),
    )


def short_big_plan() -> Plan:
    return dataclasses.replace(bench_plan(), weekday_minutes=(int(DAY_MINUTES * 0.8),) * 6 + (0,))


def median_seconds(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def ticked(syllabus: Syllabus, plan: Plan) -> Progress:
    """Progress after ticking today's first study session."""
    first = full_schedule(syllabus, plan, Progress(), TODAY).day(TODAY)
    study = next(s for s in (first.sessions if first else ()) if s.kind == "study")
    item = syllabus.item(study.id)
    assert item is not None
    return Progress(
        items={study.id: ItemProgress(minutes_spent=item.minutes, done=True, done_on=TODAY)},
        work=(WorkEntry(TODAY, study.id, study.minutes),),
    )


def measure(syllabus: Syllabus, plan: Plan, runs: int) -> tuple[float, float, float, int, bool]:
    def draft(progress: Progress) -> object:
        return full_schedule(syllabus, plan, progress, TODAY, fixes=False)

    new_day = median_seconds(lambda: draft(Progress()), runs)
    after = ticked(syllabus, plan)
    tick = median_seconds(lambda: draft(after), runs)
    reviews, first = reviews_and_schedule(syllabus, plan, Progress(), TODAY, fixes=False)
    fixes = median_seconds(
        lambda: with_fixes(syllabus, plan, Progress(), TODAY, reviews, first), max(1, runs // 2)
    )
    short = sum(r.short_minutes for r in first.interviews)
    return new_day, tick, fixes, short, first.feasible


def command_env(folder: Path) -> dict[str, str]:
    """The environment of the start-up benchmark's runs (as installed: compiled bytecode is
    read, not made anew each time; nothing prepared after a run, each state is set up by
    the benchmark itself), on the store and cache in `folder`."""
    return {
        **CHILD_ENV,
        "PLANNER_DATA_DIR": str(folder / "data"),
        "PLANNER_TODAY": TODAY.isoformat(),
        "XDG_CACHE_HOME": str(folder / "cache"),
    }


def forget_schedules(folder: Path) -> None:
    """A new day with nothing prepared: no schedule kept (the syllabus cache stays)."""
    for kept in (folder / "cache").rglob("schedule-*.json"):
        kept.unlink()


def prepare_today(syllabus_file: Path | None, folder: Path) -> None:
    """What yesterday's last command (or the app closing) left: `planner _prepare` run
    yesterday, as it runs detached after a command, which made yesterday's schedule and
    today's and kept them."""
    forget_schedules(folder)
    flags = ["--syllabus", str(syllabus_file)] if syllabus_file is not None else []
    yesterday = (TODAY - dt.timedelta(days=1)).isoformat()
    command = [sys.executable, "-m", "planner", *flags, "--today", yesterday, "_prepare"]
    subprocess.run(command, env=command_env(folder), check=True, capture_output=True)


def process_seconds(
    command: list[str], folder: Path, runs: int, before: Callable[[], None]
) -> float:
    """Median wall time of `command` in a new process, `before` run (untimed) each time."""
    env = command_env(folder)
    times = []
    for _ in range(runs):
        before()
        start = time.perf_counter()
        subprocess.run(command, env=env, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def app_seconds(
    command: list[str], folder: Path, runs: int, before: Callable[[], None]
) -> tuple[float, float]:
    """Medians of the app's first frame with Today's sessions and of the frame filled in
    from today's own schedule (the same unless the first was drawn before it was made),
    from spawning the process (the start-up benchmark's probe), `before` run each time."""
    env = command_env(folder)
    first, full = [], []
    for _ in range(runs):
        before()
        start = time.time()
        done = subprocess.run(command, env=env, check=True, capture_output=True, text=True)
        report = json.loads(
            [line for line in done.stderr.splitlines() if line.startswith('{"ready"')][-1]
        )
        first.append(report["ready"] - start)
        full.append(report["full"] - start)
    return statistics.median(first), statistics.median(full)


def whole_commands(syllabus_file: Path | None, plan: Plan, runs: int) -> tuple[float, ...]:
    """`planner today` and opening the app, each in a new process on a new day: with
    nothing prepared, and prepared (the app was idle the evening before); for the app,
    the first frame and the frame filled in with nothing prepared."""
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        Store.open(folder / "data").save_plan(plan)
        flags = ["--syllabus", str(syllabus_file)] if syllabus_file is not None else []
        today = [sys.executable, "-m", "planner", *flags, "today"]
        # the start-up benchmark's probe: the app, headless, until Today shows its sessions
        app = [sys.executable, "-c", PLANNER_APP, str(folder / "data"), *flags]
        cold = lambda: forget_schedules(folder)  # noqa: E731
        prepared = lambda: prepare_today(syllabus_file, folder)  # noqa: E731
        subprocess.run(today, env=command_env(folder), check=True, capture_output=True)
        return (
            process_seconds(today, folder, runs, cold),
            process_seconds(today, folder, runs, prepared),
            *app_seconds(app, folder, runs, cold),
            app_seconds(app, folder, runs, prepared)[0],
        )


async def settled(app: App[None], pilot: Pilot[None]) -> None:
    """Until no background work runs, that started meanwhile included (the schedule made
    after an action starts the search for fixes when it is adopted)."""
    while True:
        await app.workers.wait_for_complete()
        await pilot.pause()
        if not any(worker.is_running for worker in app.workers):
            return


async def fixes_searched(app: App[None], pilot: Pilot[None]) -> None:
    """Until the search for fixes that follows the last tick runs (at most 30 s)."""
    from planner.tui.background import busy
    from planner.tui.screens.plan_actions import FIXES

    for _ in range(3000):
        if busy(app, FIXES):
            return
        await pilot.pause(0.01)


def app_tick_seconds(
    syllabus: Syllabus, plan: Plan, runs: int, *, during_fixes: bool = False
) -> float:
    """A tick in the app: what `space` on Today's first study row runs until the screen
    holds the row ticked and can be drawn (median). What follows in the background (the
    schedule when it takes long, then the search for fixes) is waited for but not counted;
    with `during_fixes`, the tick is made while the search for fixes after the last one
    runs (ticking one item after another)."""
    import asyncio

    from textual.widgets import DataTable

    from planner.tui.app import PlannerApp
    from planner.tui.screens.today import TodayScreen

    wait = fixes_searched if during_fixes else settled

    async def ticks() -> list[float]:
        with tempfile.TemporaryDirectory() as name:
            store = Store.open(Path(name))
            store.save_plan(plan)
            app = PlannerApp(syllabus=syllabus, store=store, today=TODAY)
            times: list[float] = []
            async with app.run_test(size=(120, 40)) as pilot:
                await settled(app, pilot)
                for _ in range(runs * 2):  # tick, untick, ...
                    await wait(app, pilot)
                    screen = app.screen
                    assert isinstance(screen, TodayScreen)
                    first = next(r for r in screen._rows if r.kind == "study")
                    table = screen.query_one(DataTable)
                    table.move_cursor(row=table.get_row_index(first.id))
                    start = time.perf_counter()
                    screen.action_tick()  # what `space` runs, before the frame is drawn
                    times.append(time.perf_counter() - start)
                    assert app.workspace.progress.is_done(first.id) != first.done
                    await pilot.pause()
                await settled(app, pilot)
            store.close()
            return times

    return statistics.median(asyncio.run(ticks()))


def write_syllabus(items: int, folder: Path) -> Path:
    """The generated syllabus as a YAML file, for the command line."""
    import yaml

    path = folder / "big.yaml"
    path.write_text(yaml.safe_dump(generated_document(items), sort_keys=False), encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    bundled = load_syllabus([bundled_syllabus()])
    big = generate(args.items)
    with tempfile.TemporaryDirectory() as folder:
        big_file = write_syllabus(args.items, Path(folder))
        cases = [
            ("bundled syllabus, new-user plan", bundled, None, new_user_plan()),
            (f"{args.items} items, 80% of the time", big, big_file, short_big_plan()),
        ]
        rows = []
        for name, syllabus, file, plan in cases:
            new_day, tick, fixes, short, feasible = measure(syllabus, plan, args.runs)
            assert not feasible, f"{name}: the plan fits, so this measures nothing"
            waits = (
                app_tick_seconds(syllabus, plan, args.runs),
                app_tick_seconds(syllabus, plan, args.runs, during_fixes=True),
                *whole_commands(file, plan, args.runs),
            )
            rows.append((name, (new_day, tick, fixes), short, waits))
    print(f"when time is short, median of {args.runs} runs (seconds)")
    print("  computing the schedule, in one process:")
    print(f"{'':38} {'new day':>8} {'tick':>8} {'fixes':>8} {'short min':>10}")
    for name, computing, short, _ in rows:
        print(f"{name:38} " + " ".join(f"{f:8.3f}" for f in computing) + f" {short:10}")
    print("  what a person waits for (new processes for the commands and the app):")
    heads = ("app tick", "in fixes", "today new", "prepared", "app new", "filled in", "prepared")
    print(f"{'':38} " + " ".join(f"{h:>9}" for h in heads))
    for name, _, _, waits in rows:
        print(f"{name:38} " + " ".join(f"{f:9.3f}" for f in waits))
    (_, base_c, _, base_w), (_, big_c, _, big_w) = rows
    ratios = [b / a for a, b in zip(base_c, big_c, strict=True)]
    print("ratio, computing: new day {:.1f}x, tick {:.1f}x, fixes {:.1f}x".format(*ratios))
    waited = [b / a for a, b in zip(base_w, big_w, strict=True)]
    print(
        "ratio, waiting: app tick {:.1f}x (while fixes are searched {:.1f}x), planner today "
        "on a new day {:.1f}x (prepared "
        "{:.1f}x), opening the app on a new day {:.1f}x, filled in {:.1f}x (prepared {:.1f}x) "
        "(target: within 2x)".format(*waited)
    )


if __name__ == "__main__":
    main()
