"""When time is short, the schedule leaves the least undone: compared with the exact answer
of OR-Tools CP-SAT on small random plans (`exact_schedule.py` states the rules both keep).

The planner is called feasible exactly when an exact schedule meets every deadline; the
minutes it reports short equal the exact least in at least 95% of the plans, and are never
fewer (which would mean it reports a schedule better than any that exists).
"""

from __future__ import annotations

import random

import pytest

from planner.core.progress import Progress
from planner.core.schedule.scheduler import schedule
from tests.exact_schedule import instance_of, least_short_minutes, random_instance
from tests.scheduler_builders import TODAY

PLANS = 150
SEED = 2026


def test_short_minutes_are_the_exact_least_on_small_plans() -> None:
    rng = random.Random(SEED)
    compared = equal = infeasible = 0
    for n in range(PLANS):
        syl, p = random_instance(rng)
        least = least_short_minutes(instance_of(syl, p, TODAY))
        if least is None:
            continue  # the solver could not prove its answer in time: nothing to compare
        result = schedule(syl, p, Progress(), TODAY)
        short = sum(r.short_minutes for r in result.interviews)
        compared += 1
        infeasible += least > 0
        assert result.feasible == (least == 0), f"plan {n}: feasible {result.feasible}"
        assert short >= least, f"plan {n}: {short} short, the exact least is {least}"
        equal += short == least
    assert compared >= PLANS * 0.95
    assert infeasible >= compared // 4  # enough plans that do not fit to say something
    assert equal >= 0.95 * compared, f"{equal} of {compared} equal the exact least"


@pytest.mark.parametrize("week", [15, 20])
def test_a_short_day_still_holds_sessions(week: int) -> None:
    """15 minutes a day, items of 20, 45 and 120 minutes, 18 days: most of it is studied."""
    from tests.scheduler_builders import item, plan, syllabus

    syl = syllabus([item("a", 20), item("b", 45), item("c", 120)])
    p = plan([("Phone", 18, ["ra"])], [week] * 7)
    result = schedule(syl, p, Progress(), TODAY)
    studied = sum(s.minutes for d in result.days for s in d.sessions if s.kind == "study")
    assert studied >= 150
    least = least_short_minutes(instance_of(syl, p, TODAY))
    assert least is not None and result.interviews[0].short_minutes == least


def test_an_item_longer_than_the_time_left_is_worked_on_every_day() -> None:
    from tests.scheduler_builders import item, plan, syllabus

    syl = syllabus([item("long", 300)])
    p = plan([("Phone", 10, ["ra"])], [30] * 7)  # 9 study days, the last a mock day
    result = schedule(syl, p, Progress(), TODAY)
    minutes = [sum(s.minutes for s in d.sessions if s.kind == "study") for d in result.days]
    assert minutes[:9] == [30] * 9
    (report,) = result.interviews
    assert not report.feasible and report.short_minutes == 300 - 9 * 30
