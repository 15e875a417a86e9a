"""`planner validate FILE...`: every problem on stderr and exit 1, or a one-line summary."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from planner.cli import cli
from planner.paths import bundled_syllabus, database_path
from planner.store.store import Store
from tests.test_loading import BAD_INPUTS, BASE


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` with its bytes (empty when the folder does not exist)."""
    if not folder.exists():
        return {}
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_a_good_file_prints_the_summary(tmp_path: Path, data_dir: Path) -> None:
    path = tmp_path / "base.yaml"
    path.write_text(BASE, encoding="utf-8")
    result = run("validate", str(path))
    assert result.exit_code == 0
    assert result.stdout == "2 rounds, 1 resources, 2 items, 1 practice items, 2.5 hours\n"
    assert result.stderr == ""
    assert not data_dir.exists()


def test_several_files_are_checked_together(tmp_path: Path) -> None:
    base = tmp_path / "base.yaml"
    base.write_text(BASE, encoding="utf-8")
    extra = tmp_path / "extra.yaml"
    extra.write_text(
        "syllabus: extra\ntitle: Extra\npractice:\n"
        "  - {id: q-x, kind: coding, prompt: Code it, rounds: [ml-theory],"
        " learn_from: [book/ch2]}\n",
        encoding="utf-8",
    )
    result = run("validate", str(base), str(extra))
    assert result.exit_code == 0
    assert result.stdout == "2 rounds, 1 resources, 2 items, 2 practice items, 2.5 hours\n"
    alone = run("validate", str(extra))
    assert alone.exit_code == 1
    assert alone.stderr.splitlines() == [
        f"{extra}:4:55: unknown round 'ml-theory'",
        f"{extra}:4:80: unknown item 'book/ch2'",
    ]


def test_the_bundled_syllabus_is_valid() -> None:
    result = run("validate", str(bundled_syllabus()))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.endswith(" hours\n")
    assert ", 0 items," not in result.stdout


@pytest.mark.parametrize(
    ("text", "expected"),
    [(text, expected) for _, text, expected in BAD_INPUTS],
    ids=[name for name, _, _ in BAD_INPUTS],
)
def test_a_bad_file_prints_every_problem_and_writes_nothing(
    tmp_path: Path, data_dir: Path, text: str, expected: list[str]
) -> None:
    path = tmp_path / "f.yaml"
    path.write_text(text, encoding="utf-8")
    result = run("validate", str(path))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [line.replace("f.yaml", str(path)) for line in expected]
    assert not data_dir.exists()


def test_a_bad_file_leaves_an_existing_store_unchanged(tmp_path: Path, data_dir: Path) -> None:
    store = Store.open(data_dir)
    store.record_done("book/ch1", dt.date(2026, 11, 25), 30)
    store.close()
    before = snapshot(data_dir)
    assert database_path(data_dir).name in before
    bad = tmp_path / "bad.yaml"
    bad.write_text(BASE.replace("minutes: 60", "minutes: 0"), encoding="utf-8")
    result = run("--data-dir", str(data_dir), "validate", str(bad), "--today", "2026-11-26")
    assert result.exit_code == 1
    assert result.stderr == f"{bad}:17:18: minutes must be between 1 and 6000, got 0\n"
    assert snapshot(data_dir) == before


def test_missing_and_oversized_files(tmp_path: Path, data_dir: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_bytes(b"#" * (5 * 1024 * 1024 + 1))
    missing = tmp_path / "missing.yaml"
    result = run("validate", str(missing), str(big))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"{missing}:1:1: cannot read file: No such file or directory",
        f"{big}:1:1: file is too large (5.0 MB; the limit is 5.0 MB)",
    ]
    assert not data_dir.exists()


def test_no_file_is_a_usage_error() -> None:
    result = run("validate")
    assert result.exit_code == 2
    assert "Missing argument 'FILE...'" in result.stderr


def test_the_installed_command_exits_1_without_a_traceback(tmp_path: Path, data_dir: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(BASE.replace("        minutes: 60\n", "        minuets: 60\n"), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "planner", "validate", str(bad)],
        capture_output=True,
        text=True,
        env={**os.environ, "PLANNER_DATA_DIR": str(data_dir)},
        timeout=60,
    )
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr.splitlines() == [
        f"{bad}:15:9: missing key 'minutes'",
        f"{bad}:17:9: unknown key 'minuets' (did you mean 'minutes'?)",
    ]
    assert not data_dir.exists()


def test_with_bundled_checks_an_extra_file_against_the_bundled_syllabus(tmp_path: Path) -> None:
    extra = tmp_path / "company-x.yaml"
    extra.write_text(
        "syllabus: company-x\ntitle: Company X extras\nresources:\n"
        "  - id: company-x/blog\n    title: Company X engineering blog\n    kind: blog\n"
        "    rounds: [ml-design]\n    items:\n"
        "      - id: company-x/blog/feed-ranking\n        title: How our feed ranking works\n"
        "        minuets: 40\n        requires: [ml-system-design-interview/ch1]\n",
        encoding="utf-8",
    )
    alone = CliRunner().invoke(cli, ["validate", str(extra)])
    assert alone.exit_code == 1
    assert f"{extra}:7:14: unknown round 'ml-design'" in alone.stderr.splitlines()
    together = CliRunner().invoke(cli, ["validate", "--with-bundled", str(extra)])
    assert together.exit_code == 1
    assert together.stderr.splitlines() == [
        f"{extra}:9:9: missing key 'minutes'",
        f"{extra}:11:9: unknown key 'minuets' (did you mean 'minutes'?)",
        f"{extra}:12:20: unknown item 'ml-system-design-interview/ch1' "
        "(did you mean 'ml-system-design-interview/ch01'?)",
    ]
    extra.write_text(
        extra.read_text(encoding="utf-8").replace("minuets", "minutes").replace("/ch1]", "/ch01]"),
        encoding="utf-8",
    )
    fixed = CliRunner().invoke(cli, ["validate", "--with-bundled", str(extra)])
    assert fixed.exit_code == 0, fixed.stderr
    assert fixed.stdout == "5 rounds, 12 resources, 78 items, 32 practice items, 136.5 hours\n"
