"""Item detail: what an item is, where it stands, and its notes (Markdown, saved as typed)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.timer import Timer
from textual.widgets import Label, Markdown, Static, TextArea

from planner.core.labels import format_minutes
from planner.core.schedule.item_facts import ItemFacts, item_facts
from planner.tui.screens.base import PlannerScreen
from planner.tui.screens.plan_actions import ask_pin, push_after, refused_skipped, toggle_skip
from planner.tui.widgets.key_bar import KeyBar

SAVE_DELAY = 0.5
"""Seconds of quiet typing before the note is saved (it is also saved on leaving)."""


class ItemDetailScreen(PlannerScreen):
    HELP_GROUP = "Item detail"
    UNDO_HINT = "esc, then u to undo"  # (u here is typed into the note)

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="detail.back"),
        Binding("ctrl+s", "save", "Save note", id="detail.save", priority=True),
        Binding("ctrl+o", "open_link", "Open link", id="detail.link", priority=True),
        Binding("ctrl+g", "tick", "Done/undone", id="detail.tick", priority=True),
        Binding("ctrl+n", "focus_note", "Edit note", id="detail.edit", priority=True),
        Binding("ctrl+b", "skip", "Skip/unskip", id="detail.skip", priority=True),
        Binding("ctrl+r", "pin", "Pin date", id="detail.pin", priority=True),
        Binding("ctrl+l", "later", "Later", id="detail.later", priority=True),
    ]

    def __init__(self, item_id: str) -> None:
        super().__init__()
        self.item_id = item_id
        self._saved_text = ""
        self._save_timer: Timer | None = None
        self._editor: TextArea | None = None

    def compose(self) -> ComposeResult:
        item = self.workspace.syllabus.item(self.item_id)
        yield Static(Content(item.title if item else self.item_id), id="detail-title")
        with Horizontal(id="detail-body"):
            with VerticalScroll(id="facts"):
                yield Static(id="facts-text")
            with Vertical(id="notes"):
                yield Label("Notes (Markdown, saved as you type)", id="notes-label")
                yield TextArea(id="note-editor", soft_wrap=True, show_line_numbers=False)
                yield Label("Preview", id="preview-label")
                with VerticalScroll(id="preview-scroll"):
                    # links go through the app's http(s)-only check, never straight out
                    yield Markdown(id="note-preview", open_links=False)
        yield KeyBar()

    def on_mount(self) -> None:
        self._saved_text = self.workspace.note(self.item_id)
        editor = self._editor = self.query_one("#note-editor", TextArea)
        editor.load_text(self._saved_text)
        editor.move_cursor(editor.document.end)  # typing adds to the note, after what is there
        self._update_preview(self._saved_text)
        super().on_mount()
        # "saved as you type": typing goes straight into the note, without a key first
        editor.focus()

    def refresh_view(self) -> None:
        ws = self.workspace
        facts = item_facts(ws.syllabus, ws.progress, ws.schedule, self.item_id)
        if facts is None:
            return
        self.query_one("#facts-text", Static).update(self._facts_content(facts))

    def _facts_content(self, facts: ItemFacts) -> Content:
        ws = self.workspace
        item = ws.syllabus.item(self.item_id)
        lines: list[Content] = []

        def field(name: str, value: str | Content) -> None:
            lines.append(Content.assemble((f"{name}: ", "bold"), value))

        field("Resource", facts.resource)
        field("Link", facts.url or "none")
        field("Rounds", ", ".join(facts.rounds) or "none")
        field("Estimate", format_minutes(facts.minutes))
        field("Status", facts.status)
        if item is not None and item.item.description:
            lines += [Content(""), Content(item.item.description)]
        lines += [Content(""), Content.styled("Prerequisites", "bold $accent")]
        if not facts.prerequisites:
            lines.append(Content.styled("none", "$text-muted"))
        for _req_id, title, done in facts.prerequisites:
            lines.append(Content.assemble(("[x] " if done else "[ ] "), title))
        lines += [Content(""), Content.styled("Practice that learns from it", "bold $accent")]
        if not facts.practice:
            lines.append(Content.styled("none", "$text-muted"))
        for _pid, prompt in facts.practice:
            lines.append(Content.assemble("· ", prompt))
        lines += [Content(""), Content.styled("Planned", "bold $accent")]
        if not facts.planned:
            lines.append(Content.styled("nothing planned", "$text-muted"))
        for day, minutes in facts.planned[:10]:
            lines.append(Content(f"{day:%a %d %b}  {format_minutes(minutes)}"))
        lines += [Content(""), Content.styled("History", "bold $accent")]
        history = ws.history(self.item_id, limit=20)
        if not history:
            lines.append(Content.styled("nothing yet", "$text-muted"))
        for event in history:
            undone = " (undone)" if event.undone else ""
            when = event.at.astimezone() if event.at.tzinfo else event.at
            lines.append(Content(f"{when:%a %d %b %H:%M}  {event.describe()}{undone}"))
        return Content("\n").join(lines)

    # --- notes --------------------------------------------------------------------------

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(SAVE_DELAY, self._debounced_save)

    def _debounced_save(self) -> None:
        self._save_timer = None
        self.save_note()

    def _update_preview(self, text: str) -> None:
        self.query_one("#note-preview", Markdown).update(text or "*No notes yet.*")

    def save_note(self, *, preview: bool = True) -> None:
        """Write the note if it changed since the last save."""
        if self._editor is None:
            return
        text = self._editor.text
        if text != self._saved_text:
            self.workspace.save_note(self.item_id, text)
            self._saved_text = text
        if preview and self.is_mounted:
            self._update_preview(text)

    def on_screen_suspend(self) -> None:
        self.save_note()

    def on_unmount(self) -> None:
        if self._save_timer is not None:
            self._save_timer.stop()
        self.save_note(preview=False)

    # --- actions ------------------------------------------------------------------------

    def action_back(self) -> None:
        self.save_note()
        self.dismiss()

    def action_save(self) -> None:
        self.save_note()
        self.notify("Note saved", timeout=1)

    def action_open_link(self) -> None:
        item = self.workspace.syllabus.item(self.item_id)
        self.planner_app.open_link(item.url if item else None)

    def on_markdown_link_clicked(self, event: Markdown.LinkClicked) -> None:
        """A link in the note: opened only as the item's own link is (http and https)."""
        event.stop()
        self.planner_app.open_link(event.href)

    def action_tick(self) -> None:
        self.save_note()
        if refused_skipped(self, self.item_id, "ctrl+b"):
            return
        done = self.workspace.tick(self.item_id)
        self.changed()
        self.notify("Marked done" if done else "Marked not done", timeout=2)

    def action_skip(self) -> None:
        self.save_note(preview=False)  # the note typed first is its own action, before this
        toggle_skip(self, self.item_id)

    def action_pin(self) -> None:
        self.save_note(preview=False)
        ask_pin(self, self.item_id)

    def action_later(self) -> None:
        self.save_note(preview=False)
        push_after(self, self.item_id, self.workspace.today)

    def action_focus_note(self) -> None:
        self.query_one("#note-editor", TextArea).focus()
