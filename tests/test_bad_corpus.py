"""The hostile-input corpus (issue 12): every file in `tests/data/bad/` is refused with the
message `expected.tsv` gives for it, exit code 1, no traceback, and nothing stored."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import cli
from planner.store.store import Store

BAD = Path(__file__).parent / "data" / "bad"
EXPECTED_FILE = BAD / "expected.tsv"


def expected() -> dict[str, str]:
    lines = EXPECTED_FILE.read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t", 1) for line in lines if line and not line.startswith("#")]
    return {name: message for name, message in rows}


def cases(suffix: str) -> list[tuple[str, str]]:
    return [(name, message) for name, message in expected().items() if name.endswith(suffix)]


def test_the_corpus_is_whole() -> None:
    files = {p.name for p in BAD.iterdir() if p != EXPECTED_FILE}
    assert files == set(expected())
    assert len(files) >= 40
    assert sum(name.endswith(".state.json") for name in files) >= 10


@pytest.mark.parametrize(("name", "message"), cases(".yaml"))
def test_a_bad_syllabus_is_refused_with_its_message(
    name: str, message: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(BAD)
    data_dir = tmp_path / "data"
    result = CliRunner().invoke(
        cli, ["--data-dir", str(data_dir), "validate", name], catch_exceptions=False
    )
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[0] == message
    assert all(line.startswith(f"{name}:") for line in lines)  # FILE:LINE:COL every one
    assert "\x1b" not in result.output and "\x07" not in result.output
    assert not data_dir.exists()


@pytest.mark.parametrize(("name", "message"), cases(".state.json"))
def test_a_bad_state_file_is_refused_with_its_message_and_nothing_is_imported(
    name: str, message: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(BAD)
    data_dir = tmp_path / "data"
    result = CliRunner().invoke(
        cli, ["--data-dir", str(data_dir), "import", name, "--replace"], catch_exceptions=False
    )
    assert result.exit_code == 1
    assert result.stderr == message + "\n"
    assert "\x1b" not in result.output
    if (data_dir / "planner.db").exists():
        with Store.open(data_dir) as store:
            assert store.is_empty()
