"""Crash safety: a writer SIGKILLed at random moments never loses an action whose call
returned, and never leaves a damaged database."""

from __future__ import annotations

import datetime as dt
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

from planner.core.progress import ItemProgress
from planner.paths import database_path
from planner.store.store import Store

CHILD = Path(__file__).parent / "fixtures" / "store_crash_child.py"
TOTAL = 300
DAY = dt.date(2026, 11, 25)


def expected_items() -> dict[str, ItemProgress]:
    """What the 300 actions leave: undo pops the latest live tick."""
    live: list[tuple[str, dt.date, int]] = []
    for k in range(TOTAL):
        if k % 4 == 3:
            live.pop()
        else:
            live.append((f"item-{k % 37}", DAY + dt.timedelta(days=k % 9), k % 50))
    items: dict[str, ItemProgress] = {}
    for item_id, on, minutes in live:
        old = items.get(item_id)
        if old is None:
            items[item_id] = ItemProgress(minutes_spent=minutes, done=True, done_on=on)
        else:
            items[item_id] = ItemProgress(old.minutes_spent + minutes, True, False, old.done_on)
    return items


def run_child(data_dir: Path, rng: random.Random) -> tuple[list[int], bool]:
    """Start the child and SIGKILL it at a random moment; returns (numbers it printed,
    whether it finished on its own)."""
    proc = subprocess.Popen(
        [sys.executable, str(CHILD), str(data_dir), str(TOTAL)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    printed: list[int] = []
    ready = threading.Event()

    def read() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            if line.startswith("ready"):
                ready.set()
            else:
                printed.append(int(line))

    reader = threading.Thread(target=read)
    reader.start()
    if rng.random() < 0.2:
        # while it starts up and opens the store (or just after)
        ready.wait(timeout=rng.uniform(0.0, 0.5))
    else:
        # after a random number of returned actions plus a random fraction of the next
        # few: the count bounds each run whatever the machine's speed, the jitter lands
        # the kill anywhere inside a transaction or its fsync
        wanted = rng.randrange(0, 24)
        while len(printed) < wanted and proc.poll() is None:
            time.sleep(0.0005)
        time.sleep(rng.uniform(0.0, 0.003))
    if proc.poll() is None:
        proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=60)
    reader.join(timeout=60)
    assert proc.stderr is not None
    errors = proc.stderr.read()
    finished = proc.returncode == 0
    assert finished or proc.returncode == -signal.SIGKILL, errors
    return printed, finished


def test_sigkilled_writer_loses_nothing_that_returned(data_dir: Path) -> None:
    rng = random.Random(20261125)
    returned: set[int] = set()
    kills = 0
    for _run in range(300):
        printed, finished = run_child(data_dir, rng)
        returned.update(printed)
        if finished:
            break
        kills += 1
    else:
        raise AssertionError("the child never finished 300 actions")
    print(f"crash test: {kills} SIGKILLs before {TOTAL} actions completed")
    assert kills >= 8
    assert TOTAL - 1 in returned

    conn = sqlite3.connect(database_path(data_dir))
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()

    with Store.open(data_dir) as store:
        events = store.events()
        actions = [e for e in events if e.action in ("done", "undo")]
        assert len(actions) == len(events) == TOTAL
        for k in sorted(returned):
            event = actions[k]
            if k % 4 == 3:
                assert event.action == "undo", k
            else:
                assert event.action == "done", k
                assert event.payload["id"] == f"item-{k % 37}"
                assert event.payload["minutes"] == k % 50
        # every undo marked exactly the event it reversed
        undone = {e.seq for e in events if e.undone}
        assert undone == {e.payload["of"] for e in events if e.action == "undo"}
        assert store.load_progress().items == expected_items()
