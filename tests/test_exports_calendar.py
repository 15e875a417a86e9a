"""`planner export ics` and `planner export markdown`: the schedule as a calendar and a document."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from click.testing import CliRunner

from planner.cli import cli
from planner.core.labels import format_minutes

INIT = [
    "init",
    "--interview",
    "Acme phone screen=2026-12-09:phone-screen,dsa-coding",
    "--interview",
    "Acme onsite=2027-01-06:ml-coding,ml-theory,ml-design",
    "--minutes",
    "mon-fri=90,sat=240,sun=0",
]


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def plan_json() -> dict[str, object]:
    code, out, _ = run("plan", "--json")
    assert code == 0
    data: dict[str, object] = json.loads(out)
    return data


def test_ics_has_one_event_per_study_day_and_per_interview() -> None:
    from icalendar import Calendar

    assert run(*INIT)[0] == 0
    code, out, err = run("export", "ics")
    assert code == 0, err
    calendar = Calendar.from_ical(out)
    events = list(calendar.walk("VEVENT"))
    days = [d for d in plan_json()["days"] if d["sessions"]]  # type: ignore[union-attr,index]
    interviews = [e for e in events if str(e["summary"]).startswith("Interview: ")]
    study_days = [e for e in events if not str(e["summary"]).startswith("Interview: ")]
    assert len(study_days) == len(days)
    assert {str(e["summary"]) for e in interviews} == {
        "Interview: Acme phone screen",
        "Interview: Acme onsite",
    }
    first = study_days[0]
    assert first.decoded("dtstart") == dt.date(2026, 11, 25)
    minutes = sum(s["minutes"] for s in days[0]["sessions"])  # type: ignore[index]
    assert str(first["description"]).count("\n") == len(days[0]["sessions"]) - 1  # type: ignore[index]
    assert f"{len(days[0]['sessions'])} sessions" in str(first["summary"])  # type: ignore[index]
    assert minutes <= 90


def test_ics_is_the_same_but_for_its_stamp_for_the_same_state(tmp_path: Path) -> None:
    assert run(*INIT)[0] == 0
    a, b = tmp_path / "a.ics", tmp_path / "b.ics"
    assert run("export", "ics", "-o", str(a))[0] == 0
    assert run("export", "ics", "-o", str(b))[0] == 0

    def unstamped(path: Path) -> list[bytes]:
        return [line for line in path.read_bytes().splitlines() if not line.startswith(b"DTSTAMP")]

    assert unstamped(a) == unstamped(b)
    assert b"UID:day-2026-11-25@planner.local" in a.read_bytes()


def test_markdown_lists_each_day_as_a_checklist() -> None:
    assert run(*INIT)[0] == 0
    code, out, err = run("export", "markdown")
    assert code == 0, err
    assert out.startswith("# ML interview preparation\n")
    assert "- **Acme phone screen**, 2026-12-09 (phone-screen, dsa-coding): on track" in out
    days = plan_json()["days"]
    sessions = sum(len(d["sessions"]) for d in days)  # type: ignore[union-attr,index,arg-type]
    assert out.count("\n- [ ] ") == sessions
    assert "### Wed 25 Nov 2026: " in out


def test_markdown_lists_done_work_as_ticked_and_counts_it_in_the_day() -> None:
    assert run(*INIT)[0] == 0
    first = plan_json()["days"][0]["sessions"][0]  # type: ignore[index]
    # today's first item done: listed ticked, and its minutes count in the day's total
    assert run("done", first["id"], "--minutes", str(first["minutes"]))[0] == 0
    code, out, err = run("export", "markdown")
    assert code == 0, err
    today = out.split("### Wed 25 Nov 2026: ", 1)[1].split("\n### ", 1)[0]
    day = plan_json()["days"][0]  # type: ignore[index]
    planned = sum(s["minutes"] for s in day["sessions"])  # type: ignore[index]
    head = today.splitlines()[0]
    done = first["minutes"]
    assert head.startswith(f"{format_minutes(done + planned)} / {format_minutes(90)}")
    ticked = [line for line in today.splitlines() if line.startswith("- [x] ")]
    assert len(ticked) == 1 and f"({format_minutes(done)}, study)" in ticked[0]
    assert today.count("\n- [ ] ") == len(day["sessions"])  # type: ignore[arg-type]


def test_markdown_keeps_user_text_literal(tmp_path: Path) -> None:
    syllabus = tmp_path / "s.yaml"
    syllabus.write_text(
        "syllabus: s\ntitle: My *prep* [notes]\nrounds:\n  - {id: r, name: R}\n"
        "resources:\n  - id: b\n    title: B\n    kind: book\n    rounds: [r]\n"
        "    items:\n      - {id: b/1, title: 'Use *args and [links](x)', minutes: 30}\n",
        encoding="utf-8",
    )
    opts = ["--syllabus", str(syllabus)]
    assert run(*opts, "init", "--interview", "X=2026-12-01:r")[0] == 0
    code, out, err = run(*opts, "export", "markdown")
    assert code == 0, err
    assert "# My \\*prep\\* \\[notes\\]" in out
    assert "Use \\*args and \\[links\\](x)" in out


def test_export_of_the_schedule_without_a_plan_is_a_one_line_error() -> None:
    for fmt in ("ics", "markdown"):
        code, out, err = run("export", fmt)
        assert code == 1
        assert out == ""
        assert err.strip() == (
            "planner: no plan yet: run 'planner init' or open 'planner' to set one up"
        )
