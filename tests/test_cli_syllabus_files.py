"""`planner syllabus add|remove|list`: the user's own files, loaded next to the bundled one."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from planner.cli import cli

OWN = """\
syllabus: company-x
title: Company X extras
resources:
  - id: company-x/blog
    title: Company X engineering blog
    kind: blog
    rounds: [ml-design]
    items:
      - id: company-x/blog/feed-ranking
        title: How our feed ranking works
        minutes: 40
        requires: [hundred-page-ml/ch03]
"""


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def init() -> None:
    code, _, err = run("init", "--interview", "Onsite=2027-01-06:ml-design,ml-theory")
    assert code == 0, err


def test_added_file_is_loaded_by_every_command(tmp_path: Path) -> None:
    own = tmp_path / "x.yaml"
    own.write_text(OWN, encoding="utf-8")
    init()
    code, out, err = run("syllabus", "add", str(own))
    assert code == 0, err
    assert out.startswith(f"registered {own.resolve()}: now 5 rounds, 12 resources, 78 items")
    code, out, _ = run("syllabus", "list")
    assert out.splitlines()[1] == str(own.resolve())
    code, out, err = run("done", "company-x/blog/feed-ranking")
    assert code == 0, err
    plan = json.loads(run("plan", "--json")[1])
    ids = {s["id"] for d in plan["days"] for s in d["sessions"]}
    assert "company-x/blog/feed-ranking" not in ids  # done, so no longer scheduled
    code, out, _ = run("syllabus", "remove", str(own))
    assert code == 0
    assert run("done", "company-x/blog/feed-ranking")[0] == 1  # no longer loaded


def test_a_bad_file_is_refused_and_the_plan_is_unchanged(tmp_path: Path) -> None:
    own = tmp_path / "bad.yaml"
    own.write_text(OWN.replace("hundred-page-ml/ch03", "hundred-page-ml/ch3"), encoding="utf-8")
    init()
    before = run("export", "json")[1]
    code, out, err = run("syllabus", "add", str(own))
    assert code == 1
    assert out == ""
    assert err == (
        f"{own}:12:20: unknown item 'hundred-page-ml/ch3' (did you mean 'hundred-page-ml/ch03'?)\n"
    )
    assert run("export", "json")[1] == before


def test_adding_twice_removing_unknown_and_no_plan_are_one_line_errors(tmp_path: Path) -> None:
    own = tmp_path / "x.yaml"
    own.write_text(OWN, encoding="utf-8")
    code, _, err = run("syllabus", "add", str(own))
    assert (code, err) == (
        1,
        "planner: no plan yet: run 'planner init' or open 'planner' to set one up\n",
    )
    init()
    assert run("syllabus", "add", str(own))[0] == 0
    code, _, err = run("syllabus", "add", str(own))
    assert (code, err) == (1, f"planner: {own.resolve()} is already registered\n")
    code, _, err = run("syllabus", "remove", str(tmp_path / "other.yaml"))
    assert code == 1
    assert "is not registered" in err
