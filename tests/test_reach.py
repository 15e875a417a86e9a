"""A pin or push past the last study day of every interview that needs the item is allowed,
and said to leave the item out of the plan (`planner.core.schedule.reach`): the same days
the scheduler itself can still use."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import cli
from planner.core.progress import Progress
from planner.core.schedule.reach import out_of_reach
from planner.core.schedule.scheduler import schedule
from planner.store.store import Store
from tests.scheduler_builders import TODAY, day, item, plan, practice, syllabus

WEEK = (60, 60, 60, 60, 60, 0, 0)  # TODAY is a Wednesday
SYL = syllabus(
    [
        item("a", 30, ["ra"]),
        item("both", 30, ["ra", "rb"]),
        item("c", 30, ["rc"]),
        item("x", 30, ["ra"]),  # of the phone screen's round, required by y of the onsite's
        item("y", 30, ["rb"], requires=["x"]),
        item("z", 30, ["rc"]),  # of no interview's round, but teaches qb of the onsite's
    ],
    [practice("q", "question", ["ra"]), practice("qb", "question", ["rb"], learn_from=["z"])],
)
PLAN = plan([("Phone", 9, ["ra"]), ("Onsite", 20, ["rb"])], WEEK)
"""Phone on Fri 4 Dec (its mock day Thu 3 Dec), Onsite on Tue 15 Dec."""


@pytest.mark.parametrize(
    ("any_id", "on", "reached"),
    [
        ("a", day(6), True),  # Tue 1 Dec, a study day before the phone screen
        ("a", day(3), True),  # Sat 28 Nov: waits for Monday, still before it
        ("a", day(8), False),  # the mock day: no study day left before the phone screen
        ("a", day(9), False),  # the interview itself
        ("q", day(8), False),  # a practice item, by its rounds too
        ("both", day(8), True),  # needed by the onsite as well
        ("both", day(19), False),  # the onsite's mock day
        ("c", day(30), True),  # no interview needs it: nothing to say
        ("x", day(12), True),  # after the phone screen, still needed by the onsite's y
        ("x", day(19), False),
        ("z", day(12), True),  # needed by the onsite, for the question it teaches
        ("z", day(19), False),
    ],
)
def test_out_of_reach_agrees_with_the_schedule(any_id: str, on: dt.date, reached: bool) -> None:
    note = out_of_reach(SYL, PLAN, Progress(), TODAY, any_id, on)
    assert (note is None) == reached
    if any_id == "c":
        return
    progress = Progress(pinned={any_id: on})
    result = schedule(SYL, PLAN, progress, TODAY)
    assert bool(result.sessions_of(any_id)) == reached
    if note is not None:
        last = "Phone" if any_id in ("a", "q") else "Onsite"
        assert f"to {last} (" in note and "will not be scheduled" in note


def test_the_command_line_pins_and_pushes_as_asked_and_warns(
    data_dir: Path, tmp_path: Path
) -> None:
    with Store.open(data_dir) as store:
        store.save_plan(PLAN)
    syllabus_file = tmp_path / "s.yaml"
    syllabus_file.write_text(
        "syllabus: t\ntitle: T\nrounds:\n  - {id: ra, name: A}\n  - {id: rb, name: B}\n"
        "resources:\n  - id: r\n    title: R\n    kind: book\n    rounds: [ra]\n"
        "    items:\n      - {id: r/a, title: A one, minutes: 30}\n",
        encoding="utf-8",
    )
    runner = CliRunner()

    def run(*args: str) -> tuple[int, str, str]:
        done = runner.invoke(cli, [*args, "--syllabus", str(syllabus_file)])
        return done.exit_code, done.stdout, done.stderr

    code, out, err = run("pin", "r/a", day(8).isoformat())
    assert code == 0 and out.startswith("pinned: r/a")
    assert "warning: it will not be scheduled" in err and "Phone" in err
    code, out, err = run("pin", "r/a", day(6).isoformat())
    assert code == 0 and err == ""
    with Store.open(data_dir) as store:
        assert store.load_progress().pinned["r/a"] == day(6)
    code, out, err = run("push", "r/a", "--days", "30")
    assert code == 0 and "pushed: r/a" in out and "will not be scheduled" in err
    with Store.open(data_dir) as store:
        assert store.load_progress().pushed["r/a"] == day(30)
