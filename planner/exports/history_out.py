"""`planner history`: the History screen's figures as text and as JSON (its shape is in the
README)."""

from __future__ import annotations

import json
from typing import Any

from planner.core.labels import format_minutes
from planner.core.practice.history import History

BAR_WIDTH = 24


def history_json(result: History, weeks: int | None = None) -> str:
    """The figures as JSON: totals, streaks, every week and every day (the last `weeks`)."""
    shown_weeks = result.weeks[-weeks:] if weeks else result.weeks
    first = shown_weeks[0].start if shown_weeks else result.today
    document: dict[str, Any] = {
        "today": result.today.isoformat(),
        "total_minutes": result.total_minutes,
        "days_with_work": result.days_with_work,
        "current_streak": result.current_streak,
        "longest_streak": result.longest_streak,
        "rounds": list(result.rounds),
        "reviews": result.reviews,
        "weeks": [
            {
                "start": w.start.isoformat(),
                "minutes": w.minutes,
                "planned_minutes": w.planned,
                "by_round": w.by_round,
                "reviews": w.reviews,
            }
            for w in shown_weeks
        ],
        "days": [
            {
                "date": d.date.isoformat(),
                "minutes": d.minutes,
                "capacity": d.capacity,
                "by_round": d.by_round,
                "reviews": d.reviews,
            }
            for d in result.days
            if d.date >= first
        ],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def history_text(result: History, weeks: int | None = None) -> str:
    """Totals and streaks, then a line per week: done against the plan's minutes."""
    lines = [
        f"History to {result.today.isoformat()}: {format_minutes(result.total_minutes)} on "
        f"{result.days_with_work} day{'' if result.days_with_work == 1 else 's'}; "
        f"streak {result.current_streak} (longest {result.longest_streak})",
    ]
    reviews = result.reviews
    if any(reviews.values()):
        counts = ", ".join(f"{rating} {n}" for rating, n in reviews.items() if n)
        lines.append(f"Reviews: {sum(reviews.values())} ({counts})")
    shown = result.weeks[-weeks:] if weeks else result.weeks
    if shown:
        lines += ["", f"{'week of':<11} {'done':>7} {'of plan':>8}  "]
    top = max([w.planned for w in shown] + [w.minutes for w in shown] + [1])
    for w in shown:
        filled = round(BAR_WIDTH * w.minutes / top)
        bar = "█" * filled + "·" * max(0, round(BAR_WIDTH * w.planned / top) - filled)
        lines.append(
            f"{w.start.isoformat():<11} {format_minutes(w.minutes):>7} "
            f"{format_minutes(w.planned):>8}  {bar}"
        )
    if result.rounds:
        lines += ["", "By round:"]
        totals = {r: sum(d.by_round.get(r, 0) for d in result.days) for r in result.rounds}
        lines += [f"  {r:<14} {format_minutes(m):>7}" for r, m in totals.items()]
    return "\n".join(lines) + "\n"
