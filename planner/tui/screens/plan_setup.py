"""Plan setup: the first-run wizard and, later, the plan editor. Invalid input is shown next
to its field and nothing is saved until the whole form reads."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, DataTable, Input, Label, SelectionList, Static
from textual.widgets.selection_list import Selection

from planner.core.plan import DEFAULT_WEEKDAY_MINUTES, WEEKDAYS, Interview, Plan
from planner.tui.host import workspace_of
from planner.tui.plan_form import (
    FieldError,
    build_plan,
    format_days_off,
    read_interview,
)
from planner.tui.widgets.key_bar import KeyBar
from planner.tui.widgets.row_table import RowTable
from planner.workspace import Workspace

ERROR_FIELDS = ("name", "date", "rounds", "interviews", "minutes", "days-off", "holidays", "start")


class PlanSetupScreen(Screen[bool]):
    HELP_GROUP = "Plan setup"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save plan", id="plan.save", priority=True),
        Binding("ctrl+n", "add_interview", "Add interview", id="plan.add", priority=True),
        Binding("ctrl+r", "remove_interview", "Remove interview", id="plan.remove", priority=True),
        Binding("escape", "cancel", "Cancel", id="plan.cancel"),
        # In the rounds list space ticks a round and enter adds the interview, as enter does
        # in the name and date fields (the list's own enter would untick the round just ticked).
        Binding("enter", "rounds_enter", show=False, priority=True),
    ]

    def __init__(self, *, first_run: bool = False) -> None:
        super().__init__()
        self.first_run = first_run
        self.interviews: list[Interview] = []

    @property
    def workspace(self) -> Workspace:
        return workspace_of(self.app)

    def compose(self) -> ComposeResult:
        plan = self.workspace.plan
        title = "Welcome: set up your plan" if self.first_run else "Edit your plan"
        yield Static(Content(title), id="setup-title")
        with VerticalScroll(id="setup-form"):
            yield Label("Interviews", classes="section")
            yield RowTable(id="interview-list", cursor_type="row", show_cursor=True)
            yield Label(id="error-interviews", classes="error-text")
            with Horizontal(classes="row"):
                with Vertical(classes="field"):
                    yield Label("Name")
                    yield Input(placeholder="e.g. Meta phone screen", id="iv-name")
                    yield Label(id="error-name", classes="error-text")
                with Vertical(classes="field"):
                    yield Label("Date")
                    yield Input(placeholder="YYYY-MM-DD", id="iv-date", max_length=10)
                    yield Label(id="error-date", classes="error-text")
            yield Label("Rounds of this interview")
            yield SelectionList[str](
                *(
                    Selection(Content(f"{r.name} ({r.id})"), r.id)
                    for r in self.workspace.syllabus.rounds
                ),
                id="iv-rounds",
            )
            yield Label(id="error-rounds", classes="error-text")
            yield Button("Add interview (ctrl+n)", id="iv-add")
            yield Label("Minutes per weekday", classes="section")
            minutes = plan.weekday_minutes if plan else DEFAULT_WEEKDAY_MINUTES
            with Horizontal(id="minutes-row"):
                for day, value in zip(WEEKDAYS, minutes, strict=True):
                    with Vertical(classes="weekday"):
                        yield Label(day.capitalize())
                        yield Input(str(value), id=f"min-{day}", type="integer", max_length=4)
            yield Label(id="error-minutes", classes="error-text")
            yield Label("Days off (dates or ranges, comma separated)", classes="section")
            yield Input(
                format_days_off(plan.days_off) if plan else "",
                placeholder="2026-12-24..2026-12-26, 2026-12-31",
                id="days-off",
            )
            yield Label(id="error-days-off", classes="error-text")
            yield Label(
                "Public holidays off (a code: US, US-CA, DE-BY; empty: none)", classes="section"
            )
            yield Input(
                (plan.holidays or "") if plan else "",
                placeholder="e.g. US",
                id="holidays",
                max_length=40,
            )
            yield Label(id="error-holidays", classes="error-text")
            yield Label("Start date (empty: today)", classes="section")
            yield Input(
                plan.start.isoformat() if plan and plan.start else "",
                placeholder="YYYY-MM-DD",
                id="start",
                max_length=10,
            )
            yield Label(id="error-start", classes="error-text")
        with Horizontal(id="setup-buttons"):
            yield Button("Save plan (ctrl+s)", id="save", variant="primary")
            yield Button("Cancel (esc)", id="cancel")
        yield KeyBar()

    def on_mount(self) -> None:
        plan = self.workspace.plan
        if plan is not None:
            self.interviews = list(plan.interviews)
        table = self.query_one("#interview-list", DataTable)
        table.add_columns("Interview", "Date", "Rounds")
        self._draw_interviews()
        self._show_error(None)
        self.query_one("#iv-name", Input).focus()

    def _draw_interviews(self) -> None:
        table = self.query_one("#interview-list", DataTable)
        table.clear()
        for index, interview in enumerate(self.interviews):
            table.add_row(
                Text(interview.name),
                Text(f"{interview.date:%a %d %b %Y}"),
                Text(", ".join(interview.rounds)),
                key=str(index),
            )
        table.display = bool(self.interviews)

    def _show_error(self, error: FieldError | None) -> None:
        for name in ERROR_FIELDS:
            blank = self.query_one(f"#error-{name}", Label)
            blank.update("")
            blank.display = False
        if error is None:
            return
        field = "minutes" if error.field.startswith("min-") else error.field
        label = self.query_one(f"#error-{field}", Label)
        label.update(Content(error.message))
        label.display = True
        label.scroll_visible()
        target = {"name": "#iv-name", "date": "#iv-date", "rounds": "#iv-rounds"}.get(
            error.field, f"#{error.field}" if error.field != "interviews" else "#iv-name"
        )
        self.query_one(target).focus()

    # --- interviews ---------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "rounds_enter":
            return isinstance(self.focused, SelectionList)
        return True

    def action_rounds_enter(self) -> None:
        self.action_add_interview()

    def _pending_interview(self) -> Interview | None:
        """The interview typed in the fields, or None when they are all empty."""
        name = self.query_one("#iv-name", Input).value
        date = self.query_one("#iv-date", Input).value
        rounds = list(self.query_one("#iv-rounds", SelectionList).selected)
        if not name.strip() and not date.strip() and not rounds:
            return None
        return read_interview(
            name, date, rounds, self.workspace.syllabus.round_ids, self.workspace.today
        )

    def action_add_interview(self) -> None:
        try:
            interview = self._pending_interview()
        except FieldError as error:
            self._show_error(error)
            return
        if interview is None:
            self._show_error(FieldError("name", "Give the interview a name"))
            return
        self.interviews.append(interview)
        self.query_one("#iv-name", Input).value = ""
        self.query_one("#iv-date", Input).value = ""
        rounds = self.query_one("#iv-rounds", SelectionList)
        rounds.deselect_all()
        # the next interview's rounds are picked from the top, not where the last one ended
        rounds.highlighted = 0
        self._show_error(None)
        self._draw_interviews()
        self.query_one("#iv-name", Input).focus()

    def action_remove_interview(self) -> None:
        table = self.query_one("#interview-list", DataTable)
        if not self.interviews or not table.row_count:
            return
        removed = self.interviews.pop(table.cursor_row)
        self._draw_interviews()
        self.notify(
            f"Removed {removed.name} from the form (not saved yet; Esc keeps the stored plan)",
            timeout=4,
            markup=False,
        )

    @on(Button.Pressed, "#iv-add")
    def _add_pressed(self) -> None:
        self.action_add_interview()

    # --- save / cancel ------------------------------------------------------------------

    def read_plan(self) -> Plan:
        """The plan in the form; raises FieldError naming the first wrong field."""
        pending = self._pending_interview()
        interviews = [*self.interviews, *([pending] if pending else [])]
        return build_plan(
            self.workspace.plan,
            interviews,
            [self.query_one(f"#min-{day}", Input).value for day in WEEKDAYS],
            self.query_one("#days-off", Input).value,
            self.query_one("#start", Input).value,
            self.workspace.today,
            holidays_text=self.query_one("#holidays", Input).value,
        )

    def action_save(self) -> None:
        try:
            plan = self.read_plan()
        except FieldError as error:
            self._show_error(error)
            return
        self.workspace.save_plan(plan)
        self.dismiss(True)

    def action_cancel(self) -> None:
        if self.workspace.plan is None:
            self.notify("Save a plan to start (ctrl+q quits)", severity="warning")
            return
        self.dismiss(False)

    @on(Button.Pressed, "#save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        if event.input.id in ("iv-name", "iv-date"):
            self.action_add_interview()
        else:
            self.action_save()
