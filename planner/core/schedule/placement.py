"""Placing jobs on days: earliest precedence-adjusted deadline first, day by day.

Ready jobs wait in tiers (deadline day, optional, priority). Within a tier, each pick goes
to the round (lane) that has had the fewest minutes that day, so a day mixes topics of the
same deadline instead of blocking one; a job gets a second session on a day only when
nothing else of its tier is ready. A job whose deadline day has passed unfinished moves to
the tier of the next interview that needs it (its minutes are short for the first one
whatever is done now), and is dropped after the last one.

Every day is filled while any ready work fits: a study session may be shorter than the
minimum when it is the rest of the item or the rest of the day. Taking ready work by
deadline day without ever leaving room unused meets every deadline whenever any schedule
can, and where none can, leaves the fewest minutes undone by the deadlines (tests compare
both with an exact solver). Every step is a heap operation: the cost grows with jobs and
sessions, not with jobs times days.
"""

from __future__ import annotations

import bisect
import heapq
import itertools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from planner.core.schedule.work import NO_DEADLINE, NO_KEY, Job

LOOKAHEAD = 24
"""Jobs tried on a day after one could not fit, before the day is considered full."""

OUTLINE_FIRST = 1_000
"""The weight of a drill from its answer outline: before all other work of its tier."""

FILLER_SCAN = 16
"""Jobs looked at, per lane, for one that fits the rest of a day better."""

RANK_WORTH_LOOKING = 3
"""The rank (see `fit_rank`) from which the next job's session is worth replacing: it
would leave its item a few minutes for later, or cannot go on the day at all."""

TierKey = tuple[int, int, bool, int, int]
"""(position of the deadline day, the day, optional, -weight, priority): see `_Ready`."""


@dataclass(slots=True)
class Placement:
    """Where work went: per day, (job index, minutes) in placement order."""

    free: list[int]
    sessions: list[list[tuple[int, int]]]
    remaining: list[int]
    finish: list[int | None]

    @classmethod
    def empty(cls, free: Sequence[int], jobs: Sequence[Job]) -> Placement:
        return cls(
            free=list(free),
            sessions=[[] for _ in free],
            remaining=[j.minutes for j in jobs],
            finish=[None] * len(jobs),
        )

    def copy(self) -> Placement:
        return Placement(
            free=list(self.free),
            sessions=[list(s) for s in self.sessions],
            remaining=list(self.remaining),
            finish=list(self.finish),
        )


def chunk(
    remaining: int,
    free: int,
    min_session: int,
    max_session: int,
    *,
    day_free: int | None = None,
    today: int = 0,
    fill_rest: bool = False,
) -> int:
    """Minutes of one study session of an item in the `free` minutes left of a day (0 when
    none may go there).

    At most `max_session`. Shorter than `min_session` only when it is all that is left of
    the item, when it is the whole of a day shorter than that (`day_free`), when it
    extends the item's session already on the day (`today` minutes) to a proper one, or,
    with `fill_rest` (when time is short), when it takes all that is left of the day. Where
    a full session would leave less than a minimum session of the item for later, it
    leaves a minimum session instead.
    """
    if free <= 0 or remaining <= 0:
        return 0
    size = min(free, max_session)
    if remaining <= size:
        return remaining
    if size >= min_session:
        if remaining - size < min_session <= remaining - min_session:
            return remaining - min_session
        return size
    # Less than a minimum session is left of the day (`size` is all of it): on a day
    # shorter than a session, a session of the whole day; when time is short, the rest.
    if (day_free is not None and size >= day_free) or fill_rest:
        return size
    extends = min_session <= today + size <= max_session
    return size if extends and remaining - size >= min_session else 0


class _Tier:
    __slots__ = ("fresh", "touched", "count")

    def __init__(self) -> None:
        self.fresh: dict[str, list[tuple[int, int]]] = {}
        self.touched: dict[str, list[tuple[int, int]]] = {}
        self.count = 0


def tier_day_on(job: Job, day: int) -> int | None:
    """The deadline day a job is worked towards on `day`: its (precedence-adjusted) tier
    day, else the next deadline of an interview that needs it; None once all are past."""
    if day <= job.tier_day:
        return job.tier_day
    for due in job.ahead:
        if due >= day:
            return due
    # Past a pin with no interview to prepare for: due whenever (never late).
    return job.deadline if job.deadline >= NO_DEADLINE else None


class _Ready:
    """Ready jobs by tier, then by lane, then by key.

    A tier is the jobs due by one day: earliest first by the free minutes up to that day
    (deadlines with no free minute between them are one), required before optional, then
    the ones more interviews need (each of their minutes counts for all of those: only
    when `weighted`, for work that does not all fit), then by priority.
    """

    def __init__(self, jobs: Sequence[Job], reach: Sequence[int], weighted: bool) -> None:
        self.jobs = jobs
        self.reach = reach
        self.weighted = weighted
        self.tiers: dict[TierKey, _Tier] = {}
        self.order: list[TierKey] = []
        self.touched_tiers: list[_Tier] = []

    def _tier(self, key: TierKey) -> _Tier:
        tier = self.tiers.get(key)
        if tier is None:
            tier = self.tiers[key] = _Tier()
            heapq.heappush(self.order, key)
        return tier

    def add(self, j: int, day: int, touched: bool = False) -> bool:
        """Make job `j` ready on `day`; False when it is of no use any more (dropped)."""
        job = self.jobs[j]
        due = job.tier_day if day <= job.tier_day else tier_day_on(job, day)
        if due is None:
            return False
        if job.from_outline:
            weight = OUTLINE_FIRST  # practice that would otherwise miss its interview
        elif self.weighted:
            weight = len(job.ahead) - bisect.bisect_left(job.ahead, due)
        else:
            weight = 0
        key = (self._position(due), due, job.optional, -weight, job.priority)
        tier = self.tiers.get(key)
        if tier is None:
            tier = self._tier(key)
        lanes = tier.touched if touched else tier.fresh
        heap = lanes.get(job.lane)
        if heap is None:
            heap = lanes[job.lane] = []
        heapq.heappush(heap, (job.key, j))
        tier.count += 1
        if touched:
            self.touched_tiers.append(tier)
        return True

    def _position(self, day: int) -> int:
        if day >= NO_DEADLINE:
            return NO_KEY
        return self.reach[min(max(day, -1), len(self.reach) - 2) + 1]

    def expire(self, day: int) -> None:
        """Move the jobs of tiers whose deadline day is before `day` to their next tier."""
        while self.order and self.order[0][1] < day:
            tier = self.tiers.pop(heapq.heappop(self.order))
            for lanes in (tier.fresh, tier.touched):
                for heap in lanes.values():
                    for _, j in sorted(heap):
                        self.add(j, day)

    def pick(
        self, used: dict[str, int], rank: Callable[[int], int] | None = None
    ) -> tuple[int, int] | None:
        """The next job to work on (and the deadline day of its tier), or None. With
        `rank`, the job of the tier near the front of its lane with the least rank is
        taken (lanes in their usual order on a tie)."""
        while self.order:
            tier = self.tiers[self.order[0]]
            if tier.count:
                break
            del self.tiers[heapq.heappop(self.order)]
        else:
            return None
        lanes = tier.fresh if any(tier.fresh.values()) else tier.touched

        def use(lane: str) -> tuple[int, str]:
            return used.get(lane, 0), lane

        first = min((lane for lane, h in lanes.items() if h), key=use)
        tier.count -= 1
        if rank is not None and rank(lanes[first][0][1]) >= RANK_WORTH_LOOKING:
            best: tuple[int, int, tuple[int, int]] | None = None
            by_use = sorted((lane for lane, h in lanes.items() if h), key=use)
            heaps = [lanes[lane] for lane in by_use]
            if lanes is tier.fresh:
                heaps.extend(h for h in tier.touched.values() if h)
            for n, heap in enumerate(heaps):
                for entry in sorted(heap[:FILLER_SCAN]):
                    candidate = (rank(entry[1]), n, entry)
                    if best is None or candidate < best:
                        best = candidate
            if best is not None:
                heap = heaps[best[1]]
                heap.remove(best[2])
                heapq.heapify(heap)
                return best[2][1], self.order[0][1]
        return heapq.heappop(lanes[first])[1], self.order[0][1]

    def end_day(self) -> None:
        """Jobs that had a session today are fresh again tomorrow."""
        for tier in self.touched_tiers:
            for lane, heap in tier.touched.items():
                if heap:
                    target = tier.fresh.setdefault(lane, [])
                    for entry in heap:
                        heapq.heappush(target, entry)
                    heap.clear()
        self.touched_tiers.clear()


def place(
    jobs: Sequence[Job],
    active: Sequence[int],
    state: Placement,
    min_session: int,
    max_session: int,
    worked_first_day: Mapping[str, int] | None = None,
    *,
    weighted: bool = False,
    fill_until: int = -1,
) -> None:
    """Place the `active` jobs into the free minutes of `state` (which it updates).

    For work that does not all fit: with `weighted`, where time is contested, the work more
    interviews need goes first; on days up to `fill_until`, the rest of a day is used even
    when shorter than a session.

    Predecessors outside `active` count as finished on their recorded finish day, or block
    their successors for good when they never finished. `worked_first_day` (lane -> minutes
    already recorded on the first day) counts in that day's mix of rounds, so ticking an
    item does not make the rest of today switch to more of the same round.
    """
    n_days = len(state.free)
    in_run = set(active)
    waiting: dict[int, int] = {}
    release: dict[int, int] = {}
    blocked: set[int] = set()
    for j in active:
        job = jobs[j]
        rel = max(job.release, 0)
        count = 0
        for p in job.preds:
            if p in in_run:
                count += 1
            elif state.remaining[p] > 0:
                blocked.add(j)
            else:
                done_on = state.finish[p]
                if done_on is not None:
                    rel = max(rel, done_on)
        waiting[j] = count
        release[j] = rel

    # What each day can still hold at most, to leave out optional work that cannot finish.
    reach = list(itertools.accumulate(state.free, initial=0))
    ready = _Ready(jobs, reach, weighted)
    pending: list[tuple[int, int]] = []
    pinned_on: dict[int, list[int]] = {}

    def make_ready(j: int, day: int) -> None:
        if j in blocked:
            return
        if release[j] > day:
            heapq.heappush(pending, (release[j], j))
        else:
            ready.add(j, day)

    for j in active:
        if waiting[j] == 0 and j not in blocked:
            heapq.heappush(pending, (release[j], j))

    day_free = list(state.free)
    last_session = {
        (day, j): k
        for day, sessions in enumerate(state.sessions)
        for k, (j, _) in enumerate(sessions)
    }
    """(day, job) -> index of the job's last session that day."""

    def worked_on(j: int, day: int) -> int:
        """Minutes of job j's last session on `day` (0 when it has none)."""
        k = last_session.get((day, j))
        return 0 if k is None else state.sessions[day][k][1]

    sizes: dict[tuple[int, int], int] = {}
    """(job, day) -> `session_of`, until the next session is recorded (it depends on the
    job's minutes left, the day's free minutes and the job's session that day only)."""

    def session_of(j: int, day: int) -> int:
        size = sizes.get((j, day))
        if size is None:
            size = sizes[j, day] = chunk(
                state.remaining[j],
                state.free[day],
                min_session,
                max_session,
                day_free=day_free[day],
                today=worked_on(j, day),
                fill_rest=day <= fill_until,
            )
        return size

    def record(j: int, day: int, minutes: int) -> bool:
        sizes.clear()
        sessions = state.sessions[day]
        k = last_session.get((day, j))
        if k is not None and sessions[k][1] + minutes <= max_session:
            # A day's rest given to the item it was started on is one session.
            sessions[k] = (j, sessions[k][1] + minutes)
        else:
            last_session[day, j] = len(sessions)
            sessions.append((j, minutes))
        state.free[day] -= minutes
        state.remaining[j] -= minutes
        if state.remaining[j] > 0:
            return False
        state.finish[j] = day
        for s in jobs[j].succs:
            if s in waiting:
                waiting[s] -= 1
                if waiting[s] == 0:
                    release[s] = max(release[s], day)
                    make_ready(s, day)
        return True

    for day in range(n_days):
        ready.expire(day)
        while pending and pending[0][0] <= day:
            _, j = heapq.heappop(pending)
            if jobs[j].pin == day:
                pinned_on.setdefault(day, []).append(j)
            else:
                ready.add(j, day)
        for j in sorted(pinned_on.pop(day, ())):
            _place_pinned(jobs[j], day, state, session_of, record)
            if state.remaining[j] > 0:
                ready.add(j, day, touched=True)
        if state.free[day] <= 0:
            ready.end_day()
            continue
        used: dict[str, int] = dict(worked_first_day or {}) if day == 0 else {}
        deferred: list[int] = []
        misses = 0
        while state.free[day] > 0 and misses < LOOKAHEAD:
            rest = state.free[day]

            def fit_rank(j: int, day: int = day, rest: int = rest) -> int:
                # Fewest pieces: best work the rest of the day finishes, then an item whose
                # session today it extends, then one it leaves with a proper session's
                # worth; an item left with a few minutes, then work that cannot go here.
                if jobs[j].kind != "study":
                    return 0 if state.remaining[j] <= rest else 5
                size = session_of(j, day)
                if size == 0:
                    return 5
                left = state.remaining[j] - size
                if left <= 0:
                    return 0
                if worked_on(j, day):
                    return 1
                return 2 if left >= min_session else 3

            picked = ready.pick(used, fit_rank)
            if picked is None:
                break
            j, due = picked
            job = jobs[j]
            if job.optional and (
                state.remaining[j] == job.minutes
                and reach[min(due, n_days - 1) + 1] - reach[day] < job.minutes
            ):
                continue  # optional work only where it can be finished in time
            free = state.free[day]
            if job.kind == "drill":
                size = state.remaining[j] if state.remaining[j] <= free else 0
            else:
                size = session_of(j, day)
            if size == 0:
                deferred.append(j)
                misses += 1
                continue
            used[job.lane] = used.get(job.lane, 0) + size
            if not record(j, day, size):
                ready.add(j, day, touched=True)
        ready.end_day()
        for j in deferred:
            ready.add(j, day)


def _place_pinned(
    job: Job,
    day: int,
    state: Placement,
    session_of: Callable[[int, int], int],
    record: Callable[[int, int, int], bool],
) -> None:
    """All that remains of a pinned job on its day, as far as the day holds it."""
    j = job.idx
    while state.remaining[j] > 0 and state.free[day] > 0 and tier_day_on(job, day) is not None:
        if job.kind == "drill":
            size = state.remaining[j] if state.remaining[j] <= state.free[day] else 0
        else:
            size = session_of(j, day)
        if size == 0:
            return
        record(j, day, size)
