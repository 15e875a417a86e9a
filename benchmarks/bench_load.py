"""Load time of a generated 5,000-item syllabus: libyaml (CSafeLoader) against pure SafeLoader.

Prints the best of a few runs of the whole loader (read, compose, build, validate,
cross-check, merge) and of the YAML composition alone, for each loader.

    .venv/bin/python benchmarks/bench_load.py [--items N] [--runs N]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

from planner.core.syllabus.loading import load_syllabus, load_syllabus_texts
from planner.core.syllabus.yaml_source import loader_class

ROUNDS = ("phone-screen", "ml-coding", "ml-theory", "ml-design", "dsa-coding")


def generate(items: int, per_resource: int = 50, practice_per_resource: int = 10) -> str:
    """A valid syllabus with `items` study items, chained by `requires` inside each resource."""
    lines = ["syllabus: bench", "title: Generated benchmark syllabus", "rounds:"]
    for round_id in ROUNDS:
        lines += [f"  - id: {round_id}", f"    name: {round_id.replace('-', ' ').title()}"]
        lines += ["    description: A generated round for the benchmark"]
    lines.append("resources:")
    practice: list[str] = []
    resources = (items + per_resource - 1) // per_resource
    made = 0
    for r in range(resources):
        rounds = f"[{ROUNDS[r % 5]}, {ROUNDS[(r + 2) % 5]}]"
        lines += [
            f"  - id: res-{r}",
            f'    title: "Resource {r}: a book about things"',
            "    author: Someone Else",
            f"    kind: {('book', 'course', 'video', 'blog')[r % 4]}",
            f"    url: https://example.org/res/{r}",
            f"    rounds: {rounds}",
            "    items:",
        ]
        for i in range(min(per_resource, items - made)):
            lines += [
                f"      - id: res-{r}/part-{i}",
                f'        title: "Part {i}: learning the {i}th idea"',
                f"        minutes: {30 + (i * 7) % 90}",
                f"        priority: {1 + i % 3}",
            ]
            if i:
                lines.append(f"        requires: [res-{r}/part-{i - 1}]")
            made += 1
        for q in range(practice_per_resource):
            practice += [
                f"  - id: res-{r}/q-{q}",
                f"    kind: {('question', 'coding', 'design')[q % 3]}",
                f"    prompt: Explain idea {q} of resource {r} and when it fails.",
                f"    rounds: {rounds}",
                f"    learn_from: [res-{r}/part-{q % per_resource}]",
                "    answer: |",
                "      An outline of an answer,",
                "      over two lines.",
            ]
    return "\n".join([*lines, "practice:", *practice, ""])


def best_of(runs: int, action: Callable[[], object]) -> float:
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        timings.append(time.perf_counter() - start)
    return min(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    text = generate(args.items)
    c_available = loader_class() is not yaml.SafeLoader
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.yaml"
        path.write_text(text, encoding="utf-8")
        syllabus = load_syllabus([path])
        print(
            f"syllabus: {len(syllabus.items):,} items, {len(syllabus.practice):,} practice items, "
            f"{len(text.encode()) / 1024:.0f} KiB; best of {args.runs} runs"
        )
        if c_available:
            c_full = best_of(args.runs, lambda: load_syllabus([path]))
            c_compose = best_of(args.runs, lambda: yaml.compose(text, Loader=loader_class()))
            print(f"CSafeLoader (libyaml): load {c_full:.3f} s   (compose alone {c_compose:.3f} s)")
        else:
            print("CSafeLoader (libyaml): not available in this PyYAML build")
    py_full = best_of(
        args.runs, lambda: load_syllabus_texts([("bench.yaml", text)], pure_python=True)
    )
    py_compose = best_of(args.runs, lambda: yaml.compose(text, Loader=yaml.SafeLoader))
    print(f"SafeLoader (pure Python): load {py_full:.3f} s   (compose alone {py_compose:.3f} s)")
    if c_available:
        print(f"libyaml speed-up on the whole load: {py_full / c_full:.1f}x")


if __name__ == "__main__":
    main()
