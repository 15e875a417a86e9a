"""`planner export json` and `planner import`: a lossless round trip, and bad files."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from planner.cli import cli
from planner.core.plan import DayOff, Interview, Options, Plan
from planner.core.progress import Attempt, MockRound
from planner.exports import FORMATS
from planner.files import write_atomically
from planner.store.backups import read_only
from planner.store.state import read_state
from planner.store.store import Store

SYLLABUS = Path(__file__).parent / "fixtures" / "store_syllabus.yaml"
DAY = dt.date(2026, 11, 25)
AT = dt.datetime(2026, 11, 25, 21, 15)


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, ["--syllabus", str(SYLLABUS), *args], catch_exceptions=False)


def stored(data_dir: Path) -> dict[str, Any]:
    with Store.open(data_dir) as store:
        return store.export_state()


def fill(data_dir: Path) -> None:
    """A store with every kind of datum, including undone history."""
    with Store.open(data_dir) as store:
        store.save_plan(
            Plan(
                interviews=(
                    Interview(
                        name="Méta «phone»", date=dt.date(2026, 12, 3), rounds=("ml-theory",)
                    ),
                ),
                weekday_minutes=(30, 60, 90, 120, 0, 300, 15),
                days_off=(DayOff(start=dt.date(2026, 12, 24), end=dt.date(2026, 12, 31)),),
                start=dt.date(2026, 11, 20),
                options=Options(min_session=20, recall_target=0.85),
                syllabi=("/home/me/mine.yaml",),
            )
        )
        store.record_done("hundred-page-ml/ch1", DAY, 45)
        store.add_minutes("hundred-page-ml/ch2", 25, DAY)
        store.add_minutes("hundred-page-ml/ch2", 5, DAY)
        store.undo()
        store.set_skipped("design-book/ch1", True, DAY)
        store.push("hundred-page-ml/ch3", DAY + dt.timedelta(days=1))
        store.pin("q-bias-variance", DAY + dt.timedelta(days=2))
        store.save_note("hundred-page-ml/ch1", '**Bold** [red]not markup[/red]\nline 2 ✓ "quoted"')
        store.record_review("q-bias-variance", "good", AT, 4)
        store.record_review(
            "q-bias-variance", "hard", AT.replace(tzinfo=dt.timezone(dt.timedelta(hours=2))), 3
        )
        store.record_attempt(Attempt("kata-kmeans", "not-solved", 50, AT, "off by one"))
        store.record_mock(MockRound("design-feed", {"clarify": 2, "data": 1}, 45, AT, "ok"))
        store.set_setting("theme", "textual-dark")
        store.record_done("gone/orphan", DAY, 10)


def test_export_json_to_stdout(data_dir: Path) -> None:
    fill(data_dir)
    result = run("export", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["format"] == "planner-state" and data["version"] == 1
    assert data == stored(data_dir)
    assert data["settings"] == {"theme": "textual-dark"}
    assert [p["id"] for p in data["progress"]] == [
        "design-book/ch1",
        "gone/orphan",
        "hundred-page-ml/ch1",
        "hundred-page-ml/ch2",
    ]
    assert any(e["undone"] for e in data["events"])


def test_round_trip_through_an_empty_data_dir_is_identical(tmp_path: Path) -> None:
    first_dir, second_dir = tmp_path / "first", tmp_path / "second"
    fill(first_dir)
    out1, out2 = tmp_path / "one.json", tmp_path / "two.json"
    assert run("export", "json", "-o", str(out1), "--data-dir", str(first_dir)).exit_code == 0
    imported = run("import", str(out1), "--data-dir", str(second_dir))
    assert imported.exit_code == 0, imported.output
    assert imported.stdout.startswith(f"imported {out1}: a plan; progress 4, notes 1, reviews 2")
    assert run("export", "json", "-o", str(out2), "--data-dir", str(second_dir)).exit_code == 0
    assert out1.read_bytes() == out2.read_bytes()
    # and the imported store behaves like the original: same progress, same undo history
    with Store.open(first_dir) as one, Store.open(second_dir) as two:
        assert one.load_progress() == two.load_progress()
        assert one.load_plan() == two.load_plan()
        undone = two.undo()
        assert undone is not None and undone.payload["id"] == "gone/orphan"


def test_import_over_stored_work_needs_replace_and_keeps_a_backup(
    tmp_path: Path, data_dir: Path
) -> None:
    fill(data_dir)
    before = stored(data_dir)
    empty_dir = tmp_path / "empty"
    out = tmp_path / "empty.json"
    assert run("export", "json", "-o", str(out), "--data-dir", str(empty_dir)).exit_code == 0
    refused = run("import", str(out))
    assert refused.exit_code == 1
    assert refused.stderr == (
        f"planner: {out}: the data folder already holds a plan and progress; "
        "add --replace to replace them (a backup of them is kept)\n"
    )
    assert stored(data_dir) == before  # nothing changed
    result = run("import", str(out), "--replace")
    assert result.exit_code == 0, result.output
    state = stored(data_dir)
    assert state["plan"] is None and state["events"] == [] and state["progress"] == []
    (backup,) = (data_dir / "backups").glob("before-import-*")
    assert backup.suffix == ".db"
    assert f"the state it replaced is in {backup} ('planner undo' puts it back)" in result.stdout
    with read_only(backup) as conn:
        assert read_state(conn) == before


def test_done_import_undo_brings_the_tick_back(tmp_path: Path, data_dir: Path) -> None:
    """The issue's case: done X, import a backup, undo: X's progress is back."""
    fill(data_dir)
    other = tmp_path / "other"
    fill(other)
    backup_file = tmp_path / "backup.json"
    assert run("export", "json", "-o", str(backup_file), "--data-dir", str(other)).exit_code == 0
    done = run("done", "hundred-page-ml/ch3")
    assert done.exit_code == 0, done.output
    before = stored(data_dir)
    assert run("import", str(backup_file), "--replace").exit_code == 0
    assert stored(data_dir) != before
    undone = run("undo")
    assert undone.exit_code == 0
    assert undone.output == f"undone: the import of {backup_file} (the state before it is back)\n"
    assert stored(data_dir) == before  # the tick and everything before the import
    again = run("undo")  # then the history before the import, as before it
    assert again.output.startswith("undone: done hundred-page-ml/ch3")


def test_an_import_into_an_empty_folder_needs_no_replace_and_undo_walks_its_history(
    tmp_path: Path,
) -> None:
    source, target = tmp_path / "source", tmp_path / "target"
    fill(source)
    out = tmp_path / "state.json"
    assert run("export", "json", "-o", str(out), "--data-dir", str(source)).exit_code == 0
    result = run("import", str(out), "--data-dir", str(target))
    assert result.exit_code == 0 and "backup" not in result.output
    assert not (target / "backups").exists()


def test_a_state_file_cannot_smuggle_the_stores_own_settings(tmp_path: Path) -> None:
    target = tmp_path / "target"
    out = tmp_path / "state.json"
    assert run("export", "json", "-o", str(out), "--data-dir", str(tmp_path / "e")).exit_code == 0
    data = json.loads(out.read_text())
    data["settings"] = {"_import": '{"backup": "/etc/passwd", "seq": 99}', "theme": "nord"}
    out.write_text(json.dumps(data))
    assert run("import", str(out), "--data-dir", str(target)).exit_code == 0
    assert stored(target)["settings"] == {"theme": "nord"}
    assert run("undo", "--data-dir", str(target)).output == "nothing to undo\n"


def test_export_file_is_replaced_atomically(tmp_path: Path, data_dir: Path) -> None:
    fill(data_dir)
    out = tmp_path / "state.json"
    out.write_text("old contents")
    result = run("export", "json", "-o", str(out))
    assert result.exit_code == 0
    assert result.stderr == f"wrote {out}\n"
    assert json.loads(out.read_text()) == stored(data_dir)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_write_atomically_leaves_the_old_file_on_failure(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "kept.txt"
    target.write_text("old")

    with pytest.raises(TypeError):
        write_atomically(target, 42)  # type: ignore[arg-type]
    assert target.read_text() == "old"
    assert [p.name for p in folder.iterdir()] == ["kept.txt"]


def test_export_to_an_unwritable_place_is_a_user_error(tmp_path: Path, data_dir: Path) -> None:
    fill(data_dir)
    result = run("export", "json", "-o", str(tmp_path / "no-such-folder" / "out.json"))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"planner: cannot write {tmp_path / 'no-such-folder'}")
    assert result.stderr.count("\n") == 1


def test_unknown_export_format_is_a_user_error(data_dir: Path) -> None:
    result = run("export", "jsn")
    assert result.exit_code == 1
    known = ", ".join(sorted(FORMATS))
    assert result.stderr == (
        f"planner: unknown export format 'jsn' (did you mean 'json'?) (available: {known})\n"
    )
    assert result.stdout == ""


def valid_state(data_dir: Path) -> dict[str, Any]:
    fill(data_dir)
    return stored(data_dir)


def mutate(state: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    """A copy of `state` with `path` ("events.0.seq") set to `value` (None deletes a key)."""
    copy: Any = json.loads(json.dumps(state))
    parts = path.split(".")
    node = copy
    for part in parts[:-1]:
        node = node[int(part)] if isinstance(node, list) else node[part]
    last = parts[-1]
    if isinstance(node, list):
        node[int(last)] = value
    elif value is _DELETE:
        del node[last]
    else:
        node[last] = value
    result: dict[str, Any] = copy
    return result


_DELETE = object()

BAD_STATES: list[tuple[str, Any, str]] = [
    ("format", "something-else", "not a planner state file (format should be 'planner-state')"),
    ("version", 99, "unsupported state file version 99 (expected 1)"),
    ("events", _DELETE, "events: missing"),
    ("progress.0.minutes_spent", -3, "progress.0.minutes_spent: Input should be greater than"),
    ("progress.0.done", "yes", "progress.0.done: Input should be a valid boolean"),
    (
        "progress.0.done_on",
        "2026-13-01",
        "progress.0.done_on: '2026-13-01' is not a date (YYYY-MM-DD)",
    ),
    ("reviews.0.rating", "great", "reviews.0.rating: Input should be 'again', 'hard'"),
    (
        "reviews.0.at",
        "yesterday",
        "reviews.0.at: 'yesterday' is not a date and time (ISO 8601)",
    ),
    ("mocks.0.scores", {"clarify": 5}, "mocks.0.scores.clarify: Input should be less than"),
    ("events.1.seq", 1, "event 1 appears twice"),
    ("events.1.payload", {"id": "x"}, "events.1.payload: a 'done' event needs 'on'"),
    ("events.1", [], "events.1: Input should be a valid dictionary"),
    ("events.1.payload.id", 5, "events.1.payload.id: a 'done' event's 'id' cannot be 5"),
    (
        "events.1.payload.before",
        "none",
        "events.1.payload.before: a 'done' event's 'before' cannot be \"none\"",
    ),
    ("plan.weekday_minutes", [1, 2], "plan.weekday_minutes.2: missing (and 4 more)"),
    ("plan.interviews.0.date", "soon", "plan.interviews.0.date: Input should be a valid date"),
    ("settings.theme", 3, "settings.theme: Input should be a valid string"),
    ("extra", "field", "extra: Extra inputs are not permitted"),
    # issue 12.5: what made tracebacks
    ("version", True, "unsupported state file version true (expected 1)"),
    ("events.1.seq", 2**63, "events.1.seq: Input should be less than or equal to"),
    ("reviews.0.id", 2**64, "reviews.0.id: Input should be less than or equal to"),
    ("events.1.payload.minutes", 10**30, "events.1.payload.minutes: 1000000000000000000"),
    ("plan.interviews.0.date", "9999-12-31", "plan.interviews.0: the interview date 9999-12-31"),
    ("reviews.0.at", "9999-01-01T20:00:00+00:00", "reviews.0.at: date 9999-01-01 is outside"),
]


@pytest.mark.parametrize(("path", "value", "message"), BAD_STATES)
def test_bad_state_files_change_nothing(
    tmp_path: Path, data_dir: Path, path: str, value: Any, message: str
) -> None:
    state = valid_state(data_dir)
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(mutate(state, path, value)))
    # the store holds something different from the file, so a partial import would show
    with Store.open(data_dir) as store:
        store.record_done("design-book/ch1", DAY, 1)
    before = stored(data_dir)
    result = run("import", str(bad))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"planner: {bad}: bad state file: {message}")
    assert result.stderr.count("\n") == 1
    assert stored(data_dir) == before


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'{"format": "planner-state", ', "1:29: not valid JSON: Expecting property name"),
        (b"", "1:1: not valid JSON: Expecting value"),
        (b"[1, 2, 3]", "bad state file: not a planner state file (expected a JSON object)"),
        (b'"just a string"', "bad state file: not a planner state file (expected a JSON object)"),
        (b"\xff\xfe\x00garbage", "not UTF-8 text"),
        (b"[" * 100_000 + b"]" * 100_000, "not a planner state file (nested too deeply)"),
        (b'{"version": ' + b"9" * 5001 + b"}", "not a planner state file (a number far too long)"),
    ],
)
def test_unreadable_import_files_change_nothing(
    tmp_path: Path, data_dir: Path, content: bytes, message: str
) -> None:
    fill(data_dir)
    before = stored(data_dir)
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    result = run("import", str(bad))
    assert result.exit_code == 1
    sep = ":" if message[0].isdigit() else ": "
    assert result.stderr == f"planner: {bad}{sep}{message}\n" or result.stderr.startswith(
        f"planner: {bad}{sep}{message}"
    )
    assert result.stderr.count("\n") == 1
    assert stored(data_dir) == before


def test_missing_import_file(tmp_path: Path, data_dir: Path) -> None:
    fill(data_dir)
    before = stored(data_dir)
    missing = tmp_path / "nope.json"
    result = run("import", str(missing))
    assert result.exit_code == 1
    assert result.stderr == f"planner: cannot read {missing}: No such file or directory\n"
    assert stored(data_dir) == before
