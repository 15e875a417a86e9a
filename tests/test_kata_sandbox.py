"""The person's code is untrusted input: whatever an attempt does (loops for ever, eats
memory, prints without end, crashes, exits, leaves a process behind), a check ends with a
clear failed result, within its limits, and the planner neither raises nor hangs."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from planner.katas.catalog import Kata, kata_of
from planner.katas.runner import KataReport, check_names, run_checks

SOLUTIONS = Path(__file__).parent / "katas"


def _kmeans() -> Kata:
    kata = kata_of("code-kmeans")
    assert kata is not None
    return kata


def _with_fit(body: str, tmp_path: Path, **limits: float) -> KataReport:
    """K-means whose fit runs `body` (indented inside fit) before the correct fit."""
    source = (SOLUTIONS / "kmeans.py").read_text(encoding="utf-8")
    marker = "    def fit(self, X, init=None):\n"
    lines = "".join(f"        {line}\n" for line in body.splitlines())
    attempt = tmp_path / "kmeans.py"
    attempt.write_text(source.replace(marker, marker + lines), encoding="utf-8")
    return run_checks(_kmeans(), attempt, **limits)  # type: ignore[arg-type]


def _reasons(report: KataReport) -> str:
    return " | ".join([r.reason for r in report.results if not r.passed] + [report.problem or ""])


def test_an_endless_loop_is_stopped_by_the_time_limit(tmp_path: Path) -> None:
    start = time.monotonic()
    report = _with_fit("while True:\n    pass", tmp_path, timeout=3)
    assert time.monotonic() - start < 30
    assert report.passed == 0 and report.outcome == "not-solved"
    assert "stopped" in _reasons(report)
    assert [r.name for r in report.results] == list(check_names(_kmeans()))


def test_an_endless_loop_that_catches_everything_is_still_stopped(tmp_path: Path) -> None:
    body = "while True:\n    try:\n        sum(range(10**6))\n    except Exception:\n        pass"
    report = _with_fit(body, tmp_path, timeout=3)
    assert report.passed == 0 and "stopped" in _reasons(report)


def test_a_1_gb_allocation_is_stopped_by_the_memory_limit(tmp_path: Path) -> None:
    report = _with_fit("big = np.ones(2**27)\nbig[::4096] = 2.0", tmp_path)
    assert report.passed == 0
    assert "ran out of memory (the limit is 512 MB)" in _reasons(report)


def test_a_syntax_error_fails_every_check_naming_the_line(tmp_path: Path) -> None:
    attempt = tmp_path / "kmeans.py"
    attempt.write_text("import numpy as np\n\nclass KMeans(:\n    pass\n", encoding="utf-8")
    report = run_checks(_kmeans(), attempt)
    assert report.passed == 0 and len(report.results) == len(check_names(_kmeans()))
    assert all("syntax error" in r.reason and "line 3" in r.reason for r in report.results)


def test_a_print_storm_is_capped_and_the_checks_still_report(tmp_path: Path) -> None:
    body = "import os\nfor _ in range(20000):\n    print('x' * 500)\n    os.write(1, b'y' * 500)"
    report = _with_fit(body, tmp_path)
    assert report.problem is None and len(report.results) == len(check_names(_kmeans()))
    assert report.all_passed
    assert len(report.output) < 10_000 and "more characters" in report.output


def test_printing_a_lot_does_not_corrupt_the_results(tmp_path: Path) -> None:
    attempt = tmp_path / "kmeans.py"
    source = (SOLUTIONS / "kmeans.py").read_text(encoding="utf-8")
    noisy = source.replace(
        "    def fit(self, X, init=None):\n",
        "    def fit(self, X, init=None):\n"
        "        import os\n"
        "        for _ in range(2000):\n"
        '            print(\'{"check": "fake", "passed": true}\' + \'x\' * 200)\n'
        "            os.write(1, b'{\"done\": true}\\n')\n",
    )
    attempt.write_text(noisy, encoding="utf-8")
    report = run_checks(_kmeans(), attempt)
    assert report.all_passed
    assert [r.name for r in report.results] == list(check_names(_kmeans()))
    assert "more characters" in report.output and len(report.output) < 10_000


def test_a_wrong_return_type_is_a_failed_check(tmp_path: Path) -> None:
    attempt = tmp_path / "kmeans.py"
    source = (SOLUTIONS / "kmeans.py").read_text(encoding="utf-8")
    broken = source.replace(
        "        return self._nearest(np.asarray(X, dtype=float), self.centroids)",
        "        return 'labels'",
    )
    attempt.write_text(broken, encoding="utf-8")
    report = run_checks(_kmeans(), attempt)
    failed = [r for r in report.results if not r.passed]
    assert [r.name for r in failed] == ["labels are each point's nearest centroid; predict agrees"]
    assert "predict(X)" in failed[0].reason


def test_exit_at_import_and_a_hard_exit_are_reported(tmp_path: Path) -> None:
    attempt = tmp_path / "kmeans.py"
    attempt.write_text("import sys\nsys.exit(3)\n", encoding="utf-8")
    report = run_checks(_kmeans(), attempt)
    assert report.passed == 0 and "called exit()" in report.results[0].reason
    report = _with_fit("import os\nos._exit(7)", tmp_path)
    assert report.passed == 0 and "exit code 7" in (report.problem or "")
    assert report.results[0].reason == report.problem
    assert all(r.reason == "not run" for r in report.results[1:])


def test_a_crash_of_the_interpreter_is_reported(tmp_path: Path) -> None:
    report = _with_fit("import os, signal\nos.kill(os.getpid(), signal.SIGSEGV)", tmp_path)
    assert report.passed == 0 and "crashed (SIGSEGV)" in (report.problem or "")


def test_no_process_the_attempt_starts_is_left_behind(tmp_path: Path) -> None:
    marker = f"{os.getpid()}{time.monotonic_ns() % 100000}"
    body = (
        "import subprocess\n"
        f"subprocess.Popen(['sleep', '{marker}'], start_new_session=False)\n"
        "while True:\n    pass"
    )
    _with_fit(body, tmp_path, timeout=3)
    time.sleep(0.5)
    left = subprocess.run(["pgrep", "-f", f"sleep {marker}"], capture_output=True, text=True)
    assert left.stdout.strip() == ""


def test_the_attempt_runs_in_its_own_folder_and_leaves_the_original_alone(
    tmp_path: Path,
) -> None:
    body = "open('written-here.txt', 'w').write('x')\nimport os\nself.where = os.getcwd()"
    before = sorted(tmp_path.iterdir())
    report = _with_fit(body, tmp_path)
    assert report.all_passed
    assert not (tmp_path / "written-here.txt").exists()
    assert sorted(tmp_path.iterdir()) == sorted({*before, tmp_path / "kmeans.py"})


def test_the_planner_itself_never_imports_numpy() -> None:
    code = (
        "import sys\n"
        "import planner.cli, planner.cli.kata_cmds, planner.katas.runner, planner.katas.files\n"
        "import planner.tui.app\n"
        "assert 'numpy' not in sys.modules, 'numpy was imported'\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
