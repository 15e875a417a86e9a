"""What a screen may ask of the app it runs in. Screens see the app through this protocol
(`PlannerApp` is the one implementation), so no screen imports the app that imports it."""

from __future__ import annotations

from typing import Protocol, cast

from planner.workspace import Workspace


class Host(Protocol):
    """The app, as its screens use it."""

    workspace: Workspace

    def open_item(self, item_id: str) -> None:
        """Push the item detail screen of a study item."""

    def open_link(self, url: str | None) -> None:
        """Open a link in the browser: http(s) only."""

    def open_practice(self, any_id: str, kind: str) -> None:
        """Start a review, drill or mock session on the Practice screen."""

    def edit_plan(self, *, first_run: bool = False) -> None:
        """Push plan setup."""


def workspace_of(app: object) -> Workspace:
    """The workspace of the running app."""
    workspace = getattr(app, "workspace", None)
    assert isinstance(workspace, Workspace), "screens run inside PlannerApp"
    return workspace


def host_of(app: object) -> Host:
    """The running app as a `Host` (it is a PlannerApp, which has a workspace)."""
    workspace_of(app)
    return cast(Host, app)
