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
    skipped: int = 0
    """Items skipped (not done, out of the plan): neither done nor left."""

    @property
    def finished(self) -> bool:
        """Nothing is left: every item is done or skipped."""
        return bool(self.total) and self.done + self.skipped == self.total

    @property
    def counts(self) -> str:
        """ "7/11 done" (", 2 skipped" when some are)."""
        skipped = f", {self.skipped} skipped" if self.skipped else ""
        return f"{self.done}/{self.total} done{skipped}"

    @property
    def text(self) -> str:
        """ "7/11 done, 5h10m left" (or "all 11 done", "all 3 skipped", "9 done, 2 skipped")."""
        if self.finished:
            if not self.skipped:
                return f"all {self.total} done" if self.total > 1 else "done"
            if not self.done:
                return f"all {self.total} skipped" if self.total > 1 else "skipped"
            return f"{self.done} done, {self.skipped} skipped"
        return f"{self.counts}, {format_minutes(self.minutes_left)} left"


def node_progress(syllabus: Syllabus, progress: Progress, item_ids: Iterable[str]) -> NodeProgress:
    """Done and skipped counts and minutes left over `item_ids` (unknown ids are ignored)."""
    done = skipped = total = left = 0
    for item_id in item_ids:
        item = syllabus.item(item_id)
        if item is None:
            continue
        total += 1
        state = progress.items.get(item_id)
        if state is not None and state.done:
            done += 1
        elif state is not None and state.skipped:
            skipped += 1
        else:
            left += progress.remaining(item_id, item.minutes)
    return NodeProgress(done=done, total=total, minutes_left=left, skipped=skipped)


def needed_rounds(plan: Plan | None) -> frozenset[str]:
    """Rounds of any interview of the plan."""
    if plan is None:
        return frozenset()
    return frozenset(r for interview in plan.interviews for r in interview.rounds)


# --- today ---------------------------------------------------------------------------------
