"""End to end: the installed `planner` in a real terminal (tmux), keys typed, then checked
from the command line."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from planner.core.syllabus.loading import load_syllabus
from planner.paths import bundled_syllabus

TMUX = shutil.which("tmux")
TODAY = "2026-11-25"

pytestmark = pytest.mark.skipif(TMUX is None, reason="tmux is not installed")


def planner_bin() -> str:
    local = Path(sys.executable).with_name("planner")
    found = str(local) if local.exists() else shutil.which("planner")
    if found is None:
        pytest.skip("the planner command is not installed")
    return found


def run_planner(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [planner_bin(), "--data-dir", str(data_dir), "--today", TODAY, *args],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )


class Terminal:
    def __init__(self, socket: str, session: str) -> None:
        self.socket = socket
        self.session = session

    def tmux(self, *args: str) -> str:
        assert TMUX is not None
        done = subprocess.run(
            [TMUX, "-L", self.socket, *args], capture_output=True, text=True, timeout=30
        )
        return done.stdout

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", self.session)

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", self.session, *keys)

    def wait_for(self, text: str, timeout: float = 30.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            shown = self.screen()
            if text in shown:
                return shown
            time.sleep(0.2)
        raise AssertionError(f"{text!r} never appeared on screen:\n{self.screen()}")

    def alive(self) -> bool:
        return self.session in self.tmux("list-sessions", "-F", "#{session_name}")


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    term = Terminal(f"planner-test-{os.getpid()}-{tmp_path.name}", "app")
    yield term
    term.tmux("kill-server")


def test_tick_an_item_in_the_real_app(tmp_path: Path, terminal: Terminal) -> None:
    data_dir = tmp_path / "data"
    run_planner(
        data_dir, "init", "--interview", "Meta phone screen=2026-12-09:phone-screen,dsa-coding"
    )
    command = f"{planner_bin()} --data-dir {data_dir} --today {TODAY}"
    env = {**os.environ, "TERM": "xterm-256color"}
    terminal.tmux("-f", "/dev/null", "new-session", "-d", "-s", "app", "-x", "120", "-y", "40")
    terminal.tmux("set-environment", "-t", "app", "TERM", env["TERM"])
    terminal.keys(f"exec {command}", "Enter")
    before = terminal.wait_for("[ ]")
    first_row = next(line for line in before.splitlines() if "[ ]" in line)
    terminal.keys("Space")
    terminal.wait_for("[x]")
    terminal.keys("C-q")
    deadline = time.monotonic() + 20
    while terminal.alive() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not terminal.alive(), "the app did not quit on ctrl+q"

    state = json.loads(run_planner(data_dir, "export", "json").stdout)
    done = [p for p in state["progress"] if p["done"]]
    assert len(done) == 1
    ticked = done[0]["id"]
    assert done[0]["done_on"] == TODAY
    today = json.loads(run_planner(data_dir, "today", "--json").stdout)
    assert ticked not in [s["id"] for d in today["days"] for s in d["sessions"]]
    # the row under the cursor when space was pressed is the item now done
    item = load_syllabus([bundled_syllabus()]).item(ticked)
    assert item is not None
    assert item.title[:15] in first_row
    assert done[0]["minutes_spent"] == item.minutes
