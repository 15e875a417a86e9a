"""A countdown (drill, mock round, coding task) driven by an injectable clock, so tests can
move time on instead of waiting for it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from textual.app import RenderResult
from textual.content import Content
from textual.message import Message
from textual.timer import Timer
from textual.widget import Widget

from planner.exports.status_text import bar

TICK_SECONDS = 0.5


def clock_text(seconds: int) -> str:
    """905 -> "15:05"."""
    minutes, secs = divmod(max(0, seconds), 60)
    return f"{minutes:02d}:{secs:02d}"


class Countdown(Widget):
    """`12:34 left ████████░░░░` counting down from `seconds` once started."""

    DEFAULT_CSS = """
    Countdown {
        height: 1;
        width: 1fr;
    }
    Countdown.-expired {
        color: $warning;
        text-style: bold;
    }
    """

    class Expired(Message):
        """Time is up (posted once)."""

    def __init__(
        self,
        seconds: int,
        clock: Callable[[], dt.datetime],
        *,
        id: str | None = None,  # noqa: A002 (Textual's name)
    ) -> None:
        super().__init__(id=id)
        self.seconds = seconds
        self.clock = clock
        self.started: dt.datetime | None = None
        self.stopped_at: dt.datetime | None = None
        self._expired_posted = False
        self._timer: Timer | None = None

    def on_mount(self) -> None:
        self.start()

    def start(self) -> None:
        if self.started is None:
            self.started = self.clock()
            self._timer = self.set_interval(TICK_SECONDS, self.tick)

    def stop(self) -> None:
        """Freeze the time used (on finishing early)."""
        if self.stopped_at is None:
            self.stopped_at = self.clock()
        if self._timer is not None:
            self._timer.stop()

    @property
    def elapsed(self) -> int:
        """Seconds since the start (frozen once stopped)."""
        if self.started is None:
            return 0
        now = self.stopped_at or self.clock()
        return max(0, int((now - self.started).total_seconds()))

    @property
    def remaining(self) -> int:
        return max(0, self.seconds - self.elapsed)

    @property
    def expired(self) -> bool:
        return self.started is not None and self.remaining == 0

    def tick(self) -> None:
        """Redraw, and say so once when the time is up (the interval calls this; tests too)."""
        self.refresh()
        if self.expired and not self._expired_posted:
            self._expired_posted = True
            self.add_class("-expired")
            self.post_message(self.Expired())

    def render(self) -> RenderResult:
        if self.expired:
            return Content(f"Time is up ({clock_text(self.seconds)})")
        share = self.remaining / self.seconds if self.seconds else 0.0
        width = max(4, self.size.width - 20)
        return Content(f"{clock_text(self.remaining)} left  {bar(share, width)}")
