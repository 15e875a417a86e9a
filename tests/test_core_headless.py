"""The core stays headless: importing every module of `planner.core` pulls in no UI or storage."""

from __future__ import annotations

import json
import subprocess
import sys

FORBIDDEN = ("textual", "click", "sqlite3")

PROBE = f"""
import importlib, json, pkgutil, sys
import planner.core
names = sorted(m.name for m in pkgutil.walk_packages(planner.core.__path__, "planner.core."))
for name in names:
    importlib.import_module(name)
loaded = sorted(
    m for m in sys.modules
    if any(m == f or m.startswith(f + ".") or m == "_" + f for f in {FORBIDDEN!r})
)
print(json.dumps({{"modules": names, "forbidden": loaded}}))
"""


def test_importing_the_whole_core_loads_no_textual_click_or_sqlite3() -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=120, check=True
    )
    report = json.loads(done.stdout)
    assert "planner.core.syllabus.loading" in report["modules"]
    assert "planner.core.syllabus.model" in report["modules"]
    assert report["forbidden"] == []


def test_loading_a_syllabus_loads_no_textual_click_or_sqlite3() -> None:
    probe = (
        "import sys\n"
        "from planner.core.syllabus.loading import load_syllabus\n"
        "from planner.paths import bundled_syllabus\n"
        "load_syllabus([bundled_syllabus()])\n"
        f"print([m for m in {FORBIDDEN!r} if m in sys.modules])\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, check=True
    )
    assert done.stdout.strip() == "[]"


def test_every_command_is_found_lazily_and_the_app_imports_no_other_command() -> None:
    """`COMMAND_MODULES` names every command each module adds, and `planner` alone (the app)
    imports neither the YAML loader nor another command's module."""
    code = (
        "import sys, importlib, planner.cli as c\n"
        "before = set(c.cli.commands)\n"
        "for m in set(c.COMMAND_MODULES.values()): importlib.import_module(m)\n"
        "print(sorted(set(c.cli.commands) - before) == sorted(c.COMMAND_MODULES))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.strip() == "True", done.stderr
    code = (
        "import sys, planner.cli, planner.cli.tui_cmd\n"
        "print(sorted(m for m in sys.modules if m.startswith('planner.cli.')"
        " or m in ('planner.core.syllabus.loading', 'yaml', 'icalendar')))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.strip() == "['planner.cli.context', 'planner.cli.tui_cmd']", done.stderr
