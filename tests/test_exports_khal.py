"""The calendar in a real calendar client: khal imports `planner export ics`, and a
re-import after a tick updates the events instead of duplicating them."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import cli

KHAL_CONFIG = """[calendars]
[[prep]]
path = {path}
type = calendar
[locale]
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%d %H:%M
longdatetimeformat = %Y-%m-%d %H:%M
local_timezone = UTC
default_timezone = UTC
"""


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


def khal(config: Path, *args: str) -> str:
    done = subprocess.run(
        ["khal", "-c", str(config), *args], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_khal_imports_the_calendar_and_a_reimport_updates_it(tmp_path: Path) -> None:
    if shutil.which("khal") is None:
        pytest.skip("khal is not installed (apt install khal)")
    folder = tmp_path / "calendar"
    folder.mkdir()
    config = tmp_path / "khal.conf"
    config.write_text(KHAL_CONFIG.format(path=folder), encoding="utf-8")
    run("init", "--interview", "P=2026-12-04:phone-screen")
    first = tmp_path / "one.ics"
    run("export", "ics", "-o", str(first))
    khal(config, "import", "--batch", "-a", "prep", str(first))
    events = len(list(folder.iterdir()))
    before = khal(config, "list", "2026-11-25", "1d")
    assert "Study: 2 sessions" in before
    ticked = json.loads(run("today", "--json"))["days"][0]["sessions"][0]["id"]
    run("done", ticked)
    second = tmp_path / "two.ics"
    run("export", "ics", "-o", str(second))
    khal(config, "import", "--batch", "-a", "prep", str(second))
    assert len(list(folder.iterdir())) == events  # updated, not duplicated
    after = khal(config, "list", "2026-11-25", "1d")
    assert "Study: 1 session," in after and "Study: 2 sessions" not in after
    assert "Interview: P" in khal(config, "list", "2026-12-04", "1d")
