"""Reports per interview: on track or how far short, what is late, and concrete fixes.

Fixes are searched, not guessed: each candidate is checked by placing again the work that
decides it (`trial`), not the whole schedule.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

from planner.core.plan import MAX_DAY_MINUTES, Interview, Plan
from planner.core.schedule.run import Run
from planner.core.schedule.standing import (
    before_start_report,
    passed_report,
    round_standings,
    slack_days,
    study_minutes,
)
from planner.core.schedule.trial import Inputs, feasible_with
from planner.core.schedule.types import InterviewReport, Late

EXTRA_STEP = 5
"""Extra minutes per week are searched in steps of this many minutes."""


def interview_reports(
    run: Run,
    inputs: Inputs,
    *,
    fixes: bool = True,
) -> tuple[InterviewReport, ...]:
    """One report per interview of the plan, by date (see `standing` for its figures); an
    interview already over tells what was done of what it required. With `fixes`, an
    infeasible interview gets its fixes, each checked by placing the work again."""
    plan = inputs.plan
    upcoming = {(i.date, i.name, i.rounds): n for n, i in enumerate(run.interviews)}
    reports: list[InterviewReport] = []
    for interview in sorted(plan.interviews, key=lambda i: (i.date, i.name)):
        n = upcoming.get((interview.date, interview.name, interview.rounds))
        if n is None and interview.date < inputs.today:
            reports.append(passed_report(inputs.syllabus, interview, inputs.progress))
        elif n is None:  # before the plan starts
            reports.append(before_start_report(inputs.syllabus, interview, inputs.progress, plan))
        else:
            reports.append(_upcoming_report(run, inputs, interview, n, fixes=fixes))
    return tuple(reports)


def _upcoming_report(
    run: Run, inputs: Inputs, interview: Interview, n: int, *, fixes: bool
) -> InterviewReport:
    plan = inputs.plan
    jobs = run.work.required_for(n)
    short_by_job = run.short_of(n)
    short = sum(short_by_job.values())
    late_jobs = [run.work.jobs[j] for j in short_by_job]
    deadline = run.deadline_days[n]
    finish = run.placement.finish
    last = max((f for j in jobs if (f := finish[j.idx]) is not None and f <= deadline), default=-1)
    late = tuple(
        Late(j.id, run.first + dt.timedelta(days=deadline), _date(run, finish[j.idx]))
        for j in sorted(late_jobs, key=lambda j: (j.deadline, j.id))
    )
    drop: tuple[str, ...] = ()
    extra: int | None = None
    if late_jobs and fixes and deadline >= 0:  # (before today nothing can help)

        def with_extra(extra: int) -> bool:
            return feasible_with(inputs, n, plan=spread_weekly(plan, extra))

        drop = _drop_fix(run, inputs, n, short)
        extra = _extra_minutes_fix(run, n, plan, with_extra)
    required, done = study_minutes(inputs.syllabus, interview.rounds, inputs.progress)
    return InterviewReport(
        name=interview.name,
        date=interview.date,
        rounds=interview.rounds,
        feasible=not late_jobs,
        short_minutes=short,
        late=late,
        drop=drop,
        extra_minutes_per_week=extra,
        slack_days=slack_days(short, deadline, last, plan),
        rounds_standing=round_standings(interview, n, jobs, short_by_job, finish, deadline, plan),
        required_minutes=required,
        done_minutes=done,
        fixes_searched=fixes or not late_jobs,
    )


def _date(run: Run, day: int | None) -> dt.date | None:
    return None if day is None else run.first + dt.timedelta(days=day)


def _drop_fix(run: Run, inputs: Inputs, interview: int, short: int) -> tuple[str, ...]:
    """The shortest prefix of the interview's study items, least important and largest
    first, whose skipping makes the interview feasible; () when none does. Never an item
    begun today or planned for today: that work is under way."""
    today = inputs.today
    on_first_day = {j for j, _ in run.placement.sessions[0]} if run.first == today else set()
    candidates = sorted(
        (
            j
            for j in run.work.jobs
            if interview in j.needed_by
            and j.kind == "study"
            and not j.optional
            and j.idx not in on_first_day
            and not (run.first == today and j.pin == 0)
        ),
        key=lambda j: (-j.priority, -j.minutes, j.id),
    )

    def works(k: int) -> bool:
        return feasible_with(inputs, interview, dropped=[j.id for j in candidates[:k]])

    # A first guess: enough items to free the minutes that are short.
    freed, guess = 0, len(candidates)
    for k, job in enumerate(candidates, start=1):
        freed += job.minutes
        if freed >= short:
            guess = k
            break
    least = least_sufficient(works, guess, len(candidates))
    return () if least is None else tuple(j.id for j in candidates[:least])


def _extra_steps_by_demand(run: Run, interview: int, plan: Plan, high: int) -> int:
    """A first guess, in EXTRA_STEPs: the least that gives every interview up to this one
    room for all the work due by it (minutes against minutes, as if work could be cut
    anywhere): nearly always right, and checked all the same."""

    def enough(steps: int) -> bool:
        added = added_minutes(run, plan, steps * EXTRA_STEP) if steps else ()
        return all(m > interview for m in run.short_by_bound(added))

    low, top = 0, high
    while low < top:
        mid = (low + top) // 2
        if enough(mid):
            top = mid
        else:
            low = mid + 1
    return max(1, low)


def added_minutes(run: Run, plan: Plan, extra: int) -> list[int]:
    """Per day of the run: the free minutes `extra` minutes a week more would add (none on
    mock and interview days)."""
    more = spread_weekly(plan, extra)
    calendar = run.calendar
    return [
        0
        if calendar.interviews[k] or calendar.mock_for[k]
        else max(0, more.capacity(date) - plan.capacity(date))
        for k, date in enumerate(calendar.dates)
    ]


def least_sufficient(works: Callable[[int], bool], guess: int, high: int) -> int | None:
    """The least k in 1..high for which `works(k)` (assumed to stay true as k grows), or
    None when even `high` does not work. Gallops from `guess` then bisects, so a good
    guess costs only a few checks (two when it is right)."""
    if high < 1:
        return None
    guess = min(max(guess, 1), high)
    step = 1
    if works(guess):
        good, bad = guess, 0
        while good - step >= 1:
            if not works(good - step):
                bad = good - step
                break
            good -= step
            step *= 2
    else:
        good, bad = high, guess
        while bad + step < high:
            if works(bad + step):
                good = bad + step
                break
            bad += step
            step *= 2
        if good == high and (bad == high or not works(high)):
            return None
    while good - bad > 1:
        mid = (good + bad) // 2
        if works(mid):
            good = mid
        else:
            bad = mid
    return good


def spread_weekly(plan: Plan, extra: int) -> Plan:
    """`plan` with `extra` minutes a week added, spread evenly over the weekdays that
    already have time (all days when none has), each day capped at 24 hours."""
    minutes = list(plan.weekday_minutes)
    days = [d for d in range(7) if minutes[d] > 0] or list(range(7))
    left = extra
    while left > 0:
        open_days = [d for d in days if minutes[d] < MAX_DAY_MINUTES]
        if not open_days:
            break
        share, rest = divmod(left, len(open_days))
        for pos, d in enumerate(open_days):
            add = min(share + (1 if pos < rest else 0), MAX_DAY_MINUTES - minutes[d])
            minutes[d] += add
            left -= add
    weekday = (minutes[0], minutes[1], minutes[2], minutes[3], minutes[4], minutes[5], minutes[6])
    return dataclasses.replace(plan, weekday_minutes=weekday)


def _extra_minutes_fix(
    run: Run,
    interview: int,
    plan: Plan,
    feasible_with: Callable[[int], bool],
) -> int | None:
    """The least extra minutes a week (a multiple of EXTRA_STEP) that make the interview
    feasible, searched and checked by placing the work again; None when even full days
    would not do."""
    days = [d for d in range(7) if plan.weekday_minutes[d] > 0] or list(range(7))
    room = sum(MAX_DAY_MINUTES - plan.weekday_minutes[d] for d in days)
    guess = _extra_steps_by_demand(run, interview, plan, -(-room // EXTRA_STEP))
    steps = least_sufficient(
        lambda k: feasible_with(k * EXTRA_STEP),
        guess,
        -(-room // EXTRA_STEP),
    )
    return None if steps is None else steps * EXTRA_STEP
