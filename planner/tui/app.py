"""The App: modes, app-wide keys, the command palette, theme, and wiring to the workspace.
Screens live in `screens/`, one per file; what they show comes from the workspace."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, ClassVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.theme import Theme

from planner.core.syllabus.model import Syllabus
from planner.tui.commands import BindingCommands
from planner.tui.modes import DEFAULT_MODE, MODES
from planner.workspace import Workspace

if TYPE_CHECKING:
    from planner.store.store import Store
    from planner.tui.host import Host

SAFE_URL_SCHEMES = ("http://", "https://")

SCREEN_STYLES = ("today", "schedule", "syllabus", "item_detail", "plan_setup", "help")
"""Style sheets of these screens (next to them in `screens/`) are read once with the app's:
a screen's own CSS_PATH would make Textual re-read every style sheet when it is shown."""


def _short_day(iso: str) -> str:
    """`2026-12-01` as `Tue 01 Dec` (anything else as it is)."""
    try:
        return f"{dt.date.fromisoformat(iso):%a %d %b}"
    except ValueError:
        return iso


def mode_bindings() -> list[BindingType]:
    return [
        Binding(m.key, f"switch_mode({m.name!r})", m.title, id=f"mode.{m.name}", show=False)
        for m in MODES
    ]


class PlannerApp(App[None]):
    TITLE = "planner"
    CSS_PATH: ClassVar[list[str | PurePath]] = [
        "app.tcss",
        *(f"screens/{name}.tcss" for name in SCREEN_STYLES),
    ]
    DEFAULT_MODE = DEFAULT_MODE
    COMMANDS = App.COMMANDS | {BindingCommands}
    MODES: ClassVar[dict[str, str | Callable[[], Screen[None]]]] = {
        m.name: m.factory for m in MODES
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        *mode_bindings(),
        Binding("u", "undo", "Undo", id="app.undo"),
        Binding("question_mark", "help", "Help", id="app.help", key_display="?"),
        Binding("ctrl+t", "change_theme", "Theme", id="app.theme"),
        Binding("ctrl+q", "quit", "Quit", id="app.quit", priority=True),
    ]

    def __init__(
        self,
        syllabus: Syllabus,
        store: Store,
        today: dt.date,
        *,
        clock: Callable[[], dt.datetime] | None = None,
        keymap: Mapping[str, str] | None = None,
        keymap_problems: Sequence[str] = (),
        keymap_file: str = "keys.toml",
        schedule_cache: Path | None = None,
    ) -> None:
        """`keymap_problems`: what was wrong in the person's keys file, said on start."""
        super().__init__()
        self.keymap_problems = tuple(keymap_problems)
        self.keymap_file = keymap_file
        if keymap:
            self.set_keymap(dict(keymap))
        self.workspace = Workspace(
            syllabus, store, today, clock=clock, schedule_cache=schedule_cache
        )
        self._version_seen = -1
        """The workspace version at the last look at the store (unchanged: idle)."""
        saved = self.workspace.theme
        if saved and saved in self.available_themes:
            self.theme = saved

    STORE_CHECK_SECONDS: ClassVar[float] = 2.0
    """How often the app looks for changes made by another window or a `planner` command."""

    def on_mount(self) -> None:
        self.set_interval(self.STORE_CHECK_SECONDS, self.check_store)
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        if self.keymap_problems:
            problems = "\n".join(f"• {p}" for p in self.keymap_problems)
            title = f"Mistakes in {self.keymap_file}"
            self.notify(problems, title=title, severity="warning", timeout=15, markup=False)
        if self.workspace.store.backup_problem:
            self.notify(
                self.workspace.store.backup_problem,
                title="No backup today",
                severity="warning",
                timeout=15,
                markup=False,
            )
        if self.workspace.plan is None:
            self.edit_plan(first_run=True)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "undo":
            # Only where the last action shows: not behind a form, a drill or a mock round
            # (looking through the command palette to the screen it was opened on).
            from textual.command import CommandPalette

            from planner.tui.screens.base import PlannerScreen

            stack = [s for s in self.screen_stack if not isinstance(s, CommandPalette)]
            return bool(stack) and isinstance(stack[-1], PlannerScreen)
        # Until a plan is saved, the setup screen is the only place to be.
        return not (action == "switch_mode" and self.workspace.plan is None)

    def _remember_theme(self, theme: Theme) -> None:
        self.workspace.set_theme(theme.name)

    # --- what screens ask of the app ------------------------------------------------------

    def open_item(self, item_id: str) -> None:
        from planner.tui.screens.item_detail import ItemDetailScreen

        if self.workspace.syllabus.item(item_id) is not None:
            self.push_screen(ItemDetailScreen(item_id))

    def open_link(self, url: str | None) -> None:
        """Open a link in the browser: http(s) only, never anything else."""
        if not url:
            self.notify("This item has no link", severity="warning", timeout=2)
        elif not url.lower().startswith(SAFE_URL_SCHEMES):
            self.notify("Only http and https links are opened", severity="error")
        else:
            self.open_url(url)
            self.notify(f"Opened {url}", timeout=2, markup=False)

    def open_practice(self, any_id: str, kind: str) -> None:
        """A review, drill or mock session: handled by the practice screen when present
        (its `open_session(any_id, kind)` is called, if it has one, once it is shown)."""
        if "practice" in self._modes:
            self.switch_mode("practice")
            self.call_after_refresh(self._open_session, any_id, kind)
        else:
            self.notify(f"{kind.capitalize()} sessions are done from the Practice screen")

    def _open_session(self, any_id: str, kind: str) -> None:
        open_session = getattr(self.screen, "open_session", None)
        if callable(open_session):
            open_session(any_id, kind)

    def edit_plan(self, *, first_run: bool = False) -> None:
        from planner.tui.screens.plan_setup import PlanSetupScreen

        self.push_screen(PlanSetupScreen(first_run=first_run), self._plan_saved)

    def _plan_saved(self, saved: bool | None) -> None:
        if saved:
            self.notify("Plan saved", timeout=2)
            self._refresh_current()

    def check_store(self) -> None:
        """Show what another window or a command wrote: reload and redraw when the store
        changed elsewhere."""
        from planner.store.errors import StoreError

        try:
            changed = self.workspace.refresh_if_changed()
        except StoreError as exc:
            self.notify(str(exc), severity="error", markup=False)
            return
        if changed:
            self._refresh_current()
        self._keep_daily_backup()
        self._prepare_tomorrow_when_idle()

    def _keep_daily_backup(self) -> None:
        """An app left open overnight still makes the new day's backup (a file check when
        the day has its backup already)."""

        store = self.workspace.store
        seen = store.backup_problem
        store.keep_daily_backup(dt.date.today())
        if store.backup_problem and store.backup_problem != seen:
            self.notify(
                store.backup_problem, title="No backup today", severity="warning", markup=False
            )

    def _prepare_tomorrow_when_idle(self) -> None:
        """When nothing happened since the last look and nothing runs in the background:
        make tomorrow's schedule of the current state and keep it, so that the first start
        tomorrow opens on it at once when nothing changes before then."""
        from planner.tui.background import off_thread

        ws = self.workspace
        idle = ws.version == self._version_seen and ws.schedule_ready
        self._version_seen = ws.version
        if not idle or any(w.is_running for w in self.workers):
            return
        prepare = ws.next_day_preparation()
        if prepare is not None:
            off_thread(self, prepare, lambda _kept: None, name="tomorrow")

    def _refresh_current(self) -> None:
        from planner.tui.screens.base import PlannerScreen

        if isinstance(self.screen, PlannerScreen):
            self.screen.changed()

    # --- app-wide actions ----------------------------------------------------------------

    def action_undo(self) -> None:
        from planner.store.errors import StoreError

        try:
            event = self.workspace.undo()
        except StoreError as exc:
            self.notify(str(exc), severity="error", markup=False)
            self._refresh_current()
            return
        if event is None:
            self.notify("Nothing to undo", severity="warning", timeout=2)
        else:
            from planner.core.syllabus.titles import title_of

            syllabus = self.workspace.syllabus
            what = event.describe(lambda any_id: title_of(syllabus, any_id), _short_day)
            self.notify(f"Undone: {what}", timeout=3, markup=False)
        self._refresh_current()

    def action_help(self) -> None:
        from planner.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    async def action_quit(self) -> None:
        self.flush_notes()
        await super().action_quit()

    def flush_notes(self) -> None:
        """Save every note being edited (also done on leaving the note and on unmount)."""
        for stack in self._screen_stacks.values():
            for screen in stack:
                save = getattr(screen, "save_note", None)
                if callable(save):
                    save()


if TYPE_CHECKING:

    def _is_a_host(app: PlannerApp) -> Host:
        return app  # mypy checks that the app gives its screens all that `Host` promises
