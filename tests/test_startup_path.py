"""What start-up costs: the app opens on a stored plan and a cached syllabus without pydantic
or the YAML loader or plotext (importing pydantic alone takes about 0.4 times a bare app's whole
start-up); both are imported only when a file must be read and checked. The probe is the
start-up benchmark's own (`benchmarks/startup.py`)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from benchmarks.startup import PLANNER_APP
from planner.paths import bundled_syllabus
from planner.store.store import Store
from planner.tui.screenshots import seed_demo


def _open_app(data_dir: Path, *args: str) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-c", PLANNER_APP, str(data_dir), *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=os.environ.copy(),
    )
    lines = [line for line in done.stderr.splitlines() if line.startswith('{"ready"')]
    assert lines, done.stderr[-2000:]
    report: dict[str, Any] = json.loads(lines[-1])
    return report


def test_the_app_opens_without_pydantic_once_the_syllabus_is_cached(
    data_dir: Path, tmp_path: Path
) -> None:
    with Store.open(data_dir) as store:
        seed_demo(store)
    own = tmp_path / "own.yaml"  # a file of the person's own: validated on first use
    own.write_bytes(bundled_syllabus().read_bytes())
    args = ("--cache-dir", str(tmp_path / "cache"), "--syllabus", str(own))
    first = _open_app(data_dir, *args)  # reads and checks the YAML: pydantic is needed here
    assert first["rows"] > 0 and "pydantic" in first["heavy"]
    second = _open_app(data_dir, *args)
    assert second["rows"] == first["rows"]
    assert second["heavy"] == []


def test_with_an_empty_cache_the_bundled_syllabus_opens_without_pydantic(
    data_dir: Path, tmp_path: Path
) -> None:
    """It was validated when it was written (`planner.caches.bundled`)."""
    with Store.open(data_dir) as store:
        seed_demo(store)
    report = _open_app(data_dir, "--cache-dir", str(tmp_path / "empty"))
    assert report["rows"] > 0 and report["heavy"] == []
