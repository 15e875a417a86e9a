"""Acting on the plan from any screen: skip, pin to a date, push, and the drop fix. Each is
one workspace action (one store transaction, undone with u) and says what it did."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from textual.app import App

from planner.core.schedule.reach import out_of_reach
from planner.core.schedule.types import InterviewReport, Schedule
from planner.core.summaries import first_short
from planner.core.syllabus.titles import title_of
from planner.tui.background import busy, off_thread
from planner.tui.screens.base import PlannerScreen
from planner.workspace import Workspace


def toggle_skip(screen: PlannerScreen, item_id: str) -> None:
    """Skip a study item (out of the plan and of what is required), or take it back."""
    ws = screen.workspace
    if ws.syllabus.item(item_id) is None:
        screen.notify("Only study items are skipped; practice stays", severity="warning")
        return
    skipped = not ws.progress.of(item_id).skipped
    ws.set_skipped(item_id, skipped)
    screen.changed()
    verb = "Skipped" if skipped else "Back in the plan"
    text = f"{verb}: {title_of(ws.syllabus, item_id)} ({screen.UNDO_HINT})"
    screen.notify(text, markup=False)


def refused_skipped(screen: PlannerScreen, item_id: str, skip_key: str) -> bool:
    """A skipped item is not ticked (it would count as done, unstudied): says that
    `skip_key` takes it back into the plan instead."""
    state = screen.workspace.progress.of(item_id)
    if not state.skipped or state.done:
        return False
    title = title_of(screen.workspace.syllabus, item_id)
    text = f"Skipped: {title}. {skip_key} takes it back into the plan"
    screen.notify(text, markup=False, timeout=3)
    return True


def ask_pin(screen: PlannerScreen, any_id: str) -> None:
    """Ask for a date (the pin dialog) and pin the item to it, or take its pin away."""
    from planner.tui.screens.pin_date import PinChoice, PinDateScreen

    ws = screen.workspace
    title = title_of(ws.syllabus, any_id)

    def chosen(choice: PinChoice | None) -> None:
        if choice is None:
            return
        if choice.on is None and any_id not in ws.progress.pinned:
            screen.notify(f"Not pinned: {title}", markup=False)
            return
        ws.pin(any_id, choice.on)
        screen.changed()
        where = f"pinned to {choice.on:%a %d %b}" if choice.on else "unpinned"
        note = None
        if choice.on is not None:
            note = out_of_reach(ws.syllabus, ws.plan, ws.progress, ws.today, any_id, choice.on)
        if note is not None:
            text = f"{title}: {where}, but {note} ({screen.UNDO_HINT})"
            screen.notify(text, severity="warning", markup=False)
        else:
            screen.notify(f"{title}: {where} ({screen.UNDO_HINT})", markup=False)

    pinned = ws.progress.pinned.get(any_id)
    screen.app.push_screen(PinDateScreen(title, ws.today, ws.plan, pinned), chosen)


def push_after(screen: PlannerScreen, any_id: str, day: dt.date) -> None:
    """Not before the day after `day`: the schedule places it again from then."""
    ws = screen.workspace
    to = max(day, ws.today) + dt.timedelta(days=1)
    ws.push(any_id, to)
    screen.changed()
    later = [on for on, _ in ws.schedule.sessions_of(any_id) if on >= to]
    where = f"now on {min(later):%a %d %b}" if later else "no room for it before the interview"
    note = out_of_reach(ws.syllabus, ws.plan, ws.progress, ws.today, any_id, to)
    text = f"Later: {title_of(ws.syllabus, any_id)} ({note or where})"
    screen.notify(text, markup=False, severity="warning" if note else "information")


FIXES = "fixes"


def search_fixes(screen: PlannerScreen) -> None:
    """When the schedule has interviews that do not fit and no fixes yet, search them in the
    background (it places the work again several times) and redraw the screen shown when
    they come; the app stays responsive meanwhile. Other screens see them when next shown.
    Nothing is searched while the schedule itself is still being made."""
    ws = screen.workspace
    app = screen.app
    if not ws.schedule_ready or busy(app, FIXES):
        return  # (a search for an older state goes on with the latest when it ends)
    search = ws.fix_search()
    if search is None:
        return
    version = ws.version

    def adopt(found: Schedule) -> None:
        if ws.adopt_fixes(version, found):
            redraw_shown(app)
        elif app.screen is screen:
            search_fixes(screen)  # an action came since: search for the state it left

    def failed(error: BaseException) -> None:
        app.notify(f"Could not search fixes: {error}", severity="error", markup=False)

    off_thread(app, search, adopt, name=FIXES, failed=failed)


def redraw_shown(app: App[Any]) -> None:
    """Redraw whichever main screen shows now (the others redraw when next shown)."""
    shown = app.screen
    if isinstance(shown, PlannerScreen):
        shown.changed()


def drop_fix(reports: tuple[InterviewReport, ...]) -> InterviewReport | None:
    """The first upcoming interview that does not fit and has a drop fix."""
    return next((r for r in reports if not r.feasible and not r.passed and r.drop), None)


def described_drop_fix(schedule: Schedule) -> InterviewReport | None:
    """The interview the status banner describes (`first_short`), when it has a drop fix:
    the banner offers no other interview's."""
    first = first_short(schedule)
    return first if first is not None and first.drop else None


def apply_drop_fix(
    screen: PlannerScreen, fix_of: Callable[[Schedule], InterviewReport | None]
) -> None:
    """Skip the items of the drop fix `fix_of` finds in the schedule (the one the screen
    shows: one action, u brings them all back)."""
    ws = screen.workspace
    if not all(r.fixes_searched for r in ws.schedule.interviews):
        screen.notify("Still looking for fixes: try again in a moment", severity="warning")
        return
    report = fix_of(ws.schedule)
    if report is None:
        screen.notify("No items to drop: every interview fits, or dropping would not help")
        return
    count = ws.drop(report.drop)
    screen.changed()
    screen.notify(
        f"Dropped {count} item{'' if count == 1 else 's'} for {report.name} ({screen.UNDO_HINT})",
        markup=False,
    )


class DropFixKey:
    """For a screen that offers the drop fix on `f` (binding action `apply_fix`): the key is
    shown only when there is a drop fix, and applies it."""

    workspace: Workspace

    def drop_fix_of(self, schedule: Schedule) -> InterviewReport | None:
        """The drop fix this screen shows (the first interview's that has one)."""
        return drop_fix(schedule.interviews)

    def action_apply_fix(self) -> None:
        """Drop the items of the drop fix shown (u brings them back)."""
        assert isinstance(self, PlannerScreen)
        apply_drop_fix(self, self.drop_fix_of)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The drop fix is offered only when there is one."""
        if action == "apply_fix":
            shown = self.workspace.shown_schedule or self.workspace.schedule
            return self.drop_fix_of(shown) is not None
        return True
