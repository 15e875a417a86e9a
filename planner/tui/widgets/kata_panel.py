"""A coding task's kata in the app: writes the starter (and says where), runs the checks in
a worker thread (the checks themselves run in their own process), and shows each check's
result in a table as it comes."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable
from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import DataTable, Static

from planner.core.labels import without_controls
from planner.katas.catalog import Kata
from planner.katas.runner import CheckResult, KataReport


class KataPanel(Vertical):
    DEFAULT_CSS = """
    KataPanel {
        height: auto;
        max-height: 13;
    }
    KataPanel #kata-status {
        height: auto;
        padding: 0 1;
        color: $text-muted;
    }
    KataPanel DataTable {
        display: none;
        height: auto;
        max-height: 8;
    }
    KataPanel #kata-detail {
        display: none;
        height: auto;
        max-height: 3;
        padding: 0 1;
        color: $text;
    }
    KataPanel.-checked DataTable, KataPanel.-checked #kata-detail {
        display: block;
    }
    """

    class Checked(Message):
        """The checks of an attempt are done."""

        def __init__(self, report: KataReport) -> None:
            super().__init__()
            self.report = report

    def __init__(self, kata: Kata, folder: Path, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.kata = kata
        self.folder = folder
        self.attempt: Path | None = None
        self.running = False
        self._results: list[CheckResult] = []

    def compose(self) -> ComposeResult:
        yield Static(
            Content(
                without_controls(
                    f"Kata: ctrl+n writes the starter into {self.folder}, ctrl+r checks it"
                )
            ),
            id="kata-status",
        )
        yield DataTable(id="kata-results", cursor_type="row", zebra_stripes=True)
        yield Static(id="kata-detail")

    def _columns(self) -> None:
        """The check's name and its result share the width; a long reason wraps."""
        table = self.query_one(DataTable)
        table.clear(columns=True)
        self._results = []
        room = max(30, self.size.width - 10)
        name = max(16, room // 3)
        table.add_column("", width=1)
        table.add_column("Check", width=name)
        table.add_column("Result", width=room - name)

    def _say(self, text: str) -> None:
        self.query_one("#kata-status", Static).update(Content(without_controls(text)))

    def write_starter(self) -> Path | None:
        from planner.katas.files import write_starter

        try:
            self.attempt = write_starter(self.kata, self.folder, dt.datetime.now(dt.UTC))
        except OSError as exc:
            self._say(f"Cannot write the starter in {self.folder}: {exc.strerror or exc}")
            return None
        self._say(f"Starter written: {self.attempt} (ctrl+r checks it)")
        return self.attempt

    def _file(self) -> Path | None:
        from planner.katas.files import newest_attempt

        if self.attempt is None or not self.attempt.is_file():
            self.attempt = newest_attempt(self.kata, self.folder)
        return self.attempt

    def check(self) -> bool:
        """Start the checks of the attempt; False (and says why) when there is none or a
        check is already running."""
        if self.running:
            return False
        attempt = self._file()
        if attempt is None:
            self._say(f"No attempt in {self.folder} yet: ctrl+n writes the starter")
            return False
        self.running = True
        self.add_class("-checked")
        self._columns()
        self._say(f"Checking {attempt.name} in a separate process…")
        self._run(attempt)
        return True

    @work(thread=True, exclusive=True, group="kata", exit_on_error=False)
    def _run(self, attempt: Path) -> None:
        from planner.katas.runner import run_checks

        def later(callback: Callable[[], None]) -> None:
            # the screen may have closed meanwhile, or the app ended
            with contextlib.suppress(Exception):
                self.app.call_from_thread(callback)

        report = run_checks(
            self.kata, attempt, on_result=lambda result: later(lambda: self._add_row(result))
        )
        later(lambda: self._done(report))

    def _add_row(self, result: CheckResult) -> None:
        if not self.is_attached:
            return
        mark = Content.from_markup("[$success]✓" if result.passed else "[$error]✗")
        self._results.append(result)
        self.query_one(DataTable).add_row(
            mark, Content(result.name), Content(result.reason or "passed"), height=None
        )

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        """The highlighted check in full: its name, and why it failed."""
        if 0 <= event.cursor_row < len(self._results):
            result = self._results[event.cursor_row]
            why = "passed" if result.passed else result.reason
            self.query_one("#kata-detail", Static).update(
                Content.assemble((result.name, "bold"), ": ", why)
            )

    def _done(self, report: KataReport) -> None:
        self.running = False
        if not self.is_attached:
            return
        self._columns()
        for result in report.results:
            self._add_row(result)
        failed = next((i for i, r in enumerate(report.results) if not r.passed), 0)
        self.query_one(DataTable).move_cursor(row=failed)
        text = f"{report.attempt.name}: {report.passed} of {len(report.results)} checks passed"
        if report.problem:
            text += f"; {report.problem}"
        self._say(text)
        self.post_message(self.Checked(report))
