"""On small instances the schedule is called feasible exactly when a brute force finds one
that meets every deadline, so "feasible" is never reported wrong in either direction (and
when it is feasible, no item is late). How much is short when nothing fits is compared with
an exact solver in `test_scheduler_exact.py`.

The brute force knows nothing of the scheduler: it tries every order of the items that
respects `requires`, works through each order minute by minute in the days' free time and
keeps the smallest maximum lateness (in days). Without release dates, one item at a time in
the best order is as good as any schedule that splits items (a classic exchange argument),
so this is the true optimum. Minutes are multiples of 5 and `min_session` is 5, so session
limits never get in the way.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
from collections.abc import Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from planner.core.plan import Plan
from planner.core.progress import Progress
from planner.core.schedule.scheduler import schedule
from planner.core.syllabus.model import StudyItem, Syllabus
from tests.scheduler_builders import ROUNDS, TODAY, item, plan, syllabus


@st.composite
def instances(draw: st.DrawFn) -> tuple[Syllabus, Plan]:
    n = draw(st.integers(1, 6))
    items = []
    for k in range(n):
        requires = draw(st.lists(st.integers(0, k - 1), max_size=2, unique=True)) if k else []
        items.append(
            item(
                f"i{k}",
                5 * draw(st.integers(1, 40)),
                draw(st.lists(st.sampled_from(ROUNDS), min_size=1, max_size=2, unique=True)),
                [f"i{r}" for r in requires],
            )
        )
    interviews = [("First", draw(st.integers(1, 12)), [ROUNDS[0]])]
    if draw(st.booleans()):
        # The last interview has every round, so that no item stops being of use (work
        # whose last interview is over is dropped, which the brute force knows nothing of).
        later = interviews[0][1] + draw(st.integers(0, 8))
        interviews.append(("Second", later, list(ROUNDS)))
    else:
        interviews[0] = ("First", interviews[0][1], list(ROUNDS))
    week = [5 * draw(st.integers(0, 24)) for _ in range(7)]
    return syllabus(items), plan(
        interviews,
        week,
        off=[(a, a + 1) for a in draw(st.lists(st.integers(0, 10), max_size=1))],
        min_session=5,
        max_session=1440,
        mock_days=draw(st.integers(0, 1)),
    )


def own_deadlines(syl: Syllabus, p: Plan) -> dict[str, dt.date]:
    """Each item's deadline: the day before the mock days of the first interview needing it."""
    out: dict[str, dt.date] = {}
    for interview in sorted(p.interviews, key=lambda i: i.date):
        for study in syl.items:
            if study.id not in out and set(study.rounds) & set(interview.rounds):
                out[study.id] = interview.date - dt.timedelta(days=p.options.mock_days + 1)
    return out


def free_minutes(p: Plan) -> list[tuple[dt.date, int]]:
    """Study time per day from today to the last interview (none on mock or interview days)."""
    last = max(i.date for i in p.interviews)
    blocked = {
        i.date - dt.timedelta(days=k) for i in p.interviews for k in range(p.options.mock_days + 1)
    }
    days = [TODAY + dt.timedelta(days=k) for k in range((last - TODAY).days + 1)]
    return [(d, 0 if d in blocked else p.capacity(d)) for d in days]


def respects_requires(order: Sequence[StudyItem], needed: set[str]) -> bool:
    placed: set[str] = set()
    for study in order:
        if any(r in needed and r not in placed for r in study.requires):
            return False
        placed.add(study.id)
    return True


def brute_force_lateness(syl: Syllabus, p: Plan) -> float:
    due = own_deadlines(syl, p)
    needed = [s for s in syl.items if s.id in due]
    days = free_minutes(p)
    best = math.inf
    for order in itertools.permutations(needed):
        if not respects_requires(order, set(due)):
            continue
        worst = -math.inf
        day_index, left = 0, days[0][1] if days else 0
        for s in order:
            need = s.minutes
            while need > 0 and day_index < len(days):
                used = min(need, left)
                need -= used
                left -= used
                if need > 0:
                    day_index += 1
                    left = days[day_index][1] if day_index < len(days) else 0
            if need > 0:
                worst = math.inf
                break
            worst = max(worst, (days[day_index][0] - due[s.id]).days)
        best = min(best, worst)
    return best


def scheduled_lateness(syl: Syllabus, p: Plan) -> tuple[float, bool]:
    result = schedule(syl, p, Progress(), TODAY)
    due = own_deadlines(syl, p)
    never = {x.id for x in result.late if x.finishes is None}
    worst = -math.inf
    for item_id, deadline in due.items():
        if item_id in never:
            return math.inf, result.feasible
        finish = max(d for d, _ in result.sessions_of(item_id))
        worst = max(worst, (finish - deadline).days)
    return worst, result.feasible


@settings(max_examples=300, deadline=None)
@given(instances())
def test_feasible_exactly_when_the_brute_force_meets_every_deadline(
    instance: tuple[Syllabus, Plan],
) -> None:
    syl, p = instance
    optimum = brute_force_lateness(syl, p)
    lateness, feasible = scheduled_lateness(syl, p)
    assert feasible == (optimum <= 0)
    if feasible:
        assert lateness == optimum
