"""What the mock round of an interview holds: a timed session of each kind its rounds
practise, as far as the mock day has room. A phone screen with coding gets a timed coding
question and a rapid-fire drill of its questions; ML design a design round on one of its
prompts; ML coding a timed coding task; ML theory a drill of its questions.

Which coding task or design prompt: the one least practised (never, or longest ago), in
syllabus order. The drill's questions are chosen when it starts (due and weakest first).
"""

from __future__ import annotations

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
