"""Store actions shared by the undo and export property tests: (store, n) -> one write."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from planner.core.plan import Interview, Plan
from planner.core.progress import Attempt, MockRound
from planner.store.store import Store

DAY = dt.date(2026, 11, 25)
AT = dt.datetime(2026, 11, 25, 21, 0)


def plan(minutes: int) -> Plan:
    interview = Interview(name="Onsite", date=dt.date(2026, 12, 20), rounds=("ml-theory",))
    return Plan(interviews=(interview,), weekday_minutes=(minutes,) * 7)


ACTIONS: list[Callable[[Store, int], None]] = [
    lambda s, n: s.record_done(f"i{n % 3}", DAY + dt.timedelta(days=n % 4), n % 50),
    lambda s, n: s.record_undone(f"i{n % 3}", DAY),
    lambda s, n: s.add_minutes(f"i{n % 3}", n % 40 - 15, DAY + dt.timedelta(days=n % 3)),
    lambda s, n: s.set_skipped(f"i{n % 3}", n % 2 == 0, DAY),
    lambda s, n: s.skip_all([f"i{n % 3}", f"i{(n + 1) % 3}"], DAY),
    lambda s, n: s.push(f"i{n % 3}", DAY + dt.timedelta(days=n % 5)),
    lambda s, n: s.pin(f"i{n % 3}", None if n % 3 == 0 else DAY + dt.timedelta(days=n % 6)),
    lambda s, n: s.save_note(f"i{n % 3}", "" if n % 4 == 0 else f"note {n % 3}"),
    lambda s, n: s.record_review(f"q{n % 2}", "good", AT + dt.timedelta(hours=n), n % 6),
    lambda s, n: s.save_plan(plan(n % 200)),
    lambda s, n: s.record_attempt(Attempt(f"k{n % 2}", "solved", n % 60, AT, f"try {n}")),
    lambda s, n: s.record_mock(MockRound(f"d{n % 2}", {"clarify": n % 3}, 45, AT)),
]
