"""Coding task practice: the task, a timer, the outcome and notes, and for a task with a
kata its starter file and checks (a passed check ends the attempt as solved). Anything not
cleanly solved joins the re-practice queue, and the scheduler brings it back."""

from __future__ import annotations

import math
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import RadioButton, RadioSet, Static, TextArea

from planner.core.practice.drill import OUTCOME_LABELS
from planner.core.progress import OUTCOMES, Outcome
from planner.katas.catalog import kata_of
from planner.tui.host import workspace_of
from planner.tui.widgets.answer_outline import AnswerOutline
from planner.tui.widgets.countdown import Countdown
from planner.tui.widgets.kata_panel import KataPanel
from planner.tui.widgets.key_bar import KeyBar
from planner.workspace import Workspace


class CodingTaskScreen(Screen[bool]):
    """Dismisses with True once the attempt is saved."""

    HELP_GROUP = "Coding task"
    CSS_PATH = "practice_session.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save attempt", id="coding.save", priority=True),
        Binding("ctrl+o", "outline", "Outline", id="coding.outline"),
        Binding("ctrl+n", "starter", "Starter", id="coding.starter", priority=True),
        Binding("ctrl+r", "check", "Check", id="coding.check", priority=True),
        Binding("escape", "cancel", "Cancel", id="coding.cancel"),
        # digits outside the notes would fall through to the app and switch modes mid-task
        Binding("0,1,2,3,4,5,6,7,8,9", "stay", show=False),
    ]

    def __init__(
        self, practice_id: str, *, start_kata: bool = False, check_kata: bool = False
    ) -> None:
        super().__init__()
        self.practice_id = practice_id
        self.kata = kata_of(practice_id)
        self._start_kata = start_kata and self.kata is not None
        self._check_kata = check_kata and self.kata is not None
        self._saved = False

    @property
    def workspace(self) -> Workspace:
        return workspace_of(self.app)

    def compose(self) -> ComposeResult:
        practice = self.workspace.syllabus.practice_item(self.practice_id)
        prompt = practice.prompt if practice is not None else self.practice_id
        minutes = practice.pass_minutes if practice is not None else 30
        yield Static(Content(f"Coding task · {self.practice_id}"), id="session-title")
        yield Countdown(minutes * 60, self.workspace.clock, id="session-countdown")
        yield Static(Content(prompt), id="session-prompt")
        yield AnswerOutline(practice.answer if practice is not None else "", id="session-outline")
        if self.kata is not None:
            yield KataPanel(self.kata, self.workspace.katas_folder, id="kata")
        with RadioSet(id="outcome"):
            for outcome in OUTCOMES:
                yield RadioButton(OUTCOME_LABELS[outcome], id=f"outcome-{outcome}")
        yield TextArea(id="session-notes", soft_wrap=True)
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#outcome", RadioSet).border_title = "Outcome"
        self.query_one("#session-notes", TextArea).border_title = "Notes"
        self.query_one("#outcome", RadioSet).focus()
        if self._start_kata:
            self.action_starter()
        elif self._check_kata:
            self.action_check()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("starter", "check"):
            return self.kata is not None and not self._saved
        return True

    def action_starter(self) -> None:
        self.query_one(KataPanel).write_starter()

    def action_check(self) -> None:
        self.query_one(KataPanel).check()

    def on_kata_panel_checked(self, message: KataPanel.Checked) -> None:
        """Every check passed: the attempt ends as solved."""
        report = message.report
        if not report.all_passed or self._saved:
            return
        self.query_one("#outcome-solved", RadioButton).value = True
        minutes = max(1, math.ceil(self.query_one(Countdown).elapsed / 60))
        notes = self.query_one("#session-notes", TextArea).text.strip()
        summary = f"planner check: {report.passed} of {len(report.results)} checks passed"
        self.workspace.record_attempt(
            self.practice_id, "solved", minutes, f"{notes}\n\n{summary}".strip()
        )
        self._saved = True
        self.refresh_bindings()
        self.app.notify(f"Solved: all {report.passed} checks passed; attempt saved", timeout=4)

    def on_radio_set_changed(self) -> None:
        """An outcome chosen: the attempt is over, the outline shows."""
        self.query_one(AnswerOutline).reveal()

    def on_countdown_expired(self) -> None:
        self.query_one(AnswerOutline).reveal()

    def action_outline(self) -> None:
        """The answer outline: at once when the attempt is over, else after a warning."""
        self.query_one(AnswerOutline).ask()

    @property
    def outcome(self) -> Outcome | None:
        pressed = self.query_one("#outcome", RadioSet).pressed_index
        return OUTCOMES[pressed] if pressed >= 0 else None

    def action_save(self) -> None:
        if self._saved:
            self.dismiss(True)
            return
        outcome = self.outcome
        if outcome is None:
            self.notify("Choose an outcome first", severity="warning", timeout=3)
            return
        minutes = max(1, math.ceil(self.query_one(Countdown).elapsed / 60))
        notes = self.query_one("#session-notes", TextArea).text
        self.workspace.record_attempt(self.practice_id, outcome, minutes, notes)
        if outcome != "solved":
            self.app.notify(
                f"{OUTCOME_LABELS[outcome].capitalize()}: back in the re-practice queue",
                timeout=3,
            )
        else:
            self.app.notify("Solved", timeout=2)
        self.dismiss(True)

    def action_stay(self) -> None:
        self.notify("Save the attempt (ctrl+s) or cancel it (esc) first", timeout=2)

    def action_cancel(self) -> None:
        self.dismiss(self._saved)
