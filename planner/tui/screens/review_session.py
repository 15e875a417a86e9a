"""A review session: a prompt, a key to reveal the answer outline, the linked items and the
person's notes, then a rating (1-4 = Again / Hard / Good / Easy) stored as one review."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from typing import ClassVar, Literal

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from planner.core.progress import RATINGS, Rating
from planner.tui.host import workspace_of
from planner.tui.widgets.answer_outline import reflow
from planner.tui.widgets.key_bar import KeyBar
from planner.workspace import Workspace

RATING_KEYS: dict[str, Rating] = {str(n + 1): rating for n, rating in enumerate(RATINGS)}


class ReviewSessionScreen(Screen[int]):
    """Goes through `practice_ids` one by one; dismisses with the number rated."""

    HELP_GROUP = "Review session"
    CSS_PATH = "review_session.tcss"
    TITLE_TEXT = "Review"
    WORK_KIND: ClassVar[Literal["review", "drill"]] = "review"
    """What the minutes of its ratings are recorded as."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "reveal", "Show answer", id="review.reveal", priority=True),
        Binding("1", "rate('again')", "Again", id="review.again"),
        Binding("2", "rate('hard')", "Hard", id="review.hard"),
        Binding("3", "rate('good')", "Good", id="review.good"),
        Binding("4", "rate('easy')", "Easy", id="review.easy"),
        Binding("escape", "stop", "Stop", id="review.stop"),
        # other digits would fall through to the app and switch screens mid-session
        Binding("0,5,6,7,8,9", "not_a_rating", show=False),
    ]

    def action_not_a_rating(self) -> None:
        self.notify("Rate with 1 to 4, or stop with esc", timeout=2)

    def __init__(self, practice_ids: Sequence[str]) -> None:
        super().__init__()
        self.practice_ids = list(practice_ids)
        self.index = 0
        self.revealed = False
        self.ratings: list[tuple[str, Rating]] = []
        self.finished = False
        self.shown_at: dt.datetime | None = None
        """When the current prompt was shown: a review records the minutes it took."""

    @property
    def workspace(self) -> Workspace:
        return workspace_of(self.app)

    def compose(self) -> ComposeResult:
        yield from self.compose_top()
        yield Static(id="session-progress")
        yield Static(id="prompt")
        with VerticalScroll(id="answer-box"):
            yield Static(id="answer")
        yield KeyBar()

    def compose_top(self) -> ComposeResult:
        """Extra widgets above the prompt (the drill's countdown)."""
        yield from ()

    def on_mount(self) -> None:
        self.show_current()

    @property
    def current(self) -> str | None:
        if self.finished or self.index >= len(self.practice_ids):
            return None
        return self.practice_ids[self.index]

    def show_current(self) -> None:
        pid = self.current
        answer = self.query_one("#answer", Static)
        if pid is None:
            return
        practice = self.workspace.syllabus.practice_item(pid)
        prompt = practice.prompt if practice is not None else pid
        self.query_one("#session-progress", Static).update(
            Content(f"{self.TITLE_TEXT} {self.index + 1} of {len(self.practice_ids)} · {pid}")
        )
        self.query_one("#prompt", Static).update(Content(prompt))
        self.shown_at = self.workspace.clock()
        answer.update(Content.styled("Answer aloud, then press space to compare.", "$text-muted"))
        self.revealed = False
        self.refresh_bindings()

    def answer_content(self, pid: str) -> Content:
        """The answer outline, the items that teach it, and the person's notes."""
        ws = self.workspace
        practice = ws.syllabus.practice_item(pid)
        parts: list[Content] = [Content.styled("Answer outline", "bold")]
        outline = practice.answer.strip() if practice is not None else ""
        parts.append(Content(reflow(outline) or "(no outline in the syllabus)"))
        linked = practice.learn_from if practice is not None else ()
        if linked:
            parts.append(Content.styled("\nStudy", "bold"))
            for item_id in linked:
                item = ws.syllabus.item(item_id)
                parts.append(Content(f"• {item.title if item is not None else item_id}"))
        notes = [(pid, ws.note(pid)), *((i, ws.note(i)) for i in linked)]
        written = [(i, text.strip()) for i, text in notes if text.strip()]
        if written:
            parts.append(Content.styled("\nYour notes", "bold"))
            for item_id, text in written:
                parts.append(Content.assemble((f"{item_id}: ", "$text-muted"), text))
        return Content("\n").join(parts)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "reveal":
            return self.current is not None and not self.revealed
        # Rating keys stay enabled: a disabled "1".."5" would fall through to the app and
        # switch modes in the middle of a session.
        return True

    def key_hidden(self, action: str) -> bool:
        """The rating keys until the answer shows and once the session is over: they stay
        bound (and say why they do nothing) but are not offered."""
        return action.startswith("rate(") and (self.finished or not self.revealed)

    def action_reveal(self) -> None:
        pid = self.current
        if pid is None or self.revealed:
            return
        self.revealed = True
        self.query_one("#answer", Static).update(self.answer_content(pid))
        self.refresh_bindings()

    def action_rate(self, rating: str) -> None:
        pid = self.current
        if pid is None or rating not in RATINGS:
            return
        if not self.revealed:
            self.notify("Show the answer first (space), then rate it", timeout=2)
            return
        chosen = RATINGS[RATINGS.index(rating)]
        minutes = None
        if self.shown_at is not None:
            # The minutes it really took, whole minutes rounded up (at least one).
            seconds = (self.workspace.clock() - self.shown_at).total_seconds()
            minutes = max(1, math.ceil(seconds / 60))
        self.workspace.record_review(pid, chosen, minutes=minutes, kind=self.WORK_KIND)
        self.ratings.append((pid, chosen))
        self.index += 1
        if self.index >= len(self.practice_ids):
            self.finish()
        else:
            self.show_current()

    def finish(self) -> None:
        """All rated (or stopped): back to where the session started."""
        self.finished = True
        self.dismiss(len(self.ratings))
        if self.ratings:
            self.app.notify(f"Reviewed {len(self.ratings)}: {rating_counts(self.ratings)}")

    def action_stop(self) -> None:
        self.finish()


def rating_counts(ratings: Sequence[tuple[str, Rating]]) -> str:
    """ "again 1, good 3" in the order of the ratings."""
    counts = {r: sum(1 for _pid, x in ratings if x == r) for r in RATINGS}
    return ", ".join(f"{r} {n}" for r, n in counts.items() if n) or "none"
