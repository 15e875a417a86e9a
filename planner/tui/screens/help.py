"""Help: every key, grouped by screen, read from the bindings themselves."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from planner.tui.modes import MODES, PUSHED_SCREENS, screen_class_of
from planner.tui.widgets.key_bar import KeyBar
from planner.tui.widgets.row_table import RowTable


def binding_ids(app: type[App[Any]] | App[Any]) -> set[str]:
    """Every binding id a person can remap in `keys.toml`."""
    return {b.id for _, group in binding_groups(app) for b in group if b.id}


def binding_scopes(app: type[App[Any]] | App[Any]) -> list[tuple[str, dict[str, str]]]:
    """Per screen, its name and the default keys of every binding active there (the app's
    and its own; binding id, or action without one, -> keys): where two may not share a key."""
    screens: list[tuple[str, Any]] = []
    for mode in MODES:
        screen_class = screen_class_of(mode)
        if screen_class is not None:
            screens.append((getattr(screen_class, "HELP_GROUP", "") or mode.title, screen_class))
    for pushed in PUSHED_SCREENS:
        extra = pushed.screen_class()
        screens.append((getattr(extra, "HELP_GROUP", "") or extra.__name__, extra))
    scopes: list[tuple[str, dict[str, str]]] = []
    for name, screen_class in screens:
        keys: dict[str, str] = {}
        for binding in Binding.make_bindings([*app.BINDINGS, *screen_class.BINDINGS]):
            ident = binding.id or binding.action
            keys[ident] = f"{keys[ident]},{binding.key}" if ident in keys else binding.key
        scopes.append((f"the {name} screen", keys))
    return scopes


def binding_groups(app: type[App[Any]] | App[Any]) -> list[tuple[str, list[Binding]]]:
    """(heading, bindings) for the app and every screen, in the order a person meets them."""
    groups: list[tuple[str, list[Binding]]] = [("Everywhere", _described(app.BINDINGS))]
    groups[0][1].append(
        Binding(app.COMMAND_PALETTE_BINDING, "command_palette", "Command palette", id="app.palette")
    )
    for mode in MODES:
        screen_class = screen_class_of(mode)
        if screen_class is not None:
            title = getattr(screen_class, "HELP_GROUP", "") or mode.title
            groups.append((f"{mode.key} {title}", _described(screen_class.BINDINGS)))
    for pushed in PUSHED_SCREENS:
        extra = pushed.screen_class()
        groups.append((getattr(extra, "HELP_GROUP", ""), _described(extra.BINDINGS)))
    return groups


def _described(bindings: Iterable[BindingType]) -> list[Binding]:
    """Bindings with a description, one per id (a binding of several keys is one entry)."""
    found: dict[str, Binding] = {}
    for binding in Binding.make_bindings(bindings):
        if binding.description and not binding.system:
            key = binding.id or binding.action
            if key in found:
                previous = found[key]
                if previous.key_display is None:
                    found[key] = previous.with_key(f"{previous.key},{binding.key}")
            else:
                found[key] = binding
    return list(found.values())


class HelpScreen(ModalScreen[None]):
    HELP_GROUP = "Help"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,q", "close", "Close help", id="help.close"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="help-box"):
            yield Static("Keys", id="help-title")
            yield RowTable(id="help-keys", cursor_type="row", zebra_stripes=False)
            yield Static(
                "Every key of a screen is also in its command palette (ctrl+p).", id="help-tip"
            )
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.query_one("#help-keys", DataTable)
        table.add_column("Key", width=14)
        table.add_column("Action", width=28)
        table.add_column("id (keys.toml)", width=24)
        seen_first = False
        for heading, bindings in binding_groups(self.app):
            if not bindings:
                continue  # (a screen with no keys of its own, such as History)
            if seen_first:
                table.add_row(Text(""), Text(""), Text(""))
            seen_first = True
            table.add_row(Text(heading, style="bold"), Text(""), Text(""))
            for binding in bindings:
                key = binding.key_display or ", ".join(
                    self.app.get_key_display(binding.with_key(k)) for k in binding.key.split(",")
                )
                table.add_row(
                    Text(f"  {key}"), Text(binding.description), Text(binding.id or "", "dim")
                )
        table.focus()

    def action_close(self) -> None:
        self.dismiss()
