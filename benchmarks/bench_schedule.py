"""Time of `schedule()` on synthetic syllabi of 1,000, 10,000 and 50,000 items.

Each syllabus has five rounds, items in prerequisite chains (each item of a resource requires
the one before it, and every fifth resource's first item requires the last item of the
resource before), one practice question per ten items learning from an item, and a few
optional and low-priority items. The plan runs 365 days to the last of five interviews,
with time enough for nearly all of the work (so the timing is one placement, not the search
for fixes of an infeasible plan). Prints the median of several runs per size and the growth
exponent between sizes (1.0 is linear).

    .venv/bin/python benchmarks/bench_schedule.py [--sizes 1000,10000,50000] [--runs N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import random
import statistics
import time
from typing import Any

from planner.core.plan import Interview, Plan
from planner.core.progress import ItemProgress, Progress
from planner.core.schedule.scheduler import schedule
from planner.core.syllabus.model import Syllabus
from planner.core.syllabus.schema import validate_file

ROUNDS = ("phone-screen", "ml-coding", "ml-theory", "ml-design", "dsa-coding")
TODAY = dt.date(2026, 11, 25)
HORIZON = 365
DAY_MINUTES = 1440
LOAD = 0.85
"""Share of the plan's minutes the generated work takes."""


def generate(n: int, seed: int = 7) -> Syllabus:
    data = generated_document(n, seed)
    return Syllabus.from_files([("bench.yaml", validate_file(data, strict=False))])


def generated_document(n: int, seed: int = 7) -> dict[str, Any]:
    """The syllabus of `generate` as the document a syllabus file holds."""
    rng = random.Random(seed)
    per_resource = 40
    mean = LOAD * HORIZON * DAY_MINUTES * 6 / 7 / n
    resources: list[dict[str, Any]] = []
    practice: list[dict[str, Any]] = []
    made = 0
    r = 0
    while made < n:
        count = min(per_resource, n - made)
        items = []
        for k in range(count):
            item_id = f"res-{r}/item-{k}"
            requires = [f"res-{r}/item-{k - 1}"] if k else []
            if k == 0 and r % 5 == 4:
                requires = [f"res-{r - 1}/item-{per_resource - 1}"]
            items.append(
                {
                    "id": item_id,
                    "title": f"Item {k} of resource {r}",
                    "minutes": max(1, min(6000, int(rng.uniform(0.3, 1.7) * mean))),
                    "requires": requires,
                    "optional": rng.random() < 0.05,
                    "priority": rng.choice((1, 2, 2, 2, 3)),
                }
            )
            if (made + k) % 10 == 0:
                practice.append(
                    {
                        "id": f"q-{made + k}",
                        "kind": "question",
                        "prompt": f"Question {made + k}",
                        "rounds": [ROUNDS[r % 5]],
                        "learn_from": [item_id],
                    }
                )
        resources.append(
            {
                "id": f"res-{r}",
                "title": f"Resource {r}",
                "kind": "book",
                "rounds": [ROUNDS[r % 5]],
                "items": items,
            }
        )
        made += count
        r += 1
    return {
        "syllabus": "bench",
        "title": "Benchmark",
        "rounds": [{"id": x, "name": x} for x in ROUNDS],
        "resources": resources,
        "practice": practice,
    }


def bench_plan() -> Plan:
    """Five interviews a fifth of the year apart, each bringing one more round, so each
    has about a fifth of the work to be ready for."""
    names = ("Phone screen", "Coding", "ML coding", "Theory", "Onsite")
    return Plan(
        interviews=tuple(
            Interview(
                name=names[k],
                date=TODAY + dt.timedelta(days=(k + 1) * HORIZON // 5 - (1 if k == 4 else 0)),
                rounds=ROUNDS[: k + 1],
            )
            for k in range(5)
        ),
        weekday_minutes=(DAY_MINUTES,) * 6 + (0,),
    )


def bench_progress(syllabus: Syllabus) -> Progress:
    """Some items done or part done, as a plan months in would have."""
    items: dict[str, ItemProgress] = {}
    for k, study in enumerate(syllabus.items):
        if k % 7 == 0:
            items[study.id] = ItemProgress(minutes_spent=study.minutes // 2)
    return Progress(items=items)


def time_one(
    syllabus: Syllabus, plan: Plan, progress: Progress, runs: int
) -> tuple[float, float, int]:
    """Median wall-clock and CPU seconds of `schedule()`, and the sessions it made."""
    walls, cpus = [], []
    sessions = 0
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        result = schedule(syllabus, plan, progress, TODAY)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
        sessions = sum(len(d.sessions) for d in result.days)
    return statistics.median(walls), statistics.median(cpus), sessions


def exponent(previous: tuple[int, float] | None, n: int, seconds: float) -> str:
    if previous is None:
        return ""
    return f"{math.log(seconds / previous[1]) / math.log(n / previous[0]):.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,50000")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    plan = bench_plan()
    print(f"schedule(): {HORIZON}-day horizon, 5 interviews, median of {args.runs} runs")
    print("(growth exponent between sizes: 1.0 is linear; CPU time is steadier on a busy box)")
    header = ("items", "practice", "sessions", "wall s", "exponent", "cpu s", "exponent")
    print("{:>8} {:>9} {:>9} {:>8} {:>9} {:>8} {:>9}".format(*header))
    previous_wall: tuple[int, float] | None = None
    previous_cpu: tuple[int, float] | None = None
    for n in sizes:
        syllabus = generate(n)
        progress = bench_progress(syllabus)
        runs = args.runs if n <= 10_000 else max(3, args.runs // 2)
        wall, cpu, sessions = time_one(syllabus, plan, progress, runs)
        print(
            f"{n:>8} {len(syllabus.practice):>9} {sessions:>9} {wall:>8.3f} "
            f"{exponent(previous_wall, n, wall):>9} {cpu:>8.3f} {exponent(previous_cpu, n, cpu):>9}"
        )
        previous_wall, previous_cpu = (n, wall), (n, cpu)


if __name__ == "__main__":
    main()
