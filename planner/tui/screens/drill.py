"""The rapid-fire drill: N questions against a 15-minute countdown, each self-rated (every
rating is a review), then a summary."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import Static

from planner.core.practice.drill import DRILL_MINUTES
from planner.tui.screens.review_session import ReviewSessionScreen, rating_counts
from planner.tui.widgets.countdown import Countdown, clock_text


class DrillScreen(ReviewSessionScreen):
    HELP_GROUP = "Drill"
    TITLE_TEXT = "Drill question"
    WORK_KIND = "drill"  # (a mock round's drill part is done by one)

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "close", "Close", id="drill.close", priority=True),
    ]

    def __init__(self, practice_ids: Sequence[str], minutes: int = DRILL_MINUTES) -> None:
        super().__init__(practice_ids)
        self.minutes = minutes

    def compose_top(self) -> ComposeResult:
        yield Countdown(self.minutes * 60, self.workspace.clock, id="drill-countdown")
        yield Static(id="drill-summary")

    def on_mount(self) -> None:
        self.query_one("#drill-summary", Static).display = False
        super().on_mount()

    @property
    def countdown(self) -> Countdown:
        return self.query_one("#drill-countdown", Countdown)

    def on_countdown_expired(self, _message: Countdown.Expired) -> None:
        if not self.finished:
            self.finish()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "close":
            return self.finished
        if action == "stop":
            return not self.finished
        return super().check_action(action, parameters)

    def finish(self) -> None:
        """Show the summary (time used, ratings, questions not reached) until closed."""
        if self.finished:
            return
        self.finished = True
        self.countdown.stop()
        not_reached = len(self.practice_ids) - len(self.ratings)
        lines = [
            Content.styled("Drill finished", "bold"),
            Content(
                f"{len(self.ratings)} of {len(self.practice_ids)} questions in "
                f"{clock_text(min(self.countdown.elapsed, self.minutes * 60))}"
                f"{' (time is up)' if self.countdown.expired else ''}"
            ),
            Content(f"ratings: {rating_counts(self.ratings)}"),
        ]
        if not_reached:
            lines.append(Content(f"not reached: {not_reached} (they stay first in line)"))
        weak = [pid for pid, rating in self.ratings if rating in ("again", "hard")]
        if weak:
            lines.append(Content(f"to look at again: {', '.join(weak)}"))
        lines.append(Content.styled("Press enter to close.", "$text-muted"))
        summary = self.query_one("#drill-summary", Static)
        summary.update(Content("\n").join(lines))
        summary.display = True
        for widget_id in ("#prompt", "#answer-box", "#session-progress"):
            self.query_one(widget_id).display = False
        self.refresh_bindings()

    def action_close(self) -> None:
        if self.finished:
            self.dismiss(len(self.ratings))
