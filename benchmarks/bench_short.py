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
- `planner today`: the whole command in a new process (syllabus cache warm), as a person
  runs it.

The target (issue 10): each within 2 times the same on the bundled syllabus.

    .venv/bin/python benchmarks/bench_short.py [--items 5000] [--runs 3]
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench_schedule import DAY_MINUTES, bench_plan, generate, generated_document

from planner.core.plan import Interview, Plan
from planner.core.planning import full_schedule, reviews_and_schedule, with_fixes
from planner.core.progress import ItemProgress, Progress, WorkEntry
from planner.core.syllabus.loading import load_syllabus
from planner.core.syllabus.model import Syllabus
from planner.paths import bundled_syllabus
from planner.store.store import Store

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


def planner_today_seconds(syllabus_file: Path | None, plan: Plan, runs: int) -> float:
    """`planner today` in a new process on a new data folder holding `plan` (a first run
    fills the syllabus cache; it is not counted)."""
    with tempfile.TemporaryDirectory() as folder:
        env = {
            **os.environ,
            "PLANNER_DATA_DIR": str(Path(folder) / "data"),
            "PLANNER_TODAY": TODAY.isoformat(),
            "XDG_CACHE_HOME": str(Path(folder) / "cache"),
        }
        Store.open(Path(env["PLANNER_DATA_DIR"])).save_plan(plan)
        command = [sys.executable, "-m", "planner"]
        if syllabus_file is not None:
            command += ["--syllabus", str(syllabus_file)]
        command.append("today")

        def once() -> None:
            subprocess.run(command, env=env, check=True, capture_output=True)

        once()
        return median_seconds(once, runs)


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
        rows = [
            (
                "bundled syllabus, new-user plan",
                *measure(bundled, new_user_plan(), args.runs),
                planner_today_seconds(None, new_user_plan(), args.runs),
            ),
            (
                f"{args.items} items, 80% of the time",
                *measure(big, short_big_plan(), args.runs),
                planner_today_seconds(big_file, short_big_plan(), args.runs),
            ),
        ]
    print(f"when time is short, median of {args.runs} runs (seconds)")
    print(f"{'':36} {'new day':>8} {'tick':>8} {'fixes':>8} {'today cmd':>10} {'short min':>10}")
    for name, new_day, tick, fixes, short, feasible, command in rows:
        assert not feasible, f"{name}: the plan fits, so this measures nothing"
        print(f"{name:36} {new_day:8.3f} {tick:8.3f} {fixes:8.3f} {command:10.3f} {short:10}")
    base, big_row = rows
    print(
        f"ratio: new day {big_row[1] / base[1]:.1f}x, tick {big_row[2] / base[2]:.1f}x, "
        f"fixes {big_row[3] / base[3]:.1f}x, planner today {big_row[6] / base[6]:.1f}x "
        "(target: within 2x)"
    )


if __name__ == "__main__":
    main()
