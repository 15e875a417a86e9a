"""Every benchmark still runs (tiny sizes: this checks that they work, not how fast)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).parent.parent / "benchmarks"


@pytest.mark.parametrize(
    ("script", "args", "expect"),
    [
        ("bench_load.py", ["--items", "50", "--runs", "1"], "items"),
        ("bench_schedule.py", ["--sizes", "20", "--runs", "1"], "items"),
        ("bench_practice.py", ["--sizes", "20", "--runs", "1"], "items"),
        ("bench_store.py", ["200"], "ms"),
        ("bench_short.py", ["--items", "200", "--runs", "1"], "ratio"),
        ("startup.py", ["--runs", "1", "--items", "200"], "ratio: time"),
    ],
)
def test_benchmark_runs(script: str, args: list[str], expect: str) -> None:
    done = subprocess.run(
        [sys.executable, str(BENCHMARKS / script), *args],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert expect in done.stdout
