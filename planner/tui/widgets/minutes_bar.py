"""A one-line bar of today's minutes: done out of planned, with the percentage.

Lighter than Textual's ProgressBar (no animation, no ETA clock): it is on the first screen,
so it is part of start-up."""

from __future__ import annotations

from textual.app import RenderResult
from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget


class MinutesBar(Widget):
    DEFAULT_CSS = """
    MinutesBar {
        height: 1;
        width: 1fr;
        color: $foreground;
    }
    """

    done: reactive[int] = reactive(0)
    total: reactive[int] = reactive(1)

    def update(self, *, done: int, total: int) -> None:
        self.total = max(1, total)
        self.done = max(0, done)

    @property
    def fraction(self) -> float:
        return min(1.0, self.done / self.total)

    def render(self) -> RenderResult:
        percent = f" {round(self.fraction * 100):3d}%"
        width = max(1, self.size.width - len(percent))
        filled = round(self.fraction * width)
        return Content.assemble(
            ("━" * filled, "$success"),
            ("━" * (width - filled), "$foreground 20%"),
            percent,
        )
