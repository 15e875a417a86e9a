"""Today: the sessions to do now, ticked off one by one."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import DataTable, Label, Static

from planner.core.labels import format_minutes
from planner.core.schedule.titles import session_title
from planner.core.schedule.types import InterviewReport, Schedule
from planner.core.summaries import (
    TodayRow,
    next_interview,
    next_working_day,
    plan_status,
    today_capacity,
    today_rows,
    today_totals,
)
from planner.tui.background import planning_now, schedule_to_show
from planner.tui.screens.base import PlannerScreen
from planner.tui.screens.plan_actions import (
    DropFixKey,
    described_drop_fix,
    redraw_shown,
    search_fixes,
    toggle_skip,
)
from planner.tui.widgets.cells import cell, split_widths
from planner.tui.widgets.key_bar import KeyBar
from planner.tui.widgets.minutes_bar import MinutesBar
from planner.tui.widgets.mode_tabs import ModeTabs
from planner.tui.widgets.row_table import RowTable

MINUTE_STEP = 15
"""`+` and `-` record or take back this many minutes."""

UPDATING = "updating…"
"""Said after the status while the schedule after the last action is being made."""

STATUS_STYLE = {
    "on-track": "bold $success",
    "behind": "bold $warning",
    "infeasible": "bold $error",
    "no-plan": "bold $text-muted",
}


class TodayScreen(DropFixKey, PlannerScreen):
    MODE = "today"
    HELP_GROUP = "Today"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "tick", "Done", id="today.tick", key_display="space", priority=True),
        Binding("plus,equals_sign", "more", f"+{MINUTE_STEP}m", id="today.more", key_display="+"),
        Binding("minus", "less", f"-{MINUTE_STEP}m", id="today.less", key_display="-"),
        Binding("t", "push", "Tomorrow", id="today.push"),
        Binding("enter", "open_item", "Open", id="today.open", priority=True),
        Binding("o", "open_link", "Link", id="today.link"),
        Binding("p", "edit_plan", "Plan", id="today.plan"),
        Binding("x", "skip", "Skip", id="today.skip"),
        Binding("f", "apply_fix", "Drop fix", id="today.fix"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[TodayRow] = []
        self._shown: Schedule = Schedule(self.workspace.today, (), ())
        """The schedule the rows come from (see `schedule_to_show`)."""
        self._drawn_width = 0

    def drop_fix_of(self, schedule: Schedule) -> InterviewReport | None:
        """The banner's: of the interview it describes (never another's it does not show)."""
        return described_drop_fix(schedule)

    def compose(self) -> ComposeResult:
        yield ModeTabs(self.MODE, self.workspace.today)
        yield Static(id="banner")
        with Horizontal(id="today-progress"):
            yield Label(id="minutes-label")
            yield MinutesBar(id="minutes-bar")
        with Vertical(id="today-body"):  # only this part scrolls: the table, within it
            yield RowTable(id="sessions", cursor_type="row", zebra_stripes=True)
            yield Static(id="empty")
            yield Static(id="coming")
        yield KeyBar()

    def refresh_view(self) -> None:
        ws = self.workspace
        schedule = self._shown = schedule_to_show(self.app, ws, lambda: redraw_shown(self.app))
        self._rows = today_rows(ws.syllabus, schedule, ws.progress, ws.today)
        self._draw_banner()
        totals = today_totals(self._rows, today_capacity(schedule, ws.plan, ws.today))
        self.query_one("#minutes-label", Label).update(Content(totals.text))
        self.query_one("#minutes-bar", MinutesBar).update(totals.fraction)
        self._draw_table()
        self._draw_coming()
        self.refresh_bindings()

    def _draw_coming(self) -> None:
        ws = self.workspace
        day = next_working_day(self._shown, ws.today)
        coming = self.query_one("#coming", Static)
        if day is None:
            coming.update("")
            return
        lines = [Content.styled(f"Coming up {day.date:%a %d %b}", "bold $text-muted")]
        lines += [
            Content.assemble(
                (f"  {format_minutes(s.minutes):>6}  ", "dim"), session_title(ws.syllabus, s)
            )
            for s in day.sessions
        ]
        coming.update(Content("\n").join(lines))

    def _draw_banner(self) -> None:
        ws = self.workspace
        coming = next_interview(ws.plan, ws.today)
        status = plan_status(ws.syllabus, ws.plan, self._shown)
        lines: list[Content] = []
        if coming is not None:
            lines.append(Content.assemble(("Next: ", "bold"), coming.text))
        updating = (f" · {UPDATING}", "$text-muted") if planning_now(self.app) else ""
        lines.append(Content.assemble((status.text, STATUS_STYLE[status.kind]), updating))
        if status.fix:
            # the footer may be too narrow for it: say which key applies the drop fix
            hint = " · f drops them" if self.drop_fix_of(self._shown) is not None else ""
            lines.append(Content.assemble(("Fix: ", "bold"), status.fix, (hint, "$text-muted")))
        self.query_one("#banner", Static).update(Content("\n").join(lines))
        search_fixes(self)
        banner = self.query_one("#banner", Static)
        for kind in STATUS_STYLE:
            banner.set_class(kind == status.kind, f"-{kind}")

    def _draw_table(self) -> None:
        table = self.query_one("#sessions", DataTable)
        current = self._current_id()
        current_index = table.cursor_row
        table.clear(columns=True)
        width = self._drawn_width = self.size.width or 80
        rounds_w, minutes_w = (18, 9) if width >= 100 else (12, 8)
        title_w, resource_w = split_widths(width, [3, rounds_w, minutes_w], [3, 2])
        table.add_column(" ", key="check", width=3)
        table.add_column("Session", key="title", width=title_w)
        table.add_column("Resource", key="resource", width=resource_w)
        table.add_column("Rounds", key="rounds", width=rounds_w)
        table.add_column("Minutes", key="minutes", width=minutes_w)
        for row in self._rows:
            style = "dim" if row.done else ""
            table.add_row(
                Text("[x]" if row.done else "[ ]", style="bold" if row.done else ""),
                cell(row.title, title_w, "strike dim" if row.done else ""),
                cell(row.resource, resource_w, style),
                cell(", ".join(row.rounds), rounds_w, style),
                cell(_minutes_text(row), minutes_w, style),
                key=row.id,
            )
        empty = self.query_one("#empty", Static)
        empty.display = not self._rows
        if not self._rows:
            empty.update(
                Content("Nothing planned today. Press 2 for the schedule, p to edit the plan.")
            )
        if current is not None and any(r.id == current for r in self._rows):
            table.move_cursor(row=table.get_row_index(current))
        elif self._rows:
            # The row left (pushed, say): stay at its place, on the row that took it.
            table.move_cursor(row=min(max(current_index, 0), len(self._rows) - 1))

    def on_resize(self) -> None:
        if self._rows and self.size.width != self._drawn_width:
            self._draw_table()

    # --- the row under the cursor ---------------------------------------------------------

    def _current_id(self) -> str | None:
        table = self.query_one("#sessions", DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
        return str(key.value) if key.value is not None else None

    def _current_row(self) -> TodayRow | None:
        any_id = self._current_id()
        return next((r for r in self._rows if r.id == any_id), None)

    def _study_row(self, *, practice_opens: bool) -> TodayRow | None:
        """The study row under the cursor; a practice row opens practice (or says why not)."""
        row = self._current_row()
        if row is None:
            return None
        if row.kind != "study":
            if practice_opens:
                self.planner_app.open_practice(row.id, row.kind)
            else:
                self.notify("Minutes are recorded on study items", severity="warning", timeout=2)
            return None
        return row

    # --- actions ----------------------------------------------------------------------

    def action_tick(self) -> None:
        row = self._study_row(practice_opens=True)
        if row is None:
            return
        done = self.workspace.tick(row.id)
        self.changed()
        if done:
            # Done work moves up with what was recorded today: go on to the next thing to
            # do, not to whatever row now sits under the one just ticked.
            following = next((r for r in self._rows if not r.done), None)
            if following is not None:
                table = self.query_one("#sessions", DataTable)
                table.move_cursor(row=table.get_row_index(following.id))
        self.notify(f"{'Done' if done else 'Not done'}: {row.title}", timeout=2, markup=False)

    def _minutes(self, step: int) -> None:
        row = self._study_row(practice_opens=False)
        if row is None:
            return
        was_done = row.done
        recorded = self.workspace.add_minutes(row.id, step)
        self.changed()
        if recorded == 0:
            self.notify("No minutes recorded today to take back", severity="warning", timeout=2)
        elif not was_done and self.workspace.progress.of(row.id).done:
            self.notify(f"Done: {row.title} (its estimate is reached)", timeout=2, markup=False)

    def action_more(self) -> None:
        self._minutes(MINUTE_STEP)

    def action_less(self) -> None:
        self._minutes(-MINUTE_STEP)

    def action_push(self) -> None:
        row = self._current_row()
        if row is None:
            return
        if row.done:
            self.notify(f"Done today already: {row.title}", timeout=2, markup=False)
            return
        ws = self.workspace
        ws.push_tomorrow(row.id)
        self.changed()
        later = [on for on, _ in ws.schedule.sessions_of(row.id) if on > ws.today]
        where = f"now on {min(later):%a %d %b}" if later else "no room for it before the interview"
        self.notify(f"Not today: {row.title} ({where})", timeout=3, markup=False)

    def action_skip(self) -> None:
        """Skip a study item: out of the plan and of what is required (u takes it back)."""
        row = self._current_row()
        if row is not None:
            toggle_skip(self, row.id)

    def action_open_item(self) -> None:
        row = self._current_row()
        if row is None:
            return
        if row.kind == "study":
            self.planner_app.open_item(row.id)
        else:
            self.planner_app.open_practice(row.id, row.kind)

    def action_open_link(self) -> None:
        row = self._current_row()
        if row is not None:
            self.planner_app.open_link(row.url)

    def action_edit_plan(self) -> None:
        self.planner_app.edit_plan()


def _minutes_text(row: TodayRow) -> str:
    if row.done_minutes and row.planned_minutes:
        return f"{row.done_minutes}/{row.minutes}m"
    if row.done_minutes:
        return format_minutes(row.done_minutes)
    return format_minutes(row.planned_minutes)
