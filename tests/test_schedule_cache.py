"""The kept schedule: the app opens on the schedule of its last run when nothing changed, and
never on a stale one."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path

import pytest

from planner.caches import schedule as kept_schedule
from planner.caches.syllabus import load_syllabus_cached
from planner.core.schedule import codec as schedule_codec
from planner.core.schedule import scheduler
from planner.core.syllabus.model import Syllabus
from planner.paths import bundled_syllabus
from planner.store.store import Store
from planner.workspace import Workspace
from tests.tui_support import TODAY, bundled


@pytest.fixture
def syllabus(tmp_path: Path) -> Syllabus:
    loaded = load_syllabus_cached([bundled_syllabus()], tmp_path / "syllabi")
    assert loaded.digest
    return loaded


@pytest.fixture
def kept(tmp_path: Path, data_dir: Path) -> Path:
    return kept_schedule.cache_file(tmp_path / "cache", data_dir)


def computed(store: Store, today: dt.date = TODAY) -> Workspace:
    """A workspace that computes everything (no cache), for comparison."""
    return Workspace(bundled(), store, today)


def no_scheduling(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("scheduled although the kept schedule was current")

    monkeypatch.setattr(scheduler, "schedule", refuse)
    monkeypatch.setattr(scheduler, "draft_schedule", refuse)
    monkeypatch.setattr(scheduler, "draft", refuse)


def test_a_second_start_uses_the_kept_schedule_and_reviews(
    store: Store, syllabus: Syllabus, kept: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = Workspace(syllabus, store, TODAY, schedule_cache=kept)
    expected = computed(store)
    assert first.schedule == expected.schedule
    assert kept_schedule.day_file(kept, TODAY).exists()
    no_scheduling(monkeypatch)
    second = Workspace(syllabus, store, TODAY, schedule_cache=kept)
    assert second.schedule == expected.schedule
    assert list(second.planned_reviews()) == list(expected.planned_reviews())


def test_an_action_since_gives_a_fresh_schedule(
    store: Store, syllabus: Syllabus, kept: Path
) -> None:
    first = Workspace(syllabus, store, TODAY, schedule_cache=kept)
    item_id = first.schedule.days[0].sessions[0].id
    Workspace(bundled(), store, TODAY).tick(item_id)  # another window, no cache
    again = Workspace(syllabus, store, TODAY, schedule_cache=kept)
    assert again.schedule == computed(store).schedule
    assert item_id not in [s.id for s in again.schedule.days[0].sessions]


def test_another_day_or_plan_gives_a_fresh_schedule(
    store: Store, syllabus: Syllabus, kept: Path
) -> None:
    Workspace(syllabus, store, TODAY, schedule_cache=kept).schedule  # noqa: B018
    tomorrow = TODAY + dt.timedelta(days=1)
    later = Workspace(syllabus, store, tomorrow, schedule_cache=kept)
    assert later.schedule == computed(store, tomorrow).schedule
    ws = Workspace(syllabus, store, tomorrow, schedule_cache=kept)
    plan = ws.plan
    assert plan is not None
    ws.save_plan(replace(plan, weekday_minutes=(30,) * 7))
    fresh = Workspace(syllabus, store, tomorrow, schedule_cache=kept)
    assert fresh.schedule == computed(store, tomorrow).schedule
    assert all(d.capacity in (0, 30) for d in fresh.schedule.days)


@pytest.mark.parametrize(
    "content", [b"", b"not json", b"{}", b"[1]", b"\xff", b'{"format": 1, "key": 3}']
)
def test_an_unreadable_kept_schedule_is_ignored(
    store: Store, syllabus: Syllabus, kept: Path, content: bytes
) -> None:
    kept.parent.mkdir(parents=True)
    kept_schedule.day_file(kept, TODAY).write_bytes(content)
    ws = Workspace(syllabus, store, TODAY, schedule_cache=kept)
    assert ws.schedule == computed(store).schedule


def test_a_syllabus_not_read_from_files_is_never_kept(store: Store, kept: Path) -> None:
    ws = Workspace(bundled(), store, TODAY, schedule_cache=kept)
    assert ws.schedule == computed(store).schedule
    assert not kept_schedule.day_file(kept, TODAY).exists()


def test_each_data_folder_keeps_its_own(tmp_path: Path) -> None:
    one = kept_schedule.cache_file(tmp_path, tmp_path / "a")
    other = kept_schedule.cache_file(tmp_path, tmp_path / "b")
    assert one != other and one.parent == other.parent == tmp_path


def test_the_kept_form_reads_back_equal_even_when_infeasible(store: Store) -> None:
    ws = Workspace(bundled(), store, TODAY)
    plan = ws.plan
    assert plan is not None
    ws.save_plan(replace(plan, weekday_minutes=(10, 0, 0, 0, 0, 0, 0)))
    schedule, reviews = ws.schedule, list(ws.planned_reviews())
    assert not schedule.feasible and schedule.late
    assert any(r.late and not r.feasible for r in schedule.interviews)
    text = json.dumps(schedule_codec.to_data(reviews, schedule))
    assert schedule_codec.from_data(json.loads(text)) == (reviews, schedule)


def test_a_kept_schedule_with_the_right_key_but_damaged_is_ignored(
    store: Store, syllabus: Syllabus, kept: Path
) -> None:
    Workspace(syllabus, store, TODAY, schedule_cache=kept).schedule  # noqa: B018
    document = json.loads(kept_schedule.day_file(kept, TODAY).read_text())
    document["schedule"]["days"][0][2][0][2] = "ninety"  # minutes of a session
    kept_schedule.day_file(kept, TODAY).write_text(json.dumps(document))
    ws = Workspace(syllabus, store, TODAY, schedule_cache=kept)
    assert ws.schedule == computed(store).schedule


def test_the_first_days_only_computed_or_kept_hold_the_same_days_and_whole_reports(
    store: Store, syllabus: Syllabus, kept: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan, progress = store.load_plan(), store.load_progress()
    assert plan is not None
    everything = computed(store)
    whole, reviews = everything.schedule, list(everything.planned_reviews())

    def first(n: int) -> kept_schedule.Computed:
        return kept_schedule.kept_or_computed(
            kept, syllabus, plan, progress, TODAY, fixes=False, first_days=n
        )

    _, made = first(2)  # computed, and the whole schedule kept
    assert made.days == whole.days[:2] and made.interviews == whole.interviews
    assert made.late == whole.late and made.today == whole.today
    no_scheduling(monkeypatch)
    for n in (1, 3):
        _, read = first(n)
        assert read.days == whole.days[:n]
        assert (read.interviews, read.late, read.not_needed) == (
            whole.interviews,
            whole.late,
            whole.not_needed,
        )
    assert kept_schedule.kept(kept, syllabus, plan, progress, TODAY) == (reviews, whole)
    with pytest.raises(ValueError):
        kept_schedule.kept_or_computed(
            kept, syllabus, plan, progress, TODAY, fixes=True, first_days=1
        )
