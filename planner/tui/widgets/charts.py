"""Charts drawn with plotext (through textual-plotext): axes, dates and a legend, in the
colours of the app's theme (redrawn when the theme changes). Imported only by the screens
that show a chart, never at start-up."""

from __future__ import annotations

import datetime as dt
from typing import Any

from textual.color import Color
from textual.content import Content
from textual.widgets import Static
from textual_plotext import PlotextPlot

RGB = tuple[int, int, int]


class Chart(PlotextPlot):
    """A plot redrawn from its data whenever it is shown or the theme changes; subclasses
    say what to draw in `draw`."""

    DEFAULT_CSS = """
    Chart {
        height: 12;
        width: 1fr;
    }
    """

    legend: Static | None = None
    """Where the legend goes, below the plot (plotext draws its own over the data)."""
    used_colours: list[RGB]
    """The colours the last drawing used (for its lines, bars and legend)."""

    def on_mount(self) -> None:
        super().on_mount()
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self.replot())
        self.replot()

    def with_legend(self) -> tuple[Chart, Static]:
        """This chart and a line for its legend, to mount one after the other."""
        self.legend = Static(classes="chart-legend")
        return self, self.legend

    def replot(self) -> None:
        plt = self.plt
        plt.clear_data()
        plt.clear_figure()
        self.used_colours = []
        self._entries: list[tuple[str, RGB, str]] = []
        self.draw(plt)
        if self.legend is not None:
            parts: list[tuple[str, str] | str] = []
            for label, rgb, glyph in self._entries:
                parts += [(glyph, f"rgb{rgb}"), f" {label}   "]
            self.legend.update(Content.assemble(*parts))
        self.refresh()

    def entry(self, label: str, colour: RGB, glyph: str = "━━") -> RGB:
        """Name a series in the legend, drawn as `glyph` in `colour`; returns the colour."""
        self._entries.append((label, colour, glyph))
        return colour

    def draw(self, plt: Any) -> None:
        """Draw the chart on `plt` (a plotext figure, cleared)."""

    def colour(self, variable: str, fade: float = 0.0) -> RGB:
        """A colour of the app's theme ("success", "primary", "foreground"...) as plotext
        takes it, `fade` of the way towards the background."""
        from textual.color import ColorParseError

        theme = self.app.theme_variables

        def parsed(name: str, default: str) -> Color:
            try:
                return Color.parse(theme.get(name, default))
            except ColorParseError:
                return Color.parse(default)

        surface = parsed("surface", "#000000")
        colour = readable(
            parsed(variable, "#808080").blend(surface, fade),
            surface,
            parsed("foreground", "#ffffff"),
        )
        self.used_colours.append(colour.rgb)
        return colour.rgb


MIN_CONTRAST = 3.0
"""What WCAG asks of graphics against their background: lines and bars keep at least it."""


def readable(colour: Color, background: Color, foreground: Color) -> Color:
    """`colour`, moved towards the theme's foreground (then black or white) until it stands
    out from `background` by `MIN_CONTRAST`; as it is when the theme's colours are the
    terminal's own (ANSI themes: the contrast cannot be known)."""
    if background.a == 0 or colour.a == 0:
        return colour
    for target in (foreground, Color(0, 0, 0), Color(255, 255, 255)):
        for step in range(11):
            moved = colour.blend(target, step / 10)
            if contrast(moved, background) >= MIN_CONTRAST:
                return moved
    return colour


def contrast(one: Color, other: Color) -> float:
    """The WCAG contrast ratio of two colours (1 to 21)."""

    def luminance(colour: Color) -> float:
        def channel(value: int) -> float:
            v = value / 255
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        r, g, b = colour.rgb
        return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)

    high, low = sorted((luminance(one), luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def day_ticks(first: dt.date, last: dt.date, most: int = 6) -> tuple[list[int], list[str]]:
    """Positions (days after `first`) and labels ("25 Nov") for at most `most` dates from
    `first` to `last`, evenly spread, both ends included."""
    days = max(0, (last - first).days)
    if days == 0:
        return [0], [f"{first:%d %b}"]
    count = max(2, min(most, days + 1))
    positions = sorted({round(k * days / (count - 1)) for k in range(count)})
    return positions, [f"{first + dt.timedelta(days=p):%d %b}" for p in positions]


MINUTE_STEPS = (5, 10, 15, 30, 60, 120, 180, 240, 360, 480, 600, 720, 1200, 1800, 2400, 3600)


def minute_axis(plt: Any, top: int, most: int = 5) -> None:
    """Y ticks for values in minutes, labelled as minutes ("30m", "1h30m") at a round step,
    from 0 to at least `top`."""
    from planner.core.labels import format_minutes

    top = max(1, top)
    step = next((s for s in MINUTE_STEPS if top / s <= most), MINUTE_STEPS[-1])
    ticks = list(range(0, top + step, step))
    plt.yticks(ticks, ["0" if t == 0 else format_minutes(t) for t in ticks])
    plt.ylim(0, ticks[-1])


def count_axis(plt: Any, top: int, most: int = 5) -> None:
    """Y ticks for counts: whole numbers from 0 to at least `top`."""
    top = max(1, top)
    step = max(1, -(-top // most))
    ticks = list(range(0, top + step, step))
    plt.yticks(ticks, [str(t) for t in ticks])
    plt.ylim(0, ticks[-1])
