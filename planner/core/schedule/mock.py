"""What the mock round of an interview holds: a timed session of each kind its rounds
practise, as far as the mock day has room. A phone screen with coding gets a timed coding
question and a rapid-fire drill of its questions; ML design a design round on one of its
prompts; ML coding a timed coding task; ML theory a drill of its questions.

Which coding task or design prompt: the one least practised (never, or longest ago), in
syllabus order. The drill's questions are chosen when it starts (due and weakest first).

On the mock day itself the round stays the one planned that morning (its parts chosen from
the practice before today), less what is done of it: a coding part once the task is
attempted today, a design part once its mock round is saved today, the drill part once a
rapid-fire drill of its round's questions is done today (drill minutes, not reviews). When
every part is done, no mock round is left to hold time (`mock_left`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence

from planner.core.progress import Progress
from planner.core.schedule.types import MockPart
from planner.core.syllabus.model import PracticeItem, Syllabus

DESIGN_ROUND_MINUTES = 45
"""A mock design round (as a design prompt's practice pass)."""

RAPID_FIRE_MINUTES = 15
"""The rapid-fire drill of a mock round."""


def mock_parts(
    syllabus: Syllabus, progress: Progress, rounds: Sequence[str], minutes: int
) -> tuple[MockPart, ...]:
    """The parts of a mock round of `rounds` in `minutes`: a coding task, a design round and
    a rapid-fire drill, those the rounds have, in that order, while they fit (the first
    always, shortened to the time there is)."""
    wanted = set(rounds)
    own = [p for p in syllabus.practice if wanted & set(p.rounds)]
    candidates: list[MockPart] = []
    coding = _least_practised([p for p in own if p.kind == "coding"], progress)
    if coding is not None:
        candidates.append(MockPart("coding", coding.id, coding.pass_minutes))
    design = _least_practised([p for p in own if p.kind == "design"], progress)
    if design is not None:
        candidates.append(MockPart("design", design.id, DESIGN_ROUND_MINUTES))
    questions = [p for p in own if p.kind == "question"]
    if questions:
        drill_round = next(r for r in rounds if any(r in q.rounds for q in questions))
        candidates.append(MockPart("drill", drill_round, RAPID_FIRE_MINUTES))
    return _fitted(candidates, minutes)


MockRound = tuple[int, tuple[MockPart, ...] | None]
"""(minutes the round was planned at this morning, its parts now: None when all are done)."""


def planned_round(parts: tuple[MockPart, ...], minutes: int) -> MockRound:
    """A mock round nothing is done of yet: planned at what its parts take (`minutes` when
    it has none), all of it still to do."""
    return sum(p.minutes for p in parts) or minutes, parts


def mock_left(
    syllabus: Syllabus,
    progress: Progress,
    rounds: Sequence[str],
    planned_minutes: int,
    free_minutes: int,
    today: dt.date,
) -> MockRound:
    """Today's mock round of `rounds`: as planned this morning (in `planned_minutes`, from
    the practice before today), less the parts done today, in the `free_minutes` the day
    has left."""
    planned = mock_parts(syllabus, _before(progress, today), rounds, planned_minutes)
    morning, _ = planned_round(planned, planned_minutes)
    left = [p for p in planned if not _done_today(syllabus, progress, p, today)]
    if planned and not left:
        return morning, None
    return morning, _fitted(left, free_minutes)


def _done_today(syllabus: Syllabus, progress: Progress, part: MockPart, today: dt.date) -> bool:
    worked = [w for w in progress.work if w.on == today and w.minutes > 0]
    if part.kind == "coding":
        return any(w.kind == "coding" and w.id == part.id for w in worked)
    if part.kind == "design":
        return any(w.kind == "mock" and w.id == part.id for w in worked)
    questions = {p.id for p in syllabus.practice if p.kind == "question" and part.id in p.rounds}
    return any(w.kind == "drill" and w.id in questions for w in worked)


def _before(progress: Progress, today: dt.date) -> Progress:
    """The practice recorded before `today` (what the morning's choice was made from)."""
    return dataclasses.replace(
        progress,
        attempts=tuple(a for a in progress.attempts if a.at.date() < today),
        mocks=tuple(m for m in progress.mocks if m.at.date() < today),
        reviews=tuple(r for r in progress.reviews if r.at.date() < today),
    )


def _fitted(candidates: Sequence[MockPart], minutes: int) -> tuple[MockPart, ...]:
    """The parts, in order, while they fit in `minutes` (the first always, shortened to the
    time there is)."""
    parts: list[MockPart] = []
    left = minutes
    for part in candidates:
        if part.minutes <= left:
            parts.append(part)
            left -= part.minutes
        elif not parts and left > 0:
            parts.append(MockPart(part.kind, part.id, left))
            left = 0
    return tuple(parts)


def _least_practised(items: Sequence[PracticeItem], progress: Progress) -> PracticeItem | None:
    """Never practised first, then the one practised longest ago (syllabus order on ties)."""
    if not items:
        return None
    last: dict[str, float] = {}
    for practice_id, at in (
        *((a.practice_id, a.at) for a in progress.attempts),
        *((m.practice_id, m.at) for m in progress.mocks),
        *((r.practice_id, r.at) for r in progress.reviews),
    ):
        stamp = at.timestamp()
        last[practice_id] = max(last.get(practice_id, stamp), stamp)
    order = {p.id: k for k, p in enumerate(items)}
    return min(items, key=lambda p: (p.id in last, last.get(p.id, 0.0), order[p.id]))
