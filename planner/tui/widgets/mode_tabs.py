"""The tab bar: where you are, and a click (or the number key) to go elsewhere."""

from __future__ import annotations

import datetime as dt

from textual.app import RenderResult
from textual.content import Content
from textual.widget import Widget

from planner.tui.modes import MODES


class ModeTabs(Widget):
    """One line: `1 Today  2 Schedule  3 Syllabus ...` with the current mode highlighted."""

    DEFAULT_CSS = """
    ModeTabs {
        height: 1;
        width: 1fr;
        background: $panel;
        color: $text-muted;
        link-style: none;
        link-color: $text-muted;
        link-background: $panel;
        link-style-hover: bold;
        link-color-hover: $text;
        link-background-hover: $panel-lighten-1;
    }
    """

    def __init__(self, current: str, today: dt.date | None = None) -> None:
        super().__init__()
        self.current = current
        self.today = today

    def render(self) -> RenderResult:
        parts: list[Content | tuple[str, str] | str] = []
        for mode in MODES:
            label = f" {mode.key} {mode.title} "
            if mode.name == self.current:
                parts.append((label, "bold reverse $accent"))
            else:
                parts.append(Content(label).stylize(f"@click=app.switch_mode({mode.name!r})"))
            parts.append(" ")
        tabs = Content.assemble(*parts)
        if self.today is None:
            return tabs
        for text in (f"planner · {self.today:%a %d %b %Y} ", f"{self.today:%a %d %b} "):
            right = Content(text)
            gap = self.size.width - tabs.cell_length - right.cell_length
            if gap >= 1:
                return Content.assemble(tabs, " " * gap, right)
        return tabs
