"""`planner today` says only what matters (issue 11.9): today's sessions and one line per
interview; the late list and the fixes belong to `planner plan`, where they are titles."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from planner.cli import cli
from planner.core.planning import full_schedule
from planner.core.progress import Progress
from planner.core.syllabus.titles import title_of
from tests.test_scheduler_practice_first import PLAN, TODAY
from tests.tui_support import bundled, store_with_plan


def run(data_dir: Path, *args: str) -> str:
    base = ["--data-dir", str(data_dir), "--today", TODAY.isoformat()]
    result = CliRunner().invoke(cli, [*base, *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_today_is_todays_sessions_and_a_line_per_interview(data_dir: Path) -> None:
    store_with_plan(data_dir, PLAN).close()
    lines = run(data_dir, "today").splitlines()
    schedule = full_schedule(bundled(), PLAN, Progress(), TODAY)
    day = schedule.day(TODAY)
    assert day is not None and not schedule.feasible
    expected = 1 + len(day.sessions) + 2 + len(PLAN.interviews)  # head, sessions, Interviews
    assert len(lines) == expected, "\n".join(lines)
    assert "Late" not in lines and not any(line.startswith("  drop") for line in lines)
    ids = {p.id for p in bundled().practice} | {s.item.id for s in bundled().items}
    assert not any(word in ids for line in lines for word in line.split())


def test_plan_names_late_work_and_fixes_by_title(data_dir: Path) -> None:
    store_with_plan(data_dir, PLAN).close()
    text = run(data_dir, "plan")
    schedule = full_schedule(bundled(), PLAN, Progress(), TODAY)
    late = schedule.late[0]
    assert f"  {title_of(bundled(), late.id)}  due {late.deadline.isoformat()}" in text
    drops = [r.drop for r in schedule.interviews if r.drop]
    assert drops and all(title_of(bundled(), i) in text for i in drops[0])
    ids = {p.id for p in bundled().practice} | {s.item.id for s in bundled().items}
    assert not any(word.strip(";,") in ids for word in text.split())
