"""Placing jobs on days: earliest precedence-adjusted deadline first, day by day.

Ready jobs wait in tiers (deadline day, optional, priority). Within a tier, each pick goes
to the round (lane) that has had the fewest minutes that day, so a day mixes topics of the
same deadline instead of blocking one; a job gets a second session on a day only when
nothing else of its tier is ready. Every step is a heap operation: the cost grows with
jobs and sessions, not with jobs times days.
"""

from __future__ import annotations

import heapq
import itertools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from planner.core.schedule.work import Job

LOOKAHEAD = 24
"""Jobs tried on a day after one could not fit, before the day is considered full."""

TierKey = tuple[int, bool, int]


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


def chunk(remaining: int, free: int, min_session: int, max_session: int) -> int:
    """Minutes of one study session that fits in `free`; 0 when none can.

    What is left after it is never below `min_session`, so no session is shorter than the
    minimum unless the whole remaining work is. When the limits leave no valid split
    (max_session < 2 * min_session), the rest is merged into one longer session.
    """
    size = min(free, max_session)
    if remaining <= size:
        return remaining
    if remaining - size < min_session:
        size = remaining - min_session
    if size >= min_session:
        return size
    if remaining <= free and remaining < 2 * min_session:
        return remaining
    return 0


class _Tier:
    __slots__ = ("fresh", "touched", "count")

    def __init__(self) -> None:
        self.fresh: dict[str, list[tuple[int, int]]] = {}
        self.touched: dict[str, list[tuple[int, int]]] = {}
        self.count = 0


class _Ready:
    """Ready jobs by tier, then by lane, then by key."""

    def __init__(self, jobs: Sequence[Job]) -> None:
        self.jobs = jobs
        self.tiers: dict[TierKey, _Tier] = {}
        self.order: list[TierKey] = []
        self.touched_tiers: list[_Tier] = []

    def _tier(self, job: Job) -> _Tier:
        key = (job.tier_day, job.optional, job.priority)
        tier = self.tiers.get(key)
        if tier is None:
            tier = self.tiers[key] = _Tier()
            heapq.heappush(self.order, key)
        return tier

    def add(self, j: int, touched: bool = False) -> None:
        job = self.jobs[j]
        tier = self._tier(job)
        lanes = tier.touched if touched else tier.fresh
        heap = lanes.get(job.lane)
        if heap is None:
            heap = lanes[job.lane] = []
        heapq.heappush(heap, (job.key, j))
        tier.count += 1
        if touched:
            self.touched_tiers.append(tier)

    def pick(self, used: dict[str, int]) -> int | None:
        while self.order:
            tier = self.tiers[self.order[0]]
            if tier.count:
                break
            del self.tiers[heapq.heappop(self.order)]
        else:
            return None
        lanes = tier.fresh if any(tier.fresh.values()) else tier.touched
        best_lane = min((lane for lane, h in lanes.items() if h), key=lambda r: (used.get(r, 0), r))
        tier.count -= 1
        return heapq.heappop(lanes[best_lane])[1]

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
) -> None:
    """Place the `active` jobs into the free minutes of `state` (which it updates).

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
    roomiest = _RangeMax(state.free)
    ready = _Ready(jobs)
    pending: list[tuple[int, int]] = []
    pinned_on: dict[int, list[int]] = {}

    def make_ready(j: int, day: int) -> None:
        if j in blocked:
            return
        if release[j] > day:
            heapq.heappush(pending, (release[j], j))
        else:
            ready.add(j)

    for j in active:
        if waiting[j] == 0 and j not in blocked:
            heapq.heappush(pending, (release[j], j))

    def record(j: int, day: int, minutes: int) -> bool:
        state.sessions[day].append((j, minutes))
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
        while pending and pending[0][0] <= day:
            _, j = heapq.heappop(pending)
            if jobs[j].pin == day:
                pinned_on.setdefault(day, []).append(j)
            else:
                ready.add(j)
        for j in sorted(pinned_on.pop(day, ())):
            _place_pinned(jobs[j], day, state, min_session, max_session, record)
            if state.remaining[j] > 0:
                ready.add(j, touched=True)
        if state.free[day] <= 0:
            ready.end_day()
            continue
        used: dict[str, int] = dict(worked_first_day or {}) if day == 0 else {}
        deferred: list[int] = []
        misses = 0
        while state.free[day] > 0 and misses < LOOKAHEAD:
            picked = ready.pick(used)
            if picked is None:
                break
            j, job = picked, jobs[picked]
            if day > job.useful_until:
                continue  # its last interview is over: no use any more
            if job.optional and (
                day > job.deadline
                or (
                    state.remaining[j] == job.minutes
                    and reach[min(job.deadline, n_days - 1) + 1] - reach[day] < job.minutes
                )
            ):
                continue  # optional work only where it can be finished in time
            free = state.free[day]
            if job.kind == "drill":
                size = state.remaining[j] if state.remaining[j] <= free else 0
            else:
                size = chunk(state.remaining[j], free, min_session, max_session)
                if size == 0 and free >= min_session and roomiest(day + 1, job.deadline) <= free:
                    # No later day before its deadline has more room: work that fits now
                    # beats keeping the remainder long enough for a proper session.
                    size = min(free, max_session)
            if size == 0:
                deferred.append(j)
                misses += 1
                continue
            used[job.lane] = used.get(job.lane, 0) + size
            if not record(j, day, size):
                ready.add(j, touched=True)
        ready.end_day()
        for j in deferred:
            ready.add(j)


class _RangeMax:
    """Most free minutes of any day in a range of days, in constant time (sparse table)."""

    def __init__(self, values: Sequence[int]) -> None:
        self.levels = [list(values)]
        width = 1
        while 2 * width <= len(values):
            last = self.levels[-1]
            self.levels.append([max(last[i], last[i + width]) for i in range(len(last) - width)])
            width *= 2

    def __call__(self, first: int, last: int) -> int:
        """Max over days first..last (inclusive, clipped to the days); 0 when empty."""
        last = min(last, len(self.levels[0]) - 1)
        first = max(first, 0)
        if first > last:
            return 0
        level = (last - first + 1).bit_length() - 1
        row = self.levels[level]
        return max(row[first], row[last - (1 << level) + 1])


def _place_pinned(
    job: Job,
    day: int,
    state: Placement,
    min_session: int,
    max_session: int,
    record: Callable[[int, int, int], bool],
) -> None:
    """All that remains of a pinned job on its day, as far as the day holds it."""
    j = job.idx
    while state.remaining[j] > 0 and state.free[day] > 0 and day <= job.useful_until:
        if job.kind == "drill":
            size = state.remaining[j] if state.remaining[j] <= state.free[day] else 0
        else:
            size = chunk(state.remaining[j], state.free[day], min_session, max_session)
        if size == 0:
            return
        record(j, day, size)
