"""`planner review` and `planner status` from a script."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from planner.cli import cli
from planner.core.labels import format_minutes
from planner.store.store import Store

PHONE = "Meta phone screen=2026-12-04:phone-screen"
ONSITE = "Onsite=2026-12-23:ml-theory,ml-coding"


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture
def planned() -> None:
    result = run("init", "--interview", PHONE, "--interview", ONSITE)
    assert result.exit_code == 0, result.output


def stored_reviews(data_dir: Path) -> list[tuple[str, str, dt.date]]:
    store = Store.open(data_dir)
    try:
        return [(r.practice_id, r.rating, r.at.date()) for r in store.load_progress().reviews]
    finally:
        store.close()


def test_review_is_stored_with_todays_date_and_reports_the_next_due(
    planned: None, data_dir: Path
) -> None:
    result = run("review", "q-bias-variance", "good")
    assert result.exit_code == 0
    assert result.stdout.strip() == (
        "reviewed: q-bias-variance good on 2026-11-25; next due 2026-11-27"
    )
    assert stored_reviews(data_dir) == [("q-bias-variance", "good", dt.date(2026, 11, 25))]


def test_review_takes_the_date_from_today_option_and_any_case_of_rating(
    planned: None, data_dir: Path
) -> None:
    assert run("review", "q-bias-variance", "AGAIN", "--today", "2026-11-30").exit_code == 0
    assert stored_reviews(data_dir) == [("q-bias-variance", "again", dt.date(2026, 11, 30))]


def test_unknown_practice_item_is_a_user_error_and_stores_nothing(
    planned: None, data_dir: Path
) -> None:
    result = run("review", "q-bias-varianc", "good")
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        "planner: unknown practice item 'q-bias-varianc' (did you mean 'q-bias-variance'?)"
    )
    assert "Traceback" not in result.output
    assert stored_reviews(data_dir) == []


def test_study_item_id_is_not_a_practice_item(planned: None, data_dir: Path) -> None:
    result = run("review", "hundred-page-ml/ch05", "good")
    assert result.exit_code == 1
    assert "unknown practice item 'hundred-page-ml/ch05'" in result.stderr
    assert stored_reviews(data_dir) == []


def test_bad_rating_is_a_usage_error_and_stores_nothing(planned: None, data_dir: Path) -> None:
    result = run("review", "q-bias-variance", "great")
    assert result.exit_code == 2
    assert "'great' is not one of 'again', 'hard', 'good', 'easy'" in result.stderr
    assert stored_reviews(data_dir) == []


def test_status_json_has_exactly_the_contract_shape(planned: None) -> None:
    result = run("status", "--json")
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    assert set(doc) == {"today", "rounds", "interviews"}
    assert doc["today"] == "2026-11-25"
    assert [r["id"] for r in doc["rounds"]] == ["phone-screen", "ml-coding", "ml-theory"]
    for r in doc["rounds"]:
        assert set(r) == {
            "id",
            "coverage",
            "recall",
            "slack_days",
            "short_minutes",
            "required_minutes",
            "done_minutes",
            "skipped_minutes",
        }
        assert (r["coverage"], r["recall"], r["done_minutes"]) == (0.0, 0.0, 0)
        assert isinstance(r["slack_days"], int) and r["required_minutes"] > 0
    assert [
        {k: v for k, v in i.items() if k not in ("slack_days", "short_minutes", "round_figures")}
        for i in doc["interviews"]
    ] == [
        {"name": "Meta phone screen", "date": "2026-12-04", "readiness": 0.0,
         "rounds": ["phone-screen"]},
        {"name": "Onsite", "date": "2026-12-23", "readiness": 0.0,
         "rounds": ["ml-theory", "ml-coding"]},
    ]  # fmt: skip
    for i in doc["interviews"]:  # extra fields: the scheduler's standing
        assert isinstance(i["slack_days"], int) and isinstance(i["short_minutes"], int)
        assert (i["short_minutes"] > 0) == (i["slack_days"] < 0)
        # and its rounds judged against it: the same as `rounds` where it is their first
        assert [r["id"] for r in i["round_figures"]] == i["rounds"]
        for figures in i["round_figures"]:
            (first,) = [r for r in doc["rounds"] if r["id"] == figures["id"]]
            assert figures == first


def test_status_moves_with_progress_and_reviews(planned: None) -> None:
    before = json.loads(run("status", "--json").stdout)
    assert run("done", "hundred-page-ml/ch05").exit_code == 0
    assert run("review", "q-bias-variance", "good").exit_code == 0
    after = json.loads(run("status", "--json").stdout)
    phone_before, phone_after = before["rounds"][0], after["rounds"][0]
    assert phone_after["done_minutes"] > phone_before["done_minutes"] == 0
    assert phone_after["coverage"] == round(
        phone_after["done_minutes"] / phone_after["required_minutes"], 2
    )
    assert phone_after["recall"] > 0.0
    assert after["interviews"][0]["readiness"] > before["interviews"][0]["readiness"]


def test_status_table_shows_each_interview_with_bars_and_the_formula(planned: None) -> None:
    run("review", "q-bias-variance", "good")
    out = run("status").stdout
    assert "Meta phone screen  2026-12-04 (in 9 days)" in out
    assert "phone-screen" in out and "ml-theory" in out
    assert "█" in out and "░" in out
    assert "practice: 1/" in out
    assert "0.5 coverage + 0.3 recall + 0.2 practice" in out


def test_status_without_a_plan_says_how_to_make_one(data_dir: Path) -> None:
    result = run("status")
    assert result.exit_code == 1
    assert result.stderr.startswith("planner: no plan yet")


def test_review_while_another_process_holds_the_store_is_a_one_line_error(
    planned: None, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    from planner.paths import database_path

    monkeypatch.setattr("planner.store.store.BUSY_TIMEOUT_SECONDS", 0.05)
    holder = sqlite3.connect(database_path(data_dir), isolation_level=None)
    try:
        holder.execute("BEGIN EXCLUSIVE")
        result = run("review", "q-bias-variance", "good")
    finally:
        holder.rollback()
        holder.close()
    assert result.exit_code == 1
    assert result.stderr == "planner: cannot write to the store: database is locked\n"
    assert stored_reviews(data_dir) == []


def test_status_on_a_damaged_store_is_a_one_line_error(
    planned: None, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from planner.store.errors import StoreError

    def damaged(_self: Store) -> None:
        raise StoreError("cannot read the store: database disk image is malformed")

    monkeypatch.setattr(Store, "load_progress", damaged)
    result = run("status", "--json")
    assert result.exit_code == 1
    assert result.stderr == "planner: cannot read the store: database disk image is malformed\n"
    assert result.stdout == ""


def test_status_cuts_long_prompts_with_an_ellipsis_on_one_line(planned: None) -> None:
    out = run("status").stdout.splitlines()
    weak = out[out.index("Weakest questions (recall on interview day):") + 1 :]
    weak = weak[: weak.index("")]
    assert 1 <= len(weak) <= 5
    assert all(len(line) <= 80 for line in weak)
    cut = [line for line in weak if line.endswith("…")]
    assert cut, weak
    assert not any(line[-2:-1] == " " for line in cut)


def test_status_after_the_last_interview_says_so(data_dir: Path) -> None:
    from planner.core.plan import Interview, Plan

    with Store.open(data_dir) as store:
        past = Interview(name="Old loop", date=dt.date(2026, 11, 1), rounds=("phone-screen",))
        store.save_plan(Plan(interviews=(past,)))
    text = run("status")
    assert text.exit_code == 0
    assert text.stdout == (
        "Readiness on 2026-11-25\n"
        "No upcoming interview: add one with 'planner init --interview ...'.\n"
    )
    document = json.loads(run("status", "--json").stdout)
    assert document == {"today": "2026-11-25", "rounds": [], "interviews": []}


def test_a_round_two_interviews_share_has_its_figures_for_each_in_status_json() -> None:
    phone = "Phone=2026-12-04:phone-screen,dsa-coding"
    onsite = "Onsite=2026-12-23:ml-theory,dsa-coding"
    init = run("init", "--interview", phone, "--interview", onsite, "--minutes", "mon-fri=20")
    assert init.exit_code == 0, init.output
    doc = json.loads(run("status", "--json").stdout)
    first, second = doc["interviews"]
    (at_phone,) = [r for r in first["round_figures"] if r["id"] == "dsa-coding"]
    (at_onsite,) = [r for r in second["round_figures"] if r["id"] == "dsa-coding"]
    (judged,) = [r for r in doc["rounds"] if r["id"] == "dsa-coding"]
    assert judged == at_phone  # `rounds`: against the first interview that has it
    # nine days of 20 minutes cannot hold it for the phone screen; four weeks hold more
    assert at_phone["short_minutes"] > at_onsite["short_minutes"]
    text = run("status").stdout
    assert f"behind by {format_minutes(at_phone['short_minutes'])}" in text
