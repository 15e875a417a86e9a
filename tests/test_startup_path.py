"""What start-up costs: the app opens on a stored plan and a cached syllabus without pydantic
or the YAML loader (importing pydantic alone takes about 0.4 times a bare Textual app's whole
start-up); both are imported only when a file must be read and checked."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from planner.store import Store
from planner.tui.screenshots import seed_demo

PROBE = r"""
import json, sys
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
        self.app.call_after_refresh(report, self.app, len(self._rows))
today.TodayScreen.refresh_view = refresh_and_report

def report(app, rows):
    heavy = sorted(m for m in ("pydantic", "pydantic_core", "yaml") if m in sys.modules)
    print(json.dumps({"rows": rows, "heavy": heavy}))
    app.exit()

from planner.cli import main
main()
"""


def _open_app(data_dir: Path) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, "--data-dir", str(data_dir)],
        capture_output=True,
        text=True,
        timeout=120,
        env=os.environ.copy(),
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    assert lines, done.stderr[-2000:]
    result: dict[str, object] = json.loads(lines[-1])
    return result


def test_the_app_opens_without_pydantic_once_the_syllabus_is_cached(data_dir: Path) -> None:
    with Store.open(data_dir) as store:
        seed_demo(store)
    first = _open_app(data_dir)  # reads and checks the YAML: pydantic is needed here
    assert first["rows"] and "pydantic" in first["heavy"]  # type: ignore[operator]
    second = _open_app(data_dir)
    assert second == {"rows": first["rows"], "heavy": []}
