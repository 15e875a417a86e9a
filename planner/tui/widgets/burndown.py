"""One interview's burn-down as a chart: the required study minutes still to do at the end
of each day, as done so far (from the work log), as planned along the schedule,
and the ideal straight line to zero on the last study day; dates on the x axis, a legend."""

from __future__ import annotations

from typing import Any

from planner.core.practice.readiness import BurnDown
from planner.tui.widgets.charts import Chart, day_ticks, minute_axis

DONE = "done so far"
PLANNED = "planned"
IDEAL = "ideal"


class BurnDownChart(Chart):
    """Set `burn` (or pass it) to draw it."""

    DEFAULT_CSS = """
    BurnDownChart {
        height: 14;
        width: 1fr;
    }
    """

    def __init__(
        self,
        burn: BurnDown | None = None,
        *,
        id: str | None = None,  # noqa: A002
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.burn = burn

    def show(self, burn: BurnDown) -> None:
        self.burn = burn
        self.replot()

    def draw(self, plt: Any) -> None:
        burn = self.burn
        if burn is None or not burn.ideal:
            return
        first, last = burn.ideal[0][0], burn.ideal[-1][0]

        def series(points: tuple[tuple[Any, int], ...]) -> tuple[list[int], list[float]]:
            return [(d - first).days for d, _ in points], [float(v) for _, v in points]

        ideal_x, ideal_y = series(burn.ideal)
        ideal = self.entry(IDEAL, self.colour("foreground", 0.45), "••")
        plt.plot(ideal_x, ideal_y, color=ideal, marker="dot")
        if burn.actual:
            done_x, done_y = series(burn.actual)
            plt.plot(done_x, done_y, color=self.entry(DONE, self.colour("success")), marker="hd")
        if burn.planned:
            planned_x, planned_y = series(burn.planned)
            planned = self.entry(PLANNED, self.colour("primary"))
            plt.plot(planned_x, planned_y, color=planned, marker="hd")
        positions, labels = day_ticks(first, last)
        plt.xticks(positions, labels)
        plt.xlim(0, max(1, (last - first).days))
        minute_axis(plt, max([burn.total, *(v for _, v in burn.actual + burn.planned)]))
