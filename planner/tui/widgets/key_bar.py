"""The footer: the keys of the current screen, clickable, in one line.

One widget that draws the active bindings as text, instead of Textual's Footer (a widget per
key, rebuilt whenever the bindings change), because it is on every screen and at start-up."""

from __future__ import annotations

from textual import events
from textual.app import RenderResult
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget


class KeyBar(Widget):
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        background: $footer-background;
        color: $footer-foreground;
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self._spans: list[tuple[int, int, str]] = []
        """(first cell, end cell, key) of each key drawn, for clicks."""

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, _screen: Screen[object]) -> None:
        self.refresh()

    def _keys(self) -> tuple[list[tuple[str, Content]], list[tuple[str, Content]]]:
        """(key, drawn text) of each shown binding, and of those kept at the right end
        whatever the width: help, which lists every key, and the command palette."""
        app = self.app
        seen: set[str] = set()
        keys: list[tuple[str, Content]] = []
        pinned: list[tuple[str, Content]] = []
        # A screen may keep a key bound (so it does not fall through to the app) yet not
        # worth showing: it defines `key_hidden(action) -> bool`.
        hidden = getattr(self.screen, "key_hidden", None)
        for active in self.screen.active_bindings.values():
            binding = active.binding
            if callable(hidden) and hidden(binding.action):
                continue
            key = binding.key.split(",")[0]
            is_palette = binding.key == app.COMMAND_PALETTE_BINDING
            if is_palette and not app.ENABLE_COMMAND_PALETTE:
                continue
            if not is_palette and (
                not binding.show or not binding.description or binding.action in seen
            ):
                continue
            seen.add(binding.action)
            style = "bold $accent" if active.enabled else "$text-disabled"
            text = Content.assemble(
                (f" {app.get_key_display(binding)} ", style),
                ("palette" if is_palette else binding.description, "" if active.enabled else style),
                " ",
            )
            if is_palette or binding.action == "help":
                pinned.append((key, text))
            else:
                keys.append((key, text))
        return keys, pinned

    def render(self) -> RenderResult:
        keys, pinned = self._keys()
        room = self.size.width - sum(text.cell_length for _, text in pinned)
        self._spans = []
        drawn: list[Content] = []
        x = 0
        for key, text in keys:
            if x + text.cell_length > room:
                break
            self._spans.append((x, x + text.cell_length, key))
            drawn.append(text)
            x += text.cell_length
        if pinned:
            drawn.append(Content(" " * max(0, room - x)))
            x = max(x, room)
            for key, text in pinned:
                self._spans.append((x, x + text.cell_length, key))
                drawn.append(text)
                x += text.cell_length
        return Content.assemble(*drawn)

    def on_click(self, event: events.Click) -> None:
        for start, end, key in self._spans:
            if start <= event.x < end:
                event.stop()
                self.app.simulate_key(key)
                return
