"""`planner status --json`: readiness per round and per interview, shaped as CONTRACT.md."""

from __future__ import annotations

import json
from typing import Any

from planner.core.practice.readiness import Readiness, RoundReadiness


def _fraction(value: float | None) -> float:
    """A 0..1 figure rounded to two places (a round without practice items has recall 0)."""
    return round(min(1.0, max(0.0, value or 0.0)), 2)


def _round(r: RoundReadiness) -> dict[str, Any]:
    return {
        "id": r.round_id,
        "coverage": _fraction(r.coverage),
        "recall": _fraction(r.recall),
        "slack_days": r.slack_days,
        "short_minutes": r.short_minutes,
        "required_minutes": r.required_minutes,
        "done_minutes": r.done_minutes,
        "skipped_minutes": r.skipped_minutes,
    }


def status_document(result: Readiness) -> dict[str, Any]:
    """The `planner status --json` document: `rounds`, each judged against the first
    interview that has it; per interview, `round_figures`, its rounds judged against it (a
    round two interviews share is short by other minutes for each)."""
    return {
        "today": result.today.isoformat(),
        "rounds": [_round(r) for r in result.rounds],
        "interviews": [
            {
                "name": i.name,
                "date": i.date.isoformat(),
                "readiness": _fraction(i.readiness),
                "rounds": list(i.round_ids),
                "slack_days": i.slack_days,
                "short_minutes": i.short_minutes,
                "round_figures": [_round(r) for r in i.rounds],
            }
            for i in result.interviews
        ],
    }


def status_json(result: Readiness) -> str:
    return json.dumps(status_document(result), indent=2, ensure_ascii=False) + "\n"
