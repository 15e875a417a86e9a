"""`planner plan` and `planner today`: the table, the JSON of CONTRACT.md, bad input."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from planner.cli import cli
from planner.core.plan import Plan
from planner.store.store import Store
from tests.scheduler_builders import plan

SYLLABUS = """\
syllabus: cli-test
title: CLI test syllabus
rounds:
  - {id: ra, name: Round A}
  - {id: rb, name: Round B}
resources:
  - id: book
    title: A book
    kind: book
    rounds: [ra]
    items:
      - {id: book/ch1, title: "Chapter [bold]one[/bold]", minutes: 100, priority: 1}
      - {id: book/ch2, title: Chapter two, minutes: 50, requires: [book/ch1]}
      - {id: book/ch3, title: Chapter three, minutes: 60, priority: 3}
  - id: course
    title: A course
    kind: course
    rounds: [rb]
    items:
      - {id: course/w1, title: Week one, minutes: 90}
"""

WEEK = (60, 60, 60, 60, 60, 120, 0)


@pytest.fixture
def syllabus_file(tmp_path: Path) -> Path:
    path = tmp_path / "cli-test.yaml"
    path.write_text(SYLLABUS, encoding="utf-8")
    return path


def save(data_dir: Path, p: Plan) -> None:
    with Store.open(data_dir) as store:
        store.save_plan(p)


def state(data_dir: Path) -> dict[str, Any]:
    with Store.open(data_dir) as store:
        return store.export_state()


def run(syllabus_file: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, [*args, "--syllabus", str(syllabus_file)])


def feasible_plan() -> Plan:
    return plan(
        [("Phone", 9, ["ra"]), ("Onsite", 30, ["rb"])], WEEK, min_session=25, max_session=60
    )


def test_plan_json_is_the_contract_shape(data_dir: Path, syllabus_file: Path) -> None:
    save(data_dir, feasible_plan())
    result = run(syllabus_file, "plan", "--json", "--days", "5")
    assert result.exit_code == 0, result.output
    document = json.loads(result.output)
    assert document == {
        "today": "2026-11-25",
        "interviews": [
            {
                "name": "Phone",
                "date": "2026-12-04",
                "rounds": ["ra"],
                "feasible": True,
                "short_minutes": 0,
                "fixes": [],
            },
            {
                "name": "Onsite",
                "date": "2026-12-25",
                "rounds": ["rb"],
                "feasible": True,
                "short_minutes": 0,
                "fixes": [],
            },
        ],
        "days": [
            {
                "date": "2026-11-25",
                "capacity": 60,
                "sessions": [{"kind": "study", "id": "book/ch1", "minutes": 60, "rounds": ["ra"]}],
            },
            {
                "date": "2026-11-26",
                "capacity": 60,
                "sessions": [{"kind": "study", "id": "book/ch1", "minutes": 40, "rounds": ["ra"]}],
            },
            {
                "date": "2026-11-27",
                "capacity": 60,
                "sessions": [{"kind": "study", "id": "book/ch2", "minutes": 50, "rounds": ["ra"]}],
            },
            {
                "date": "2026-11-28",
                "capacity": 120,
                "sessions": [
                    {"kind": "study", "id": "book/ch3", "minutes": 60, "rounds": ["ra"]},
                    {"kind": "study", "id": "course/w1", "minutes": 60, "rounds": ["rb"]},
                ],
            },
            {"date": "2026-11-29", "capacity": 0, "sessions": []},
        ],
        "late": [],
    }


def test_plan_json_covers_every_day_to_the_last_interview(
    data_dir: Path, syllabus_file: Path
) -> None:
    save(data_dir, feasible_plan())
    document = json.loads(run(syllabus_file, "plan", "--json").output)
    dates = [d["date"] for d in document["days"]]
    assert dates[0] == "2026-11-25" and dates[-1] == "2026-12-25" and len(dates) == 31
    for d in document["days"]:
        assert sum(s["minutes"] for s in d["sessions"]) <= d["capacity"]
    mocks = [
        (d["date"], s["id"]) for d in document["days"] for s in d["sessions"] if s["kind"] == "mock"
    ]
    assert mocks == [("2026-12-03", "Phone"), ("2026-12-24", "Onsite")]


def test_today_json_is_the_same_shape_with_one_day(data_dir: Path, syllabus_file: Path) -> None:
    save(data_dir, feasible_plan())
    result = run(syllabus_file, "today", "--json", "--today", "2026-11-28")
    assert result.exit_code == 0, result.output
    document = json.loads(result.output)
    assert document["today"] == "2026-11-28"
    assert set(document) == {"today", "interviews", "days", "late"}
    # Nothing was done since Wednesday: the schedule from Saturday starts with book/ch1.
    assert document["days"] == [
        {
            "date": "2026-11-28",
            "capacity": 120,
            "sessions": [
                {"kind": "study", "id": "book/ch1", "minutes": 60, "rounds": ["ra"]},
                {"kind": "study", "id": "book/ch1", "minutes": 40, "rounds": ["ra"]},
            ],
        }
    ]


def test_today_outside_the_schedule_is_an_empty_day(data_dir: Path, syllabus_file: Path) -> None:
    save(data_dir, plan([("Phone", 9, ["ra"])], WEEK, start=3))
    document = json.loads(run(syllabus_file, "today", "--json").output)
    assert document["days"] == [{"date": "2026-11-25", "capacity": 60, "sessions": []}]


def test_plan_table_is_readable(data_dir: Path, syllabus_file: Path) -> None:
    save(data_dir, feasible_plan())
    result = run(syllabus_file, "plan")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[:3] == [
        "Wed 2026-11-25  60/60 min",
        "    study      1h  Chapter [bold]one[/bold] (part 1/2)  [ra]",
        "Thu 2026-11-26  40/60 min",
    ]
    assert "Sun 2026-11-29  day off" in lines
    assert "Thu 2026-12-03  60/60 min  mock day for Phone" in lines
    assert "    mock       1h  Mock round: Phone  [ra]" in lines
    assert "Fri 2026-12-04  interview: Phone" in lines
    assert lines[-3:] == [
        "Interviews",
        "  Phone (2026-12-04, ra): on track, 4 d slack",
        "  Onsite (2026-12-25, rb): on track, 23 d slack",
    ]


def test_an_infeasible_plan_shows_the_shortfall_and_the_fix(
    data_dir: Path, syllabus_file: Path
) -> None:
    save(data_dir, plan([("Phone", 3, ["ra"])], WEEK, min_session=25, max_session=60))
    result = run(syllabus_file, "plan")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert (
        "  Phone (2026-11-28, ra): behind by 1h30m, 2 late; "
        "fix: drop Chapter three; Chapter two or add 4h30m a week"
    ) in lines
    assert lines[-3:] == [
        "Late",
        "  Chapter two  due 2026-11-26, finishes does not fit",
        "  Chapter three  due 2026-11-26, finishes does not fit",
    ]
    document = json.loads(run(syllabus_file, "plan", "--json").output)
    assert document["interviews"][0]["feasible"] is False
    assert document["interviews"][0]["short_minutes"] == 90
    assert document["interviews"][0]["fixes"] == [
        {"kind": "drop", "ids": ["book/ch3", "book/ch2"]},
        {"kind": "extra_minutes_per_week", "minutes": 270},
    ]
    assert document["late"] == [
        {"id": "book/ch2", "deadline": "2026-11-26", "finishes": None},
        {"id": "book/ch3", "deadline": "2026-11-26", "finishes": None},
    ]


def test_plan_days_limits_the_table(data_dir: Path, syllabus_file: Path) -> None:
    save(data_dir, feasible_plan())
    lines = run(syllabus_file, "plan", "--days", "1").output.splitlines()
    assert [line for line in lines if line[:3] in ("Wed", "Thu", "Fri", "Sat")] == [
        "Wed 2026-11-25  60/60 min"
    ]


def test_today_table(data_dir: Path, syllabus_file: Path) -> None:
    save(data_dir, feasible_plan())
    lines = run(syllabus_file, "today").output.splitlines()
    assert lines[:2] == [
        "Wed 2026-11-25  60/60 min",
        "    study      1h  Chapter [bold]one[/bold] (part 1/2)  [ra]",
    ]


@pytest.mark.parametrize("command", ["plan", "today"])
def test_no_plan_yet(data_dir: Path, syllabus_file: Path, command: str) -> None:
    result = run(syllabus_file, command)
    assert result.exit_code == 1
    assert result.output == (
        "planner: no plan yet: run 'planner init' or open 'planner' to set one up\n"
    )
    assert state(data_dir)["plan"] is None


@pytest.mark.parametrize("days", ["0", "-3", "many"])
def test_bad_days_is_a_usage_error(data_dir: Path, syllabus_file: Path, days: str) -> None:
    save(data_dir, feasible_plan())
    before = state(data_dir)
    result = run(syllabus_file, "plan", "--days", days)
    assert result.exit_code == 2
    assert "--days" in result.output
    assert state(data_dir) == before


def test_plan_and_today_change_nothing(data_dir: Path, syllabus_file: Path) -> None:
    save(data_dir, feasible_plan())
    before = state(data_dir)
    for args in (("plan",), ("plan", "--json"), ("today",), ("today", "--json")):
        assert run(syllabus_file, *args).exit_code == 0
    assert state(data_dir) == before


def test_progress_recorded_with_done_moves_the_schedule(
    data_dir: Path, syllabus_file: Path
) -> None:
    save(data_dir, feasible_plan())
    # Ch. 1 was studied before (no minutes today): Ch. 2 moves up into today.
    assert run(syllabus_file, "done", "book/ch1", "--minutes", "0").exit_code == 0
    document = json.loads(run(syllabus_file, "today", "--json").output)
    assert document["days"][0]["sessions"] == [
        {"kind": "study", "id": "book/ch2", "minutes": 50, "rounds": ["ra"]}
    ]


def test_minutes_recorded_today_use_up_todays_capacity(data_dir: Path, syllabus_file: Path) -> None:
    save(data_dir, feasible_plan())
    # 100 minutes of Ch. 1 today fill the 60-minute day: nothing more is planned for it,
    # and Ch. 2 waits for the next day with room.
    assert run(syllabus_file, "done", "book/ch1").exit_code == 0
    document = json.loads(run(syllabus_file, "plan", "--json", "--days", "2").output)
    assert document["days"][0]["sessions"] == []
    assert document["days"][1]["sessions"] == [
        {"kind": "study", "id": "book/ch2", "minutes": 50, "rounds": ["ra"]}
    ]
    text = run(syllabus_file, "today").output
    assert "100/60 min (100 done, 40 over)" in text


PRACTICE = """\
practice:
  - {id: q-one, kind: question, prompt: "What is [red]one[/red]?", rounds: [ra], minutes: 5}
  - {id: q-two, kind: question, prompt: What is two?, rounds: [ra], learn_from: [book/ch2]}
"""


def test_drills_and_reviews_show_in_the_plan(data_dir: Path, syllabus_file: Path) -> None:
    syllabus_file.write_text(SYLLABUS + PRACTICE, encoding="utf-8")
    save(data_dir, feasible_plan())
    assert run(syllabus_file, "review", "q-one", "good").exit_code == 0
    document = json.loads(run(syllabus_file, "plan", "--json").output)
    kinds = {
        (s["kind"], s["id"])
        for d in document["days"]
        for s in d["sessions"]
        if s["kind"] != "study"
    }
    # q-one was reviewed today: no drill, its next reviews are planned; q-two is new and
    # gets its drill once book/ch2, which teaches it, is done.
    assert ("review", "q-one") in kinds
    assert ("drill", "q-one") not in kinds
    assert ("drill", "q-two") in kinds
    drill_day = next(
        d["date"] for d in document["days"] for s in d["sessions"] if s["id"] == "q-two"
    )
    ch2_days = [d["date"] for d in document["days"] for s in d["sessions"] if s["id"] == "book/ch2"]
    assert drill_day >= max(ch2_days)
    text = run(syllabus_file, "plan").output
    assert re.search(r"\n    review +\d+m  What is \[red\]one\[/red\]\?", text), text


def test_today_lists_the_work_already_done_today(data_dir: Path, syllabus_file: Path) -> None:
    save(data_dir, feasible_plan())
    assert run(syllabus_file, "done", "book/ch1", "--minutes", "40").exit_code == 0
    lines = run(syllabus_file, "today").output.splitlines()
    # 20 minutes are left of the day, less than a session: they are a session of their own.
    assert lines[:4] == [
        "Wed 2026-11-25  60/60 min (40 done)",
        "    done      40m  Chapter [bold]one[/bold]",
        "    study     20m  Chapter two (part 1/2)  [ra]",
        "",
    ]
