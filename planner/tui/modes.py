"""The app's modes: one main screen each, switched with a number key or the tab bar.

To add a mode, add one `Mode(...)` line to `MODES` (screens are imported only when first
shown, so start-up does not pay for screens nobody opened).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

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

    def screen_class(self) -> type[Screen[None]]:
        screen_class: type[Screen[None]] = getattr(
            importlib.import_module(self.module), self.class_name
        )
        return screen_class

    def __call__(self) -> Screen[None]:
        return self.screen_class()()


def screen_class_of(mode: Mode) -> type[Screen[None]] | None:
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
)

DEFAULT_MODE = "today"
