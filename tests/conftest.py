"""Isolation for every test: a temp data dir, a fixed today, no real home folder."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from planner.store.store import Store

FIXED_TODAY = dt.date(2026, 11, 25)


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.setenv("PLANNER_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("PLANNER_TODAY", FIXED_TODAY.isoformat())
    # no `planner _prepare` in the background after each command (tests of it remove this)
    monkeypatch.setenv("PLANNER_NO_PREPARE", "1")


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def today() -> dt.date:
    return FIXED_TODAY


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    """A store with the fixed plan of `tests.tui_support` (files may define their own)."""
    from tests.tui_support import store_with_plan

    s = store_with_plan(data_dir)
    yield s
    s.close()
