"""The registry of the app's screens: the modes (one main screen each, switched with a
number key or the tab bar) and the screens pushed over them.

To add a mode, add one `Mode(...)` line to `MODES`; to add a pushed screen, add it to
`PUSHED_SCREENS` so that the help screen lists its keys. Screens are named here, not
imported: each is imported only when first shown, so start-up does not pay for screens
nobody opened, and nothing that lists screens has to import them all.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from textual.screen import Screen


@dataclass(frozen=True, slots=True)
class Mode:
    key: str
    """The number key that switches to it."""
    name: str
    """Mode name, also the Binding id suffix: `mode.<name>`."""
    title: str
    """Shown in the tab bar, the footer and the command palette."""
    factory: Callable[[], Screen[None]]


class lazy:  # noqa: N801 (used like a function in the MODES table)
    """A screen factory that imports `module` on first use."""

    def __init__(self, module: str, class_name: str) -> None:
        self.module = module
        self.class_name = class_name

    def screen_class(self) -> type[Screen[Any]]:
        screen_class: type[Screen[Any]] = getattr(
            importlib.import_module(self.module), self.class_name
        )
        return screen_class

    def __call__(self) -> Screen[None]:
        screen: Screen[None] = self.screen_class()()
        return screen


def screen_class_of(mode: Mode) -> type[Screen[Any]] | None:
    """The class of a mode's screen without making one (None when the factory is opaque)."""
    factory = mode.factory
    if isinstance(factory, lazy):
        return factory.screen_class()
    if isinstance(factory, type) and issubclass(factory, Screen):
        return factory
    return None


MODES: tuple[Mode, ...] = (
    Mode("1", "today", "Today", lazy("planner.tui.screens.today", "TodayScreen")),
    Mode("2", "schedule", "Schedule", lazy("planner.tui.screens.schedule", "ScheduleScreen")),
    Mode("3", "syllabus", "Syllabus", lazy("planner.tui.screens.syllabus", "SyllabusScreen")),
    Mode("4", "practice", "Practice", lazy("planner.tui.screens.practice", "PracticeScreen")),
    Mode("5", "readiness", "Readiness", lazy("planner.tui.screens.readiness", "ReadinessScreen")),
    Mode("6", "history", "History", lazy("planner.tui.screens.history", "HistoryScreen")),
)

DEFAULT_MODE = "today"

PUSHED_SCREENS: tuple[lazy, ...] = (
    lazy("planner.tui.screens.item_detail", "ItemDetailScreen"),
    lazy("planner.tui.screens.review_session", "ReviewSessionScreen"),
    lazy("planner.tui.screens.drill", "DrillScreen"),
    lazy("planner.tui.screens.mock_round", "MockRoundScreen"),
    lazy("planner.tui.screens.coding_task", "CodingTaskScreen"),
    lazy("planner.tui.screens.plan_setup", "PlanSetupScreen"),
    lazy("planner.tui.screens.pin_date", "PinDateScreen"),
    lazy("planner.tui.screens.help", "HelpScreen"),
)
"""Screens pushed over a mode, in the order the help screen lists their keys."""
