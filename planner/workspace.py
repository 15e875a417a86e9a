"""The one place the UI gets its state and performs its actions.

Every action is one store transaction; afterwards the plan and progress are read back from
the store (so what another window wrote is never lost) and the schedule is recomputed on
first use. No Textual here: the TUI, and anything else interactive, sits on top of this.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from planner.core.plan import Plan
from planner.core.progress import Attempt, MockRound, Outcome, Progress, Rating
from planner.core.schedule.types import PlannedReview, Schedule
from planner.core.syllabus.model import Syllabus

if TYPE_CHECKING:
    from planner.caches.schedule import Computed
    from planner.core.practice.readiness import Readiness
    from planner.core.schedule.scheduler import Draft
    from planner.store.store import Event, Store

THEME_SETTING = "theme"


class Workspace:
    """Syllabus + store + today: derived state, cached until the next action."""

    def __init__(
        self,
        syllabus: Syllabus,
        store: Store,
        today: dt.date,
        *,
        clock: Callable[[], dt.datetime] | None = None,
        schedule_cache: Path | None = None,
    ) -> None:
        """`schedule_cache`: a file where the latest schedule is kept for the next start
        (see `planner.caches.schedule`); None computes it every time."""
        self.syllabus = syllabus
        self.schedule_cache = schedule_cache
        self.store = store
        self.today = today
        self.clock: Callable[[], dt.datetime] = clock or dt.datetime.now
        self.version = 0
        """Bumped after every action: views compare it to know they are stale."""
        self._plan: Plan | None = None
        self._plan_loaded = False
        self._progress: Progress | None = None
        self._schedule: Schedule | None = None
        self._previous: Schedule | None = None
        """The schedule before the last action, until the new one is at hand."""
        self._earlier_day = False
        """`_previous` is the schedule kept on an earlier day (see `look_for_kept`)."""
        self._looked_for_kept = False
        self._sketch: Draft | None = None
        """The first pass of the current state's schedule, made to be shown (`sketch`);
        forgotten with the state (`reload`)."""
        self._replan_of = -1
        """The version a replan was handed out for (`replan`)."""
        self._prepared_of = -1
        """The version tomorrow's schedule was handed out for (`next_day_preparation`)."""
        self._reviews: tuple[int, list[PlannedReview]] | None = None
        self._readiness: tuple[int, Readiness] | None = None
        self._fix_search_of = -1
        """The version a search for fixes was handed out for (one search per version)."""
        self._data_version = store.data_version()

    # --- state -------------------------------------------------------------------------

    @property
    def plan(self) -> Plan | None:
        if not self._plan_loaded:
            self._plan = self.store.load_plan()
            self._plan_loaded = True
        return self._plan

    @property
    def progress(self) -> Progress:
        if self._progress is None:
            self._progress = self.store.load_progress()
        return self._progress

    @property
    def schedule(self) -> Schedule:
        """The schedule of the current state, without the search for fixes (see
        `fix_search`): kept from an earlier run with these very inputs, else computed (and
        kept for the next start)."""
        if self._schedule is None:
            # made here while a replan for this state runs in the background: a new version,
            # so that the view drawn from the provisional schedule redraws
            pending = self._replan_of == self.version
            self.adopt_schedule(self.version, self._computation()(), redraw=pending)
        assert self._schedule is not None
        return self._schedule

    @property
    def schedule_ready(self) -> bool:
        """The schedule of the current state is at hand (reading `schedule` costs nothing)."""
        return self._schedule is not None

    @property
    def shown_schedule(self) -> Schedule | None:
        """The schedule of the current state when it is at hand, else the one before the
        last action (None at the start): what a view may show while `replan` runs."""
        return self._schedule if self._schedule is not None else self._previous

    @property
    def showing_an_earlier_day(self) -> bool:
        """What may be shown until the schedule is made is the one kept on an earlier day."""
        return self._earlier_day and self._schedule is None

    def look_for_kept(self) -> None:
        """At the start, before anything is computed: take today's kept schedule when these
        very inputs have one (it is at hand then); else remember the one kept on the latest
        earlier day (as `shown_schedule`, from today on), for a view to show while today's
        is made. Reads files only, once."""
        if self._looked_for_kept or self._schedule is not None or self.schedule_cache is None:
            return
        self._looked_for_kept = True
        from dataclasses import replace

        from planner.caches.schedule import kept, latest_before

        base, plan = self.schedule_cache, self.plan or Plan()
        found = kept(base, self.syllabus, plan, self.progress, self.today)
        if found is not None:
            self.adopt_schedule(self.version, found, redraw=False)
            return
        earlier = latest_before(base, self.today)
        if earlier is not None and self._previous is None:
            days = tuple(d for d in earlier.days if d.date >= self.today)
            self._previous = replace(earlier, days=days)
            self._earlier_day = True

    def sketch(self) -> None:
        """When there is nothing to show while the schedule is made (nothing kept, no
        action before): make its first pass, the placement before reviews are planned
        around it (about half the work), and remember it as what a view may show meanwhile
        (`shown_schedule`). The whole schedule, when it is made, starts from it."""
        if self._schedule is not None or self._previous is not None:
            return
        from planner.core.schedule.scheduler import draft

        first = draft(self.syllabus, self.plan or Plan(), self.progress, self.today)
        self._sketch = first
        self._previous = first.schedule()

    def replan(self) -> tuple[int, Callable[[], Computed]] | None:
        """While the schedule of the current state is still to be made: the version it is
        for and its computation, as a call that needs nothing of the workspace (it may run
        in a worker thread); its result goes to `adopt_schedule`. None when it is at hand."""
        if self._schedule is not None:
            return None
        self._replan_of = self.version
        return self.version, self._computation()

    def adopt_schedule(self, version: int, computed: Computed, *, redraw: bool = True) -> bool:
        """Take the reviews and schedule computed for `version` (from `replan`), unless an
        action came since or it is at hand already. With `redraw`, a new version (views
        redraw). Returns whether it was taken."""
        if version != self.version or self._schedule is not None:
            return False
        if redraw:
            self.version += 1
        self._reviews, self._schedule = (self.version, computed[0]), computed[1]
        self._previous = None
        self._sketch = None
        self._earlier_day = False
        return True

    def _computation(self) -> Callable[[], Computed]:
        """The reviews and schedule of the current state (kept or computed, and kept), as a
        call on a snapshot of the inputs."""
        from planner.caches.schedule import kept_or_computed

        inputs = (self.syllabus, self.plan or Plan(), self.progress, self.today)
        base = self.schedule_cache
        first = self._sketch

        return lambda: kept_or_computed(base, *inputs, fixes=False, first=first)

    def next_day_preparation(self) -> Callable[[], object] | None:
        """Tomorrow's schedule of the current state, computed and kept so that the first
        start tomorrow finds it when nothing changes before then, as a call that needs
        nothing of the workspace (for a worker thread, while the app is idle); None when
        nothing is kept or it was handed out for this version already."""
        if self.schedule_cache is None or self._prepared_of == self.version:
            return None
        self._prepared_of = self.version
        from planner.caches.schedule import kept_or_computed

        base = self.schedule_cache
        inputs = (self.syllabus, self.plan or Plan(), self.progress)
        tomorrow = self.today + dt.timedelta(days=1)
        return lambda: kept_or_computed(base, *inputs, tomorrow, fixes=False)

    def fix_search(self) -> Callable[[], Schedule] | None:
        """The search for the fixes of interviews that do not fit, as a call that needs
        nothing of the workspace (it may run in a worker thread), or None when the schedule
        has them already. Its result goes to `adopt_fixes`."""
        schedule = self.schedule
        if self._fix_search_of == self.version or all(
            r.fixes_searched for r in schedule.interviews
        ):
            return None
        self._fix_search_of = self.version
        from planner.core.planning import with_fixes

        syllabus, plan, progress, today = (
            self.syllabus,
            self.plan or Plan(),
            self.progress,
            self.today,
        )
        reviews = list(self.planned_reviews())
        return lambda: with_fixes(syllabus, plan, progress, today, reviews, schedule)

    def adopt_fixes(self, version: int, schedule: Schedule) -> bool:
        """Take the schedule with fixes computed at `version` (from `fix_search`), unless an
        action came since; kept for the next start too. A new version (views redraw), with
        the same reviews. Returns whether it was taken."""
        if version != self.version or self._schedule is None:
            return False
        self._schedule = schedule
        self._keep(schedule)
        self.version += 1
        if self._reviews is not None and self._reviews[0] == version:
            self._reviews = (self.version, self._reviews[1])
        return True

    def _keep(self, schedule: Schedule) -> None:
        """Keep `schedule` (of the current inputs) for the next start."""
        if self.schedule_cache is None:
            return
        from planner.caches import schedule as kept_schedule

        plan = self.plan or Plan()
        key = kept_schedule.schedule_key(self.syllabus, plan, self.progress, self.today)
        if key is not None:
            computed = (list(self.planned_reviews()), schedule)
            kept_schedule.save(self.schedule_cache, self.today, key, computed)

    def planned_reviews(self) -> Sequence[PlannedReview]:
        """Spaced-repetition reviews to reserve time for: planned from a first scheduling
        pass (see `planner.core.practice.review.review_plan`), cached until the next action."""
        if self._reviews is None or self._reviews[0] != self.version:
            from planner.core.practice.review import review_plan

            reviews = review_plan(self.syllabus, self.plan or Plan(), self.progress, self.today)
            self._reviews = (self.version, reviews)
        return self._reviews[1]

    def refresh_if_changed(self) -> bool:
        """Reload when another window or a `planner` command changed the store since we last
        looked (cheap: one pragma). Every action calls it first, so it decides on fresh state;
        the app calls it on a timer, so what another window did shows here too."""
        version = self.store.data_version()
        if version == self._data_version:
            return False
        self._data_version = version
        self.reload()
        return True

    def reload(self) -> None:
        """Forget everything derived: the next read comes from the store."""
        self._plan_loaded = False
        self._plan = None
        self._progress = None
        self._sketch = None
        if self._schedule is not None:
            self._previous = self._schedule
        self._schedule = None
        self.version += 1

    # --- actions (each one store transaction, then reload) -----------------------------

    def tick(self, item_id: str) -> bool:
        """Mark a study item done with its remaining minutes, or undo the mark when it is
        done already. Returns whether it is done now."""
        item = self.syllabus.item(item_id)
        if item is None:
            raise KeyError(item_id)
        self.refresh_if_changed()
        if self.progress.of(item_id).done:
            self.store.record_undone(item_id, self.today)
            done = False
        else:
            minutes = self.progress.remaining(item_id, item.minutes)
            self.store.record_done(item_id, self.today, minutes)
            done = True
        self.reload()
        return done

    def add_minutes(self, item_id: str, minutes: int) -> int:
        """Record (or, negative, take back) minutes of today's work on an item. Never takes
        back more than was recorded today; minutes that reach the item's estimate tick it
        done (one action). Returns the minutes actually recorded."""
        item = self.syllabus.item(item_id)
        if item is None:
            raise KeyError(item_id)
        self.refresh_if_changed()
        if minutes < 0:
            today_minutes = sum(
                w.minutes for w in self.progress.work if w.id == item_id and w.on == self.today
            )
            minutes = -min(-minutes, max(0, today_minutes))
        if minutes == 0:
            return 0
        state = self.progress.of(item_id)
        if minutes > 0 and not state.done and state.minutes_spent + minutes >= item.minutes:
            self.store.record_done(item_id, self.today, minutes)
        else:
            self.store.add_minutes(item_id, minutes, self.today)
        self.reload()
        return minutes

    def push_tomorrow(self, any_id: str) -> dt.date:
        to = self.today + dt.timedelta(days=1)
        self.push(any_id, to)
        return to

    def set_skipped(self, item_id: str, skipped: bool) -> None:
        """Skip a study item (not scheduled, not counted as required), or take it back."""
        if self.syllabus.item(item_id) is None:
            raise KeyError(item_id)
        self.store.set_skipped(item_id, skipped, self.today)
        self.reload()

    def pin(self, any_id: str, on: dt.date | None) -> None:
        """Pin a study or practice item to a date; None takes the pin away."""
        self.store.pin(any_id, on)
        self.reload()

    def push(self, any_id: str, to: dt.date) -> None:
        """Not before `to`."""
        self.store.push(any_id, to)
        self.reload()

    def drop(self, item_ids: Sequence[str]) -> int:
        """Skip several study items as one action (a drop fix). Returns how many."""
        unknown = [i for i in item_ids if self.syllabus.item(i) is None]
        if unknown:
            raise KeyError(unknown[0])
        count = self.store.skip_all(item_ids, self.today)
        self.reload()
        return count

    def note(self, item_id: str) -> str:
        return self.store.note(item_id)

    def save_note(self, item_id: str, text: str) -> None:
        """Save a note; nothing is written when it is unchanged (no reload: notes do not
        change the schedule)."""
        self.store.save_note(item_id, text)

    def save_plan(self, plan: Plan) -> None:
        self.store.save_plan(plan)
        self.reload()

    def undo(self) -> Event | None:
        event = self.store.undo()
        self.reload()
        return event

    def history(self, any_id: str, limit: int = 200) -> list[Event]:
        """Events about one item or practice item, newest first."""
        return [e for e in reversed(self.store.events()) if any_id in _ids_of(e.payload)][:limit]

    # --- practice: reviews, drills, coding attempts, mock rounds ---------------------

    @property
    def readiness(self) -> Readiness:
        """Readiness per round and interview, cached until the next action."""
        if self._readiness is None or self._readiness[0] != self.version:
            from planner.core.practice.readiness import readiness

            figures = readiness(
                self.syllabus, self.plan or Plan(), self.progress, self.schedule, self.today
            )
            self._readiness = (self.version, figures)
        return self._readiness[1]

    def practice_time(self) -> dt.datetime:
        """When a practice happens: today's date at the clock's time of day, stored as UTC
        (reviews count in whole days; the date must be the one the person calls today, as
        in `planner review`)."""
        now = self.clock()
        if now.tzinfo is not None:
            now = now.astimezone(dt.UTC)
        return dt.datetime.combine(self.today, now.time(), tzinfo=dt.UTC)

    def record_review(
        self,
        practice_id: str,
        rating: Rating,
        minutes: int | None = None,
        kind: Literal["review", "drill"] = "review",
    ) -> None:
        """Store one review (drill ratings are reviews too, their minutes labelled `kind`
        "drill"): `minutes` it took, by default the usual time of a review of its kind."""
        from planner.core.practice.review import REVIEW_MINUTES

        practice = self.syllabus.practice_item(practice_id)
        if practice is None:
            raise KeyError(practice_id)
        at = self.practice_time()
        spent = REVIEW_MINUTES[practice.kind] if minutes is None else max(0, minutes)
        self.store.record_review(practice_id, rating, at, spent, kind)
        self.reload()

    @property
    def katas_folder(self) -> Path:
        """Where the app writes kata starters: katas/ in the data folder."""
        from planner.katas.files import default_folder

        return default_folder(self.store.path.parent)

    def record_attempt(self, practice_id: str, outcome: Outcome, minutes: int, notes: str) -> None:
        """Store a timed coding attempt (not cleanly solved: it joins the re-practice queue)."""
        if self.syllabus.practice_item(practice_id) is None:
            raise KeyError(practice_id)
        at = self.practice_time()
        self.store.record_attempt(Attempt(practice_id, outcome, max(0, minutes), at, notes))
        self.reload()

    def record_mock(
        self, practice_id: str, scores: Mapping[str, int], minutes: int, notes: str
    ) -> None:
        """Store a mock design round: the framework checklist scored 0-2 per step."""
        if self.syllabus.practice_item(practice_id) is None:
            raise KeyError(practice_id)
        at = self.practice_time()
        self.store.record_mock(MockRound(practice_id, dict(scores), max(0, minutes), at, notes))
        self.reload()

    # --- settings ----------------------------------------------------------------------

    @property
    def theme(self) -> str | None:
        return self.store.setting(THEME_SETTING)

    def set_theme(self, name: str) -> None:
        if self.store.setting(THEME_SETTING) != name:
            self.store.set_setting(THEME_SETTING, name)


def _ids_of(payload: dict[str, Any]) -> set[str]:
    ids: set[str] = set()
    for key, value in payload.items():
        if key in ("id", "item_id", "practice_id", "any_id") and isinstance(value, str):
            ids.add(value)
        elif key == "ids" and isinstance(value, list):
            ids.update(v for v in value if isinstance(v, str))
    return ids
