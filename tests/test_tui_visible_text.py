"""No text is drawn in the colour of the background it sits on, on any main screen.

Textual caches a widget's colours from its ancestors; text drawn before its screen was
styled once kept "no colour" and came out as the background (Today's banner, minutes
label and percentage were invisible in the first frame). Each screen's first frame is
checked here, at both sizes.
"""

from __future__ import annotations

import re

import pytest

from planner.store.store import Store
from tests.tui_support import make_app

TEXT = re.compile(r'<text class="([\w-]+)" x="([\d.]+)" y="([\d.]+)"[^>]*>([^<]*)</text>')
STYLE = re.compile(r"\.([\w-]+) \{ ([^}]*)\}")
RECT = re.compile(r'<rect fill="(#[0-9a-f]{6})" x="([\d.]+)" y="([\d.]+)" width="([\d.]+)"')


def invisible_text(svg: str) -> list[str]:
    """Text whose fill is the colour of the background cell under its first character."""
    styles = dict(STYLE.findall(svg))
    rects = [(fill, float(x), float(y), float(w)) for fill, x, y, w in RECT.findall(svg)]
    found = []
    for cls, x_text, y_text, text in TEXT.findall(svg):
        shown = text.replace("&#160;", " ").strip()
        fill = re.search(r"fill: (#[0-9a-f]{6})", styles.get(cls, ""))
        if not shown or fill is None or set(shown) <= set("▊▎▌█━─"):
            continue
        x, baseline = float(x_text), float(y_text)
        under = [f for f, rx, ry, w in rects if rx <= x < rx + w and ry < baseline <= ry + 24.5]
        if under and under[-1] == fill.group(1):
            found.append(shown)
    return found


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
@pytest.mark.parametrize("key", ["1", "2", "3", "4", "5"])
async def test_every_main_screen_draws_its_text_visibly(
    store: Store, key: str, size: tuple[int, int]
) -> None:
    app = make_app(store)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        if key != "1":
            await pilot.press(key)
            await pilot.pause()
        assert invisible_text(app.export_screenshot()) == []
