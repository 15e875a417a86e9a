"""Syllabus: round -> resource -> item, with progress on every node, a filter, and ticks."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Input, Tree
from textual.widgets.tree import TreeNode

from planner.core.labels import format_minutes
from planner.core.syllabus.model import StudyItem
from planner.core.syllabus.node_progress import needed_rounds, node_progress
from planner.tui.screens.base import PlannerScreen
from planner.tui.screens.plan_actions import refused_skipped, toggle_skip
from planner.tui.widgets.cells import cell
from planner.tui.widgets.key_bar import KeyBar
from planner.tui.widgets.mode_tabs import ModeTabs

NO_ROUND = "(no round)"

LEVEL_INDENT = {"round": 2, "resource": 5, "item": 8}
"""Cells the tree's guides and toggle take before a node's label, by level."""

SCROLLBAR = 2
"""Cells of the tree's vertical scrollbar."""


@dataclass(frozen=True, slots=True)
class NodeRef:
    """What a tree node stands for: a round, a resource within a round, or an item."""

    kind: str
    id: str
    item_ids: tuple[str, ...]


class SyllabusScreen(PlannerScreen):
    MODE = "syllabus"
    HELP_GROUP = "Syllabus"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "tick", "Done", id="syllabus.tick", key_display="space", priority=True),
        Binding("enter", "open_item", "Open / expand", id="syllabus.open", priority=True),
        Binding("x", "skip", "Skip", id="syllabus.skip"),
        Binding("slash", "filter", "Filter", id="syllabus.filter", key_display="/"),
        Binding("escape", "clear_filter", "Clear filter", id="syllabus.clear"),
        Binding("e", "expand_all", "Expand all", id="syllabus.expand"),
        Binding("c", "collapse_all", "Collapse", id="syllabus.collapse"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._tree_nodes: list[TreeNode[NodeRef]] = []
        self._query = ""
        self._labelled_width = 0

    def compose(self) -> ComposeResult:
        yield ModeTabs(self.MODE, self.workspace.today)
        yield Input(placeholder="Filter by title, resource or id (esc clears)", id="filter")
        tree: Tree[NodeRef] = Tree("Syllabus", id="syllabus-tree")
        tree.show_root = False
        tree.guide_depth = 3
        yield tree
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#filter", Input).display = False
        self._build()
        super().on_mount()
        self.query_one("#syllabus-tree", Tree).focus()

    # --- building and labelling ---------------------------------------------------------

    def _matches(self, item: StudyItem) -> bool:
        if not self._query:
            return True
        needle = self._query.casefold()
        return any(
            needle in text.casefold()
            for text in (item.title, item.id, item.resource.title, item.item.description)
        )

    def _build(self) -> None:
        syllabus = self.workspace.syllabus
        tree: Tree[NodeRef] = self.query_one("#syllabus-tree", Tree)
        previous = tree.cursor_node.data if tree.cursor_node is not None else None
        tree.clear()
        self._tree_nodes = []
        rounds = [(r.id, r.name) for r in syllabus.rounds]
        if any(not i.rounds for i in syllabus.items):
            rounds.append((NO_ROUND, "Items of no round"))
        filtering = bool(self._query)
        for round_id, round_name in rounds:
            # A node's progress is always over all its items: a filter hides leaves, it
            # does not make a resource "done" because its one matching item is.
            of_round = [
                i
                for i in syllabus.items
                if round_id in i.rounds or (round_id == NO_ROUND and not i.rounds)
            ]
            items = [i for i in of_round if self._matches(i)]
            if not items:
                continue
            round_node = tree.root.add(
                round_name, NodeRef("round", round_id, tuple(i.id for i in of_round))
            )
            self._tree_nodes.append(round_node)
            by_resource: dict[str, list[StudyItem]] = {}
            for item in items:
                by_resource.setdefault(item.resource.id, []).append(item)
            for resource_id, resource_items in by_resource.items():
                all_ids = tuple(i.id for i in of_round if i.resource.id == resource_id)
                resource_node = round_node.add(
                    resource_items[0].resource.title,
                    NodeRef("resource", resource_id, all_ids),
                    expand=filtering,
                )
                self._tree_nodes.append(resource_node)
                for item in resource_items:
                    leaf = resource_node.add_leaf(item.title, NodeRef("item", item.id, (item.id,)))
                    self._tree_nodes.append(leaf)
            round_node.expand()
        self._label_all()
        self.call_after_refresh(self._cursor_back_to, previous)

    def _cursor_back_to(self, previous: NodeRef | None) -> None:
        """Back on the node the cursor was on before the tree was rebuilt (a filter typed
        or cleared), opening what hides it; else on the first node."""
        tree: Tree[NodeRef] = self.query_one("#syllabus-tree", Tree)
        same = next(
            (
                n
                for n in self._tree_nodes
                if previous is not None
                and n.data is not None
                and (n.data.kind, n.data.id) == (previous.kind, previous.id)
            ),
            None,
        )
        if same is not None:
            parent = same.parent
            while parent is not None:
                parent.expand()
                parent = parent.parent
            self.call_after_refresh(tree.move_cursor, same)
        elif tree.cursor_node is None and tree.root.children:
            tree.move_cursor(tree.root.children[0])

    def _label_all(self) -> None:
        ws = self.workspace
        syllabus, progress = ws.syllabus, ws.progress
        needed = needed_rounds(ws.plan)
        self._labelled_width = width = self.size.width or 120
        for node in self._tree_nodes:
            ref = node.data
            if ref is None:
                continue
            # the title is cut so that the progress after it stays on screen, also when a
            # filter expands the tree and its scrollbar takes the last cells
            room = width - 4 - SCROLLBAR - LEVEL_INDENT[ref.kind]
            if ref.kind == "item":
                item = syllabus.item(ref.id)
                if item is None:
                    continue
                state = progress.of(ref.id)
                done, skipped = state.done, state.skipped and not state.done
                left = progress.remaining(ref.id, item.minutes)
                status = (
                    "done" if done else "skipped" if skipped else f"{format_minutes(left)} left"
                )
                suffix = f"  {status}"
                if item.optional and not done and not skipped:
                    suffix += ", optional"
                if not needed.intersection(item.rounds):
                    suffix += ", not needed"
                mark = "[x] " if done else "[-] " if skipped else "[ ] "
                label = Text.assemble(
                    (mark, "bold" if done else ""),
                    cell(item.title, room - 4 - len(suffix), "strike" if done else ""),
                    (suffix, "dim italic"),
                )
                if skipped or not needed.intersection(item.rounds):
                    label.stylize("dim")
            else:
                summary = "  " + _node_summary(self, ref.item_ids)
                label = Text.assemble(
                    cell(
                        _title_of(self, ref),
                        room - len(summary),
                        "bold" if ref.kind == "round" else "",
                    ),
                    (summary, "dim"),
                )
                if not _any_needed(syllabus_items(self, ref.item_ids), needed):
                    label.stylize("dim")
            node.set_label(label)

    def on_resize(self) -> None:
        if self._tree_nodes and self.size.width != self._labelled_width:
            self._label_all()

    def refresh_view(self) -> None:
        self._label_all()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Space and enter belong to the filter field while it is being typed in.
        return not (action in ("tick", "open_item", "skip") and isinstance(self.focused, Input))

    # --- actions ------------------------------------------------------------------------

    def _cursor_ref(self) -> NodeRef | None:
        node = self.query_one("#syllabus-tree", Tree).cursor_node
        return node.data if node is not None else None

    def action_tick(self) -> None:
        ref = self._cursor_ref()
        if ref is None or ref.kind != "item":
            node = self.query_one("#syllabus-tree", Tree).cursor_node
            if node is not None and node.allow_expand:
                node.toggle()
            return
        if refused_skipped(self, ref.id, "x"):
            return
        done = self.workspace.tick(ref.id)
        self.changed()
        item = self.workspace.syllabus.item(ref.id)
        title = item.title if item else ref.id
        self.notify(f"{'Done' if done else 'Not done'}: {title}", timeout=2, markup=False)

    def action_skip(self) -> None:
        """Skip the item under the cursor, or take it back into the plan."""
        ref = self._cursor_ref()
        if ref is None or ref.kind != "item":
            self.notify("Put the cursor on a study item", severity="warning", timeout=2)
            return
        toggle_skip(self, ref.id)

    def action_open_item(self) -> None:
        tree = self.query_one("#syllabus-tree", Tree)
        node = tree.cursor_node
        if node is None or node.data is None:
            return
        if node.data.kind == "item":
            self.planner_app.open_item(node.data.id)
        else:
            node.toggle()

    def action_filter(self) -> None:
        field = self.query_one("#filter", Input)
        field.display = True
        field.focus()

    def action_clear_filter(self) -> None:
        field = self.query_one("#filter", Input)
        field.value = ""
        field.display = False
        self.query_one("#syllabus-tree", Tree).focus()

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self._query = event.value.strip()
        self._build()

    @on(Input.Submitted, "#filter")
    def _filter_submitted(self) -> None:
        self.query_one("#syllabus-tree", Tree).focus()

    def action_expand_all(self) -> None:
        self.query_one("#syllabus-tree", Tree).root.expand_all()

    def action_collapse_all(self) -> None:
        tree = self.query_one("#syllabus-tree", Tree)
        for node in tree.root.children:
            for child in node.children:
                child.collapse()


def _title_of(screen: SyllabusScreen, ref: NodeRef) -> str:
    syllabus = screen.workspace.syllabus
    if ref.kind == "round":
        found = syllabus.round(ref.id)
        return found.name if found else ref.id
    resource = syllabus.resource(ref.id)
    return resource.title if resource else ref.id


def syllabus_items(screen: SyllabusScreen, ids: Sequence[str]) -> list[StudyItem]:
    syllabus = screen.workspace.syllabus
    return [i for i in (syllabus.item(x) for x in ids) if i is not None]


def _any_needed(items: Sequence[StudyItem], needed: frozenset[str]) -> bool:
    return any(needed.intersection(i.rounds) for i in items)


def _node_summary(screen: SyllabusScreen, ids: Sequence[str]) -> str:
    """ "0/31 done, 11h25m left + 86h optional": optional items are counted apart, so that the
    minutes left agree with what the plan and Readiness count (required items only)."""
    ws = screen.workspace
    node = node_progress(ws.syllabus, ws.progress, ids)
    optional_left = sum(
        ws.progress.remaining(i.id, i.minutes)
        for i in syllabus_items(screen, ids)
        if i.optional and not ws.progress.is_done(i.id)
    )
    if not optional_left or node.finished:
        return node.text
    optional = f"{format_minutes(optional_left)} optional"
    required_left = node.minutes_left - optional_left
    if not required_left:
        return f"{node.counts}, {optional} left"
    return f"{node.counts}, {format_minutes(required_left)} left + {optional}"
