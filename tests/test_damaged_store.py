"""A damaged store (issue 12.4): a record that cannot be decoded, or a damaged database file,
is one clear line naming the file, exit 1, never a traceback, and nothing is written over
it."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.tui_support import TODAY, store_with_plan


def damaged(data_dir: Path, statement: str) -> Path:
    store = store_with_plan(data_dir)
    store.record_done("hundred-page-ml/ch02", TODAY, 45)
    store.close()
    db = data_dir / "planner.db"
    conn = sqlite3.connect(db)
    with conn:
        conn.execute(statement)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # all in the file, nothing left to merge
    conn.close()
    return db


def run(data_dir: Path, *args: str) -> tuple[int, str]:
    """The real command, in a new process (its top level turns store errors into a line)."""
    done = subprocess.run(
        [sys.executable, "-m", "planner", "--data-dir", str(data_dir), "--today", TODAY.isoformat()]
        + list(args),
        capture_output=True,
        text=True,
        timeout=120,
        env=os.environ.copy(),
    )
    return done.returncode, done.stderr + done.stdout


BAD_JSON = "UPDATE events SET payload = 'not json' WHERE action = 'done'"
BAD_MINUTES = "UPDATE progress SET minutes_spent = 'forty' WHERE id = 'hundred-page-ml/ch02'"
BAD_DAY = "UPDATE progress SET done_on = 'yesterday' WHERE id = 'hundred-page-ml/ch02'"


@pytest.mark.parametrize(
    ("statement", "command"),
    [
        *((s, c) for s in (BAD_JSON, BAD_MINUTES, BAD_DAY) for c in (["today"], ["plan"])),
        (BAD_JSON, ["status"]),
        (BAD_JSON, ["export", "json"]),  # (the raw dump exports other damage as it is)
        (BAD_MINUTES, ["export", "json"]),
    ],
)
def test_a_damaged_record_is_one_line(data_dir: Path, statement: str, command: list[str]) -> None:
    db = damaged(data_dir, statement)
    before = db.read_bytes()
    code, output = run(data_dir, *command)
    assert code == 1, output
    assert output.count("\n") == 1 and "Traceback" not in output
    assert str(db) in output and "damaged record" in output
    assert db.read_bytes() == before


def test_undo_of_a_damaged_event_is_one_line(data_dir: Path) -> None:
    damaged(data_dir, "UPDATE events SET payload = '{}' WHERE action = 'done'")
    code, output = run(data_dir, "undo")
    assert code == 1 and output.count("\n") == 1 and "bad record" in output, output
    assert "Traceback" not in output


def test_a_damaged_database_file_is_named_and_never_written(data_dir: Path) -> None:
    store = store_with_plan(data_dir)
    for n in range(300):  # enough pages that junk in the middle lands on data
        store.save_note(f"hundred-page-ml/ch{n:02}", "x" * 200)
    store.close()
    db = data_dir / "planner.db"
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    content = bytearray(db.read_bytes())
    middle = len(content) // 2
    content[middle : middle + 4096] = b"\xa5" * 4096
    db.write_bytes(bytes(content))
    before = db.read_bytes()
    for command in (["today"], ["done", "hundred-page-ml/ch02"], ["export", "json"]):
        code, output = run(data_dir, *command)
        assert code == 1, (command, output)
        assert "Traceback" not in output and output.count("\n") == 1
        assert str(db) in output and "damaged" in output
        assert db.read_bytes() == before
