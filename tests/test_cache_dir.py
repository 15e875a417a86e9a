"""`--cache-dir` / `PLANNER_CACHE_DIR` move the caches (issue 12.9), and the cache folder is
the owner's alone (0700), as the data folder is."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import cli
from planner.paths import bundled_syllabus, cache_dir
from tests.tui_support import TODAY, store_with_plan


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize("how", ["option", "environment"])
def test_the_caches_go_where_they_are_told(data_dir: Path, tmp_path: Path, how: str) -> None:
    store_with_plan(data_dir).close()
    chosen = tmp_path / "my-cache"
    own = tmp_path / "own.yaml"  # (the bundled file needs no syllabus cache: see caches.bundled)
    own.write_bytes(bundled_syllabus().read_bytes())
    args = ["--data-dir", str(data_dir), "--today", TODAY.isoformat(), "--syllabus", str(own)]
    args.append("today")
    env = {}
    if how == "option":
        args = ["--cache-dir", str(chosen), *args]
    else:
        env = {"PLANNER_CACHE_DIR": str(chosen)}
    default = cache_dir()
    result = CliRunner().invoke(cli, args, env=env)
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in chosen.iterdir())
    assert any(n.startswith("syllabus-") for n in names)
    assert any(n.startswith("schedule-") for n in names)
    assert not default.exists() or not any(default.iterdir())
    if os.name == "posix":
        assert mode(chosen) == 0o700
