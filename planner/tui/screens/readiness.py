"""Readiness: per interview, a bar per round with its parts (coverage, recall, practice, on
track), a burn-down, and the weakest questions."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from planner.core.labels import format_minutes
from planner.core.practice.readiness import InterviewReadiness, Readiness, RoundReadiness
from planner.core.schedule.standing import standing_text
from planner.core.schedule.types import InterviewReport
from planner.core.summaries import fix_text
from planner.exports.status_text import FORMULA, bar, percent, practice_text
from planner.tui.screens.base import PlannerScreen
from planner.tui.screens.plan_actions import DropFixKey, drop_fix, search_fixes
from planner.tui.widgets.burndown import BurnDownChart
from planner.tui.widgets.charts import Chart
from planner.tui.widgets.key_bar import KeyBar
from planner.tui.widgets.mode_tabs import ModeTabs

BAR = 8
NARROW_BAR = 5
"""The bars on a screen narrower than `WIDE`: a round's line stays on one line at 80x24."""
WIDE = 100


def bar_width(width: int) -> int:
    return BAR if width >= WIDE else NARROW_BAR


WEAK_SHOWN = 5


class ReadinessScreen(DropFixKey, PlannerScreen):
    MODE = "readiness"
    HELP_GROUP = "Readiness"
    CSS_PATH = "readiness.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "review_weakest", "Review weakest", id="readiness.review"),
        Binding("d", "drill", "Drill", id="readiness.drill"),
        Binding("f", "apply_fix", "Drop fix", id="readiness.fix"),
    ]

    def compose(self) -> ComposeResult:
        yield ModeTabs(self.MODE, self.workspace.today)
        yield VerticalScroll(id="readiness-body")
        yield KeyBar()

    _bar = BAR

    def on_resize(self) -> None:
        if bar_width(self.size.width) != self._bar:
            self.refresh_view()

    def refresh_view(self) -> None:
        self._bar = bar_width(self.size.width or 80)
        figures = self.workspace.readiness
        body = self.query_one("#readiness-body", VerticalScroll)
        # The old widgets go away after this call returns, so the new ones carry no ids
        # (an id would clash with the old widget still there: DuplicateIds).
        body.remove_children()
        widgets: list[Static | Chart] = []
        if not figures.interviews:
            widgets.append(
                Static(
                    Content("No upcoming interview. Press p on Today to add one."),
                    classes="muted",
                )
            )
        reports = {(r.name, r.date): r for r in self.workspace.schedule.interviews}
        for n, interview in enumerate(figures.interviews):
            content = interview_content(interview, figures, self._bar)
            widgets.append(Static(content, classes="interview"))
            report = reports.get((interview.name, interview.date))
            if report is not None and not report.feasible:
                widgets.append(Static(self._fix_content(report), classes="fix"))
            widgets += BurnDownChart(interview.burndown, classes=f"burndown-{n}").with_legend()
        widgets.append(Static(weakest_content(figures, self), classes="weakest"))
        widgets.append(Static(Content(FORMULA + "."), classes="muted formula"))
        body.mount_all(widgets)
        self.refresh_bindings()
        search_fixes(self)

    def _fix_content(self, report: InterviewReport) -> Content:
        text = fix_text(self.workspace.syllabus, report)
        lines = Content.assemble(("  Fix: ", "bold"), text)
        if report is drop_fix(self.workspace.schedule.interviews):
            lines = Content.assemble(lines, (" · f drops them", "$text-muted"))
        return lines

    def action_review_weakest(self) -> None:
        weak = [w.practice_id for w in self.workspace.readiness.weakest[:WEAK_SHOWN]]
        if not weak:
            self.notify("No practice items for the upcoming interviews", timeout=3)
            return
        from planner.tui.screens.review_session import ReviewSessionScreen

        self.app.push_screen(ReviewSessionScreen(weak))

    def action_drill(self) -> None:
        from planner.core.practice.drill import choose_drill
        from planner.tui.screens.drill import DrillScreen

        ws = self.workspace
        size = ws.plan.options.drill_size if ws.plan is not None else 10
        chosen = choose_drill(ws.syllabus, ws.progress, ws.today, size)
        if chosen:
            self.app.push_screen(DrillScreen(chosen))


def round_line(r: RoundReadiness, width: int = BAR) -> Content:
    """A round's figures, with bars `width` cells wide."""
    recall = (
        Content(f"{bar(r.recall, width)} {percent(r.recall)}")
        if r.recall is not None
        else Content(f"{'-':<{width + 5}}")
    )
    practice = r.practice.score
    practice_part = (
        f"{bar(practice, width)} {percent(practice)}"
        if practice is not None
        else f"{'-':<{width + 5}}"
    )
    slack_style = "$error" if r.short_minutes > 0 else "$success"
    return Content.assemble(
        f"  {r.round_id[:14]:<14} ",
        (f"{bar(r.coverage, width)} {percent(r.coverage)}", "$accent"),
        "  ",
        recall,
        "  ",
        practice_part,
        "  ",
        (standing_text(r.short_minutes, r.slack_days), slack_style),
    )


def _skipped_text(r: RoundReadiness) -> str:
    return f" ({format_minutes(r.skipped_minutes)} of it skipped)" if r.skipped_minutes else ""


def interview_content(
    interview: InterviewReadiness, figures: Readiness, width: int = BAR
) -> Content:
    """An interview's headline and its rounds, with bars `width` cells wide."""
    column = width + 5
    days = (interview.date - figures.today).days
    when = "today" if days == 0 else f"in {days} day{'' if days == 1 else 's'}"
    lines = [
        Content.assemble(
            (interview.name, "bold"),
            f" · {interview.date:%a %d %b} ({when}) · {'readiness' if width >= BAR else 'ready'} ",
            (
                f"{bar(interview.readiness, width + 2)} {percent(interview.readiness).strip()}",
                "bold",
            ),
            " · ",
            (
                standing_text(interview.short_minutes, interview.slack_days),
                "$error" if interview.short_minutes > 0 else "$success",
            ),
        ),
        Content.styled(
            f"  {'round':<14} {'coverage':<{column}}  {'recall':<{column}}  "
            f"{'practice':<{column}}  on track",
            "$text-muted",
        ),
    ]
    for r in interview.rounds:
        lines.append(round_line(r, width))
        lines.append(
            Content.styled(
                f"  {'':<14} {format_minutes(r.done_minutes)} of "
                f"{format_minutes(r.required_minutes + r.skipped_minutes)} studied"
                f"{_skipped_text(r)} · "
                f"{practice_text(r)}",
                "$text-muted",
            )
        )
    if not interview.feasible:
        lines.append(
            Content.styled(
                f"  {format_minutes(interview.short_minutes)} of required work do not fit "
                "before this interview",
                "$warning",
            )
        )
    return Content("\n").join(lines)


def weakest_content(figures: Readiness, screen: ReadinessScreen) -> Content:
    syllabus = screen.workspace.syllabus
    lines = [Content.styled("Weakest questions (recall on interview day) · r to review", "bold")]
    for weak in figures.weakest[:WEAK_SHOWN]:
        practice = syllabus.practice_item(weak.practice_id)
        prompt = practice.prompt if practice is not None else weak.practice_id
        lines.append(Content.assemble(f"  {percent(weak.recall)}  ", Content(prompt)))
    if not figures.weakest:
        lines.append(Content.styled("  none", "$text-muted"))
    return Content("\n").join(lines)
