"""Shell completion (click's own): commands, export formats, item, practice and kata ids
from the loaded syllabus, backups; never a traceback, never a store created for it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


def complete(words: str, data_dir: Path) -> list[str]:
    """What `planner` offers bash for the last word of `words` (a trailing space: a new
    word)."""
    cword = str(len(words.split(" ")) - 1)
    out = _raw("bash", words, cword, data_dir)
    return [line.split(",", 1)[1] for line in out.splitlines() if "," in line]


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("planner ex", ["export"]),
        ("planner export ", ["anki", "ics", "json", "markdown"]),
        ("planner kata code-k", ["code-knn", "code-kmeans"]),
        ("planner check code-n", ["code-naive-bayes", "code-number-of-islands"]),
        ("planner review q-bias", ["q-bias-variance"]),
        ("planner done hundred-page-ml/ch0", ["hundred-page-ml/ch01", "hundred-page-ml/ch02"]),
    ],
)
def test_completes(words: str, expected: list[str], data_dir: Path) -> None:
    offered = complete(words, data_dir)
    assert offered[: len(expected)] == expected or set(expected) <= set(offered)
    assert all(word.startswith(words.split(" ")[-1]) for word in offered)


def test_completion_never_creates_a_store(data_dir: Path) -> None:
    assert complete("planner skip hundred-page-ml/ch01", data_dir) == ["hundred-page-ml/ch01"]
    assert not data_dir.exists()


def test_a_broken_syllabus_completes_nothing_quietly(data_dir: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("syllabus: [", encoding="utf-8")
    assert complete(f"planner --syllabus {bad} done h", data_dir) == []


def _raw(shell: str, words: str, cword: str, data_dir: Path) -> str:
    env = {
        **os.environ,
        "_PLANNER_COMPLETE": f"{shell}_complete",
        "COMP_WORDS": words,
        "COMP_CWORD": cword,
        "PLANNER_DATA_DIR": str(data_dir),
    }
    done = subprocess.run(
        [sys.executable, "-c", "from planner.cli import main; main()"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    return done.stdout


def test_zsh_and_fish_complete_too(data_dir: Path) -> None:
    assert "code-pca" in _raw("zsh", "planner kata code-pc", "2", data_dir).split()
    assert "code-pca" in _raw("fish", "planner kata code-pc", "code-pc", data_dir)
