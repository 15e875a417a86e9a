"""Schedule: the day-by-day agenda to the last interview, week by week."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import DataTable, Static

from planner.core.labels import format_minutes
from planner.core.schedule.agenda import AgendaDay, AgendaEntry, agenda
from planner.core.schedule.titles import KIND_LABELS
from planner.tui.screens.base import PlannerScreen
from planner.tui.screens.plan_actions import ask_pin, push_after, toggle_skip
from planner.tui.widgets.cells import cell, split_widths
from planner.tui.widgets.key_bar import KeyBar
from planner.tui.widgets.mode_tabs import ModeTabs
from planner.tui.widgets.row_table import RowTable

MINUTES_W = 7

LATE_MARK = "! "
"""Before a session after the day its work was due by (the Rounds column says when)."""


class ScheduleScreen(PlannerScreen):
    MODE = "schedule"
    HELP_GROUP = "Schedule"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("t", "jump_today", "Go to today", id="schedule.today"),
        Binding("enter", "open_item", "Open", id="schedule.open", priority=True),
        Binding("n", "next_week", "Next week", id="schedule.next_week"),
        Binding("b", "previous_week", "Previous week", id="schedule.previous_week"),
        Binding("x", "skip", "Skip", id="schedule.skip"),
        Binding("d", "pin", "Pin date", id="schedule.pin"),
        Binding("l", "later", "Later", id="schedule.later"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._days: list[AgendaDay] = []
        self._row_ids: dict[str, str] = {}
        """Row key -> item id, for rows that are a study session."""
        self._entries: dict[str, tuple[str, dt.date]] = {}
        """Row key -> (item or practice id, day), for rows of a session still to do."""
        self._practice: dict[str, tuple[str, str, dt.date]] = {}
        """Row key -> (practice id or interview, kind, day) of a practice session to do."""
        self._week_rows: list[str] = []
        self._kind_w = 22

    def compose(self) -> ComposeResult:
        yield ModeTabs(self.MODE, self.workspace.today)
        yield Static(id="schedule-summary")
        yield RowTable(id="agenda", cursor_type="row")
        yield KeyBar()

    def refresh_view(self) -> None:
        ws = self.workspace
        self._days = agenda(ws.syllabus, ws.plan, ws.schedule, ws.progress)
        planned = sum(d.used for d in self._days if not d.past)
        done = sum(d.used for d in self._days if d.past)
        coming = [d for d in self._days if not d.past]
        last = coming[-1].date if coming else ws.today
        summary = (
            f"{(last - ws.today).days} days to {last:%a %d %b}: {format_minutes(planned)} planned"
            f"{f', {format_minutes(done)} done before today' if done else ''}"
        )
        self.query_one("#schedule-summary", Static).update(Content(summary))
        self._draw(jump=self._seen_version <= 0)

    def _draw(self, *, jump: bool) -> None:
        table = self.query_one("#agenda", DataTable)
        keep = table.cursor_row if table.row_count else None
        table.clear(columns=True)
        width = self.size.width or 80
        self._kind_w = kind_w = 22 if width >= 100 else 12
        (session_w,) = split_widths(width, [12, 9, MINUTES_W, kind_w], [1])
        table.add_column("Day", key="day", width=12)
        table.add_column("Used/cap", key="used", width=9)
        table.add_column("Session", key="session", width=session_w)
        table.add_column("Minutes", key="minutes", width=MINUTES_W)
        table.add_column("Rounds / kind" if kind_w > 12 else "Rounds", key="kind", width=kind_w)
        self._row_ids.clear()
        self._entries.clear()
        self._practice.clear()
        self._week_rows.clear()
        today = self.workspace.today
        week: dt.date | None = None
        for day in self._days:
            if day.week_start != week:
                week = day.week_start
                key = f"week-{week.isoformat()}"
                self._week_rows.append(key)
                end = week + dt.timedelta(days=6)
                table.add_row(
                    Text(f"Week {week.isocalendar().week}", style="bold"),
                    Text(""),
                    Text(f"{week:%a %d %b} – {end:%a %d %b}", style="bold"),
                    Text(""),
                    Text(""),
                    key=key,
                )
            self._add_day(table, day, today, session_w)
        if jump or keep is None:
            self.action_jump_today()
        else:
            table.move_cursor(row=min(keep, table.row_count - 1), animate=False)

    def _add_day(self, table: DataTable[Text], day: AgendaDay, today: dt.date, width: int) -> None:
        base = "dim" if day.past else ""
        if day.date == today:
            base = "bold"
        label = f"{'▶ ' if day.date == today else ''}{day.date:%a %d %b}"
        used = f"{day.used}/{day.capacity}m" if day.capacity or day.used else "–"
        blank = Text("")
        lines: list[tuple[Text, Text, Text, str | None, str | None]] = []
        practice: dict[int, tuple[str, str]] = {}
        """Line index -> (id, kind) of a review, drill or mock session still to do."""
        for name in day.interviews:
            lines.append(
                (cell(f"Interview: {name}", width, "bold reverse"), blank, blank, None, None)
            )
        if day.off and not day.entries:
            off = f"{day.holiday}, day off" if day.holiday else "day off"
            lines.append((cell(off, width, "italic dim"), blank, blank, None, None))
        for entry in day.entries:
            mark = ("◐ " if entry.partial else "✓ ") if entry.done else ""
            style = "dim" if entry.done else ""
            if entry.kind != "study":
                style = f"{style} italic".strip()
            if entry.late_after is not None:
                mark, style = LATE_MARK, f"{style} bold".strip()
            what = (
                _rounds_of(self, entry.id)
                if entry.kind == "study"
                else KIND_LABELS.get(entry.kind, entry.kind)
            )
            if entry.from_outline:
                what = "Drill from the outline" if self._kind_w > 12 else "From outline"
            if entry.late_after is not None:
                what = f"late: due {entry.late_after:%a %d %b}"
            if entry.kind != "study" and not entry.done and not day.past:
                practice[len(lines)] = (entry.id, entry.kind)
            lines.append(
                (
                    cell(f"{mark}{entry.title}", width, style),
                    cell(format_minutes(entry.minutes), MINUTES_W, style),
                    cell(what, self._kind_w, "bold" if entry.late_after else ""),
                    entry.id if entry.kind == "study" else None,
                    entry.id if _movable(day, entry) else None,
                )
            )
        if day.mock_for and not day.entries:
            mock = cell(f"mock day for {', '.join(day.mock_for)}", width)
            lines.append((mock, blank, blank, None, None))
        if not lines:
            note = "nothing done" if day.past else "free"
            lines.append((cell(note, width, "dim"), blank, blank, None, None))
        for index, (session, minutes, kind, item_id, planned_id) in enumerate(lines):
            key = f"{day.date.isoformat()}#{index}"
            if item_id is not None:
                self._row_ids[key] = item_id
            if planned_id is not None:
                self._entries[key] = (planned_id, day.date)
            if index in practice:
                self._practice[key] = (*practice[index], day.date)
            table.add_row(
                Text(label, style=base) if index == 0 else Text(""),
                Text(used, style=base) if index == 0 else Text(""),
                session,
                minutes,
                kind,
                key=key,
            )

    def on_resize(self) -> None:
        if self._days:
            self._draw(jump=False)

    # --- actions ------------------------------------------------------------------------

    def _row_key(self) -> str | None:
        table = self.query_one("#agenda", DataTable)
        if not table.row_count:
            return None
        value = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return str(value) if value is not None else None

    def action_jump_today(self) -> None:
        table = self.query_one("#agenda", DataTable)
        key = f"{self.workspace.today.isoformat()}#0"
        try:
            index = table.get_row_index(key)
        except Exception:
            return
        table.move_cursor(row=index, animate=False)
        # Today at the top, under its week's heading when that is close: never the tail
        # of yesterday, which reads as if today started half-way.
        week_rows = [table.get_row_index(k) for k in self._week_rows]
        heading = max((r for r in week_rows if r <= index), default=index)
        top = heading if index - heading <= 4 else index
        table.scroll_to(y=top, animate=False)
        # on the first draw the table has no size yet: scroll again once it is laid out,
        # so that today is at the top (with the days after it), not at the bottom edge
        self.call_after_refresh(table.scroll_to, y=top, animate=False)

    def _move_week(self, step: int) -> None:
        table = self.query_one("#agenda", DataTable)
        if not self._week_rows:
            return
        rows = [table.get_row_index(k) for k in self._week_rows]
        current = table.cursor_row
        if step > 0:
            target = next((r for r in rows if r > current), rows[-1])
        else:
            target = next((r for r in reversed(rows) if r < current), rows[0])
        table.move_cursor(row=target, animate=False)
        table.scroll_to(y=target, animate=False)

    def action_next_week(self) -> None:
        self._move_week(1)

    def action_previous_week(self) -> None:
        self._move_week(-1)

    def action_open_item(self) -> None:
        """A study item opens its detail; today's review, drill or mock opens that session,
        and one of a later day says when it is."""
        key = self._row_key() or ""
        item_id = self._row_ids.get(key)
        if item_id is not None:
            self.planner_app.open_item(item_id)
            return
        found = self._practice.get(key)
        if found is None:
            return
        any_id, kind, on = found
        if on == self.workspace.today:
            self.planner_app.open_practice(any_id, kind)
        else:
            what = KIND_LABELS.get(kind, kind)
            self.notify(f"{what} planned for {on:%a %d %b}: it opens on its day", markup=False)

    def _entry(self) -> tuple[str, dt.date] | None:
        """The session under the cursor, when it is one still to do (else says so)."""
        entry = self._entries.get(self._row_key() or "")
        if entry is None:
            self.notify("Put the cursor on a session still to do", severity="warning")
        return entry

    def action_skip(self) -> None:
        entry = self._entry()
        if entry is not None:
            toggle_skip(self, entry[0])

    def action_pin(self) -> None:
        entry = self._entry()
        if entry is not None:
            ask_pin(self, entry[0])

    def action_later(self) -> None:
        entry = self._entry()
        if entry is not None:
            push_after(self, *entry)


def _rounds_of(screen: ScheduleScreen, item_id: str) -> str:
    item = screen.workspace.syllabus.item(item_id)
    return ", ".join(item.rounds) if item else ""


def _movable(day: AgendaDay, entry: AgendaEntry) -> bool:
    """A study or drill session still to do: it can be skipped, pinned or pushed."""
    return not day.past and not entry.done and entry.kind in ("study", "drill")
