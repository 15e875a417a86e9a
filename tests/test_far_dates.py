"""Far-off dates (issue 12.1): every date that comes in is checked for a sane range where it
comes in (1970-2199; an interview, day off or pin at most five years ahead), and the core
never overflows on any date it accepts."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.cli import cli
from planner.core.plan import EARLIEST, LATEST, Interview, Plan
from planner.core.plan_json import PlanError, plan_from_data, plan_to_data
from planner.core.plan_spec import FAR_AHEAD_DAYS, far_date_problem
from planner.core.planning import full_schedule
from planner.core.practice.readiness import readiness
from planner.core.progress import Progress, Review
from planner.exports.ics import schedule_to_ics
from planner.exports.markdown import schedule_to_markdown
from planner.store.store import Store
from planner.tui.plan_form import FieldError, read_interview
from tests.tui_support import TODAY, bundled, fixed_plan, store_with_plan


def run(data_dir: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--data-dir", str(data_dir), *args])
    return result.exit_code, result.stderr


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["init", "--interview", "X=9999-12-31:phone-screen"], 2, "is outside 1970-2199"),
        (["init", "--interview", "X=2032-12-31:phone-screen"], 1, "more than five years away"),
        (
            ["init", "--interview", "X=2026-12-31:phone-screen", "--off", "2040-01-01"],
            1,
            "a day off on 2040-01-01 is more than five years away",
        ),
        (
            ["init", "--interview", "X=2026-12-31:phone-screen", "--start", "0001-01-01"],
            2,
            "outside",
        ),
        (["--today", "9999-12-30", "today"], 2, "date 9999-12-30 is outside 1970-2199"),
        (["--today", "1969-12-31", "today"], 2, "date 1969-12-31 is outside 1970-2199"),
        (["pin", "hundred-page-ml/ch02", "2040-01-01"], 1, "more than five years away"),
    ],
)
def test_far_dates_are_refused_where_they_come_in(
    data_dir: Path, args: list[str], code: int, message: str
) -> None:
    store_with_plan(data_dir).close()
    before = (data_dir / "planner.db").read_bytes()
    exit_code, stderr = run(data_dir, "--today", TODAY.isoformat(), *args)
    assert exit_code == code, stderr
    assert message in stderr and "Traceback" not in stderr
    assert (data_dir / "planner.db").read_bytes() == before


def test_the_plan_form_refuses_an_interview_years_away() -> None:
    with pytest.raises(FieldError) as raised:
        read_interview("X", "2035-01-01", ["phone-screen"], ["phone-screen"], TODAY)
    assert raised.value.field == "date" and "more than five years away" in str(raised.value)


def test_a_stored_or_imported_plan_with_a_far_date_is_refused(tmp_path: Path) -> None:
    data = plan_to_data(fixed_plan())
    data["interviews"][0]["date"] = "9999-12-31"
    with pytest.raises(PlanError, match="outside 1970-2199"):
        plan_from_data(data)
    source = tmp_path / "source"
    with Store.open(source) as store:
        store.save_plan(fixed_plan())
        store.record_review("q-bias-variance", "good", dt.datetime(2026, 11, 20, tzinfo=dt.UTC), 2)
        state = store.export_state()
    for where, value in (("plan", data), ("review", "9999-01-01T10:00:00+00:00")):
        bad = json.loads(json.dumps(state))
        if where == "plan":
            bad["plan"] = value
        else:
            bad["reviews"][0]["at"] = value
        path = tmp_path / f"{where}.json"
        path.write_text(json.dumps(bad))
        code, stderr = run(tmp_path / "target", "import", str(path))
        assert code == 1 and "outside 1970-2199" in stderr, stderr


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    today=st.dates(EARLIEST, LATEST),
    ahead=st.integers(-400, FAR_AHEAD_DAYS),
    reviewed_days_ago=st.integers(0, 3000),
)
def test_no_accepted_date_overflows_the_core(
    today: dt.date, ahead: int, reviewed_days_ago: int
) -> None:
    day = min(LATEST, max(EARLIEST, today + dt.timedelta(days=ahead)))
    assert far_date_problem(day, today) is None  # a date planner accepts from this today
    plan = Plan(
        interviews=(Interview(name="X", date=day, rounds=("phone-screen",)),),
        weekday_minutes=(60,) * 7,
    )
    reviewed = max(EARLIEST, today - dt.timedelta(days=reviewed_days_ago))
    at = dt.datetime(reviewed.year, reviewed.month, reviewed.day, 20, tzinfo=dt.UTC)
    progress = Progress(reviews=(Review("q-bias-variance", "easy", at),))
    schedule = full_schedule(bundled(), plan, progress, today)
    readiness(bundled(), plan, progress, schedule, today)
    schedule_to_markdown(schedule, bundled(), plan, progress)
    schedule_to_ics(schedule, bundled(), now=dt.datetime(2026, 11, 25, tzinfo=dt.UTC))
