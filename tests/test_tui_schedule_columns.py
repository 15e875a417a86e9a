"""Schedule (issue 11.8): minutes stand in their own column, and a session placed after the
day its work was due by is marked late, with that day."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable

from planner.core.labels import format_minutes
from planner.core.schedule.agenda import agenda
from planner.tui.screens.schedule import LATE_MARK, ScheduleScreen
from planner.workspace import Workspace
from tests.test_scheduler_practice_first import PLAN, TODAY
from tests.tui_support import bundled, make_app, store_with_plan


async def test_minutes_have_a_column_and_late_work_is_marked(data_dir: Path) -> None:
    store = store_with_plan(data_dir, PLAN)
    ws = Workspace(bundled(), store, TODAY)
    days = agenda(ws.syllabus, ws.plan, ws.schedule, ws.progress)
    late = [(d.date, e) for d in days for e in d.entries if e.late_after is not None]
    assert late  # the new user's plan has study after the phone screen it was due for
    app = make_app(store, TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ScheduleScreen)
        table = screen.query_one("#agenda", DataTable)
        rows = {str(k.value): table.get_row(k) for k in table.rows}
        for day in days:
            if day.past:
                continue
            for index, entry in enumerate(e for e in day.entries):
                offset = len(day.interviews)
                row = rows[f"{day.date.isoformat()}#{index + offset}"]
                session, minutes, what = (str(c) for c in row[2:])
                assert minutes.strip() == format_minutes(entry.minutes)
                assert not session.rstrip().endswith(format_minutes(entry.minutes))
                if entry.late_after is not None:
                    assert session.startswith(LATE_MARK)
                    assert what.strip() == f"late: due {entry.late_after:%a %d %b}"
                else:
                    assert not session.startswith(LATE_MARK) and "late" not in what
