"""A mock design round: the prompt, a 45-minute countdown, the design framework checklist
each self-scored 0-2, free notes; saved as a mock round in the log."""

from __future__ import annotations

import math
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Static, TextArea

from planner.core.practice.drill import DESIGN_FRAMEWORK, MOCK_MINUTES
from planner.tui.host import workspace_of
from planner.tui.widgets.answer_outline import AnswerOutline
from planner.tui.widgets.countdown import Countdown
from planner.tui.widgets.key_bar import KeyBar
from planner.tui.widgets.row_table import RowTable
from planner.workspace import Workspace

SCORE_TEXT = ("0 missed", "1 partly", "2 covered")

SCORING_HINT = "0, 1 or 2 scores the step under the cursor and moves on to the next"


class MockRoundScreen(Screen[bool]):
    """Dismisses with True once saved."""

    HELP_GROUP = "Mock round"
    CSS_PATH = "practice_session.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("0", "score(0)", "Missed", id="mock.score0"),
        Binding("1", "score(1)", "Partly", id="mock.score1"),
        Binding("2", "score(2)", "Covered", id="mock.score2"),
        # other digits would fall through to the app and switch modes mid-round
        Binding("3,4,5,6,7,8,9", "out_of_range", show=False),
        Binding("ctrl+s", "save", "Save mock", id="mock.save", priority=True),
        Binding("ctrl+o", "outline", "Outline", id="mock.outline"),
        Binding("escape", "cancel", "Cancel", id="mock.cancel"),
    ]

    def __init__(self, practice_id: str, minutes: int = MOCK_MINUTES) -> None:
        super().__init__()
        self.practice_id = practice_id
        self.minutes = minutes
        self.scores: dict[str, int] = dict.fromkeys(DESIGN_FRAMEWORK, 0)

    @property
    def workspace(self) -> Workspace:
        return workspace_of(self.app)

    def compose(self) -> ComposeResult:
        practice = self.workspace.syllabus.practice_item(self.practice_id)
        prompt = practice.prompt if practice is not None else self.practice_id
        yield Static(Content(f"Mock design round · {self.practice_id}"), id="session-title")
        yield Countdown(self.minutes * 60, self.workspace.clock, id="session-countdown")
        yield Static(Content(prompt), id="session-prompt")
        yield AnswerOutline(practice.answer if practice is not None else "", id="session-outline")
        yield Static(Content(SCORING_HINT), id="checklist-hint")
        yield RowTable(id="checklist", cursor_type="row")
        yield TextArea(id="session-notes", soft_wrap=True)
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.query_one("#checklist", DataTable)
        table.add_column("Step", key="step", width=30)
        table.add_column("Score (0-2)", key="score", width=12)
        for step in DESIGN_FRAMEWORK:
            table.add_row(Text(step), Text(SCORE_TEXT[0]), key=step)
        self.query_one("#session-notes", TextArea).border_title = "Notes (tab to move here)"
        table.focus()

    def action_score(self, score: int) -> None:
        table = self.query_one("#checklist", DataTable)
        step = DESIGN_FRAMEWORK[table.cursor_row]
        self.scores[step] = max(0, min(2, score))
        table.update_cell(step, "score", Text(SCORE_TEXT[self.scores[step]]))
        if table.cursor_row < len(DESIGN_FRAMEWORK) - 1:
            table.move_cursor(row=table.cursor_row + 1)  # (the hint above says so)
        else:
            self.query_one(AnswerOutline).reveal()  # the last step scored: the round is over

    def on_countdown_expired(self) -> None:
        self.query_one(AnswerOutline).reveal()

    def action_outline(self) -> None:
        """The answer outline: at once when the round is over, else after a warning."""
        self.query_one(AnswerOutline).ask()

    def action_out_of_range(self) -> None:
        self.notify("Score each step 0 (missed), 1 (partly) or 2 (covered)", timeout=2)

    @property
    def used_minutes(self) -> int:
        return max(1, math.ceil(self.query_one(Countdown).elapsed / 60))

    def action_save(self) -> None:
        notes = self.query_one("#session-notes", TextArea).text
        self.workspace.record_mock(self.practice_id, self.scores, self.used_minutes, notes)
        total = sum(self.scores.values())
        self.app.notify(f"Mock saved: {total}/{2 * len(self.scores)}", timeout=3)
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)
