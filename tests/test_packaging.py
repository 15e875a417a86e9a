"""A plain `pip install .` works from any folder: the wheel carries the bundled syllabus."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_wheel_ships_the_bundled_syllabus(tmp_path: Path) -> None:
    built = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
    )
    assert built.returncode == 0, built.stderr
    (wheel,) = tmp_path.glob("planner-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        shipped = archive.read("planner/_syllabus/ml-interviews.yaml")
    assert shipped == (ROOT / "syllabus" / "ml-interviews.yaml").read_bytes()
    assert "planner/tui/app.tcss" in names
    assert "planner/cli/__init__.py" in names
    assert any(n.endswith("entry_points.txt") for n in names)
