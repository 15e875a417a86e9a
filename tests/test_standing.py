"""One set of figures: how an interview and each of its rounds stand is computed once, by the
scheduler (`planner.core.schedule.standing`), and every screen, command and export says the
same. A test per contradiction seen before: slack shown beside minutes that do not fit, days
behind that outnumber the days to the interview, "0 d slack" above a shortfall, and a passed
interview called "on track"."""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.core.labels import format_minutes
from planner.core.plan import Plan
from planner.core.planning import full_schedule
from planner.core.practice.readiness import readiness
from planner.core.progress import ItemProgress, Progress, WorkEntry
from planner.core.schedule.scheduler import schedule
from planner.core.schedule.standing import behind_days, report_text, standing_text
from planner.core.schedule.types import InterviewReport, Schedule
from planner.core.syllabus.loading import load_syllabus
from planner.core.syllabus.model import Syllabus
from planner.exports.ics import schedule_to_ics
from planner.exports.markdown import schedule_to_markdown
from planner.exports.status_json import status_document
from planner.exports.status_text import status_text
from planner.paths import bundled_syllabus
from tests.exact_schedule import random_instance
from tests.test_scheduler_practice_first import PHONE, PLAN, TODAY


@pytest.fixture(scope="module")
def bundled() -> Syllabus:
    return load_syllabus([bundled_syllabus()])


@pytest.fixture(scope="module")
def short_plan(bundled: Syllabus) -> Schedule:
    return full_schedule(bundled, PLAN, Progress(), TODAY, fixes=False)


def assert_consistent(report: InterviewReport, plan: Plan) -> None:
    """Short minutes and slack never contradict each other, for the interview and each of
    its rounds, and the interview is short exactly when one of its rounds is."""
    assert (report.short_minutes > 0) == (not report.feasible)
    if report.short_minutes > 0:
        assert report.slack_days == -behind_days(report.short_minutes, plan) < 0
    else:
        assert report.slack_days >= 0
    assert [r.round_id for r in report.rounds_standing] == list(report.rounds)
    for r in report.rounds_standing:
        assert (r.short_minutes > 0) == (r.slack_days < 0)
        assert r.short_minutes <= report.short_minutes
        assert r.slack_days >= report.slack_days or r.short_minutes > 0
    assert any(r.short_minutes for r in report.rounds_standing) == (report.short_minutes > 0)
    if report.short_minutes == 0 and report.rounds_standing:
        assert report.slack_days == min(r.slack_days for r in report.rounds_standing)


def test_an_interview_short_of_time_is_behind_by_its_minutes_never_in_slack(
    short_plan: Schedule,
) -> None:
    phone, onsite = short_plan.interviews
    assert phone.short_minutes > 0 and onsite.short_minutes > 0
    for report in (phone, onsite):
        assert_consistent(report, PLAN)
        assert report_text(report) == f"behind by {format_minutes(report.short_minutes)}"
    (standing,) = phone.rounds_standing
    assert standing.short_minutes == phone.short_minutes


def test_days_behind_are_the_short_minutes_at_the_weekly_pace() -> None:
    # 5 hours a week: 12 hours short take 17 days, 1 minute short one day.
    assert behind_days(720, PLAN) == 17
    assert behind_days(1, PLAN) == 1
    # and the text says minutes, never a count of days behind
    assert standing_text(720, -17) == "behind by 12h"


def test_status_shows_the_schedules_figures_for_rounds_and_interviews(
    bundled: Syllabus, short_plan: Schedule
) -> None:
    figures = readiness(bundled, PLAN, Progress(), short_plan, TODAY)
    reports = {r.name: r for r in short_plan.interviews}
    for interview in figures.interviews:
        report = reports[interview.name]
        assert (interview.short_minutes, interview.slack_days) == (
            report.short_minutes,
            report.slack_days,
        )
        for r in interview.rounds:
            standing = report.standing(r.round_id)
            assert standing is not None
            assert (r.short_minutes, r.slack_days) == (standing.short_minutes, standing.slack_days)
    text = status_text(figures, bundled)
    phone = reports["Phone"]
    headline = next(line for line in text.splitlines() if line.startswith("Phone"))
    assert headline.endswith(f"behind by {format_minutes(phone.short_minutes)}")
    assert " d slack" not in headline and " d behind" not in text
    document = status_document(figures)
    phone_round = next(r for r in document["rounds"] if r["id"] == "phone-screen")
    assert phone_round["short_minutes"] == phone.short_minutes
    assert phone_round["slack_days"] == phone.slack_days < 0
    assert document["interviews"][0]["short_minutes"] == phone.short_minutes


def test_the_readiness_screen_says_behind_above_the_minutes_that_do_not_fit(
    bundled: Syllabus, short_plan: Schedule
) -> None:
    from planner.tui.screens.readiness import interview_content

    figures = readiness(bundled, PLAN, Progress(), short_plan, TODAY)
    phone = figures.interviews[0]
    lines = interview_content(phone, figures).plain.splitlines()
    short = format_minutes(phone.short_minutes)
    assert lines[0].endswith(f"behind by {short}")
    assert lines[-1].strip() == f"{short} of required work do not fit before this interview"
    assert not any("d slack" in line for line in lines)


def test_a_passed_interview_tells_what_was_done_not_on_track(bundled: Syllabus) -> None:
    later = TODAY + dt.timedelta(days=12)  # three days after the phone screen
    item = next(i for i in bundled.items if "phone-screen" in i.rounds and not i.optional)
    progress = Progress(
        items={item.id: ItemProgress(minutes_spent=item.minutes, done=True, done_on=TODAY)},
        work=(WorkEntry(TODAY, item.id, item.minutes),),
    )
    result = full_schedule(bundled, PLAN, progress, later)
    phone = result.interviews[0]
    assert phone.passed and phone.done_minutes == item.minutes
    expected = (
        f"passed: {format_minutes(item.minutes)} of {format_minutes(phone.required_minutes)} done"
    )
    assert report_text(phone) == expected
    markdown = schedule_to_markdown(result, bundled)
    phone_line = next(line for line in markdown.splitlines() if "**Phone**" in line)
    assert phone_line.endswith(expected) and "on track" not in phone_line
    now = dt.datetime(2026, 11, 25, tzinfo=dt.UTC)
    ics = schedule_to_ics(result, bundled, now=now)[0].replace("\r\n ", "")
    assert f"Plan: {expected}" in ics.replace("\\n", "\n").replace("\\,", ",")
    assert "Plan: on track" not in ics


def test_plan_json_and_plan_text_agree_with_the_report(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from planner.cli import cli

    runner = CliRunner()
    env = {"PLANNER_DATA_DIR": str(tmp_path / "data"), "PLANNER_TODAY": TODAY.isoformat()}
    args = ["init", "--interview", f"Phone={PHONE.date}:phone-screen"]
    args += ["--minutes", "mon-fri=60,sat=0,sun=0"]
    assert runner.invoke(cli, args, env=env).exit_code == 0
    text = runner.invoke(cli, ["plan"], env=env).output
    document = json.loads(runner.invoke(cli, ["plan", "--json"], env=env).output)
    status = json.loads(runner.invoke(cli, ["status", "--json"], env=env).output)
    (interview,) = document["interviews"]
    short = interview["short_minutes"]
    assert short > 0 and not interview["feasible"]
    assert f"Phone ({PHONE.date}, phone-screen): behind by {format_minutes(short)}" in text
    assert status["interviews"][0]["short_minutes"] == short
    assert status["interviews"][0]["slack_days"] < 0


@settings(max_examples=60, deadline=None, database=None)
@given(seed=st.integers(0, 10**9))
def test_standing_never_contradicts_itself_on_random_plans(seed: int) -> None:
    syllabus, plan = random_instance(random.Random(seed))
    result = schedule(syllabus, plan, Progress(), dt.date(2026, 11, 25))
    for report in result.interviews:
        assert_consistent(report, plan)


def test_an_interview_before_the_plan_starts_is_short_not_passed(bundled: Syllabus) -> None:
    """No study day is left for it: all of its required study is short, and it is not
    called passed (it is still to come)."""
    late_start = Plan(
        interviews=(PHONE,),
        weekday_minutes=PLAN.weekday_minutes,
        start=PHONE.date + dt.timedelta(days=1),
    )
    result = full_schedule(bundled, late_start, Progress(), TODAY)
    (phone,) = result.interviews
    assert not phone.passed and not phone.feasible
    assert phone.short_minutes == phone.required_minutes > 0
    assert_consistent(phone, late_start)
    assert report_text(phone) == f"behind by {format_minutes(phone.required_minutes)}"
