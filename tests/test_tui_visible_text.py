"""No text is drawn in the colour of the background it sits on, on any main screen.

Textual caches a widget's colours from its ancestors; text drawn before its screen was
styled once kept "no colour" and came out as the background (Today's banner, minutes
label and percentage were invisible in the first frame). Each screen's first frame is
checked here, at both sizes.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual.color import Color
from textual.theme import BUILTIN_THEMES

from planner.store.store import Store
from planner.tui.screenshots import seed_demo
from planner.tui.widgets.charts import Chart
from tests.tui_support import make_app

TEXT = re.compile(r'<text class="([\w-]+)" x="([\d.]+)" y="([\d.]+)"[^>]*>([^<]*)</text>')
STYLE = re.compile(r"\.([\w-]+) \{ ([^}]*)\}")
RECT = re.compile(r'<rect fill="(#[0-9a-f]{6})" x="([\d.]+)" y="([\d.]+)" width="([\d.]+)"')


def luminance(colour: str) -> float:
    """Relative luminance (WCAG) of "#rrggbb"."""

    def channel(c: int) -> float:
        v = c / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def invisible_text(svg: str, minimum: float = 1.0) -> list[str]:
    """Text whose fill is the colour of the background cell under its first character (or,
    with `minimum`, whose contrast with it is below that ratio)."""
    styles = dict(STYLE.findall(svg))
    rects = [(fill, float(x), float(y), float(w)) for fill, x, y, w in RECT.findall(svg)]
    found = []
    for cls, x_text, y_text, text in TEXT.findall(svg):
        shown = text.replace("&#160;", " ").strip()
        fill = re.search(r"fill: (#[0-9a-f]{6})", styles.get(cls, ""))
        if not shown or fill is None or set(shown) <= set("▊▎▌█━─▁▂▃▄▅▆▇"):
            continue
        x, baseline = float(x_text), float(y_text)
        under = [f for f, rx, ry, w in rects if rx <= x < rx + w and ry < baseline <= ry + 24.5]
        if under and (under[-1] == fill.group(1) or contrast(under[-1], fill.group(1)) < minimum):
            found.append(shown)
    return found


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
@pytest.mark.parametrize("key", ["1", "2", "3", "4", "5", "6"])
async def test_every_main_screen_draws_its_text_visibly(
    store: Store, key: str, size: tuple[int, int], theme: str
) -> None:
    app = make_app(store)
    async with app.run_test(size=size) as pilot:
        app.theme = theme
        await pilot.pause()
        if key != "1":
            await pilot.press(key)
            await pilot.pause()
        assert invisible_text(app.export_screenshot()) == []


@pytest.mark.parametrize("theme", sorted(BUILTIN_THEMES))
@pytest.mark.parametrize("key", ["5", "6"])
async def test_charts_are_readable_in_every_theme(data_dir: Path, key: str, theme: str) -> None:
    """The burn-down and the History charts, in every bundled theme: their text is visible,
    and every line and bar stands out from the chart's background (a contrast of at least 3,
    as WCAG asks of graphics)."""
    with Store.open(data_dir) as store:
        seed_demo(store)
    store = Store.open(data_dir)
    app = make_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        app.theme = theme
        await pilot.press(key)
        await pilot.pause()
        charts = list(app.screen.query(Chart))
        assert charts
        surface = Color.parse(app.theme_variables["surface"])
        if surface.a == 0:
            pytest.skip(f"{theme} uses the terminal's own colours: their contrast is unknown")
        background = surface.hex
        for chart in charts:
            assert chart.used_colours, type(chart).__name__
            for rgb in chart.used_colours:
                colour = Color(*rgb).hex
                assert contrast(colour, background) >= 3, (type(chart).__name__, colour)
        assert invisible_text(app.export_screenshot()) == []
    store.close()
