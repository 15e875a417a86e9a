"""Command palette entries: one for every key binding of the screen it is opened from
(generated from the bindings, so a new key is in the palette without a second list)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.dom import DOMNode

SYSTEM_ACTIONS = frozenset({"quit", "change_theme", "command_palette"})
"""Actions Textual's system commands already list (Quit, Theme) in the palette."""


def _palette_entries(provider: Provider) -> Iterator[tuple[str, str, DOMNode, Binding]]:
    """(name, help, node, binding) for every binding with an id, screen's and app's."""
    seen: set[str] = set()
    for active in provider.screen.active_bindings.values():
        binding = active.binding
        if not binding.id or not binding.description or binding.id in seen:
            continue
        if not active.enabled:
            continue
        if binding.action in SYSTEM_ACTIONS:
            continue  # Textual's own palette entries already offer these
        seen.add(binding.id)
        key = binding.key_display or provider.app.get_key_display(binding)
        yield binding.description, f"key: {key}", active.node, binding


class BindingCommands(Provider):
    """Every action of the current screen, searchable by its description."""

    async def discover(self) -> Hits:
        for name, help_text, node, binding in _palette_entries(self):
            yield DiscoveryHit(
                name, partial(self.app.run_action, binding.action, node), help=help_text
            )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, node, binding in _palette_entries(self):
            score = matcher.match(name)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(name),
                    partial(self.app.run_action, binding.action, node),
                    help=help_text,
                )
