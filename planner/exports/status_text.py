"""`planner status`: readiness as a readable table with bars, for a terminal."""

from __future__ import annotations

from planner.core.labels import format_minutes
from planner.core.practice.readiness import (
    COVERAGE_WEIGHT,
    PRACTICE_WEIGHT,
    RECALL_WEIGHT,
    Readiness,
    RoundReadiness,
)
from planner.core.schedule.standing import standing_text
from planner.core.syllabus.model import Syllabus

BAR_WIDTH = 8
PROMPT_WIDTH = 72
"""Characters of a weak question's prompt shown (the line then fits 80 columns)."""
FORMULA = (
    f"readiness = mean over rounds of {COVERAGE_WEIGHT:g} coverage + {RECALL_WEIGHT:g} recall"
    f" + {PRACTICE_WEIGHT:g} practice"
)
"""How the headline is made, from the weights readiness uses."""


def bar(fraction: float, width: int = BAR_WIDTH) -> str:
    """`███░░░░░░░` for 0.3: full blocks for the share done, light shade for the rest."""
    full = round(min(1.0, max(0.0, fraction)) * width)
    return "█" * full + "░" * (width - full)


def percent(fraction: float) -> str:
    return f"{round(100 * min(1.0, max(0.0, fraction))):3d}%"


def clip(text: str, width: int) -> str:
    """`text` on one line (whitespace collapsed), cut to `width` with an ellipsis."""
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1].rstrip() + "…"


def practice_text(r: RoundReadiness) -> str:
    p = r.practice
    if p.items == 0:
        return "no practice items"
    text = f"{p.practised}/{p.items} practised, {p.reviews} review{'' if p.reviews == 1 else 's'}"
    if p.attempts:
        text += f", {p.attempts} attempt{'' if p.attempts == 1 else 's'}"
    if p.mock_score is not None:
        text += f", {p.mocks} mock{'' if p.mocks == 1 else 's'} avg {round(100 * p.mock_score)}%"
    return text


def _round_lines(r: RoundReadiness) -> list[str]:
    recall = f"{bar(r.recall)} {percent(r.recall)}" if r.recall is not None else "-"
    # (coverage is over the required and the skipped study)
    of = format_minutes(r.required_minutes + r.skipped_minutes)
    minutes = f"{format_minutes(r.done_minutes)}/{of}"
    return [
        f"  {r.round_id[:14]:<14} {bar(r.coverage)} {percent(r.coverage)} {minutes:>12}"
        f"  {recall:<13}  {standing_text(r.short_minutes, r.slack_days)}",
        f"  {'':<14} practice: {practice_text(r)}"
        + (
            f" · {format_minutes(r.skipped_minutes)} of its study skipped"
            if r.skipped_minutes
            else ""
        ),
    ]


def status_text(result: Readiness, syllabus: Syllabus, recall_target: float = 0.9) -> str:
    """Per interview: the headline and one line per round; then the weakest questions
    (those below the recall target)."""
    lines = [f"Readiness on {result.today.isoformat()}"]
    if not result.interviews:
        lines.append("No upcoming interview: add one with 'planner init --interview ...'.")
        return "\n".join(lines) + "\n"
    for interview in result.interviews:
        days = (interview.date - result.today).days
        when = "today" if days == 0 else f"in {days} day{'s' if days != 1 else ''}"
        lines += [
            "",
            f"{interview.name}  {interview.date.isoformat()} ({when})  "
            f"readiness {bar(interview.readiness)} {percent(interview.readiness).strip()}"
            f"  {standing_text(interview.short_minutes, interview.slack_days)}",
            f"  {'round':<14} {'coverage':<13} {'done':>12}  {'recall':<13}  on track",
        ]
        for r in interview.rounds:
            lines += _round_lines(r)
    weak = [w for w in result.weakest if w.recall < recall_target]
    if weak:
        lines += ["", "Weakest questions (recall on interview day):"]
        for w in weak[:5]:
            practice = syllabus.practice_item(w.practice_id)
            prompt = practice.prompt if practice is not None else w.practice_id
            lines.append(f"  {percent(w.recall)}  {clip(prompt, PROMPT_WIDTH)}")
    lines += ["", FORMULA + "."]
    return "\n".join(lines) + "\n"
