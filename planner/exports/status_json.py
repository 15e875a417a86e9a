"""`planner status --json`: readiness per round and per interview, shaped as CONTRACT.md."""

from __future__ import annotations

import json
from typing import Any

from planner.core.practice.readiness import Readiness


def _fraction(value: float | None) -> float:
    """A 0..1 figure rounded to two places (a round without practice items has recall 0)."""
    return round(min(1.0, max(0.0, value or 0.0)), 2)


def status_document(result: Readiness) -> dict[str, Any]:
    """The `planner status --json` document."""
    return {
        "today": result.today.isoformat(),
        "rounds": [
            {
                "id": r.round_id,
                "coverage": _fraction(r.coverage),
                "recall": _fraction(r.recall),
                "slack_days": r.slack_days,
                "short_minutes": r.short_minutes,
                "required_minutes": r.required_minutes,
                "done_minutes": r.done_minutes,
                "skipped_minutes": r.skipped_minutes,
            }
            for r in result.rounds
        ],
        "interviews": [
            {
                "name": i.name,
                "date": i.date.isoformat(),
                "readiness": _fraction(i.readiness),
                "rounds": list(i.round_ids),
                "slack_days": i.slack_days,
                "short_minutes": i.short_minutes,
            }
            for i in result.interviews
        ],
    }


def status_json(result: Readiness) -> str:
    return json.dumps(status_document(result), indent=2, ensure_ascii=False) + "\n"
