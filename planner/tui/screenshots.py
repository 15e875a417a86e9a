"""Regenerate `screenshots/*.svg` (and PNGs when Chromium is installed) of every screen, from
the real app on the bundled syllabus at a fixed date with a demo plan and a week of progress.

    python -m planner.tui.screenshots screenshots
"""

from __future__ import annotations

import asyncio
import datetime as dt
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TYPE_CHECKING
from unittest import mock

from planner.core.plan import DayOff, Interview, Plan
from planner.store.store import Store

if TYPE_CHECKING:
    from textual.pilot import Pilot

DEMO_TODAY = dt.date(2026, 11, 25)
WIDE = (120, 40)
SMALL = (80, 24)


def demo_plan() -> Plan:
    """A phone screen in two weeks, an onsite in six, Christmas off, started three weeks
    ago."""
    return Plan(
        interviews=(
            Interview(
                name="Meta phone screen",
                date=dt.date(2026, 12, 9),
                rounds=("phone-screen", "dsa-coding"),
            ),
            Interview(
                name="Acme onsite",
                date=dt.date(2027, 1, 6),
                rounds=("ml-coding", "ml-theory", "ml-design"),
            ),
        ),
        weekday_minutes=(90, 90, 90, 90, 90, 240, 0),
        days_off=(DayOff(start=dt.date(2026, 12, 24), end=dt.date(2026, 12, 26)),),
        start=dt.date(2026, 11, 2),
    )


EARLIER_WORK = (
    # (day of November, item, minutes): the first two weeks, a course taken bit by bit and
    # two ML coding chapters (the History screen's weeks before the last one)
    (2, "ml-specialization/c1-w1", 60),
    (3, "ml-specialization/c1-w1", 45),
    (4, "ml-specialization/c1-w1", 30),
    (6, "ml-specialization/c1-w1", 60),
    (7, "ml-specialization/c1-w1", 120),
    (9, "assemblyai-mlfs/knn", 35),
    (10, "ml-specialization/c1-w1", 45),
    (11, "assemblyai-mlfs/linear-regression", 40),
    (13, "ml-specialization/c1-w1", 30),
    (14, "ml-specialization/c1-w1", 90),
    (16, "ml-specialization/c1-w1", 20),
)


def seed_demo(store: Store) -> None:
    """The demo plan and three weeks of work before the demo date."""
    store.save_plan(demo_plan())
    for day, item_id, minutes in EARLIER_WORK:
        on = dt.date(2026, 11, day)
        if item_id.startswith("assemblyai"):
            store.record_done(item_id, on, minutes)
        else:
            store.add_minutes(item_id, minutes, on)
    history = [
        ("hundred-page-ml/ch01", dt.date(2026, 11, 18), None),
        ("leetcode-timed/arrays-hashing", dt.date(2026, 11, 19), None),
        ("hundred-page-ml/ch02", dt.date(2026, 11, 21), 30),
        ("gd-visual/article", dt.date(2026, 11, 21), None),
        ("theory-list/regularization", dt.date(2026, 11, 23), None),
    ]
    for item_id, on, partial in history:
        if partial is None:
            store.record_done(item_id, on, 45)
        else:
            store.add_minutes(item_id, partial, on)
    store.save_note(
        "hundred-page-ml/ch02",
        "# Notation\n\n- argmax vs max\n- **unbiased** estimator: E[θ̂] = θ\n",
    )
    seed_practice(store)


def _evening(day: int) -> dt.datetime:
    return dt.datetime(2026, 11, day, 20, 0, tzinfo=dt.UTC)


def seed_practice(store: Store) -> None:
    """A few reviews, a coding task solved with help and a mock design round."""
    from planner.core.practice.drill import DESIGN_FRAMEWORK
    from planner.core.progress import Attempt, MockRound

    store.record_review("q-overfitting-regularization", "good", _evening(21), 2)
    store.record_review("q-bias-variance", "again", _evening(22), 2)
    store.record_review("q-l1-vs-l2", "easy", _evening(23), 2)
    store.record_attempt(
        Attempt("code-kmeans", "solved-with-help", 42, _evening(23), "re-seed empty clusters")
    )
    scores = dict(zip(DESIGN_FRAMEWORK, (2, 1, 2, 1, 1, 0, 2, 1, 0), strict=True))
    store.record_mock(
        MockRound("design-youtube-recs", scores, 45, _evening(24), "ran out of time on serving")
    )


Shot = tuple[str, tuple[int, int], Callable[..., Awaitable[None]]]


async def _capture(out: Path, data_dir: Path) -> list[Path]:

    from planner.core.syllabus.loading import load_syllabus
    from planner.paths import bundled_syllabus
    from planner.tui.app import PlannerApp
    from planner.tui.modes import MODES

    syllabus = load_syllabus([bundled_syllabus()])
    written: list[Path] = []

    async def nothing(pilot: Pilot[None]) -> None:
        await pilot.pause()

    def press(*keys: str) -> Callable[[Pilot[None]], Awaitable[None]]:
        async def run(pilot: Pilot[None]) -> None:
            await pilot.pause()
            await pilot.press(*keys)
            await pilot.pause(0.3)

        return run

    def themed(theme: str, *keys: str) -> Callable[[Pilot[None]], Awaitable[None]]:
        async def run(pilot: Pilot[None]) -> None:
            pilot.app.theme = theme
            await press(*keys)(pilot)

        return run

    async def detail(pilot: Pilot[None]) -> None:
        app = pilot.app
        assert isinstance(app, PlannerApp)
        app.open_item("hundred-page-ml/ch02")
        await pilot.pause(0.5)
        app.screen.query_one("#facts").focus()
        await pilot.pause()

    async def kata(pilot: Pilot[None]) -> None:
        await press("4")(pilot)
        await _kata_checked(pilot)

    shots: list[Shot] = [("today-80x24", SMALL, nothing)]
    shots += [(m.name, WIDE, press(m.key)) for m in MODES]
    shots += [
        ("item-detail", WIDE, detail),
        ("help", WIDE, press("question_mark")),
        ("plan-setup", WIDE, press("p")),
        ("history-light", WIDE, themed("textual-light", "6")),
        ("kata", WIDE, kata),
    ]
    for name, size, before in shots:
        with Store.open(data_dir) as store:
            app = PlannerApp(syllabus, store, DEMO_TODAY)
            async with app.run_test(size=size) as pilot:
                await before(pilot)
                await pilot.pause(0.2)
                path = out / f"{name}.svg"
                app.save_screenshot(str(path.name), path=str(out))
                written.append(path)
    return written


DEMO_KATA = "code-top-k-frequent"
DEMO_ATTEMPT = """
from collections import Counter


def top_k_frequent(nums, k):
    return [value for value, _ in Counter(nums).most_common(k)]
"""
"""A first attempt with the usual slip: most_common breaks ties by first appearance."""


async def _kata_checked(pilot: Pilot[None]) -> None:
    """The demo kata's coding task, its starter replaced by the demo attempt, checked."""
    from planner.tui.screens.coding_task import CodingTaskScreen
    from planner.tui.widgets.kata_panel import KataPanel

    screen = CodingTaskScreen(DEMO_KATA, start_kata=True)
    await pilot.app.push_screen(screen)
    await pilot.pause()
    panel = screen.query_one(KataPanel)
    assert panel.attempt is not None
    header = "".join(panel.attempt.read_text(encoding="utf-8").splitlines(True)[:2])
    panel.attempt.write_text(header + DEMO_ATTEMPT, encoding="utf-8")
    screen.action_check()
    for _ in range(1200):
        if not panel.running:
            break
        await asyncio.sleep(0.05)
    await pilot.pause(0.3)


def to_png(svg: Path) -> Path | None:
    """A PNG of an SVG through headless Chromium, when it is installed."""
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        return None
    png = svg.with_suffix(".png")
    found = re.search(r'viewBox="0 0 ([0-9.]+) ([0-9.]+)"', svg.read_text(encoding="utf-8"))
    if found is None:
        return None
    width, height = (math.ceil(float(v)) for v in found.groups())
    subprocess.run(
        [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            f"--screenshot={png}",
            f"--window-size={width},{height}",
            svg.resolve().as_uri(),
        ],
        check=False,
        capture_output=True,
        timeout=60,
    )
    return png if png.exists() else None


DEMO_CLOCK = "2026-11-24T20:30:00+00:00"
"""The time every demo event is recorded at, shown in UTC: screenshots do not change from
one run to the next."""


def main(argv: list[str]) -> int:
    out = Path(argv[0] if argv else "screenshots")
    out.mkdir(parents=True, exist_ok=True)
    os.environ["TZ"] = "UTC"
    time.tzset()
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp)
        with (
            Store.open(data_dir) as store,
            mock.patch("planner.store.store._now", lambda: DEMO_CLOCK),
        ):
            seed_demo(store)
        written = asyncio.run(_capture(out, data_dir))
    for svg in written:
        png = to_png(svg)
        print(svg, f"+ {png.name}" if png else "")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
