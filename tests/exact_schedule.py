"""The exact answer for small plans, found by OR-Tools CP-SAT, knowing nothing of the
scheduler but the rules a schedule must keep.

The rules, for study items of a plan with no progress:

- the days run from today to the last interview; an interview day and the `mock_days`
  before it hold no study; otherwise a day holds at most the plan's minutes for it;
- an item is needed by an interview that has one of its rounds, and by every interview that
  needs an item requiring it; it is due by the last study day before each interview that
  needs it (`due`);
- an item may be worked on only once every item it requires is finished (on an earlier
  day, or earlier the same day);
- a day's minutes of one item are one or more sessions of at most `max_session`; they are
  at least `min_session` minutes (or all of a day that has fewer), unless they are what is
  left of the item or take all that is left of the day (one such a day: when time is
  short, the rest of a day is used too).

The figure minimised is the one the planner reports as short, summed over the interviews:
for each interview, the minutes of the items it needs not done by its last study day.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from ortools.sat.python import cp_model

from planner.core.plan import Plan
from planner.core.syllabus.model import Syllabus
from tests.scheduler_builders import ROUNDS, item, plan, syllabus


@dataclass(frozen=True)
class Instance:
    free: list[int]
    """Study minutes of each day from today."""
    minutes: dict[str, int]
    due: dict[str, list[int]]
    """Needed item -> the last study day index of each interview that needs it."""
    requires: dict[str, list[str]]
    min_session: int


def instance_of(syllabus: Syllabus, plan: Plan, today: dt.date) -> Instance:
    interviews = sorted(plan.interviews, key=lambda i: i.date)
    last = max(i.date for i in interviews)
    days = [today + dt.timedelta(days=k) for k in range((last - today).days + 1)]
    blocked = {
        i.date - dt.timedelta(days=k) for i in interviews for k in range(plan.options.mock_days + 1)
    }
    free = [0 if d in blocked else plan.capacity(d) for d in days]
    by_id = {s.id: s for s in syllabus.items}
    due: dict[str, list[int]] = {}
    for interview in interviews:
        day = (interview.date - today).days - plan.options.mock_days - 1
        needed: set[str] = set()
        stack = [s.id for s in syllabus.items if set(s.rounds) & set(interview.rounds)]
        while stack:
            item_id = stack.pop()
            if item_id in needed or item_id not in by_id:
                continue
            needed.add(item_id)
            due.setdefault(item_id, []).append(day)
            stack.extend(by_id[item_id].item.requires)
    return Instance(
        free=free,
        minutes={i: by_id[i].item.minutes for i in due},
        due=due,
        requires={i: [r for r in by_id[i].item.requires if r in due] for i in due},
        min_session=plan.options.min_session,
    )


def least_short_minutes(instance: Instance, seconds: float = 20.0) -> int | None:
    """The least minutes of needed work not done by its due day; None when the solver could
    not prove it in time."""
    model = cp_model.CpModel()
    free, low = instance.free, instance.min_session
    n_days = len(free)
    ids = sorted(instance.minutes)
    x: dict[tuple[str, int], cp_model.IntVar] = {}
    done_by: dict[tuple[str, int], cp_model.IntVar] = {}
    for j in ids:
        p = instance.minutes[j]
        for t in range(n_days):
            x[j, t] = model.new_int_var(0, min(p, free[t]), f"x_{j}_{t}")
            done_by[j, t] = model.new_bool_var(f"done_{j}_{t}")
            # done_by[j, t] only if the whole item is worked on by the end of day t.
            model.add(sum(x[j, u] for u in range(t + 1)) >= p).only_enforce_if(done_by[j, t])
        model.add(sum(x[j, t] for t in range(n_days)) <= p)
    for t in range(n_days):
        model.add(sum(x[j, t] for j in ids) <= free[t])
        fillers = []
        day_full = model.new_bool_var(f"full_{t}")
        model.add(sum(x[j, t] for j in ids) == free[t]).only_enforce_if(day_full)
        for j in ids:
            for r in instance.requires[j]:
                model.add(x[j, t] == 0).only_enforce_if(done_by[r, t].Not())
            # Less than a minimum session (or than all of a day shorter than that) of an
            # item on a day only as its last minutes or as the rest of the day.
            worked = model.new_bool_var(f"worked_{j}_{t}")
            filler = model.new_bool_var(f"filler_{j}_{t}")
            model.add(x[j, t] >= 1).only_enforce_if(worked)
            model.add(x[j, t] == 0).only_enforce_if(worked.Not())
            least = min(low, free[t])
            model.add(x[j, t] >= least).only_enforce_if(worked, done_by[j, t].Not(), filler.Not())
            model.add_implication(filler, day_full)
            fillers.append(filler)
        model.add(sum(fillers) <= 1)
    on_time = [
        x[j, t] for j in ids for last in instance.due[j] for t in range(min(last + 1, n_days))
    ]
    total = sum(instance.minutes[j] * len(instance.due[j]) for j in ids)
    model.minimize(total - sum(on_time))
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = seconds
    solver.parameters.num_workers = 1
    solver.parameters.random_seed = 7
    status = solver.solve(model)
    if status != cp_model.OPTIMAL:
        return None
    return round(solver.objective_value)


def random_instance(rng: random.Random) -> tuple[Syllabus, Plan]:
    """3 to 12 items over three rounds with prerequisites, 1 to 3 interviews within three
    weeks, and tight weekday minutes: the small plans the exact comparison runs on."""
    n = rng.randint(3, 12)
    items = []
    for k in range(n):
        requires = rng.sample(range(k), rng.randint(0, min(2, k))) if k else []
        items.append(
            item(
                f"i{k}",
                rng.choice([10, 15, 20, 30, 40, 45, 50, 60, 90, 120, 150, 200, 300]),
                rng.sample(ROUNDS, rng.randint(1, 2)),
                [f"i{r}" for r in requires],
                priority=rng.randint(1, 3),
            )
        )
    count = rng.randint(1, 3)
    interviews = []
    for k in range(count):
        rounds = rng.sample(ROUNDS, rng.randint(1, 3))
        interviews.append((f"Interview {k}", rng.randint(2, 20), rounds))
    week = [rng.choice([0, 15, 20, 30, 40, 45, 60, 90, 120, 200]) for _ in range(7)]
    off = [(a, a + rng.randint(0, 2)) for a in rng.sample(range(15), rng.randint(0, 1))]
    return syllabus(items), plan(interviews, week, off, mock_days=rng.randint(0, 1))
