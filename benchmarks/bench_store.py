"""Store figures: one action's latency, reading progress with a long history, export/import.

Run: .venv/bin/python benchmarks/bench_store.py [EVENTS]
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

from planner.store.store import Store

DAY = dt.date(2026, 11, 25)


def timed(label: str, repeat: int, action: object) -> None:
    assert callable(action)
    start = time.perf_counter()
    for _ in range(repeat):
        action()
    elapsed = (time.perf_counter() - start) / repeat
    print(f"{label:<44} {elapsed * 1000:9.2f} ms")


def main() -> None:
    events = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    with tempfile.TemporaryDirectory() as folder:
        data_dir = Path(folder) / "data"
        with Store.open(data_dir) as store:
            start = time.perf_counter()
            for n in range(events):
                on = DAY + dt.timedelta(days=n % 60)
                match n % 4:
                    case 0:
                        store.record_done(f"item-{n % 500}", on, 30)
                    case 1:
                        store.add_minutes(f"item-{(n + 7) % 500}", 15, on)
                    case 2:
                        at = dt.datetime.combine(on, dt.time(20, n % 60))
                        store.record_review(f"q-{n % 300}", "good", at, 2)
                    case _:
                        store.save_note(f"item-{n % 500}", f"note {n}")
            per_action = (time.perf_counter() - start) / events
            print(
                f"{events} actions, one transaction each:  {per_action * 1000:9.2f} ms per action"
            )
            timed(f"load_progress() with {events} events", 5, store.load_progress)
            timed(
                "record_done() + undo()", 50, lambda: (store.record_done("x", DAY, 5), store.undo())
            )
            timed("export_state()", 3, store.export_state)
            state = store.export_state()
        other = Path(folder) / "other"
        with Store.open(other) as store:
            timed(f"import_state() of {events} events", 3, lambda: store.import_state(state))
        timed("Store.open() + close() of an existing store", 10, lambda: Store.open(other).close())


if __name__ == "__main__":
    main()
