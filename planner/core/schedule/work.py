"""What is left to do: study items and drills as jobs with deadlines, precedence and keys.

A job is one study item (split into sessions later) or one drill (never split). Each gets a
deadline day (the last day before the first interview that needs it, tightened by the
deadlines of what waits for it), a release day (pushes, pins, today) and an ordering key:
its precedence-adjusted deadline on the timeline of free study minutes.

Needed are the items of an interview's round, the items that teach a practice item to be
drilled (unless marked optional), and whatever those require. An item needed only by
optional items is optional itself.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from typing import Literal

from planner.core.plan import Interview, Plan
from planner.core.progress import Outcome, Progress
from planner.core.schedule.capacity import Calendar
from planner.core.syllabus.model import PracticeItem, Syllabus

JobKind = Literal["study", "drill"]

NO_DEADLINE = 10**9
"""Deadline day of work when the plan has no interview: it can never be late."""

NO_KEY = 10**15


@dataclass(slots=True)
class Job:
    """One study item or one drill still to do."""

    idx: int
    id: str
    kind: JobKind
    minutes: int
    """Remaining minutes (study) or the length of the single drill session."""
    rounds: tuple[str, ...]
    lane: str
    """The round used to interleave topics within a day."""
    optional: bool
    priority: int
    deadline: int = NO_DEADLINE
    """Last day index the job may be worked on (negative: already past)."""
    interview: int | None = None
    """Index of the upcoming interview the deadline comes from."""
    needed_by: dict[int, int] = field(default_factory=dict)
    """Upcoming interviews that need it (of its rounds, or needing what waits for it), by
    index, with their deadline day: its minutes not done by then count short for each."""
    own: bool = False
    """Required for its own rounds (not marked optional), not only by what waits for it."""
    marked_optional: bool = False
    """The syllabus marks the item optional (a drill never waits for such an item)."""
    from_outline: bool = False
    """A drill from the answer outline: it does not wait for the items that teach it."""
    ahead: tuple[int, ...] = ()
    """The deadline day of each interview of `needed_by`, earliest first (a day twice when
    two interviews have it): once one has passed, the job is due by the next, and it is of
    no use after the last."""
    release: int = 0
    pin: int | None = None
    preds: list[int] = field(default_factory=list)
    succs: list[int] = field(default_factory=list)
    """What must wait for it: items requiring it, drills it teaches."""
    key: int = NO_KEY
    """Precedence-adjusted deadline in minutes of free study time from the first day."""
    tier_day: int = NO_DEADLINE
    """Deadline day, at most that of any successor (drills included) and of a pin: work is
    taken tier by tier, earliest first."""


@dataclass(slots=True)
class Work:
    jobs: list[Job]
    not_needed: tuple[str, ...]
    """Item and practice ids of no interview's round (nor needed by anything that is)."""
    _required_for: dict[int, list[Job]] = field(default_factory=dict)

    def required_for(self, interview: int) -> list[Job]:
        """The required jobs the upcoming interview (its index) needs, in job order."""
        found = self._required_for.get(interview)
        if found is None:
            found = [j for j in self.jobs if not j.optional and interview in j.needed_by]
            self._required_for[interview] = found
        return found


def last_study_days(interviews: Sequence[Interview], plan: Plan, calendar: Calendar) -> list[int]:
    """Per interview: the day index of the last day its work may be done (before its mock
    days)."""
    return [calendar.index(i.date) - plan.options.mock_days - 1 for i in interviews]


def every_deadline(
    interviews: Sequence[Interview], plan: Plan, calendar: Calendar
) -> dict[str, tuple[tuple[int, int], ...]]:
    """Round id -> (deadline day index, interview index) of every interview with it, the
    first interview first."""
    out: dict[str, list[tuple[int, int]]] = {}
    for n, last_day in enumerate(last_study_days(interviews, plan, calendar)):
        for round_id in interviews[n].rounds:
            out.setdefault(round_id, []).append((last_day, n))
    return {r: tuple(due) for r, due in out.items()}


@dataclass(slots=True)
class RoundDeadlines:
    """When work for a set of rounds is due, for each interview that needs it."""

    every: dict[str, tuple[tuple[int, int], ...]]
    """Round id -> (deadline day index, interview index) of every interview with it."""
    no_interviews: bool
    """The plan has no interview: everything is needed and nothing is ever late."""
    _own: dict[tuple[str, ...], tuple[int, int] | None] = field(default_factory=dict)

    def own_due(self, rounds: tuple[str, ...]) -> tuple[int, int] | None:
        """(deadline day, interview index) of the earliest interview with one of these
        rounds; None when no interview has any of them."""
        if rounds not in self._own:
            found = [self.every[r][0] for r in rounds if r in self.every]
            self._own[rounds] = min(found) if found else None
        return self._own[rounds]

    def needed(self, rounds: tuple[str, ...]) -> bool:
        """Some interview has one of these rounds (or the plan has no interview at all)."""
        return self.no_interviews or self.own_due(rounds) is not None

    def date_job(self, job: Job) -> None:
        """Give a new job the deadlines of its own rounds."""
        own = self.own_due(job.rounds)
        if own is not None:
            job.deadline, job.interview = own
        found = {due for r in job.rounds for due in self.every.get(r, ())}
        job.needed_by = {n: day for day, n in found}
        job.own = bool(found)  # (study items marked optional are not: see add_study_jobs)
        job.ahead = tuple(sorted(job.needed_by.values()))


def build_work(
    syllabus: Syllabus,
    plan: Plan,
    progress: Progress,
    today: dt.date,
    calendar: Calendar,
    interviews: Sequence[Interview],
    outline: Collection[str] = (),
) -> Work:
    """Every job still to do, linked and keyed, in syllabus order (the practice items of
    `outline` are drilled from their answer outlines)."""
    deadlines = RoundDeadlines(
        every=every_deadline(interviews, plan, calendar), no_interviews=not plan.interviews
    )
    drills = practice_to_drill(syllabus, progress, today, deadlines)
    needed = needed_items(syllabus, progress, drills, deadlines)
    jobs: list[Job] = []
    by_id: dict[str, int] = {}
    add_study_jobs(jobs, by_id, syllabus, progress, needed, deadlines)
    add_drill_jobs(jobs, by_id, drills, deadlines, outline)
    release_pushed_and_pinned(jobs, by_id, progress, calendar)
    if calendar.start == today:
        continue_begun_today(jobs, by_id, progress, today)
    _break_cycles(jobs)
    _tighten(jobs, calendar)
    not_needed = [s.item.id for s in syllabus.items if s.item.id not in needed]
    not_needed.extend(p.id for p in syllabus.practice if not deadlines.needed(p.rounds))
    return Work(jobs, tuple(not_needed))


def practice_to_drill(
    syllabus: Syllabus, progress: Progress, today: dt.date, deadlines: RoundDeadlines
) -> list[PracticeItem]:
    """Practice items of an interview's round not practised yet, and coding tasks to
    practise again."""
    practised = _practised_on(progress)
    latest = progress.latest_outcomes()
    return [
        practice
        for practice in syllabus.practice
        if deadlines.needed(practice.rounds)
        and _needs_drill(practice, practised.get(practice.id), latest.get(practice.id), today)
    ]


def needed_items(
    syllabus: Syllabus,
    progress: Progress,
    drills: Sequence[PracticeItem],
    deadlines: RoundDeadlines,
) -> dict[str, bool]:
    """Item id -> required (else optional), for the items an interview needs or that teach
    a practice item to be drilled (unless marked optional), and (transitively) what they
    require. An item needed only by optional items is optional itself."""
    needed: dict[str, bool] = {}
    stack: list[tuple[str, bool]] = [
        (s.item.id, not s.item.optional) for s in syllabus.items if deadlines.needed(s.rounds)
    ]
    for practice in drills:
        for source in practice.learn_from:
            found = syllabus.item(source)
            if found is not None and not found.optional:
                stack.append((source, True))
    while stack:
        item_id, required = stack.pop()
        if item_id in needed and (needed[item_id] or not required):
            continue
        needed[item_id] = required = required or needed.get(item_id, False)
        found = syllabus.item(item_id)
        # A finished item needs nothing more: its prerequisites are needed only if
        # something still to do needs them.
        if found is not None and not progress.is_done(item_id):
            stack.extend((pre, required) for pre in found.requires)
    return needed


def add_study_jobs(
    jobs: list[Job],
    by_id: dict[str, int],
    syllabus: Syllabus,
    progress: Progress,
    needed: dict[str, bool],
    deadlines: RoundDeadlines,
) -> None:
    """A job per needed item with minutes left, in syllabus order, each after the items it
    requires."""
    done = progress.items
    for study in syllabus.items:
        item, rounds = study.item, study.rounds
        need = needed.get(item.id)
        if need is None:
            continue
        remaining = progress.remaining(item.id, item.minutes) if item.id in done else item.minutes
        if remaining <= 0:
            continue
        job = Job(
            idx=len(jobs),
            id=item.id,
            kind="study",
            minutes=remaining,
            rounds=rounds,
            lane=rounds[0] if rounds else "",
            optional=not need,
            priority=item.priority,
        )
        deadlines.date_job(job)
        job.own = job.own and not item.optional
        job.marked_optional = item.optional
        by_id[item.id] = job.idx
        jobs.append(job)
    for study in syllabus.items:
        j = by_id.get(study.item.id)
        if j is not None:
            for pre in study.item.requires:
                p = by_id.get(pre)
                if p is not None and p != j:
                    jobs[j].preds.append(p)
                    jobs[p].succs.append(j)


def add_drill_jobs(
    jobs: list[Job],
    by_id: dict[str, int],
    drills: Sequence[PracticeItem],
    deadlines: RoundDeadlines,
    outline: Collection[str] = (),
) -> None:
    """A one-session job per practice item to drill, after the required items that teach
    it; one of `outline` is drilled from its answer outline instead, before anything else
    due by the same day (the items that teach it do not fit in time)."""
    for practice in drills:
        from_outline = practice.id in outline
        job = Job(
            idx=len(jobs),
            id=practice.id,
            kind="drill",
            minutes=practice.pass_minutes,
            rounds=practice.rounds,
            lane=practice.rounds[0],
            optional=False,
            priority=0 if from_outline else 2,
            from_outline=from_outline,
        )
        deadlines.date_job(job)
        for source in () if from_outline else practice.learn_from:
            p = by_id.get(source)
            if p is not None and not jobs[p].optional:
                job.preds.append(p)
                jobs[p].succs.append(job.idx)
        by_id.setdefault(practice.id, job.idx)
        jobs.append(job)


def release_pushed_and_pinned(
    jobs: list[Job], by_id: dict[str, int], progress: Progress, calendar: Calendar
) -> None:
    """A pushed job starts no earlier than the day it was pushed to; a pinned one starts on
    its day (pins before the calendar's first day are spent)."""
    for any_id, pushed in progress.pushed.items():
        p = by_id.get(any_id)
        if p is not None:
            jobs[p].release = max(jobs[p].release, calendar.index(pushed))
    for any_id, pinned in progress.pinned.items():
        p = by_id.get(any_id)
        if p is not None and pinned >= calendar.start:
            pin = calendar.index(pinned)
            jobs[p].pin = pin
            jobs[p].release = max(jobs[p].release, pin)


def continue_begun_today(
    jobs: list[Job], by_id: dict[str, int], progress: Progress, today: dt.date
) -> None:
    """An item begun today (minutes recorded, not finished, not pushed) is continued today,
    as far as the day holds it, before anything new is started."""
    for entry in progress.work:
        p = by_id.get(entry.id)
        if (
            p is not None
            and entry.on == today
            and entry.kind == "study"
            and jobs[p].pin is None
            and jobs[p].release <= 0
        ):
            jobs[p].pin = 0


def _break_cycles(jobs: list[Job]) -> None:
    """The loader refuses `requires` cycles; should one reach here anyway, the first job
    (in syllabus order) that can never start stops waiting for the unfinishable ones, until
    every job can be scheduled."""
    waiting = [len(j.preds) for j in jobs]
    done = [False] * len(jobs)
    queue = [j.idx for j in jobs if waiting[j.idx] == 0]
    cursor = 0
    while True:
        while queue:
            j = queue.pop()
            done[j] = True
            for s in jobs[j].succs:
                waiting[s] -= 1
                if waiting[s] == 0:
                    queue.append(s)
        while cursor < len(jobs) and done[cursor]:
            cursor += 1
        if cursor == len(jobs):
            return
        job = jobs[cursor]
        for p in job.preds:
            if not done[p]:
                jobs[p].succs.remove(cursor)
        job.preds = [p for p in job.preds if done[p]]
        waiting[cursor] = 0
        queue.append(cursor)


def _practised_on(progress: Progress) -> dict[str, list[dt.date]]:
    """Days each practice item was practised (reviews, coding attempts, mock rounds)."""
    days: dict[str, list[dt.date]] = {}
    for pid, at in (
        *((r.practice_id, r.at) for r in progress.reviews),
        *((a.practice_id, a.at) for a in progress.attempts),
        *((m.practice_id, m.at) for m in progress.mocks),
    ):
        days.setdefault(pid, []).append(at.date())
    return days


def _needs_drill(
    practice: PracticeItem, practised: list[dt.date] | None, latest: Outcome | None, today: dt.date
) -> bool:
    """A drill for what was never practised, and again for a coding task whose latest
    attempt was not solved (unless it was already practised today)."""
    if not practised:
        return True
    if practice.kind != "coding" or latest is None or latest == "solved":
        return False
    return all(day < today for day in practised)


def topological_order(jobs: Sequence[Job]) -> list[int]:
    """Jobs with every predecessor first; jobs caught in a cycle go last, in index order."""
    waiting = [len(j.preds) for j in jobs]
    order = [j.idx for j in jobs if waiting[j.idx] == 0]
    k = 0
    while k < len(order):
        for s in jobs[order[k]].succs:
            waiting[s] -= 1
            if waiting[s] == 0:
                order.append(s)
        k += 1
    if len(order) < len(jobs):
        seen = set(order)
        order.extend(j.idx for j in jobs if j.idx not in seen)
    return order


def _tighten(jobs: list[Job], calendar: Calendar) -> None:
    """Precedence-adjusted deadlines, keys and priorities, from the last job backwards.

    A job's deadline is at most that of what waits for it (items requiring it, drills it
    teaches), since it must be done first, and it is needed by every interview that needs
    what waits for it. Work
    is taken by deadline day (`tier_day`), which with such adjusted deadlines gives the least
    maximum lateness (Lawler); within a day, by `key`: the deadline as a position on the
    timeline of free study minutes, at most each successor's key less the successor's own
    work. A prerequisite is as important as what needs it. Optional work never makes a
    required prerequisite more urgent or more important.
    """
    cumulative: list[int] = []
    total = 0
    for minutes in calendar.free:
        total += minutes
        cumulative.append(total)
    n_days = len(cumulative)

    def position(day: int) -> int:
        if day >= NO_DEADLINE:
            return NO_KEY
        if day < 0 or n_days == 0:
            return 0
        return cumulative[min(day, n_days - 1)]

    for j in reversed(topological_order(jobs)):
        job = jobs[j]
        # Optional work never makes required work more urgent or more important.
        succs = [jobs[s] for s in job.succs if job.optional or not jobs[s].optional]
        for succ in succs:
            if succ.deadline < job.deadline:
                job.deadline, job.interview = succ.deadline, succ.interview
            job.priority = min(job.priority, succ.priority)
        if any(succ.needed_by.keys() - job.needed_by.keys() for succ in succs):
            for succ in succs:
                job.needed_by.update(succ.needed_by)
            job.ahead = tuple(sorted(job.needed_by.values()))
        due = job.deadline if job.pin is None else min(job.deadline, job.pin)
        key = position(due)
        for succ in succs:
            key = min(key, succ.key - succ.minutes)
            due = min(due, succ.tier_day)
        job.key = key
        job.tier_day = due
