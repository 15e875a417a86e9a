"""A burn-down chart in text cells: required minutes left per day, done (from the work log)
as solid bars, planned (along the schedule) as shaded bars, the ideal line as dots."""

from __future__ import annotations

from textual.app import RenderResult
from textual.content import Content
from textual.widget import Widget

from planner.core.labels import format_minutes
from planner.core.practice.readiness import BurnDown

AXIS = 7
"""Cells kept on the left for the minutes axis."""

DONE_STYLE = "$accent"
PLANNED_STYLE = "$primary"
IDEAL_STYLE = "bold $success"


def _column_values(burn: BurnDown, columns: int) -> list[tuple[int | None, bool, int]]:
    """Per column: (bar value, is planned rather than done, ideal value). Days are spread
    over the columns (several columns a day, or days sampled when there are more days)."""
    ideal = list(burn.ideal)
    actual = dict(burn.actual)
    planned = dict(burn.planned)
    days = len(ideal)
    values: list[tuple[int | None, bool, int]] = []
    for column in range(columns):
        index = min(days - 1, column * days // columns)
        day, ideal_value = ideal[index]
        if day in actual:
            values.append((actual[day], False, ideal_value))
        elif day in planned:
            values.append((planned[day], True, ideal_value))
        else:
            values.append((None, False, ideal_value))
    return values


def burndown_lines(burn: BurnDown, width: int, height: int) -> list[Content]:
    """The chart as `height` lines of at most `width` cells, plus an axis line."""
    days = len(burn.ideal)
    if days == 0 or height < 2:
        return [Content("")]
    columns = max(1, width - AXIS)
    values = _column_values(burn, columns)
    top = max([burn.total, 1, *(v for v, _p, _i in values if v is not None)])
    lines: list[Content] = []
    for row in range(height - 1, -1, -1):
        low = top * row / height
        high = top * (row + 1) / height
        label = format_minutes(top) if row == height - 1 else ("0" if row == 0 else "")
        parts: list[tuple[str, str] | str] = [f"{label:>{AXIS - 1}} "]
        for value, is_planned, ideal in values:
            style = PLANNED_STYLE if is_planned else DONE_STYLE
            if low <= ideal < high or (row == 0 and ideal == 0):
                parts.append(("•", IDEAL_STYLE))
            elif value is not None and value >= high:
                parts.append(("█" if not is_planned else "▒", style))
            elif value is not None and value > low and value - low >= (high - low) / 2:
                parts.append(("▄" if not is_planned else "░", style))
            else:
                parts.append(" ")
        lines.append(Content.assemble(*parts))
    first, last = burn.ideal[0][0], burn.ideal[-1][0]
    axis_left = f"{first:%d %b}"
    axis_right = f"{last:%d %b}"
    gap = max(1, columns - len(axis_left) - len(axis_right))
    lines.append(Content(" " * AXIS + axis_left + " " * gap + axis_right))
    return lines


class BurnDownChart(Widget):
    """One interview's burn-down; set `burn` to draw it."""

    DEFAULT_CSS = """
    BurnDownChart {
        height: 9;
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
        self.refresh()

    def render(self) -> RenderResult:
        if self.burn is None:
            return Content("")
        lines = burndown_lines(self.burn, self.size.width or 80, max(2, self.size.height - 1))
        return Content("\n").join(lines)


LEGEND = Content.assemble(
    ("█", DONE_STYLE),
    " done  ",
    ("▒", PLANNED_STYLE),
    " planned  ",
    ("•", IDEAL_STYLE),
    " ideal  (required minutes left per day)",
)
