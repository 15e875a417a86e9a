"""When time is short, at 5,000 items: the work behind a tick, `planner today` and opening on
a new day, against the same on the bundled syllabus, measured side by side in one run.

Both plans do not fit: the new user's plan (a phone screen in 9 days, an onsite in 4 weeks,
60 minutes a weekday) on the bundled syllabus, and a 5,000-item syllabus (as in
`bench_schedule.py`) with five interviews over a year and 80% of the time it needs. Timed,
in one process, median of several runs each:

- new day: reviews planned and the whole schedule computed with its fixes
  (`full_schedule`), as `planner today` and the app do when nothing is kept for the day;
- tick: one study item of today ticked, then the same again (what the app does after `space`).

The target (issue 10): each within 2 times the same on the bundled syllabus.

    .venv/bin/python benchmarks/bench_short.py [--items 5000] [--runs 3]
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import statistics
import time
from collections.abc import Callable

from bench_schedule import DAY_MINUTES, bench_plan, generate

from planner.core.plan import Interview, Plan
from planner.core.planning import full_schedule
from planner.core.progress import ItemProgress, Progress, WorkEntry
from planner.core.syllabus.loading import load_syllabus
from planner.core.syllabus.model import Syllabus
from planner.paths import bundled_syllabus

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


def measure(syllabus: Syllabus, plan: Plan, runs: int) -> tuple[float, float, int, bool]:
    new_day = median_seconds(lambda: full_schedule(syllabus, plan, Progress(), TODAY), runs)
    after = ticked(syllabus, plan)
    tick = median_seconds(lambda: full_schedule(syllabus, plan, after, TODAY), runs)
    schedule = full_schedule(syllabus, plan, Progress(), TODAY)
    short = sum(r.short_minutes for r in schedule.interviews)
    return new_day, tick, short, schedule.feasible


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    bundled = load_syllabus([bundled_syllabus()])
    big = generate(args.items)
    rows = [
        ("bundled syllabus, new-user plan", *measure(bundled, new_user_plan(), args.runs)),
        (f"{args.items} items, 80% of the time", *measure(big, short_big_plan(), args.runs)),
    ]
    print(f"when time is short, median of {args.runs} runs (seconds)")
    print(f"{'':40} {'new day':>8} {'tick':>8} {'short min':>10}")
    for name, new_day, tick, short, feasible in rows:
        assert not feasible, f"{name}: the plan fits, so this measures nothing"
        print(f"{name:40} {new_day:8.3f} {tick:8.3f} {short:10}")
    base, big_row = rows
    print(
        f"ratio: new day {big_row[1] / base[1]:.1f}x, tick {big_row[2] / base[2]:.1f}x "
        "(target: within 2x)"
    )


if __name__ == "__main__":
    main()
