"""What every main screen shares: the workspace, the tab bar, refresh when stale."""

from __future__ import annotations

from contextlib import suppress
from typing import ClassVar

from textual.screen import Screen
from textual.types import NoActiveAppError

from planner.tui.host import Host, host_of, workspace_of
from planner.workspace import Workspace


class PlannerScreen(Screen[None]):
    """A main screen over the workspace. `refresh_view` redraws from the workspace; it runs
    on mount, after each action here, and on resume when an action elsewhere made it stale."""

    MODE: ClassVar[str] = ""
    """The mode this screen is the base of ("" for pushed screens)."""
    HELP_GROUP: ClassVar[str] = ""
    """Heading of this screen's keys in the help screen."""
    UNDO_HINT: ClassVar[str] = "u to undo"
    """How an action done here is undone, as its message says."""

    _seen_version: int = -1

    def __init__(self) -> None:
        super().__init__()
        # A new screen is styled from the app's current stylesheet when it is mounted, but
        # Textual marks every new screen as behind it, so that showing a mode for the first
        # time re-parses all the app's style sheets (about 20 ms, at start-up too). It is
        # not behind: say so. (Screens made before a theme change are still refreshed.)
        with suppress(NoActiveAppError):
            self._css_update_count = self.app._css_update_count

    @property
    def planner_app(self) -> Host:
        return host_of(self.app)

    @property
    def workspace(self) -> Workspace:
        return workspace_of(self.app)

    def refresh_view(self) -> None:
        """Redraw everything from the workspace."""

    def _refresh_if_stale(self) -> None:
        if self._seen_version != self.workspace.version:
            self._seen_version = self.workspace.version
            self.refresh_view()

    def on_mount(self) -> None:
        self._refresh_if_stale()

    def on_screen_resume(self) -> None:
        if self.is_mounted:
            self._refresh_if_stale()

    def changed(self) -> None:
        """Call after an action: redraw this screen now (others redraw when shown)."""
        self._refresh_if_stale()
