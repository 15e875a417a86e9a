"""Progress per node of the syllabus tree, and which items any interview needs."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from planner.core.labels import format_minutes
from planner.core.plan import Plan
from planner.core.progress import Progress
from planner.core.syllabus.model import Syllabus


@dataclass(frozen=True, slots=True)
class NodeProgress:
    """Progress over a set of study items (a round, a resource, one item)."""

    done: int
    total: int
    minutes_left: int

    @property
    def text(self) -> str:
        """ "7/11 done, 5h10m left" (or "all 11 done")."""
        if self.total and self.done == self.total:
            return f"all {self.total} done" if self.total > 1 else "done"
        return f"{self.done}/{self.total} done, {format_minutes(self.minutes_left)} left"


def node_progress(syllabus: Syllabus, progress: Progress, item_ids: Iterable[str]) -> NodeProgress:
    """Done count and minutes left over `item_ids` (unknown ids are ignored)."""
    done = total = left = 0
    for item_id in item_ids:
        item = syllabus.item(item_id)
        if item is None:
            continue
        total += 1
        if progress.is_done(item_id):
            done += 1
        else:
            left += progress.remaining(item_id, item.minutes)
    return NodeProgress(done=done, total=total, minutes_left=left)


def needed_rounds(plan: Plan | None) -> frozenset[str]:
    """Rounds of any interview of the plan."""
    if plan is None:
        return frozenset()
    return frozenset(r for interview in plan.interviews for r in interview.rounds)


# --- today ---------------------------------------------------------------------------------
