"""Shared set-up of the TUI tests: the bundled syllabus, a fixed plan, an app on a store."""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path

from planner.core.loading import load_syllabus
from planner.core.plan import DayOff, Interview, Plan
from planner.core.syllabus import Syllabus
from planner.paths import bundled_syllabus
from planner.store import Store
from planner.tui.app import PlannerApp

TODAY = dt.date(2026, 11, 25)
"""Wednesday: the fixed date of every TUI test and snapshot."""


@cache
def bundled() -> Syllabus:
    return load_syllabus([bundled_syllabus()])


def fixed_plan() -> Plan:
    """A phone screen in two weeks and an onsite in six, a few days off at Christmas."""
    return Plan(
        interviews=(
            Interview(
                name="Meta phone screen",
                date=dt.date(2026, 12, 9),
                rounds=("phone-screen", "dsa-coding"),
            ),
            Interview(
                name="Acme onsite",
                date=dt.date(2027, 1, 6),
                rounds=("ml-coding", "ml-theory", "ml-design"),
            ),
        ),
        weekday_minutes=(90, 90, 90, 90, 90, 240, 0),
        days_off=(DayOff(start=dt.date(2026, 12, 24), end=dt.date(2026, 12, 26)),),
    )


def store_with_plan(data_dir: Path, plan: Plan | None = None) -> Store:
    store = Store.open(data_dir)
    store.save_plan(plan or fixed_plan())
    return store


def make_app(store: Store, today: dt.date = TODAY, syllabus: Syllabus | None = None) -> PlannerApp:
    return PlannerApp(syllabus or bundled(), store, today)
