"""Table cells as Rich `Text`: user text is never parsed as markup, and is cut to width."""

from __future__ import annotations

from rich.text import Text


def cell(text: str, width: int | None = None, style: str = "") -> Text:
    """`text` as plain text (no markup), cut with an ellipsis to `width` cells."""
    t = Text(text, style=style, no_wrap=True, overflow="ellipsis")
    if width is not None and t.cell_len > width:
        t.truncate(max(1, width), overflow="ellipsis")
    return t


def split_widths(total: int, fixed: list[int], flexible: list[int]) -> list[int]:
    """Share what `fixed` columns leave of `total` among flexible columns by weight
    (every column at least 8 cells). DataTable puts 2 cells of padding around each column."""
    columns = len(fixed) + len(flexible)
    free = max(8 * len(flexible), total - sum(fixed) - 2 * columns - 2)
    weights = sum(flexible) or 1
    shares = [max(8, free * w // weights) for w in flexible]
    return shares
