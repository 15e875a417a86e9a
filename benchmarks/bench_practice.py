"""Time of the practice pipeline: planning reviews (a first scheduling pass, then FSRS
replays and the interview-day search) and readiness, on the bundled syllabus and on the
synthetic syllabi of `bench_schedule.py` (one practice question per ten items), with a
history of reviews on half of the questions.

    .venv/bin/python benchmarks/bench_practice.py [--sizes 1000,10000] [--runs N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_schedule import bench_plan, bench_progress, generate  # noqa: E402

from planner.core.plan import Interview, Plan  # noqa: E402
from planner.core.practice.readiness import readiness  # noqa: E402
from planner.core.practice.review import review_plan  # noqa: E402
from planner.core.progress import RATINGS, Progress, Review  # noqa: E402
from planner.core.schedule.scheduler import schedule  # noqa: E402
from planner.core.syllabus.loading import load_syllabus  # noqa: E402
from planner.core.syllabus.model import Syllabus  # noqa: E402
from planner.paths import bundled_syllabus  # noqa: E402

TODAY = dt.date(2026, 11, 25)


def with_reviews(syllabus: Syllabus, progress: Progress, seed: int = 3) -> Progress:
    """Two to five past reviews on every other question, over the last three weeks."""
    rng = random.Random(seed)
    reviews: list[Review] = []
    for practice in syllabus.practice[::2]:
        for _ in range(rng.randint(2, 5)):
            day = TODAY - dt.timedelta(days=rng.randint(1, 21))
            at = dt.datetime(day.year, day.month, day.day, 19, tzinfo=dt.UTC)
            reviews.append(Review(practice.id, rng.choice(RATINGS), at))
    return Progress(items=progress.items, reviews=tuple(reviews))


def median_ms(fn: Callable[[], object], runs: int) -> float:
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        timings.append(time.perf_counter() - start)
    return 1000 * statistics.median(timings)


def measure(name: str, syllabus: Syllabus, plan: Plan, progress: Progress, runs: int) -> None:
    planned = review_plan(syllabus, plan, progress, TODAY)
    sched = schedule(syllabus, plan, progress, TODAY, reviews=planned)
    plan_ms = median_ms(lambda: review_plan(syllabus, plan, progress, TODAY), runs)
    ready_ms = median_ms(lambda: readiness(syllabus, plan, progress, sched, TODAY), runs)
    print(
        f"{name:<18} {len(syllabus.practice):>6} practice items {len(progress.reviews):>6} reviews"
        f"  review_plan {plan_ms:8.1f} ms ({len(planned)} reviews planned)"
        f"  readiness {ready_ms:7.1f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    bundled = load_syllabus([bundled_syllabus()])
    plan = Plan(
        interviews=(
            Interview(name="Phone", date=dt.date(2026, 12, 9), rounds=("phone-screen",)),
            Interview(
                name="Onsite",
                date=dt.date(2027, 1, 6),
                rounds=("ml-coding", "ml-theory", "ml-design"),
            ),
        ),
    )
    measure("bundled", bundled, plan, with_reviews(bundled, Progress()), args.runs)
    for size in (int(s) for s in args.sizes.split(",")):
        syllabus = generate(size)
        progress = with_reviews(syllabus, bench_progress(syllabus))
        measure(f"synthetic {size}", syllabus, bench_plan(), progress, args.runs)


if __name__ == "__main__":
    main()
