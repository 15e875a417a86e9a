"""Undo: every kind of action is reversed exactly, and repeated undo walks back."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.core.progress import Attempt, MockRound
from planner.store.store import Store
from tests.store_actions import ACTIONS, plan

DAY = dt.date(2026, 11, 25)
AT = dt.datetime(2026, 11, 25, 21, 0)

Action = Callable[[Store], None]


def state(store: Store) -> dict[str, Any]:
    """What a person sees: everything but the history itself."""
    exported = store.export_state()
    del exported["events"]
    return exported


EVERY_KIND: list[tuple[str, Action]] = [
    ("plan", lambda s: s.save_plan(plan(60))),
    ("done", lambda s: s.record_done("a", DAY, 30)),
    ("minutes", lambda s: s.add_minutes("b", 15, DAY)),
    ("minutes", lambda s: s.add_minutes("b", -5, DAY)),
    ("undone", lambda s: s.record_undone("a", DAY)),
    ("skip", lambda s: s.set_skipped("c", True, DAY)),
    ("drop", lambda s: s.skip_all(["a", "c", "d"], DAY)),  # c is skipped already
    ("push", lambda s: s.push("b", DAY + dt.timedelta(days=1))),
    ("pin", lambda s: s.pin("b", DAY + dt.timedelta(days=4))),
    ("unpin", lambda s: s.pin("b", None)),
    ("note", lambda s: s.save_note("a", "first")),
    ("note", lambda s: s.save_note("a", "second")),
    ("review", lambda s: s.record_review("q1", "hard", AT, 4)),
    ("attempt", lambda s: s.record_attempt(Attempt("kata", "solved", 30, AT, "clean"))),
    ("mock", lambda s: s.record_mock(MockRound("design", {"clarify": 2}, 45, AT))),
    ("plan", lambda s: s.save_plan(plan(120))),
    ("done", lambda s: s.record_done("a", DAY + dt.timedelta(days=1), 10)),
]


def test_each_kind_of_action_is_undone_step_by_step(data_dir: Path) -> None:
    with Store.open(data_dir) as store:
        snapshots = []
        for action, apply in EVERY_KIND:
            snapshots.append(state(store))
            apply(store)
            assert store.events()[-1].action == action
        for (action, _apply), before in zip(reversed(EVERY_KIND), reversed(snapshots), strict=True):
            undone = store.undo()
            assert undone is not None
            assert undone.action == action and undone.undone
            assert state(store) == before
        assert store.undo() is None
        assert state(store) == snapshots[0]


def test_undo_is_logged_and_marks_the_event(data_dir: Path) -> None:
    with Store.open(data_dir) as store:
        store.record_done("a", DAY, 30)
        store.record_done("b", DAY, 20)
        undone = store.undo()
        assert undone is not None and undone.payload["id"] == "b"
        events = store.events()
        assert [(e.action, e.undone) for e in events] == [
            ("done", False),
            ("done", True),
            ("undo", False),
        ]
        assert events[-1].payload["of"] == events[1].seq
        assert "done b" in events[-1].describe()
        # the next undo walks back past the undo entry to the first tick
        again = store.undo()
        assert again is not None and again.payload["id"] == "a"
        assert store.load_progress().items == {}
        assert store.load_progress().work == ()
        assert store.undo() is None


def test_undone_work_leaves_the_work_log(data_dir: Path) -> None:
    with Store.open(data_dir) as store:
        store.add_minutes("a", 30, DAY)
        store.add_minutes("a", 20, DAY)
        store.undo()
        assert [w.minutes for w in store.load_progress().work] == [30]


def test_undo_survives_reopening(data_dir: Path) -> None:
    with Store.open(data_dir) as store:
        store.save_note("a", "kept")
        store.save_note("a", "changed")
    with Store.open(data_dir) as store:
        store.undo()
        assert store.note("a") == "kept"


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.tuples(st.integers(0, len(ACTIONS) - 1), st.integers(0, 1000)), min_size=1, max_size=25
    ),
    st.data(),
)
def test_undoing_any_sequence_restores_each_earlier_state(
    tmp_path_factory: Any, steps: list[tuple[int, int]], data: st.DataObject
) -> None:
    folder: Path = tmp_path_factory.mktemp("undo")
    with Store.open(folder) as store:
        # states after each event-producing step (no-op writes add no event)
        history = [state(store)]
        for index, n in steps:
            count = len(store.events())
            ACTIONS[index](store, n)
            if len(store.events()) > count:
                history.append(state(store))
            else:
                assert state(store) == history[-1]
        undos = data.draw(st.integers(0, len(history) - 1))
        for back in range(1, undos + 1):
            assert store.undo() is not None
            assert state(store) == history[-1 - back]
