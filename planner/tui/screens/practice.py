"""Practice: reviews due today, the re-practice queue, coding tasks, design prompts, and the
log of attempts and mock rounds. Starts review sessions, drills, mock rounds, coding tasks."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import DataTable, Static

from planner.core.practice.drill import (
    DRILL_MINUTES,
    LogRow,
    PracticeRow,
    choose_drill,
    practice_log_rows,
    practice_rows,
)
from planner.core.schedule.types import MockPart
from planner.core.summaries import reviews_today_text
from planner.tui.screens.base import PlannerScreen
from planner.tui.widgets.cells import cell, split_widths
from planner.tui.widgets.key_bar import KeyBar
from planner.tui.widgets.mode_tabs import ModeTabs
from planner.tui.widgets.row_table import RowTable

SECTION_LABELS = {
    "review": "Review",
    "repractice": "Re-practice",
    "coding": "Coding",
    "design": "Design",
}


class PracticeScreen(PlannerScreen):
    MODE = "practice"
    HELP_GROUP = "Practice"
    CSS_PATH = "practice.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "start", "Start", id="practice.start", priority=True),
        Binding("r", "review", "Review due", id="practice.review"),
        Binding("d", "drill", "Drill", id="practice.drill"),
        Binding("m", "mock", "Mock round", id="practice.mock"),
        Binding("c", "coding", "Coding task", id="practice.coding"),
        Binding("k", "kata", "Kata", id="practice.kata"),
        Binding("t", "check_kata", "Check kata", id="practice.check"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[PracticeRow] = []
        self._log: list[LogRow] = []

    def compose(self) -> ComposeResult:
        yield ModeTabs(self.MODE, self.workspace.today)
        yield Static(id="practice-summary")
        yield RowTable(id="practice-items", cursor_type="row", zebra_stripes=True)
        yield Static(id="log-title")
        yield RowTable(id="practice-log", cursor_type="row")
        yield KeyBar()

    def refresh_view(self) -> None:
        ws = self.workspace
        self._rows = practice_rows(ws.syllabus, ws.progress, ws.today, ws.planned_reviews())
        self._log = practice_log_rows(ws.syllabus, ws.progress)
        self._draw_summary()
        self._draw_items()
        self._draw_log()

    def on_resize(self) -> None:
        if self.is_mounted and (self._rows or self._log):
            self._draw_items()
            self._draw_log()

    # --- drawing ------------------------------------------------------------------------

    def _draw_summary(self) -> None:
        count = {s: sum(1 for r in self._rows if r.section == s) for s in SECTION_LABELS}
        mocks = [r for r in self._log if r.kind == "mock"]
        size = self._drill_size()
        parts = [
            reviews_today_text(
                [r.practice_id for r in self._rows if r.section == "review"],
                self.workspace.schedule,
                self.workspace.today,
            ),
            f"{count['repractice']} coding task{'' if count['repractice'] == 1 else 's'}"
            " to re-practise",
            f"drill: {size} questions in {DRILL_MINUTES} min",
            f"{len(mocks)} mock round{'' if len(mocks) == 1 else 's'} done",
        ]
        self.query_one("#practice-summary", Static).update(Content(" · ".join(parts)))

    def _draw_items(self) -> None:
        table = self.query_one("#practice-items", DataTable)
        current = self._current_key()
        table.clear(columns=True)
        (prompt_w,) = split_widths(self.size.width or 80, [11, 14, 24], [1])
        table.add_column("Kind", key="kind", width=11)
        table.add_column("Prompt", key="prompt", width=prompt_w)
        table.add_column("Rounds", key="rounds", width=14)
        table.add_column("State", key="state", width=24)
        for row in self._rows:
            table.add_row(
                cell(SECTION_LABELS[row.section], 11, "bold" if row.section == "review" else ""),
                cell(row.prompt, prompt_w),
                cell(", ".join(row.rounds), 14),
                cell(row.detail, 24),
                key=row.key,
            )
        if current is not None and any(r.key == current for r in self._rows):
            table.move_cursor(row=table.get_row_index(current))

    def _draw_log(self) -> None:
        table = self.query_one("#practice-log", DataTable)
        table.clear(columns=True)
        prompt_w, notes_w = split_widths(self.size.width or 80, [12, 7, 16, 4], [3, 2])
        table.add_column("When", key="when", width=12)
        table.add_column("Kind", key="kind", width=7)
        table.add_column("Prompt", key="prompt", width=prompt_w)
        table.add_column("Result", key="result", width=16)
        table.add_column("Min", key="minutes", width=4)
        table.add_column("Notes", key="notes", width=notes_w)
        for n, row in enumerate(self._log):
            table.add_row(
                cell(f"{row.at:%d %b %H:%M}", 12),
                cell(row.kind, 7),
                cell(row.prompt, prompt_w),
                cell(row.result, 16),
                cell(str(row.minutes), 4),
                cell(row.notes.splitlines()[0] if row.notes else "", notes_w),
                key=str(n),
            )
        table.display = bool(self._log)
        title = "Practice log: coding attempts and mock rounds"
        if not self._log:
            title += " · nothing yet: c for a coding task, m for a mock round"
        self.query_one("#log-title", Static).update(Content(title))

    # --- the row under the cursor ---------------------------------------------------------

    def _current_key(self) -> str | None:
        table = self.query_one("#practice-items", DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
        return str(key.value) if key.value is not None else None

    def _current_row(self) -> PracticeRow | None:
        key = self._current_key()
        return next((r for r in self._rows if r.key == key), None)

    def _drill_size(self) -> int:
        plan = self.workspace.plan
        return plan.options.drill_size if plan is not None else 10

    # --- actions ----------------------------------------------------------------------

    def action_start(self) -> None:
        row = self._current_row()
        if row is None:
            return
        if row.section == "review":
            due = [r.practice_id for r in self._rows if r.section == "review"]
            self.start_review(due[due.index(row.practice_id) :])
        elif row.section == "design":
            self.start_mock(row.practice_id)
        else:
            self.start_coding(row.practice_id)

    def open_session(self, any_id: str, kind: str) -> None:
        """A practice session chosen on Today: its row here when it is listed (started as
        enter would), else a session of its own kind; a mock session names an interview,
        and starts a mock round."""
        row = next((r for r in self._rows if r.practice_id == any_id), None)
        if row is not None:
            table = self.query_one("#practice-items", DataTable)
            table.move_cursor(row=table.get_row_index(row.key))
            self.action_start()
            return
        practice = self.workspace.syllabus.practice_item(any_id)
        if kind == "mock":
            self.start_mock_round(any_id)
        elif practice is None:
            self.action_mock()
        elif practice.kind == "question":
            self.start_review([any_id])
        elif practice.kind == "design":
            self.start_mock(any_id)
        else:
            self.start_coding(any_id)

    def start_mock_round(self, interview: str, parts: Sequence[MockPart] | None = None) -> None:
        """Today's mock round of an interview, part after part (a timed coding task, a
        design round, a rapid-fire drill of its questions), as the schedule planned what is
        left of it: each part saved goes on to the next; one left unsaved ends the round
        there (what is done of it stays done)."""
        ws = self.workspace
        if parts is None:
            day = ws.schedule.day(ws.today)
            sessions = day.sessions if day else ()
            mock = next((s for s in sessions if s.kind == "mock" and s.id == interview), None)
            if mock is None:  # (a row drawn before the schedule after the last part)
                self.notify(f"Mock round for {interview}: nothing left of it today", markup=False)
                return
            if not mock.holds:  # the rounds have no practice items: a design round
                self.action_mock()
                return
            parts = mock.holds
        part, rest = parts[0], parts[1:]

        def then(saved: int | None) -> None:
            self._saved(saved)
            if saved and rest:
                self.start_mock_round(interview, rest)

        if part.kind == "coding":
            self.start_coding(part.id, then=then)
        elif part.kind == "design":
            self.start_mock(part.id, then=then)
        else:
            size = self._drill_size()
            chosen = choose_drill(ws.syllabus, ws.progress, ws.today, size, [part.id])
            if not chosen:
                self.notify(f"No questions of {part.id} to drill", severity="warning", markup=False)
                return
            from planner.tui.screens.drill import DrillScreen

            self.app.push_screen(DrillScreen(chosen, minutes=part.minutes), then)

    def action_review(self) -> None:
        due = [r.practice_id for r in self._rows if r.section == "review"]
        if not due:
            self.notify("No reviews due today: try a drill (d)", timeout=3)
            return
        self.start_review(due)

    def action_drill(self) -> None:
        ws = self.workspace
        chosen = choose_drill(ws.syllabus, ws.progress, ws.today, self._drill_size())
        if not chosen:
            self.notify("No questions to drill in the loaded syllabus", severity="warning")
            return
        from planner.tui.screens.drill import DrillScreen

        self.app.push_screen(DrillScreen(chosen))

    def _pick(self, sections: tuple[str, ...]) -> str | None:
        """The row under the cursor when it is of `sections`, else the first such row."""
        row = self._current_row()
        if row is not None and row.section in sections:
            return row.practice_id
        return next((r.practice_id for r in self._rows if r.section in sections), None)

    def action_mock(self) -> None:
        pid = self._pick(("design",))
        if pid is None:
            self.notify("No design prompt in the loaded syllabus", severity="warning")
            return
        self.start_mock(pid)

    def action_coding(self) -> None:
        pid = self._pick(("repractice", "coding"))
        if pid is None:
            self.notify("No coding task in the loaded syllabus", severity="warning")
            return
        self.start_coding(pid)

    def _kata_task(self) -> str | None:
        """The coding task under the cursor when it has a kata, else the first that has."""
        from planner.katas.catalog import kata_of

        row = self._current_row()
        if row is not None and kata_of(row.practice_id) is not None:
            return row.practice_id
        pid = next((r.practice_id for r in self._rows if kata_of(r.practice_id)), None)
        if pid is None:
            self.notify("No coding task with a kata in the loaded syllabus", severity="warning")
        return pid

    def action_kata(self) -> None:
        """A kata's starter written and its coding task opened, to be checked from there."""
        pid = self._kata_task()
        if pid is not None:
            self.start_coding(pid, start_kata=True)

    def action_check_kata(self) -> None:
        """The coding task opened with the checks of its newest attempt running."""
        pid = self._kata_task()
        if pid is not None:
            self.start_coding(pid, check_kata=True)

    def start_review(self, practice_ids: list[str]) -> None:
        from planner.tui.screens.review_session import ReviewSessionScreen

        self.app.push_screen(ReviewSessionScreen(practice_ids))

    def start_mock(
        self, practice_id: str, *, then: Callable[[bool | None], None] | None = None
    ) -> None:
        """A mock design round; `then(saved)` once it is closed (by default, redraw)."""
        from planner.tui.screens.mock_round import MockRoundScreen

        self.app.push_screen(MockRoundScreen(practice_id), then or self._saved)

    def start_coding(
        self,
        practice_id: str,
        *,
        start_kata: bool = False,
        check_kata: bool = False,
        then: Callable[[bool | None], None] | None = None,
    ) -> None:
        """A timed coding task; `then(saved)` once it is closed (by default, redraw)."""
        from planner.tui.screens.coding_task import CodingTaskScreen

        screen = CodingTaskScreen(practice_id, start_kata=start_kata, check_kata=check_kata)
        self.app.push_screen(screen, then or self._saved)

    def _saved(self, saved: int | None) -> None:
        if saved:
            self.changed()
