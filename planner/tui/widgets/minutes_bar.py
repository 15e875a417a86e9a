"""A one-line bar of today's minutes: done out of the day's capacity, with the percentage
(in the warning colour past 100%: the day ran over).

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

    value: reactive[float] = reactive(0.0)
    """Done out of capacity: 1.0 is the whole day, more is over it."""

    def update(self, fraction: float) -> None:
        self.value = max(0.0, fraction)

    @property
    def fraction(self) -> float:
        return min(1.0, self.value)

    def render(self) -> RenderResult:
        percent = f" {round(self.value * 100):3d}%"
        width = max(1, self.size.width - len(percent))
        filled = round(self.fraction * width)
        over = self.value > 1.0
        return Content.assemble(
            ("━" * filled, "$warning" if over else "$success"),
            ("━" * (width - filled), "$foreground 20%"),
            (percent, "bold $warning" if over else ""),
        )
