"""Shared set-up of the TUI tests: the bundled syllabus, a fixed plan, an app on a store."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from functools import cache
from pathlib import Path

from planner.core.plan import Plan
from planner.core.syllabus.loading import load_syllabus
from planner.core.syllabus.model import Syllabus
from planner.paths import bundled_syllabus
from planner.store.store import Store
from planner.tui.app import PlannerApp
from planner.tui.screenshots import demo_plan

TODAY = dt.date(2026, 11, 25)
"""Wednesday: the fixed date of every TUI test and snapshot."""


@cache
def bundled() -> Syllabus:
    return load_syllabus([bundled_syllabus()])


def fixed_plan() -> Plan:
    """The screenshots' demo plan (a phone screen in two weeks and an onsite in six, a few
    days off at Christmas), starting today rather than a week ago."""
    return replace(demo_plan(), start=None)


def store_with_plan(data_dir: Path, plan: Plan | None = None) -> Store:
    store = Store.open(data_dir)
    store.save_plan(plan or fixed_plan())
    return store


def make_app(store: Store, today: dt.date = TODAY, syllabus: Syllabus | None = None) -> PlannerApp:
    return PlannerApp(syllabus or bundled(), store, today)
