"""`planner export anki`: an .apkg (a zip holding a SQLite collection) with one note per
practice item, fields and tags as the README says, and GUIDs that stay the same from one
export to the next, so that a re-import updates cards instead of duplicating them."""

from __future__ import annotations

import sqlite3
import zipfile
from pathlib import Path

import genanki
from click.testing import CliRunner, Result

from planner.cli import cli
from planner.core.syllabus.loading import load_syllabus
from planner.paths import bundled_syllabus

FIXTURE = Path(__file__).parent / "fixtures" / "store_syllabus.yaml"


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


Note = tuple[str, list[str], list[str]]


def notes_of(apkg: Path, tmp_path: Path) -> tuple[list[Note], set[int], list[str]]:
    """(guid, fields, tags) of every note; the note type ids; the deck names."""
    with zipfile.ZipFile(apkg) as archive:
        archive.extract("collection.anki2", tmp_path)
    conn = sqlite3.connect(tmp_path / "collection.anki2")
    try:
        notes = [
            (guid, fields.split("\x1f"), tags.split())
            for guid, fields, tags in conn.execute("SELECT guid, flds, tags FROM notes")
        ]
        models = {mid for (mid,) in conn.execute("SELECT DISTINCT mid FROM notes")}
        import json

        (decks_json,) = conn.execute("SELECT decks FROM col").fetchone()
        decks = [d["name"] for d in json.loads(decks_json).values()]
    finally:
        conn.close()
    return notes, models, decks


def test_every_practice_item_is_a_note_with_its_fields_tags_and_guid(tmp_path: Path) -> None:
    out = tmp_path / "prep.apkg"
    result = run("export", "anki", "-o", str(out))
    assert result.exit_code == 0, result.output
    notes, models, decks = notes_of(out, tmp_path)
    syllabus = load_syllabus([bundled_syllabus()])
    assert len(notes) == len(syllabus.practice) and len(models) == 1
    assert f"planner: {syllabus.title}" in decks
    by_id = {fields[4]: (guid, fields, tags) for guid, fields, tags in notes}
    kmeans = syllabus.practice_item("code-kmeans")
    assert kmeans is not None
    guid, fields, tags = by_id["code-kmeans"]
    assert guid == genanki.guid_for("planner", "code-kmeans")
    assert fields[0] == kmeans.prompt
    assert fields[1].startswith("- Initialise k centroids") and "<br>" in fields[1]
    assert fields[2].startswith("Learn from: ")
    assert fields[3] == "ML coding (onsite)"
    assert sorted(tags) == ["difficulty::medium", "kind::coding", "round::ml-coding"]
    assert len({guid for guid, _, _ in notes}) == len(notes)


def test_a_newer_export_keeps_guids_and_ids_and_carries_the_edit(tmp_path: Path) -> None:
    first, second = tmp_path / "one.apkg", tmp_path / "two.apkg"
    assert run("--syllabus", str(FIXTURE), "export", "anki", "-o", str(first)).exit_code == 0
    edited = tmp_path / "edited.yaml"
    text = FIXTURE.read_text(encoding="utf-8")
    edited.write_text(
        text.replace(
            "prompt: Explain the bias-variance tradeoff.", "prompt: Explain bias & variance."
        ),
        encoding="utf-8",
    )
    assert run("--syllabus", str(edited), "export", "anki", "-o", str(second)).exit_code == 0
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    before, models_before, decks_before = notes_of(first, tmp_path / "a")
    after, models_after, decks_after = notes_of(second, tmp_path / "b")
    assert [g for g, _, _ in before] == [g for g, _, _ in after]
    assert models_before == models_after and decks_before == decks_after
    changed = [f[0] for _, f, _ in after if f[4] == "q-bias-variance"]
    assert changed == ["Explain bias &amp; variance."]


def test_text_is_escaped_never_markup(tmp_path: Path) -> None:
    hostile = tmp_path / "hostile.yaml"
    text = FIXTURE.read_text(encoding="utf-8")
    hostile.write_text(
        text.replace(
            "prompt: Explain the bias-variance tradeoff.",
            'prompt: "<script>alert(1)</script> <b>bold</b>"',
        ),
        encoding="utf-8",
    )
    out = tmp_path / "h.apkg"
    assert run("--syllabus", str(hostile), "export", "anki", "-o", str(out)).exit_code == 0
    notes, _, _ = notes_of(out, tmp_path)
    (prompt,) = [f[0] for _, f, _ in notes if f[4] == "q-bias-variance"]
    assert prompt == "&lt;script&gt;alert(1)&lt;/script&gt; &lt;b&gt;bold&lt;/b&gt;"


def test_to_standard_output_it_writes_the_zip_bytes() -> None:
    result = CliRunner().invoke(cli, ["export", "anki"], catch_exceptions=False)
    assert result.exit_code == 0
    assert result.stdout_bytes.startswith(b"PK\x03\x04")


def test_an_unwritable_output_is_one_line(tmp_path: Path) -> None:
    result = run("export", "anki", "-o", str(tmp_path / "no" / "such" / "prep.apkg"))
    assert result.exit_code == 1
    assert result.stderr.startswith("planner: cannot write ") and "Traceback" not in result.output
