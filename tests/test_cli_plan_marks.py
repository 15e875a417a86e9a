"""`planner skip/unskip/pin/unpin/push`: each acts on the schedule, is undoable, and bad
input is one line with nothing stored changed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from planner.cli import cli
from planner.store.store import Store
from tests.scheduler_builders import plan
from tests.test_cli_schedule import SYLLABUS, WEEK


@pytest.fixture
def syllabus_file(tmp_path: Path) -> Path:
    path = tmp_path / "cli-test.yaml"
    path.write_text(SYLLABUS, encoding="utf-8")
    return path


@pytest.fixture
def planned(data_dir: Path) -> Path:
    with Store.open(data_dir) as store:
        store.save_plan(plan([("Phone", 9, ["ra"]), ("Onsite", 30, ["rb"])], WEEK))
    return data_dir


def run(syllabus_file: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, [*args, "--syllabus", str(syllabus_file)])


def state(data_dir: Path) -> dict[str, Any]:
    with Store.open(data_dir) as store:
        return store.export_state()


def sessions(syllabus_file: Path) -> list[tuple[str, str]]:
    document = json.loads(run(syllabus_file, "plan", "--json").output)
    return [(d["date"], s["id"]) for d in document["days"] for s in d["sessions"]]


def test_skip_takes_an_item_out_of_the_schedule_and_unskip_or_undo_puts_it_back(
    planned: Path, syllabus_file: Path
) -> None:
    before = sessions(syllabus_file)
    assert any(i == "book/ch3" for _, i in before)
    result = run(syllabus_file, "skip", "book/ch3")
    assert result.exit_code == 0, result.output
    assert result.output == "skipped: book/ch3 (Chapter three)\n"
    assert not any(i == "book/ch3" for _, i in sessions(syllabus_file))
    assert run(syllabus_file, "skip", "book/ch3").output == "already skipped: book/ch3\n"
    assert run(syllabus_file, "unskip", "book/ch3").exit_code == 0
    assert sessions(syllabus_file) == before
    run(syllabus_file, "skip", "book/ch3")
    assert run(syllabus_file, "undo").output == "undone: skipped book/ch3\n"
    assert sessions(syllabus_file) == before


def test_pin_puts_an_item_on_its_date_and_unpin_or_undo_takes_it_off(
    planned: Path, syllabus_file: Path
) -> None:
    before = sessions(syllabus_file)
    result = run(syllabus_file, "pin", "course/w1", "2026-11-26")
    assert result.exit_code == 0, result.output
    assert result.output == "pinned: course/w1 (Week one) to 2026-11-26\n"
    assert ("2026-11-26", "course/w1") in sessions(syllabus_file)
    assert run(syllabus_file, "unpin", "course/w1").output == "unpinned: course/w1 (Week one)\n"
    assert sessions(syllabus_file) == before
    assert run(syllabus_file, "unpin", "course/w1").output == "not pinned: course/w1\n"
    run(syllabus_file, "pin", "course/w1", "2026-11-26")
    assert run(syllabus_file, "undo").exit_code == 0
    assert sessions(syllabus_file) == before


def test_push_waits_the_days_asked(planned: Path, syllabus_file: Path) -> None:
    result = run(syllabus_file, "push", "book/ch1", "--days", "2")
    assert result.exit_code == 0, result.output
    assert result.output == "pushed: book/ch1 (Chapter [bold]one[/bold]) to 2026-11-27 or later\n"
    days = [d for d, i in sessions(syllabus_file) if i == "book/ch1"]
    assert min(days) == "2026-11-27"
    assert run(syllabus_file, "undo").output == "undone: pushed book/ch1 to 2026-11-27 or later\n"
    assert min(d for d, i in sessions(syllabus_file) if i == "book/ch1") == "2026-11-25"


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("skip", "book/ch9"), 1, "unknown item 'book/ch9' (did you mean"),
        (("skip", "book"), 1, "is a resource: name one of its items"),
        (("pin", "nope", "2026-11-30"), 1, "unknown item 'nope'"),
        (("pin", "book/ch1", "2026-11-20"), 1, "2026-11-20 is in the past"),
        (("pin", "book/ch1", "2099-01-01"), 1, "more than five years away"),
        (("pin", "book/ch1", "30/11/2026"), 2, "is not a date (YYYY-MM-DD)"),
        (("pin", "book/ch1", "2026-02-30"), 2, "is not a day of the calendar"),
        (("push", "book/ch1", "--days", "0"), 2, "--days"),
        (("unpin", "book/ch9"), 1, "unknown item"),
    ],
)
def test_bad_input_is_one_line_and_changes_nothing(
    planned: Path, syllabus_file: Path, args: tuple[str, ...], code: int, message: str
) -> None:
    before = state(planned)
    result = run(syllabus_file, *args)
    assert result.exit_code == code
    assert message in result.output
    assert "Traceback" not in result.output
    assert state(planned) == before


def test_a_push_past_the_last_date_there_is_is_one_line(planned: Path, syllabus_file: Path) -> None:
    before = state(planned)
    result = run(syllabus_file, "push", "book/ch1", "--days", "5", "--today", "2199-12-30")
    assert result.exit_code == 1
    assert result.stderr == ("planner: the day pushed to, 2200-01-04 is outside 1970-2199\n")
    far = run(syllabus_file, "push", "book/ch1", "--today", "9999-12-30")
    assert far.exit_code == 2 and "date 9999-12-30 is outside 1970-2199" in far.stderr
    assert "Traceback" not in result.output + far.output
    assert state(planned) == before


def test_a_pin_before_the_plan_starts_is_refused(data_dir: Path, syllabus_file: Path) -> None:
    with Store.open(data_dir) as store:
        store.save_plan(plan([("Phone", 9, ["ra"])], WEEK, start=3))
    before = state(data_dir)
    result = run(syllabus_file, "pin", "book/ch1", "2026-11-26")
    assert result.exit_code == 1
    assert "before the plan starts (2026-11-28)" in result.output
    assert state(data_dir) == before
