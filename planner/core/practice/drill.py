"""Choosing what to practise: the questions of a rapid-fire drill (due first, then the
weakest), and the rows of the Practice screen (due reviews, the re-practice queue, coding
tasks, design prompts, the log of attempts and mock rounds). Pure and deterministic."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from planner.core.practice.review import (
    cards,
    due_on,
    due_today,
    recall_on,
    repractice_queue,
)
from planner.core.progress import Progress, as_utc
from planner.core.schedule.types import PlannedReview
from planner.core.syllabus.model import Syllabus

DRILL_MINUTES = 15
"""Length of a rapid-fire drill (the phone screen's 10-15 minutes of ML questions)."""

MOCK_MINUTES = 45
"""Length of a mock design round."""

DESIGN_FRAMEWORK: tuple[str, ...] = (
    "clarify requirements",
    "metrics offline and online",
    "data and labels",
    "features",
    "baseline and model",
    "training",
    "evaluation",
    "serving and latency",
    "monitoring and iteration",
)
"""The steps of an ML design answer, each self-scored 0-2 in a mock round."""

OUTCOME_LABELS = {
    "solved": "solved",
    "solved-with-help": "solved with help",
    "not-solved": "not solved",
}


def choose_drill(
    syllabus: Syllabus,
    progress: Progress,
    today: dt.date,
    size: int,
    rounds: Iterable[str] | None = None,
) -> list[str]:
    """`size` question ids for a drill on `today` (optionally only of `rounds`).

    Questions due on or before today come first, earliest due first; then the rest by
    lowest recall today (never practised = 0), those whose study items are done before those
    still to be studied; ties by id.
    """
    wanted = set(rounds) if rounds is not None else None
    questions = [
        p
        for p in syllabus.practice
        if p.kind == "question" and (wanted is None or wanted & set(p.rounds))
    ]
    by_id = cards(progress, (q.id for q in questions))
    due: list[tuple[dt.date, str]] = []
    rest: list[tuple[float, bool, str]] = []
    for question in questions:
        card = by_id[question.id]
        due_day = due_on(card)
        if due_day is not None and due_day <= today:
            due.append((due_day, question.id))
        else:
            studied = all(progress.is_done(i) for i in question.learn_from)
            rest.append((recall_on(card, today), not studied, question.id))
    due.sort()
    rest.sort()
    chosen = [pid for _day, pid in due] + [pid for _r, _s, pid in rest]
    return chosen[:size]


Section = Literal["review", "repractice", "coding", "design"]


@dataclass(frozen=True, slots=True)
class PracticeRow:
    """One row of the Practice screen."""

    section: Section
    practice_id: str
    prompt: str
    rounds: tuple[str, ...]
    detail: str
    """Recall and due day of a review, last outcome of a coding task, best mock score."""

    @property
    def key(self) -> str:
        return f"{self.section}:{self.practice_id}"


def practice_rows(
    syllabus: Syllabus,
    progress: Progress,
    today: dt.date,
    planned: Sequence[PlannedReview] = (),
) -> list[PracticeRow]:
    """Reviews due today, then coding tasks to re-practise, then the other coding tasks, then
    the design prompts."""
    due = due_today(syllabus, progress, today, planned)
    queue = repractice_queue(syllabus, progress)
    latest = progress.latest_outcomes()
    by_id = cards(progress, due)
    rows: list[PracticeRow] = []
    for pid in due:
        practice = syllabus.practice_item(pid)
        if practice is None:
            continue
        card = by_id[pid]
        due_day = due_on(card)
        when = "new" if due_day is None else f"due {due_day:%d %b}"
        detail = f"recall {round(100 * recall_on(card, today))}% · {when}"
        rows.append(PracticeRow("review", pid, practice.prompt, practice.rounds, detail))
    for practice in syllabus.practice:
        if practice.kind == "coding":
            outcome = latest.get(practice.id)
            detail = OUTCOME_LABELS[outcome] if outcome else "not tried yet"
            section: Section = "repractice" if practice.id in queue else "coding"
            rows.append(PracticeRow(section, practice.id, practice.prompt, practice.rounds, detail))
        elif practice.kind == "design":
            scores = [m.score for m in progress.mocks if m.practice_id == practice.id]
            detail = f"best mock {round(100 * max(scores))}%" if scores else "no mock yet"
            rows.append(
                PracticeRow("design", practice.id, practice.prompt, practice.rounds, detail)
            )
    order = {"review": 0, "repractice": 1, "coding": 2, "design": 3}
    return sorted(rows, key=lambda r: order[r.section])


@dataclass(frozen=True, slots=True)
class LogRow:
    """A coding attempt or a mock round, for the practice log."""

    at: dt.datetime
    kind: Literal["attempt", "mock"]
    practice_id: str
    prompt: str
    result: str
    minutes: int
    notes: str


def practice_log_rows(syllabus: Syllabus, progress: Progress) -> list[LogRow]:
    """Coding attempts and mock rounds, newest first."""
    rows: list[LogRow] = []

    def prompt(pid: str) -> str:
        practice = syllabus.practice_item(pid)
        return practice.prompt if practice is not None else pid

    for a in progress.attempts:
        result = OUTCOME_LABELS[a.outcome]
        rows.append(
            LogRow(
                as_utc(a.at),
                "attempt",
                a.practice_id,
                prompt(a.practice_id),
                result,
                a.minutes,
                a.notes,
            )
        )
    for m in progress.mocks:
        total = sum(m.scores.values())
        result = f"{total}/{2 * len(m.scores)} ({round(100 * m.score)}%)"
        rows.append(
            LogRow(
                as_utc(m.at),
                "mock",
                m.practice_id,
                prompt(m.practice_id),
                result,
                m.minutes,
                m.notes,
            )
        )
    rows.sort(key=lambda r: (r.at, r.kind, r.practice_id), reverse=True)
    return rows
