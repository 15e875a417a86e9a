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
    report = _with_fit("while True:\n    pass", tmp_path, timeout=3)
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


def test_the_app_never_imports_numpy_nor_the_other_heavy_libraries() -> None:
    code = (
        "import sys\n"
        "import planner.cli, planner.cli.kata_cmds, planner.katas.runner, planner.katas.files\n"
        "import planner.tui.app, planner.cli.tui_cmd, planner.workspace\n"
        "heavy = ('numpy', 'holidays', 'genanki', 'textual_serve', 'aiohttp', 'ics')\n"
        "loaded = [m for m in heavy if m in sys.modules]\n"
        "assert not loaded, f'imported on the way to the app: {loaded}'\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_an_attempt_that_spoils_its_folder_still_gives_a_report(tmp_path: Path) -> None:
    body = (
        "import os\n"
        "here = os.getcwd()\n"
        "os.chdir('/')\n"
        "os.rename(here, here + '-moved')\n"
        f"os.symlink({str(tmp_path)!r}, here)\n"
        "os.chdir(here + '-moved')"
    )
    report = _with_fit(body, tmp_path)
    assert report.results and (tmp_path / "kmeans.py").is_file()


def test_forged_results_on_the_results_stream_count_for_nothing(tmp_path: Path) -> None:
    attempt = tmp_path / "kmeans.py"
    attempt.write_text(
        "import os\n"
        "for fd in range(3, 12):\n"
        "    try:\n"
        '        os.write(fd, b\'{"check": "anything", "passed": true, "reason": "", \'\n'
        '                     b\'"seconds": 1e308}\\n{"done": true}\\n\')\n'
        "    except OSError:\n"
        "        pass\n"
        "os._exit(0)\n",
        encoding="utf-8",
    )
    report = run_checks(_kmeans(), attempt)
    assert report.outcome == "not-solved" and report.passed == 0
    assert [r.name for r in report.results] == list(check_names(_kmeans()))


def test_a_thread_left_running_is_not_waited_for(tmp_path: Path) -> None:
    body = "import threading, time\nthreading.Thread(target=lambda: time.sleep(99)).start()"
    report = _with_fit(body, tmp_path, timeout=60)
    assert report.all_passed
    # waited for, the thread would keep the run going to its limit
    assert report.seconds < 60


def test_an_exception_whose_message_cannot_be_read_is_one_failed_check(tmp_path: Path) -> None:
    source = (SOLUTIONS / "kmeans.py").read_text(encoding="utf-8")
    attempt = tmp_path / "kmeans.py"
    attempt.write_text(
        source
        + "\n\nclass Odd(Exception):\n    def __str__(self):\n        raise Odd()\n\n\n"
        + "def _odd(self, X):\n    raise Odd()\n\n\nKMeans.predict = _odd\n",
        encoding="utf-8",
    )
    report = run_checks(_kmeans(), attempt)
    failed = [r for r in report.results if not r.passed]
    assert report.problem is None and len(failed) == 1
    assert "Odd (its message could not be read)" in failed[0].reason


def test_escape_sequences_from_the_attempt_never_reach_the_report(tmp_path: Path) -> None:
    body = (
        "import sys, os\nsys.stderr.write('Error \\x1b]0;PWNED\\x07\\x1b[5mblink\\n')\nos._exit(3)"
    )
    report = _with_fit(body, tmp_path)
    texts = [report.problem or "", report.output, *(r.reason for r in report.results)]
    assert "exit code 3" in (report.problem or "")
    assert not any("\x1b" in t or "\x07" in t for t in texts)


def test_interrupting_planner_check_ends_the_checker(tmp_path: Path) -> None:
    import signal as signals

    marker = f"kata-{os.getpid()}-{time.monotonic_ns() % 100000}"
    attempt = tmp_path / "kmeans.py"
    attempt.write_text(f"import time\nMARK = {marker!r}\ntime.sleep(40)\n", encoding="utf-8")
    env = {**os.environ, "PLANNER_DATA_DIR": str(tmp_path / "data")}
    command = [sys.executable, "-m", "planner", "check", "code-kmeans", str(attempt)]
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    time.sleep(2.5)
    process.send_signal(signals.SIGINT)
    process.wait(20)
    time.sleep(0.5)
    left = subprocess.run(
        ["pgrep", "-f", "planner.katas.child"], capture_output=True, text=True
    ).stdout.split()
    mine = [
        pid
        for pid in left
        if Path(f"/proc/{pid}/cwd").exists()
        and "planner-kata-" in os.path.realpath(f"/proc/{pid}/cwd")
        and marker.encode() in _read_attempt_of(pid)
    ]
    assert mine == []


def _read_attempt_of(pid: str) -> bytes:
    try:
        folder = Path(os.path.realpath(f"/proc/{pid}/cwd"))
        return b"".join(p.read_bytes() for p in folder.glob("*.py"))
    except OSError:
        return b""


def test_the_forest_uses_the_newest_decision_tree_of_its_folder(tmp_path: Path) -> None:
    forest = kata_of("code-random-forest")
    assert forest is not None
    tree = kata_of("code-decision-tree")
    assert tree is not None
    (tmp_path / "decision_tree.py").write_text(tree.starter_text(), encoding="utf-8")
    (tmp_path / "decision_tree-2.py").write_text(
        (SOLUTIONS / "decision_tree.py").read_text(encoding="utf-8"), encoding="utf-8"
    )
    attempt = tmp_path / "random_forest.py"
    attempt.write_text((SOLUTIONS / "random_forest.py").read_text(encoding="utf-8"), "utf-8")
    assert run_checks(forest, attempt).all_passed
