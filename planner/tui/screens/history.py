"""History: what was done, day by day and week by week, streaks, and the practice record."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from planner.core.labels import format_minutes
from planner.core.practice.history import History, history
from planner.tui.screens.base import PlannerScreen
from planner.tui.widgets.history_charts import (
    HistoryChart,
    MinutesPerDayChart,
    ReviewsChart,
    RoundsChart,
    WeeksChart,
)
from planner.tui.widgets.key_bar import KeyBar
from planner.tui.widgets.mode_tabs import ModeTabs


class HistoryScreen(PlannerScreen):
    MODE = "history"
    HELP_GROUP = "History"
    CSS_PATH = "history.tcss"

    def compose(self) -> ComposeResult:
        ws = self.workspace
        figures = self._figures()
        yield ModeTabs(self.MODE, ws.today)
        with VerticalScroll(id="history-body"):
            yield Static(summary_content(figures), id="history-summary")
            yield heading("Minutes per day")
            yield MinutesPerDayChart(figures, classes="chart")
            yield heading("Week by week: done and planned")
            yield from WeeksChart(figures, classes="chart").with_legend()
            yield heading("Week by week, per round")
            yield from RoundsChart(figures, classes="chart").with_legend()
            yield heading("Reviews per day")
            yield ReviewsChart(figures, classes="chart")
        yield KeyBar()

    def _figures(self) -> History:
        ws = self.workspace
        return history(ws.syllabus, ws.plan, ws.progress, ws.today)

    def refresh_view(self) -> None:
        figures = self._figures()
        self.query_one("#history-summary", Static).update(summary_content(figures))
        for chart in self.query(HistoryChart):
            chart.show(figures)


def heading(text: str) -> Static:
    return Static(Content.styled(text, "bold"), classes="heading")


def summary_content(figures: History) -> Content:
    """Totals and streaks in two lines."""
    days = figures.days_with_work
    reviews = figures.reviews
    given = sum(reviews.values())
    ratings = ", ".join(f"{r} {n}" for r, n in reviews.items() if n) or "none yet"
    return Content.assemble(
        ("Studied ", ""),
        (format_minutes(figures.total_minutes), "bold"),
        f" on {days} day{'' if days == 1 else 's'} · streak ",
        (f"{figures.current_streak} day{'' if figures.current_streak == 1 else 's'}", "bold"),
        f" (longest {figures.longest_streak})\n",
        f"Reviews: {given} ({ratings})",
    )
