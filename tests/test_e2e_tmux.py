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


ESCAPES = "A\x1b]2;PWNED\x07B \x1b[5;41mRED\x1b[0m"


def test_escape_sequences_in_user_text_never_reach_the_terminal(
    tmp_path: Path, terminal: Terminal
) -> None:
    """A syllabus title written with YAML's \\e escapes is refused in one line, and a note
    holding escapes (stored by hand, or before they were refused) is drawn as plain text:
    the pane's title is not set and nothing blinks."""
    import sqlite3

    data_dir = tmp_path / "data"
    run_planner(data_dir, "init", "--interview", "Meta phone screen=2026-12-09:phone-screen")
    today = json.loads(run_planner(data_dir, "today", "--json").stdout)
    first = today["days"][0]["sessions"][0]["id"]
    conn = sqlite3.connect(data_dir / "planner.db")
    with conn:
        conn.execute(
            "INSERT OR REPLACE INTO notes (id, text, updated) VALUES (?, ?, ?)",
            (first, f"my note {ESCAPES} done", "2026-11-25T10:00:00+00:00"),
        )
    conn.close()
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        bundled_syllabus()
        .read_text(encoding="utf-8")
        .replace("title: ", 'title: "A\\e]2;PWNED\\aB \\e[5;41mRED\\e[0m" #', 1),
        encoding="utf-8",
    )
    command = f"{planner_bin()} --data-dir {data_dir} --today {TODAY}"
    terminal.tmux("-f", "/dev/null", "new-session", "-d", "-s", "app", "-x", "120", "-y", "40")
    terminal.tmux("set-environment", "-t", "app", "TERM", "xterm-256color")
    title = terminal.tmux("display", "-p", "-t", "app", "#{pane_title}")
    terminal.keys(f"{command} --syllabus {bad}; echo exit=$?", "Enter")
    shown = terminal.wait_for("exit=1")
    assert "control character U+001B" in shown
    terminal.keys(f"clear; exec {command}", "Enter")
    terminal.wait_for("[ ]")
    terminal.keys("Enter")  # the first session's item, with its note
    shown = terminal.wait_for("my note")
    assert "my note A]2;PWNEDB [5;41mRED[0m done" in shown  # as text, without the ESCs
    coloured = terminal.tmux("capture-pane", "-e", "-p", "-t", "app")
    assert "\x1b[5;41m" not in coloured and "\x1b[5m" not in coloured
    assert terminal.tmux("display", "-p", "-t", "app", "#{pane_title}") == title
    assert "PWNED" not in terminal.tmux("display", "-p", "-t", "app", "#{pane_title}")
    terminal.keys("C-q")
