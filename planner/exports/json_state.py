"""The whole state as JSON (`planner export json`), read back by `planner import`."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from planner.exports import ExportSource


def state_to_json(state: dict[str, Any]) -> str:
    """Stable text: sorted keys, two-space indent, UTF-8 kept readable, final newline."""
    return json.dumps(state, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def export_json(source: ExportSource) -> str:
    return state_to_json(source.store().export_state())
