"""Terminal escape sequences never get in (issue 12.2): a control character (C0 but tab and
newline, DEL, C1) in any text of a syllabus file, an interview name, an imported note or a
url is refused with a clear message; a note typed or pasted in the app loses them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import cli
from planner.store.store import Store
from planner.tui.plan_form import FieldError, read_interview
from tests.tui_support import TODAY, store_with_plan

BASE = """syllabus: s
title: {title}
rounds:
  - {{id: r, name: {round_name}}}
resources:
  - id: b
    title: {resource}
    author: {author}
    kind: book
    rounds: [r]
    url: {url}
    items:
      - {{id: b/1, title: {item}, minutes: 30, description: {description}}}
practice:
  - {{id: q, kind: question, prompt: {prompt}, rounds: [r], answer: {answer}}}
"""
FIELDS = ("title", "round_name", "resource", "author", "url", "item", "description", "prompt")
FIELDS += ("answer",)
CLEAN = {f: '"fine"' for f in FIELDS} | {"url": "https://example.org/x"}


def syllabus_with(tmp_path: Path, field: str, value: str) -> Path:
    path = tmp_path / f"{field}.yaml"
    path.write_text(BASE.format(**(CLEAN | {field: value})), encoding="utf-8")
    return path


def test_the_clean_file_loads(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["validate", str(syllabus_with(tmp_path, "title", '"ok"'))])
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize(
    ("escape", "code"),
    [("\\e]2;PWNED\\a", "U+001B"), ("\\x9b31m", "U+009B"), ("\\x7f", "U+007F"), ("\\r", "U+000D")],
)
def test_a_control_character_in_any_text_is_refused(
    tmp_path: Path, field: str, escape: str, code: str
) -> None:
    value = f'"https://example.org/{escape}x"' if field == "url" else f'"A{escape}B"'
    path = syllabus_with(tmp_path, field, value)
    result = CliRunner().invoke(cli, ["validate", str(path)])
    assert result.exit_code == 1
    assert code in result.stderr and str(path) in result.stderr
    assert "\x1b" not in result.stderr and "\x9b" not in result.stderr  # shown escaped
    assert "Traceback" not in result.stderr


def test_an_interview_name_with_an_escape_is_refused(data_dir: Path) -> None:
    result = CliRunner().invoke(
        cli,
        ["--data-dir", str(data_dir), "init", "--interview", "X\x1b[31m=2026-12-20:phone-screen"],
    )
    assert result.exit_code == 2 and "must not hold control characters" in result.stderr
    assert "\x1b" not in result.stderr
    with pytest.raises(FieldError) as raised:
        read_interview("X\x1b[5m", "2026-12-20", ["phone-screen"], ["phone-screen"], TODAY)
    assert raised.value.field == "name"


def test_an_import_with_an_escape_in_a_note_or_a_name_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "source"
    store = store_with_plan(source)
    store.save_note("hundred-page-ml/ch02", "fine")
    state = store.export_state()
    store.close()
    for where in ("note", "interview"):
        bad = json.loads(json.dumps(state))
        if where == "note":
            bad["notes"][0]["text"] = "A\x1b]2;PWNED\x07B"
        else:
            bad["plan"]["interviews"][0]["name"] = "Meta\x9b2J"
        path = tmp_path / f"{where}.json"
        path.write_text(json.dumps(bad))
        result = CliRunner().invoke(cli, ["--data-dir", str(tmp_path / where), "import", str(path)])
        assert result.exit_code == 1, result.output
        assert "control character" in result.stderr and "\x1b" not in result.stderr


def test_a_note_keeps_tabs_and_newlines_and_loses_other_controls(store: Store) -> None:
    store.save_note("hundred-page-ml/ch02", "line 1\n\tline 2 \x1b[31mred\x1b[0m\x07")
    assert store.note("hundred-page-ml/ch02") == "line 1\n\tline 2 [31mred[0m"
    state = store.export_state()
    assert Store.checked_state(state)  # it exports and imports
