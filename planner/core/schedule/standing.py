"""How an interview and each of its rounds stand: one set of figures, computed here from the
placement and read the same by the app, `planner status`, `planner plan`, the exports and
the JSON.

- short minutes: required minutes (of the round's work, or of the interview's, with what
  it requires) not done by the interview's last study day; the scheduler's own figure.
- slack days: while nothing is short, the days between the last required session and the
  last study day (a round with nothing left counts from today); when something is short,
  never zero or more: minus the days the short minutes take at the plan's weekly pace.
- a passed interview: done against required minutes of its rounds' study, by its date.

In words (`standing_text`, `report_text`): "3 d slack", "behind by 5h57m", "passed: 4h of
6h done".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from planner.core.labels import format_minutes
from planner.core.plan import Interview, Plan
from planner.core.progress import Progress, done_by
from planner.core.schedule.types import InterviewReport, Late, RoundStanding
from planner.core.schedule.work import Job
from planner.core.syllabus.model import StudyItem, Syllabus


def required_study(
    syllabus: Syllabus, rounds: Iterable[str], progress: Progress
) -> list[StudyItem]:
    """The study items the rounds require: of those rounds, not optional, not skipped."""
    return round_study(syllabus, rounds, progress)[0]


def round_study(
    syllabus: Syllabus, rounds: Iterable[str], progress: Progress
) -> tuple[list[StudyItem], list[StudyItem]]:
    """The study items of the rounds that are not optional, split in two: those required
    (not skipped), and those skipped (out of the plan and of what is required, still
    material to cover, done or not)."""
    wanted = set(rounds)
    kept = progress.items
    required: list[StudyItem] = []
    skipped: list[StudyItem] = []
    for i in syllabus.items:
        if i.optional or wanted.isdisjoint(i.rounds):
            continue
        p = kept.get(i.id)
        (skipped if p is not None and p.skipped else required).append(i)
    return required, skipped


def behind_days(short_minutes: int, plan: Plan) -> int:
    """The days `short_minutes` take at the plan's weekly pace, at least one."""
    weekly = sum(plan.weekday_minutes)
    if weekly <= 0:
        return max(1, short_minutes)
    return max(1, -(-short_minutes * 7 // weekly))


def slack_days(short_minutes: int, deadline: int, last: int, plan: Plan) -> int:
    """Days to spare after the last required session (day index `last`, -1 when none is
    left) up to the last study day `deadline`; minus the days behind when short."""
    if short_minutes > 0:
        return -behind_days(short_minutes, plan)
    return max(0, deadline - last)


def round_standings(
    interview: Interview,
    n: int,
    jobs: Sequence[Job],
    short_by_job: dict[int, int],
    finish: Sequence[int | None],
    deadline: int,
    plan: Plan,
) -> tuple[RoundStanding, ...]:
    """Per round of the interview (its index `n` among the upcoming): the short minutes and
    slack of the required work of that round and of everything it requires."""
    by_idx = {j.idx: j for j in jobs}
    out: list[RoundStanding] = []
    for round_id in interview.rounds:
        own = [j.idx for j in jobs if round_id in j.rounds]
        serving = _with_requirements(own, by_idx)
        short = sum(short_by_job.get(j, 0) for j in serving)
        placed = [f for j in serving if (f := finish[j]) is not None and f <= deadline]
        last = max(placed, default=-1)
        out.append(RoundStanding(round_id, short, slack_days(short, deadline, last, plan)))
    return tuple(out)


def _with_requirements(start: list[int], jobs: dict[int, Job]) -> set[int]:
    """`start` and, transitively, the jobs among `jobs` they wait for."""
    seen: set[int] = set()
    stack = list(start)
    while stack:
        j = stack.pop()
        if j in seen or j not in jobs:
            continue
        seen.add(j)
        stack.extend(jobs[j].preds)
    return seen


def study_minutes(
    syllabus: Syllabus,
    rounds: Iterable[str],
    progress: Progress,
    by: dt.date | None = None,
) -> tuple[int, int]:
    """(required, done) minutes of the rounds' required study; done as of the end of day
    `by` when given, else as of now."""
    items = required_study(syllabus, rounds, progress)
    required = sum(i.minutes for i in items)
    if by is None:
        done = sum(done_minutes(i, progress) for i in items)
    else:
        done = done_by({i.id: i.minutes for i in items}, progress)(by)
    return required, done


def done_minutes(item: StudyItem, progress: Progress) -> int:
    """The estimate when done, else the minutes spent, capped at the estimate."""
    p = progress.items.get(item.id)
    if p is None:
        return 0
    return item.minutes if p.done else min(p.minutes_spent, item.minutes)


def passed_report(syllabus: Syllabus, interview: Interview, progress: Progress) -> InterviewReport:
    """The report of an interview that is behind us: what was done of what it required,
    by the day before it."""
    required, done = study_minutes(
        syllabus, interview.rounds, progress, interview.date - dt.timedelta(days=1)
    )
    return InterviewReport(
        name=interview.name,
        date=interview.date,
        rounds=interview.rounds,
        feasible=True,
        short_minutes=0,
        passed=True,
        required_minutes=required,
        done_minutes=done,
        fixes_searched=True,
    )


def before_start_report(
    syllabus: Syllabus, interview: Interview, progress: Progress, plan: Plan
) -> InterviewReport:
    """The report of an interview still to come but before the plan starts: no study day
    is left for it, so all of its required study not done yet is short."""

    def standing(rounds: tuple[str, ...]) -> tuple[int, int]:
        required, done = study_minutes(syllabus, rounds, progress)
        short = required - done
        return short, slack_days(short, 0, 0, plan)

    short, slack = standing(interview.rounds)
    required, done = study_minutes(syllabus, interview.rounds, progress)
    due = interview.date - dt.timedelta(days=1)
    late = tuple(
        Late(i.id, due, None)
        for i in required_study(syllabus, interview.rounds, progress)
        if done_minutes(i, progress) < i.minutes
    )
    return InterviewReport(
        name=interview.name,
        date=interview.date,
        rounds=interview.rounds,
        feasible=short == 0,
        short_minutes=short,
        late=late,
        slack_days=slack,
        rounds_standing=tuple(RoundStanding(r, *standing((r,))) for r in interview.rounds),
        required_minutes=required,
        done_minutes=done,
        fixes_searched=True,
    )


def standing_text(short_minutes: int, slack: int) -> str:
    """A round or an interview still to come, in words: "behind by 1h20m" or "3 d slack"."""
    if short_minutes > 0:
        return f"behind by {format_minutes(short_minutes)}"
    return f"{slack} d slack"


def report_text(report: InterviewReport) -> str:
    """An interview in words: "passed: 4h of 6h done", "behind by 1h20m" or "on track,
    3 d slack"."""
    if report.passed:
        done = format_minutes(report.done_minutes)
        return f"passed: {done} of {format_minutes(report.required_minutes)} done"
    if report.short_minutes > 0:
        return standing_text(report.short_minutes, report.slack_days)
    return f"on track, {standing_text(0, report.slack_days)}"
