"""Store-level export/import: lossless for any history, validated, all or nothing."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.core.progress import Attempt, MockRound
from planner.store.errors import StoreError
from planner.store.store import Store
from tests.store_actions import ACTIONS

DAY = dt.date(2026, 11, 25)
AT = dt.datetime(2026, 11, 25, 21, 0)


def as_text(state: dict[str, Any]) -> str:
    return json.dumps(state, sort_keys=True, ensure_ascii=False)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    steps=st.lists(st.tuples(st.integers(0, len(ACTIONS) - 1), st.integers(0, 1000)), max_size=20),
    undos=st.integers(0, 5),
)
def test_any_history_round_trips(
    tmp_path_factory: pytest.TempPathFactory, steps: list[tuple[int, int]], undos: int
) -> None:
    first, second = tmp_path_factory.mktemp("a"), tmp_path_factory.mktemp("b")
    with Store.open(first) as one, Store.open(second) as two:
        for index, n in steps:
            ACTIONS[index](one, n)
        for _ in range(undos):
            one.undo()
        exported = one.export_state()
        two.import_state(json.loads(json.dumps(exported)))
        assert as_text(two.export_state()) == as_text(exported)
        assert two.load_progress() == one.load_progress()
        assert two.notes() == one.notes()


def test_import_then_keep_working(data_dir: Path, tmp_path: Path) -> None:
    with Store.open(tmp_path / "source") as source:
        source.record_done("a", DAY, 10)
        source.record_attempt(Attempt("kata", "solved", 20, AT))
        source.record_mock(MockRound("design", {"clarify": 1}, 45, AT))
        state = source.export_state()
    with Store.open(data_dir) as store:
        store.record_done("old", DAY, 5)
        store.import_state(state)
        assert set(store.load_progress().items) == {"a"}
        store.record_done("b", DAY, 5)
        seqs = [e.seq for e in store.events()]
        assert seqs == sorted(seqs) and len(set(seqs)) == len(seqs)
        # what was done since is undone first, then the import itself: the state before it
        assert store.undo() is not None  # b
        undone = store.undo()
        assert undone is not None and undone.action == "import"
        assert set(store.load_progress().items) == {"old"}
        assert [e.action for e in store.events()] == ["done"]


def test_bad_import_leaves_the_store_as_it_was(data_dir: Path) -> None:
    with Store.open(data_dir) as store:
        store.record_done("a", DAY, 10)
        state = store.export_state()
        before = as_text(state)
        broken = json.loads(before)
        broken["reviews"] = [
            {"id": 1, "practice_id": "q", "rating": "meh", "at": "x", "minutes": 1}
        ]
        with pytest.raises(StoreError) as err:
            store.import_state(broken)
        assert str(err.value).startswith("bad state file: reviews.0.rating: Input should be")
        assert "\n" not in str(err.value)
        with pytest.raises(StoreError, match="expected a JSON object"):
            store.import_state([])  # type: ignore[arg-type]
        assert as_text(store.export_state()) == before


def test_export_has_format_and_version(data_dir: Path) -> None:
    with Store.open(data_dir) as store:
        state = store.export_state()
    assert state["format"] == "planner-state"
    assert state["version"] == 1
    assert set(state) == {
        "format",
        "version",
        "plan",
        "progress",
        "marks",
        "notes",
        "reviews",
        "attempts",
        "mocks",
        "events",
        "settings",
    }


BAD_PAYLOADS = [
    ("plan", {"plan": "x", "before": None}, "plan", '"x"'),
    ("done", {"id": "a", "on": "2026-11-25", "minutes": "10", "before": None}, "minutes", '"10"'),
    ("review", {"practice_id": "q", "rating": "good", "at": "x", "row": True}, "row", "true"),
    ("note", {"id": "a", "text": "t", "before": []}, "before", "[]"),
]


@pytest.mark.parametrize(("action", "payload", "key", "shown"), BAD_PAYLOADS)
def test_import_refuses_event_payloads_of_the_wrong_type(
    data_dir: Path, action: str, payload: dict[str, Any], key: str, shown: str
) -> None:
    with Store.open(data_dir) as store:
        store.record_done("a", DAY, 10)
        before = as_text(store.export_state())
        broken = json.loads(before)
        broken["events"].append(
            {
                "seq": 99,
                "at": "2026-11-25T10:00:00+00:00",
                "action": action,
                "payload": payload,
                "undone": False,
            }
        )
        with pytest.raises(StoreError) as err:
            store.import_state(broken)
        assert str(err.value) == (
            f"bad state file: events.1.payload.{key}: a {action!r} event's {key!r} "
            f"cannot be {shown}"
        )
        assert as_text(store.export_state()) == before


def test_undo_and_history_survive_a_malformed_event_in_the_database(data_dir: Path) -> None:
    """A record the store did not write (hand-edited database) is described by its action,
    never a traceback, and undo still puts back the state it recorded."""
    import sqlite3

    from planner.paths import database_path

    with Store.open(data_dir) as store:
        store.record_done("a", DAY, 10)
    conn = sqlite3.connect(database_path(data_dir), isolation_level=None)
    conn.execute(
        "INSERT INTO events (at, action, payload) VALUES (?, 'plan', ?)",
        ("2026-11-25T10:00:00+00:00", json.dumps({"plan": "x", "before": None})),
    )
    conn.close()
    with Store.open(data_dir) as store:
        assert [e.describe() for e in store.events()] == ["done a (10 min on 2026-11-25)", "plan"]
        undone = store.undo()
        assert undone is not None and undone.action == "plan"
        assert store.events()[-1].describe() == "undo of #2 (plan)"
        assert store.load_plan() is None
        assert store.load_progress().of("a").done


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        (
            {"ids": ["a"], "on": "2026-11-25", "before": None},
            "events.1.payload: a 'drop' event needs ids and their 'before'",
        ),
        (
            {"ids": [1], "on": "2026-11-25", "before": {}},
            "events.1.payload: a 'drop' event needs ids and their 'before'",
        ),
        (
            {"ids": ["a", "b"], "on": "2026-11-25", "before": {"a": None}},
            "events.1.payload.before: one progress row (or null) per id",
        ),
    ],
)
def test_import_refuses_a_drop_that_could_not_be_undone(
    data_dir: Path, payload: dict[str, Any], message: str
) -> None:
    with Store.open(data_dir) as store:
        store.record_done("a", DAY, 10)
        before = as_text(store.export_state())
        broken = json.loads(before)
        event = {"seq": 99, "at": "2026-11-25T10:00:00+00:00", "action": "drop"}
        broken["events"].append({**event, "payload": payload, "undone": False})
        with pytest.raises(StoreError) as err:
            store.import_state(broken)
        assert str(err.value) == f"bad state file: {message}"
        assert as_text(store.export_state()) == before
