"""Pin to a date: a small dialog over any screen. A date (YYYY-MM-DD), `+N` days from today,
or nothing to take the pin away; checked as `planner pin` checks it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from planner.core.plan import Plan
from planner.core.plan_spec import FAR_AHEAD_DAYS, SpecError, parse_date, pin_date_problem
from planner.tui.widgets.key_bar import KeyBar


@dataclass(frozen=True, slots=True)
class PinChoice:
    """What the person chose: a day to pin to, or None to take the pin away."""

    on: dt.date | None


def read_pin_date(text: str, today: dt.date, plan: Plan | None) -> dt.date | None:
    """The day typed (`YYYY-MM-DD` or `+N` days from today; empty: None, no pin). Raises
    SpecError with the reason when it cannot be a pin."""
    value = text.strip()
    if not value:
        return None
    if value.startswith("+"):
        digits = value[1:].strip()
        if not (digits.isascii() and digits.isdigit() and len(digits) <= 5) or not (
            0 <= int(digits) <= FAR_AHEAD_DAYS
        ):
            raise SpecError(f"{value!r}: write +N with N the days from today, at most five years")
        day = today + dt.timedelta(days=int(digits))
    else:
        day = parse_date(value)
    problem = pin_date_problem(day, today, plan)
    if problem is not None:
        raise SpecError(problem)
    return day


class PinDateScreen(ModalScreen[PinChoice | None]):
    HELP_GROUP = "Pin to a date"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="pin.cancel"),
    ]

    def __init__(
        self, title: str, today: dt.date, plan: Plan | None, pinned: dt.date | None = None
    ) -> None:
        super().__init__()
        self._title = title
        self._today = today
        self._plan = plan
        self._pinned = pinned

    def compose(self) -> ComposeResult:
        with Vertical(id="pin-box"):
            yield Static(Content.assemble(("Pin to a date: ", "bold"), self._title), id="pin-title")
            now = f"Pinned to {self._pinned:%a %d %b}. " if self._pinned else ""
            yield Static(
                Content(f"{now}YYYY-MM-DD or +N days; leave empty to unpin. Enter to confirm."),
                id="pin-tip",
            )
            yield Input(
                value=self._pinned.isoformat() if self._pinned else "",
                placeholder=(self._today + dt.timedelta(days=1)).isoformat(),
                id="pin-date",
            )
            yield Static(id="pin-error")
        yield KeyBar()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        try:
            day = read_pin_date(event.value, self._today, self._plan)
        except SpecError as exc:
            self.query_one("#pin-error", Static).update(Content(str(exc)))
            return
        self.dismiss(PinChoice(day))

    def action_cancel(self) -> None:
        self.dismiss(None)
