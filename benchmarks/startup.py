"""Start-up of the app against a bare Textual app, in fresh processes.

For each run a new Python process starts the app headless and exits as soon as the first
frame with today's sessions has been drawn (for planner: the Today screen listing its
sessions, through the real `planner` command path: click, syllabus loading, store, schedule;
for the bare app: a Static and a Footer). Reported: wall time from spawning the process to
that frame, and the process's peak resident memory, each against the bare app measured in
the same run (runs alternate, so both see the same machine).

Three states of the cache, on the bundled syllabus and on a generated one of `--items`
items (5,000 by default):

- unchanged day: the syllabus and today's schedule are kept in the cache;
- new day: the syllabus is kept and yesterday's schedule, not today's (nothing was prepared
  the evening before): Today is drawn from yesterday's, and filled in when today's is made;
- no schedule kept: the syllabus is kept, no schedule at all;
- empty cache: a new cache folder each run.

    .venv/bin/python benchmarks/startup.py [--runs N] [--items N]
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import planner

BUDGETS = {
    ("bundled", "unchanged day"): 1.5,
    ("bundled", "new day"): 1.5,
    ("bundled", "empty cache"): 2.0,
    ("generated", "empty cache"): 4.0,
}
"""Time budgets, as a multiple of the bare app (issue 12.8)."""
STATES = ("unchanged day", "new day", "no schedule kept", "empty cache")

BARE_APP = r"""
import json, resource, sys, time
from textual.app import App, ComposeResult
from textual.widgets import Footer, Static

class Bare(App[None]):
    def compose(self) -> ComposeResult:
        yield Static("Hello")
        yield Footer()

    def on_mount(self) -> None:
        self.call_after_refresh(self.ready)

    def ready(self) -> None:
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        now = time.time()
        print(json.dumps({"ready": now, "full": now, "rss_kb": rss}), file=sys.stderr)
        self.exit()

Bare().run(headless=True)
"""

PLANNER_APP = r"""
import importlib.machinery, json, resource, sys, time

def patch(app_module):
    from planner.tui.background import planning_now
    from planner.tui.screens import today

    original_run = app_module.PlannerApp.run
    def headless_run(self, *args, **kwargs):
        kwargs["headless"] = True
        return original_run(self, *args, **kwargs)
    app_module.PlannerApp.run = headless_run

    original_draw = today.TodayScreen.refresh_view
    def refresh_and_report(self):
        original_draw(self)
        if self._rows:
            self.app.call_after_refresh(ready, self.app, planning_now)
    today.TodayScreen.refresh_view = refresh_and_report

class PatchWhenImported:
    # The app is imported where the real command path imports it (after what it does
    # before, possibly meanwhile), and patched as soon as it is.
    def find_spec(self, name, path=None, target=None):
        if name != "planner.tui.app":
            return None
        sys.meta_path.remove(self)
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        exec_module = spec.loader.exec_module
        def exec_and_patch(module):
            exec_module(module)
            patch(module)
        spec.loader.exec_module = exec_and_patch
        return spec

sys.meta_path.insert(0, PatchWhenImported())

first_frame = []
def ready(app, planning_now):
    now = time.time()
    if not first_frame:
        first_frame.append(now)
    if planning_now(app):
        return  # drawn from the schedule before; the filled-in frame follows
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    heavy = sorted(
        m for m in ("pydantic", "pydantic_core", "yaml", "plotext", "textual_plotext")
        if m in sys.modules
    )
    rows = len(app.screen._rows)
    report = {
        "ready": first_frame[0], "full": now, "rss_kb": rss, "rows": rows, "heavy": heavy
    }
    print(json.dumps(report), file=sys.stderr)
    app.exit()

from planner.cli import main
sys.argv = ["planner", "--data-dir", sys.argv[1], "--today", "2026-11-25", *sys.argv[2:]]
main()
"""


CHILD_ENV = {
    **{
        key: value
        for key, value in os.environ.items()
        if key not in ("PYTHONDONTWRITEBYTECODE", "TEXTUAL")
    },
    "PLANNER_NO_PREPARE": "1",
}
"""Both apps run as installed: Python reads compiled bytecode, as pip writes it for textual
(and for planner from a wheel). A machine that sets PYTHONDONTWRITEBYTECODE would otherwise
compile planner's sources anew in every run and never textual's. No schedule is prepared in
the background after a run (it would compete with the next, and set the cache's state)."""


Sample = tuple[float, float, float]
"""Seconds to the first frame with today's sessions, seconds to the frame drawn from the
current schedule (the same unless the first was drawn from an earlier one), peak RSS in MB."""


def one_run(code: str, *args: str) -> Sample:
    """One fresh process."""
    start = time.time()
    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        timeout=300,
        env=CHILD_ENV,
    )
    lines = [line for line in done.stderr.splitlines() if line.startswith('{"ready"')]
    if not lines:
        raise SystemExit(f"no ready frame (exit {done.returncode}):\n{done.stderr[-2000:]}")
    report = json.loads(lines[-1])
    return report["ready"] - start, report["full"] - start, report["rss_kb"] / 1024


def seeded_data_dir(folder: Path) -> Path:
    from planner.store.store import Store
    from planner.tui.screenshots import seed_demo

    with Store.open(folder) as store:
        seed_demo(store)
    return folder


def generated_data_dir(folder: Path, items: int) -> tuple[Path, Path]:
    """A data folder with the schedule benchmark's plan, and its generated syllabus file."""
    import yaml
    from bench_schedule import bench_plan, generated_document

    from planner.store.store import Store

    folder.mkdir(parents=True, exist_ok=True)
    syllabus = folder / "generated.yaml"
    syllabus.write_text(yaml.safe_dump(generated_document(items), sort_keys=False))
    with Store.open(folder / "data") as store:
        store.save_plan(bench_plan())
    return folder / "data", syllabus


def as_yesterdays(cache: Path) -> None:
    """A new day: the schedule kept is the one made yesterday (today's is not kept)."""
    for kept in cache.rglob("schedule-*-2026-11-25.json"):
        kept.replace(kept.with_name(kept.name.replace("2026-11-25", "2026-11-24")))
    for other in cache.rglob("schedule-*.json"):
        if "2026-11-24" not in other.name:
            other.unlink()


def forget_schedules(cache: Path) -> None:
    """No schedule kept at all (the syllabus is)."""
    for kept in cache.rglob("schedule-*.json"):
        kept.unlink()


def empty(cache: Path) -> None:
    shutil.rmtree(cache, ignore_errors=True)


Medians = tuple[float, float, float]


def median(samples: list[Sample]) -> Medians:
    first, full, memory = zip(*samples, strict=True)
    return statistics.median(first), statistics.median(full), statistics.median(memory)


def measure(runs: int, args: list[str], before: Callable[[], None]) -> tuple[Medians, Medians]:
    """Medians of the bare app and of planner, alternating, `before` each planner run
    (untimed), each planner run after one that kept today's schedule."""
    bare: list[Sample] = []
    app: list[Sample] = []
    for _ in range(runs):
        one_run(PLANNER_APP, *args)  # (untimed) the day's schedule kept, as it was
        bare.append(one_run(BARE_APP))
        before()
        app.append(one_run(PLANNER_APP, *args))
    return median(bare), median(app)


Result = tuple[str, str, Medians, Medians]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--items", type=int, default=5000, help="items of the generated one")
    options = parser.parse_args()
    compileall.compile_dir(Path(planner.__file__).parent, quiet=1)
    one_run(BARE_APP)  # warm the file cache
    results: list[Result] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        data_dir = seeded_data_dir(folder / "bundled")
        big_data, big_file = generated_data_dir(folder / "generated", options.items)
        for name, data, extra in (
            ("bundled", data_dir, []),
            ("generated", big_data, ["--syllabus", str(big_file)]),
        ):
            cache = folder / f"cache-{name}"
            args = [str(data), "--cache-dir", str(cache), *extra]
            befores: dict[str, Callable[[], None]] = {
                "unchanged day": lambda: None,
                "new day": lambda c=cache: as_yesterdays(c),  # type: ignore[misc]
                "no schedule kept": lambda c=cache: forget_schedules(c),  # type: ignore[misc]
                "empty cache": lambda c=cache: empty(c),  # type: ignore[misc]
            }
            for state in STATES:
                bare, app = measure(options.runs, args, befores[state])
                results.append((name, state, bare, app))
    report(results, options.runs, options.items)


def report(results: list[Result], runs: int, items: int) -> None:
    print(f"start-up to Today with its sessions, median of {runs} fresh processes (headless)")
    print(f"bundled syllabus, and a generated one of {items} items; 'filled in' is the frame")
    print("drawn from today's own schedule when the first came from yesterday's")
    print(
        f"{'':30} {'bare app':>9} {'planner':>9} {'time':>6} {'filled in':>10} "
        f"{'memory':>7}  budget"
    )
    over = []
    for name, state, (bare_s, _, bare_m), (first_s, full_s, app_m) in results:
        ratio = first_s / bare_s
        budget = BUDGETS.get((name, state))
        verdict = "" if budget is None else f"{budget:.1f}x {'ok' if ratio <= budget else 'OVER'}"
        if budget is not None and ratio > budget:
            over.append(f"{name} {state}")
        label = f"{name}, {state}"
        print(
            f"{label:30} {bare_s:7.3f} s {first_s:7.3f} s {ratio:5.2f}x "
            f"{full_s / bare_s:9.2f}x {app_m / bare_m:6.2f}x  {verdict}"
        )
    _, _, (bare_s, _, bare_m), (app_s, _, app_m) = results[0]
    print(
        f"ratio: time {app_s / bare_s:.2f}x, memory {app_m / bare_m:.2f}x on an unchanged day "
        f"({'all within budget' if not over else 'OVER: ' + ', '.join(over)})"
    )


if __name__ == "__main__":
    main()
