"""`planner export anki`: the practice items as an Anki deck (genanki), for review on a
phone with AnkiDroid or AnkiMobile.

Each practice item is one note: its prompt on the front; its answer outline and the items
that teach it on the back; tagged by round, difficulty and kind. Note GUIDs come from the
practice id, and the deck and note type ids from fixed names, so that importing a newer
export updates the cards already there instead of adding copies."""

from __future__ import annotations

import hashlib
import html
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from planner.core.labels import without_controls

if TYPE_CHECKING:
    from planner.core.syllabus.model import PracticeItem, Syllabus
    from planner.exports import ExportSource

MODEL_NAME = "planner practice card"
FIELDS = ("Prompt", "Answer", "Teaches", "Rounds", "Id")

CARD_CSS = """
.card { font-family: sans-serif; font-size: 18px; text-align: left; line-height: 1.4; }
.teaches { color: #666; font-size: 15px; }
.rounds { color: #888; font-size: 13px; }
"""


def stable_id(name: str) -> int:
    """An Anki id (a positive 31-bit number above 2^30) that depends only on `name`."""
    digest = int.from_bytes(hashlib.sha256(name.encode("utf-8")).digest()[:8], "big")
    return (1 << 30) + digest % (1 << 30)


def note_guid(practice_id: str) -> str:
    """The note's GUID: the same practice id gives the same GUID in every export."""
    import genanki

    guid: str = genanki.guid_for("planner", practice_id)
    return guid


def _html(text: str) -> str:
    """A person's text as HTML text, never as markup: escaped, lines kept."""
    return html.escape(without_controls(text).strip()).replace("\n", "<br>")


def _tag(text: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in text)


def fields_of(practice: PracticeItem, syllabus: Syllabus) -> list[str]:
    titles = []
    for item_id in practice.learn_from:
        item = syllabus.item(item_id)
        titles.append(item.title if item is not None else item_id)
    rounds = []
    for round_id in practice.rounds:
        found = syllabus.round(round_id)
        rounds.append(found.name if found is not None else round_id)
    teaches = "Learn from: " + "; ".join(titles) if titles else ""
    answer = practice.answer or "(no answer outline in the syllabus)"
    return [
        _html(practice.prompt),
        _html(answer),
        _html(teaches),
        _html(", ".join(rounds)),
        _html(practice.id),
    ]


def tags_of(practice: PracticeItem) -> list[str]:
    tags = [f"round::{_tag(r)}" for r in practice.rounds]
    tags.append(f"kind::{practice.kind}")
    if practice.difficulty is not None:
        tags.append(f"difficulty::{practice.difficulty}")
    return tags


def deck_bytes(syllabus: Syllabus) -> bytes:
    """The .apkg file of every practice item of `syllabus`."""
    import genanki

    model = genanki.Model(
        stable_id(MODEL_NAME),
        MODEL_NAME,
        fields=[{"name": name} for name in FIELDS],
        templates=[
            {
                "name": "Prompt to answer",
                "qfmt": "{{Prompt}}<div class=rounds>{{Rounds}}</div>",
                "afmt": "{{FrontSide}}<hr id=answer>{{Answer}}<p class=teaches>{{Teaches}}</p>",
            }
        ],
        css=CARD_CSS,
    )
    deck_name = f"planner: {without_controls(syllabus.title)}"
    deck = genanki.Deck(stable_id("planner deck"), deck_name)
    for practice in syllabus.practice:
        deck.add_note(
            genanki.Note(
                model=model,
                fields=fields_of(practice, syllabus),
                tags=tags_of(practice),
                guid=note_guid(practice.id),
            )
        )
    with tempfile.TemporaryDirectory(prefix="planner-anki-") as folder:
        path = Path(folder) / "deck.apkg"
        genanki.Package(deck).write_to_file(str(path))
        return path.read_bytes()


def export_anki(source: ExportSource) -> bytes:
    return deck_bytes(source.syllabus())
