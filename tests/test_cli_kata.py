"""`planner kata` and `planner check` from the command line: starters never overwrite an
attempt, a check's result is printed and stored as a practice attempt, bad input is one
line and exit 1 (2 for usage)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from click.testing import CliRunner, Result

from planner.cli import cli
from planner.katas.catalog import KATAS
from planner.katas.files import started_at
from planner.store.store import Store

SOLUTIONS = Path(__file__).parent / "katas"


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def attempts(data_dir: Path) -> list[tuple[str, str, int, dt.date, str]]:
    store = Store.open(data_dir)
    try:
        return [
            (a.practice_id, a.outcome, a.minutes, a.at.date(), a.notes)
            for a in store.load_progress().attempts
        ]
    finally:
        store.close()


def starter(data_dir: Path, kata_id: str = "code-kmeans") -> Path:
    result = run("kata", kata_id)
    assert result.exit_code == 0, result.output
    return Path(result.stdout.strip())


def test_kata_list_names_every_kata_and_what_it_checks() -> None:
    result = run("kata", "--list")
    assert result.exit_code == 0
    for kata in KATAS:
        assert kata.id in result.stdout and kata.checks in result.stdout


def test_kata_writes_a_starter_in_the_data_folder_and_never_overwrites(data_dir: Path) -> None:
    first = starter(data_dir)
    assert first == data_dir / "katas" / "kmeans.py"
    text = first.read_text(encoding="utf-8")
    assert text.startswith("# planner kata code-kmeans, started ")
    assert "class KMeans" in text and "raise NotImplementedError" in text
    first.write_text(text + "\n# my work\n", encoding="utf-8")
    second = starter(data_dir)
    assert second == data_dir / "katas" / "kmeans-2.py"
    assert first.read_text(encoding="utf-8").endswith("# my work\n")


def test_kata_dir_option_and_its_errors(tmp_path: Path) -> None:
    result = run("kata", "code-pca", "--dir", str(tmp_path / "mine"))
    assert result.exit_code == 0 and Path(result.stdout.strip()) == tmp_path / "mine" / "pca.py"
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    result = run("kata", "code-pca", "--dir", str(blocker))
    assert result.exit_code == 1
    assert result.stderr.startswith("planner: cannot write the starter in ")
    assert "Traceback" not in result.output


def test_unknown_kata_and_missing_id() -> None:
    result = run("kata", "code-kmean")
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        "planner: no kata 'code-kmean' (did you mean 'code-kmeans'?); "
        "'planner kata --list' lists them"
    )
    assert run("kata").exit_code == 2
    assert run("check", "nope").exit_code == 1


def test_a_passing_check_exits_0_and_is_stored_as_solved_with_its_minutes(
    data_dir: Path,
) -> None:
    path = starter(data_dir)
    header = path.read_text(encoding="utf-8").splitlines()[:2]
    started = started_at("\n".join(header), KATAS[3])
    assert started is not None
    # as if the starter had been written 12 minutes ago
    earlier = (started - dt.timedelta(minutes=12)).isoformat(timespec="seconds")
    solution = (SOLUTIONS / "kmeans.py").read_text(encoding="utf-8")
    path.write_text(f"# planner kata code-kmeans, started {earlier}\n{solution}", "utf-8")
    result = run("check", "code-kmeans")
    assert result.exit_code == 0, result.output
    assert "code-kmeans · kmeans.py: 7 of 7 checks passed" in result.stdout
    assert "recorded: solved, 13 min" in result.stdout or "recorded: solved, 12 min" in (
        result.stdout
    )
    [(pid, outcome, minutes, day, notes)] = attempts(data_dir)
    assert (pid, outcome, day) == ("code-kmeans", "solved", dt.date(2026, 11, 25))
    assert minutes in (12, 13)
    assert notes == "planner check: 7 of 7 checks passed"


def test_a_failing_check_exits_1_prints_reasons_and_is_stored(data_dir: Path) -> None:
    starter(data_dir)
    result = run("check", "code-kmeans")
    assert result.exit_code == 1
    assert "0 of 7 checks passed" in result.stdout
    assert "FAIL inertia within 1%" in result.stdout
    assert "not written yet (raises NotImplementedError)" in result.stdout
    [(_, outcome, minutes, _, _)] = attempts(data_dir)
    assert outcome == "not-solved" and minutes == 1


def test_some_checks_passing_is_solved_with_help(data_dir: Path, tmp_path: Path) -> None:
    solution = (SOLUTIONS / "kmeans.py").read_text(encoding="utf-8")
    attempt = tmp_path / "kmeans.py"
    attempt.write_text(solution.replace("if shift <= self.tol:", "if False:"), "utf-8")
    result = run("check", "code-kmeans", str(attempt), "--json")
    assert result.exit_code == 1
    shown = json.loads(result.stdout)
    assert shown["outcome"] == "solved-with-help" and shown["total"] == 7
    assert shown["passed"] == sum(c["passed"] for c in shown["checks"]) < 7
    assert shown["recorded"]["outcome"] == "solved-with-help"
    # no header: counted as the task's own minutes
    assert shown["recorded"]["minutes"] == 35
    [(_, outcome, _, _, notes)] = attempts(data_dir)
    assert outcome == "solved-with-help" and "failed: stops when" in notes


def test_no_record_stores_nothing(data_dir: Path) -> None:
    starter(data_dir)
    assert run("check", "code-kmeans", "--no-record").exit_code == 1
    assert attempts(data_dir) == []


def test_missing_attempts_and_files_are_one_line_errors(data_dir: Path, tmp_path: Path) -> None:
    result = run("check", "code-svm")
    assert result.exit_code == 1
    assert result.stderr.startswith("planner: no attempt of code-svm in ")
    result = run("check", "code-svm", str(tmp_path / "nope.py"))
    assert result.exit_code == 1 and result.stderr.strip().endswith("nope.py: no such file")
    result = run("check", "code-svm", str(tmp_path))
    assert result.exit_code == 1 and result.stderr.strip().endswith(": not a file")
    assert run("check", "code-svm", "x.py", "--timeout", "0").exit_code == 2


def test_a_binary_file_is_a_failed_check_not_a_traceback(tmp_path: Path) -> None:
    attempt = tmp_path / "kmeans.py"
    attempt.write_bytes(b"\xff\xfe\x00\x01junk\x1b[31m")
    result = run("check", "code-kmeans", str(attempt))
    assert result.exit_code == 1
    assert "Traceback" not in result.output and "\x1b" not in result.output
    assert "your file does not load" in result.stdout


def test_a_syllabus_without_the_task_runs_the_check_but_records_nothing(tmp_path: Path) -> None:
    own = Path(__file__).parent / "fixtures" / "store_syllabus.yaml"
    attempt = tmp_path / "kmeans.py"
    attempt.write_text((SOLUTIONS / "kmeans.py").read_text(encoding="utf-8"), "utf-8")
    result = run("--syllabus", str(own), "check", "code-kmeans", str(attempt))
    assert result.exit_code == 0, result.output
    assert "not recorded: code-kmeans is not in the loaded syllabus" in result.stdout


def test_a_dir_that_is_a_file_and_a_path_with_spaces(tmp_path: Path) -> None:
    blocker = tmp_path / "afile"
    blocker.write_text("", encoding="utf-8")
    result = run("kata", "code-knn", "--dir", str(blocker))
    assert result.exit_code == 1
    assert result.stderr.strip().endswith("it is a file, not a folder")
    spaced = tmp_path / "my katas"
    result = run("kata", "code-knn", "--dir", str(spaced))
    assert result.exit_code == 0
    assert f"planner check code-knn '{spaced / 'knn.py'}'" in result.stderr
    header = (spaced / "knn.py").read_text(encoding="utf-8").splitlines()[1]
    assert header == f"# check it with: planner check code-knn '{spaced / 'knn.py'}'"


def test_escapes_in_a_file_name_are_not_printed(tmp_path: Path) -> None:
    attempt = tmp_path / "k\x1b]0;PWNED\x07.py"
    attempt.write_text((SOLUTIONS / "kmeans.py").read_text(encoding="utf-8"), "utf-8")
    result = run("check", "code-kmeans", str(attempt), "--no-record")
    assert result.exit_code == 0 and "\x1b" not in result.output and "\x07" not in result.output
