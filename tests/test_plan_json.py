"""The plan's own rules, its JSON, and the plain syllabus models against the file schema."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.core import plan_json
from planner.core.plan import DayOff, Interview, Options, Plan
from planner.core.plan_json import PlanError, plan_from_data, plan_from_json, plan_to_json
from planner.core.syllabus.schema import SCHEMAS
from planner.store.errors import StoreError
from planner.store.store import Store

# ------------------------------------------------------------------ the plan's rules


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: Interview(name="", date=dt.date(2027, 1, 1), rounds=("r",)), "1..200"),
        (lambda: Interview(name="x" * 201, date=dt.date(2027, 1, 1), rounds=("r",)), "1..200"),
        (lambda: Interview(name="A", date=dt.date(2027, 1, 1), rounds=()), "at least one round"),
        (lambda: DayOff(start=dt.date(2027, 1, 2), end=dt.date(2027, 1, 1)), "end before"),
        (lambda: Options(min_session=4), "min_session must be within 5..600"),
        (lambda: Options(max_session=1441), "max_session must be within 5..1440"),
        (lambda: Options(min_session=60, max_session=30), "at least min_session"),
        (lambda: Options(mock_days=8), "mock_days"),
        (lambda: Options(drill_size=0), "drill_size"),
        (lambda: Options(recall_target=0.5), "above 0.5 and below 1"),
        (lambda: Options(recall_target=1.0), "above 0.5 and below 1"),
        (lambda: Plan(weekday_minutes=(90, 90, 90, 90, 90, 90, 1441)), "minutes on sun"),
        (lambda: Plan(weekday_minutes=(-1, 90, 90, 90, 90, 90, 90)), "minutes on mon"),
    ],
)
def test_a_plan_that_breaks_a_rule_cannot_be_made(make: Any, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        make()


# ------------------------------------------------------------------ JSON

dates = st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2035, 12, 31))
texts = st.text(min_size=1, max_size=30)
NAME_CHARACTERS = st.characters(exclude_categories=("Cc", "Cs"))
"""What an interview name may hold: no control characters, no lone surrogates."""


@st.composite
def plans(draw: st.DrawFn) -> Plan:
    min_session = draw(st.integers(5, 600))
    count = draw(st.integers(0, 3))
    day_offs = [tuple(sorted(draw(st.tuples(dates, dates)))) for _ in range(count)]
    return Plan(
        interviews=tuple(
            Interview(
                name=draw(st.text(NAME_CHARACTERS, min_size=1, max_size=200)),
                date=draw(dates),
                rounds=tuple(draw(st.lists(texts, min_size=1, max_size=3))),
            )
            for _ in range(draw(st.integers(0, 3)))
        ),
        weekday_minutes=draw(st.tuples(*[st.integers(0, 1440)] * 7)),
        days_off=tuple(
            DayOff(start=a, end=b, name=draw(st.sampled_from(["", "Thanksgiving", "Día"])))
            for a, b in day_offs
        ),
        start=draw(st.none() | dates),
        options=Options(
            min_session=min_session,
            max_session=draw(st.integers(max(5, min_session), 1440)),
            mock_days=draw(st.integers(0, 7)),
            recall_target=draw(st.floats(0.51, 0.99)),
            drill_size=draw(st.integers(1, 100)),
        ),
        syllabi=tuple(draw(st.lists(texts, max_size=3))),
        holidays=draw(st.none() | st.sampled_from(["US", "US-CA", "DE-BY"])),
    )


@given(plans())
def test_a_plan_reads_back_as_written_by_the_fast_path_and_by_pydantic(plan: Plan) -> None:
    text = plan_to_json(plan)
    assert plan_from_json(text) == plan
    data = json.loads(text)
    assert plan_json._as_written(data) == plan
    assert plan_json._adapter().validate_python(data) == plan
    assert list(data) == [f.name for f in dataclasses.fields(Plan)]


def test_the_json_keeps_the_documented_shape() -> None:
    plan = Plan(
        interviews=(Interview(name="Café", date=dt.date(2027, 1, 5), rounds=("ml-theory",)),),
        days_off=(DayOff(start=dt.date(2026, 12, 24), end=dt.date(2026, 12, 26)),),
        start=dt.date(2026, 12, 1),
    )
    assert json.loads(plan_to_json(plan)) == {
        "interviews": [{"name": "Café", "date": "2027-01-05", "rounds": ["ml-theory"]}],
        "weekday_minutes": [90, 90, 90, 90, 90, 240, 0],
        "days_off": [{"start": "2026-12-24", "end": "2026-12-26"}],
        "start": "2026-12-01",
        "options": {
            "min_session": 25,
            "max_session": 90,
            "mock_days": 1,
            "recall_target": 0.9,
            "drill_size": 10,
        },
        "syllabi": [],
        "holidays": None,
    }
    assert "Café" in plan_to_json(plan)
    with_holiday = dataclasses.replace(
        plan,
        days_off=(DayOff(start=dt.date(2026, 12, 25), end=dt.date(2026, 12, 25), name="Xmas"),),
        holidays="US",
    )
    data = json.loads(plan_to_json(with_holiday))
    assert data["days_off"] == [{"start": "2026-12-25", "end": "2026-12-25", "name": "Xmas"}]
    assert data["holidays"] == "US"


def test_a_plan_written_by_hand_is_read_leniently_by_pydantic() -> None:
    data = {"weekday_minutes": ["60", 60, 60, 60, 60, 120.0, 0], "start": "2026-12-01"}
    plan = plan_from_data(data)
    assert plan.weekday_minutes == (60, 60, 60, 60, 60, 120, 0)
    assert plan.start == dt.date(2026, 12, 1)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], "Input should be"),
        ({"colour": "red"}, "colour: Unexpected keyword argument"),
        ({"weekday_minutes": [1, 2]}, "weekday_minutes.2: missing"),
        ({"weekday_minutes": [90] * 6 + [5000]}, "minutes on sun must be within 0..1440"),
        ({"start": "next week"}, "start: Input should be a valid date"),
        ({"interviews": [{"name": "A", "date": "2027-01-01", "rounds": []}]}, "at least one"),
        ({"interviews": [{"name": "A", "date": "2027-01-01"}]}, "interviews.0.rounds: missing"),
        ({"days_off": [{"start": "2027-01-02", "end": "2027-01-01"}]}, "end before it starts"),
        ({"options": {"min_session": 60, "max_session": 30}}, "at least min_session"),
        ({"options": {"drill_size": True, "speed": 2}}, "options.speed"),
    ],
)
def test_a_bad_plan_is_one_line_naming_the_first_problem(data: Any, message: str) -> None:
    with pytest.raises(PlanError, match=message) as err:
        plan_from_data(data)
    assert "\n" not in str(err.value)


def test_text_that_is_not_json_is_a_plan_error() -> None:
    with pytest.raises(PlanError, match="not JSON"):
        plan_from_json("{plan")


def test_a_hand_damaged_plan_in_the_store_is_a_one_line_error_and_stays(data_dir: Path) -> None:
    with Store.open(data_dir) as store:
        store.save_plan(Plan())
        path = store.path
    damaged = '{"weekday_minutes":[90,90,90,90,90,90,9000]}'
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE plan SET json = ? WHERE id = 1", (damaged,))
    with (
        Store.open(data_dir) as store,
        pytest.raises(StoreError, match="stored plan is not valid: .*minutes on sun"),
    ):
        store.load_plan()
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT json FROM plan").fetchone()[0] == damaged


# ------------------------------------------------------------------ syllabus models


@pytest.mark.parametrize("model", list(SCHEMAS), ids=lambda m: m.__name__)
def test_each_plain_syllabus_model_has_its_schemas_fields_in_order_with_its_defaults(
    model: type[Any],
) -> None:
    schema = SCHEMAS[model]
    plain = {f.name: f for f in dataclasses.fields(model)}
    assert list(plain) == list(schema.model_fields)
    for name, info in schema.model_fields.items():
        default = plain[name].default
        if info.is_required():
            assert default is dataclasses.MISSING, name
        else:
            assert default == info.default, name


@pytest.mark.parametrize(
    "command", [["today"], ["plan"], ["plan", "--json"], ["status"], ["syllabus", "list"]]
)
def test_every_command_on_a_damaged_stored_plan_is_one_line_and_exit_1(
    data_dir: Path, command: list[str]
) -> None:
    with Store.open(data_dir) as store:
        store.save_plan(
            Plan(interviews=(Interview(name="A", date=dt.date(2027, 1, 5), rounds=("ml-theory",)),))
        )
        path = store.path
    damaged = '{"weekday_minutes":[90,90,90,90,90,90,9000]}'
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE plan SET json = ? WHERE id = 1", (damaged,))
    done = subprocess.run(
        [sys.executable, "-m", "planner", "--data-dir", str(data_dir), *command],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        "planner: the stored plan is not valid: minutes on sun must be within 0..1440, got 9000"
        " ('planner init' replaces it)"
    ]
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT json FROM plan").fetchone()[0] == damaged


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"start": "2026-W01-1"}, "start: Input should be a valid date"),
        ({"start": "20260101ab"}, "start: Input should be a valid date"),
        ({"start": "2026-12-01 "}, "start: Input should be a valid date"),
        (
            {"interviews": [{"name": "\ud800", "date": "2027-01-01", "rounds": ["r"]}]},
            "interviews.0: an interview name must be text",
        ),
    ],
)
def test_what_only_looks_like_a_plan_as_written_goes_to_pydantic(data: Any, message: str) -> None:
    with pytest.raises(PlanError, match=message):
        plan_from_data(data)


def test_a_plan_nested_too_deeply_is_a_plan_error() -> None:
    with pytest.raises(PlanError):
        plan_from_json("[" * 100_000 + "]" * 100_000)
