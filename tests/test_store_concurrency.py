"""Several processes on one store (two windows, a script and the app): nobody's writes are
lost, nobody fails on a busy database, a fresh store is created and migrated once."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from planner.store.store import Store

WRITER = """
import datetime as dt, sys
from pathlib import Path
from planner.store.store import Store

name, count = sys.argv[2], int(sys.argv[3])
store = Store.open(Path(sys.argv[1]))
for n in range(count):
    store.record_done(f"{name}-{n}", dt.date(2026, 11, 25), 1)
    store.save_note("shared", f"{name} {n}")
    store.load_progress()
store.close()
"""


def test_concurrent_writers_on_a_fresh_store_lose_nothing(data_dir: Path) -> None:
    writers, count = 4, 25
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(data_dir), f"w{i}", str(count)],
            stderr=subprocess.PIPE,
            text=True,
        )
        for i in range(writers)
    ]
    for proc in procs:
        _out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
    with Store.open(data_dir) as store:
        items = store.load_progress().items
        assert set(items) == {f"w{i}-{n}" for i in range(writers) for n in range(count)}
        events = store.events()
        assert sum(1 for e in events if e.action == "done") == writers * count
        assert [e.action for e in events].count("plan") == 0
        assert store.integrity_check() == "ok"
        assert store.schema_version == 2


def test_an_open_window_sees_another_processes_tick(data_dir: Path) -> None:
    with Store.open(data_dir) as window:
        window.save_note("a", "typed in the window")
        subprocess.run(
            [sys.executable, "-c", WRITER, str(data_dir), "script", "1"], check=True, timeout=60
        )
        assert window.load_progress().of("script-0").done
        assert window.note("shared") == "script 0"
        assert window.note("a") == "typed in the window"
