"""Start-up of the app against a bare Textual app, in fresh processes.

For each run a new Python process starts the app headless and exits as soon as the first
frame with today's sessions has been drawn (for planner: the Today screen listing its
sessions, through the real `planner` command path: click, syllabus loading, store, schedule;
for the bare app: a Static and a Footer). Reported: wall time from spawning the process to
that frame, and the process's peak resident memory. Budget: 1.5 times the bare app.

    .venv/bin/python benchmarks/startup.py [--runs N]
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import planner

BUDGET = 1.5

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
        print(json.dumps({"ready": time.time(), "rss_kb": rss}), file=sys.stderr)
        self.exit()

Bare().run(headless=True)
"""

PLANNER_APP = r"""
import json, resource, sys, time
from planner.tui.app import PlannerApp
from planner.tui.screens import today

original_run = PlannerApp.run
def headless_run(self, *args, **kwargs):
    kwargs["headless"] = True
    return original_run(self, *args, **kwargs)
PlannerApp.run = headless_run

original_draw = today.TodayScreen.refresh_view
def refresh_and_report(self):
    original_draw(self)
    if self._rows:
        self.app.call_after_refresh(ready, self.app)
today.TodayScreen.refresh_view = refresh_and_report

def ready(app):
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    heavy = sorted(
        m for m in ("pydantic", "pydantic_core", "yaml", "plotext", "textual_plotext")
        if m in sys.modules
    )
    rows = len(app.screen._rows)
    report = {"ready": time.time(), "rss_kb": rss, "rows": rows, "heavy": heavy}
    print(json.dumps(report), file=sys.stderr)
    app.exit()

from planner.cli import main
sys.argv = ["planner", "--data-dir", sys.argv[1], "--today", "2026-11-25", *sys.argv[2:]]
main()
"""


CHILD_ENV = {
    key: value
    for key, value in os.environ.items()
    if key not in ("PYTHONDONTWRITEBYTECODE", "TEXTUAL")
}
"""Both apps run as installed: Python reads compiled bytecode, as pip writes it for textual
(and for planner from a wheel). A machine that sets PYTHONDONTWRITEBYTECODE would otherwise
compile planner's sources anew in every run and never textual's."""


def one_run(code: str, *args: str) -> tuple[float, float]:
    """(seconds to the ready frame, peak RSS in MB) of one fresh process."""
    start = time.time()
    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=CHILD_ENV,
    )
    lines = [line for line in done.stderr.splitlines() if line.startswith('{"ready"')]
    if not lines:
        raise SystemExit(f"no ready frame (exit {done.returncode}):\n{done.stderr[-2000:]}")
    report = json.loads(lines[-1])
    return report["ready"] - start, report["rss_kb"] / 1024


def seeded_data_dir(folder: Path) -> Path:
    from planner.store.store import Store
    from planner.tui.screenshots import seed_demo

    with Store.open(folder) as store:
        seed_demo(store)
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = seeded_data_dir(Path(tmp))
        compileall.compile_dir(Path(planner.__file__).parent, quiet=1)
        one_run(BARE_APP)  # warm the file cache (and the syllabus cache) for both
        one_run(PLANNER_APP, str(data_dir))
        bare: list[tuple[float, float]] = []
        app: list[tuple[float, float]] = []
        for _ in range(runs):
            bare.append(one_run(BARE_APP))
            app.append(one_run(PLANNER_APP, str(data_dir)))
    rows = [("bare Textual app (Static + Footer)", bare), ("planner, Today with its sessions", app)]
    print(f"start-up, median of {runs} fresh processes (headless)")
    print(f"{'':38} {'first frame':>12} {'peak RSS':>10}")
    medians = {}
    for name, samples in rows:
        seconds = statistics.median(s for s, _ in samples)
        memory = statistics.median(m for _, m in samples)
        medians[name] = (seconds, memory)
        print(f"{name:38} {seconds:10.3f} s {memory:7.1f} MB")
    (bare_s, bare_m), (app_s, app_m) = medians.values()
    time_ratio, memory_ratio = app_s / bare_s, app_m / bare_m
    verdict = "within" if max(time_ratio, memory_ratio) <= BUDGET else "OVER"
    print(
        f"ratio: time {time_ratio:.2f}x, memory {memory_ratio:.2f}x "
        f"({verdict} the {BUDGET}x budget)"
    )


if __name__ == "__main__":
    main()
