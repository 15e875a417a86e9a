"""The History screen's charts: minutes per day, each week's minutes against the plan's,
minutes per week by round, and reviews per day."""

from __future__ import annotations

from typing import Any

from planner.core.practice.history import History, HistoryDay
from planner.tui.widgets.charts import Chart, count_axis, day_ticks, minute_axis

ROUND_COLOURS = ("primary", "secondary", "accent", "success", "warning", "error")

DAYS_SHOWN = 56
"""The minutes-per-day and reviews charts show the last eight weeks."""


class HistoryChart(Chart):
    def __init__(self, history: History, *, classes: str | None = None) -> None:
        super().__init__(classes=classes)
        self.history = history

    def show(self, history: History) -> None:
        self.history = history
        self.replot()

    def recent_days(self) -> tuple[HistoryDay, ...]:
        return self.history.days[-DAYS_SHOWN:]

    def date_axis(self, plt: Any, days: tuple[HistoryDay, ...]) -> None:
        positions, labels = day_ticks(days[0].date, days[-1].date)
        plt.xticks(positions, labels)
        plt.xlim(-0.5, len(days) - 0.5)


class MinutesPerDayChart(HistoryChart):
    """Minutes studied each day (a bar only on days with work: plotext draws a zero as a
    sliver that reads as work)."""

    def draw(self, plt: Any) -> None:
        days = self.recent_days()
        if not days:
            return
        worked = [(k, d) for k, d in enumerate(days) if d.minutes > 0]
        if worked:
            x = [k for k, _ in worked]
            totals = [float(d.minutes) for _, d in worked]
            plt.bar(x, totals, color=self.colour("success"), width=0.6)
        else:
            plt.title("No work recorded yet")
        self.date_axis(plt, days)
        minute_axis(plt, max(d.minutes for d in days))


class WeeksChart(HistoryChart):
    """Each week: the minutes done beside the minutes the plan gave (up to today)."""

    def draw(self, plt: Any) -> None:
        weeks = self.history.weeks[-12:]
        if not weeks:
            return
        labels = [f"{w.start:%d %b}" for w in weeks]
        done = [float(w.minutes) for w in weeks]
        planned = [float(w.planned) for w in weeks]
        colours = [
            self.entry("done", self.colour("success"), "██"),
            self.entry("the plan's minutes", self.colour("foreground", 0.55), "██"),
        ]
        plt.multiple_bar(labels, [done, planned], color=colours)
        minute_axis(plt, max([w.minutes for w in weeks] + [w.planned for w in weeks]))


class RoundsChart(HistoryChart):
    """Minutes each week, one line per round."""

    def draw(self, plt: Any) -> None:
        weeks = self.history.weeks[-12:]
        if not weeks or not self.history.rounds:
            plt.title("No work recorded yet")
            return
        x = list(range(len(weeks)))
        for k, round_id in enumerate(self.history.rounds):
            colour = self.colour(ROUND_COLOURS[k % len(ROUND_COLOURS)])
            values = [float(w.by_round.get(round_id, 0)) for w in weeks]
            plt.plot(x, values, color=self.entry(round_id, colour), marker="hd")
        plt.xticks(x, [f"{w.start:%d %b}" for w in weeks])
        plt.xlim(-0.25, max(0.25, len(weeks) - 0.75))
        minute_axis(plt, max(m for w in weeks for m in [0, *w.by_round.values()]))


class ReviewsChart(HistoryChart):
    """Reviews (drills included) given each day."""

    def draw(self, plt: Any) -> None:
        days = self.recent_days()
        if not days:
            return
        given = [(k, d) for k, d in enumerate(days) if d.reviews]
        if given:
            x = [k for k, _ in given]
            counts = [float(sum(d.reviews.values())) for _, d in given]
            plt.bar(x, counts, color=self.colour("primary"), width=0.6)
        else:
            plt.title("No reviews yet")
        self.date_axis(plt, days)
        count_axis(plt, max(sum(d.reviews.values()) for d in days))
