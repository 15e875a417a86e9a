"""The cache of validated syllabi: the same syllabus back, and never a stale or a bad one."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.caches.syllabus import KEEP_CACHED, load_syllabus_cached
from planner.cli import cli
from planner.core.syllabus.loading import load_syllabus
from planner.core.syllabus.problem import SyllabusError
from planner.paths import bundled_syllabus

SMALL = """\
syllabus: small
title: Small
rounds:
  - {id: r, name: R}
resources:
  - id: b
    title: Book
    kind: book
    rounds: [r]
    items:
      - {id: b/1, title: One, minutes: 30}
      - {id: b/2, title: Two, minutes: 40, requires: [b/1], optional: true, priority: 3}
practice:
  - {id: q, kind: question, prompt: Why?, rounds: [r], learn_from: [b/1], answer: Because.}
"""


def test_a_cached_syllabus_equals_the_loaded_one(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    own = tmp_path / "own.yaml"  # (not the bundled file, which has its validated file)
    own.write_bytes(bundled_syllabus().read_bytes())
    paths = [own]
    first = load_syllabus_cached(paths, cache)
    assert len(list(cache.glob("syllabus-*.json"))) == 1
    again = load_syllabus_cached(paths, cache)
    assert again == first == load_syllabus(paths)
    # Every model field, nested ones included, comes back with the same value and type.
    for ours, theirs in zip(again.sources, first.sources, strict=True):
        assert ours == theirs
        assert ours[1] == theirs[1]
    item = again.item("hundred-page-ml/ch03")
    assert item is not None
    assert isinstance(item.requires, tuple)
    assert item.rounds == first.item("hundred-page-ml/ch03").rounds  # type: ignore[union-attr]


def test_an_edited_file_is_loaded_and_checked_again(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    own = tmp_path / "own.yaml"
    own.write_text(SMALL, encoding="utf-8")
    assert load_syllabus_cached([own], cache).item("b/1").minutes == 30  # type: ignore[union-attr]
    own.write_text(SMALL.replace("minutes: 30", "minutes: 35"), encoding="utf-8")
    assert load_syllabus_cached([own], cache).item("b/1").minutes == 35  # type: ignore[union-attr]
    own.write_text(SMALL.replace("minutes: 30", "minutes: 0"), encoding="utf-8")
    with pytest.raises(SyllabusError) as raised:
        load_syllabus_cached([own], cache)
    assert [str(p) for p in raised.value.problems] == [
        f"{own}:11:40: minutes must be between 1 and 6000, got 0"
    ]


def test_a_damaged_cache_file_is_ignored(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    own = tmp_path / "own.yaml"
    own.write_text(SMALL, encoding="utf-8")
    load_syllabus_cached([own], cache)
    (cached,) = cache.glob("syllabus-*.json")
    for damage in ("{", '{"format": 1}', "[]", '{"format": 1, "key": "x", "files": []}', "\xff"):
        cached.write_text(damage, encoding="utf-8")
        assert load_syllabus_cached([own], cache) == load_syllabus([own])


def test_an_unwritable_cache_folder_does_not_stop_loading(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    assert load_syllabus_cached([bundled_syllabus()], blocker / "cache").title


def test_only_the_most_recent_caches_are_kept(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    own = tmp_path / "own.yaml"
    for minutes in range(1, KEEP_CACHED + 4):
        own.write_text(SMALL.replace("minutes: 30", f"minutes: {minutes}"), encoding="utf-8")
        load_syllabus_cached([own], cache)
        for k, path in enumerate(sorted(cache.glob("*.json"))):
            os.utime(path, (k, k))  # distinct, older than the next write
    assert len(list(cache.glob("syllabus-*.json"))) == KEEP_CACHED


def test_commands_report_problems_of_an_edited_file_not_a_cached_copy(tmp_path: Path) -> None:
    own = tmp_path / "own.yaml"
    own.write_text(SMALL, encoding="utf-8")
    runner = CliRunner()
    args = ["--syllabus", str(own), "init", "--interview", "X=2026-12-20:r"]
    assert runner.invoke(cli, args).exit_code == 0
    own.write_text(SMALL.replace("requires: [b/1]", "requires: [b/9]"), encoding="utf-8")
    result = runner.invoke(cli, ["--syllabus", str(own), "today"])
    assert result.exit_code == 1
    assert result.stderr == f"{own}:12:55: unknown item 'b/9' (did you mean 'b/1'?)\n"


def test_the_bundled_syllabus_s_validated_file_is_current() -> None:
    """What `python -m planner.caches.bundled` writes: the bundled YAML validated now."""
    from planner.caches.bundled import validated_file, validated_text
    from planner.core.syllabus.loading import load_syllabus
    from planner.paths import bundled_syllabus

    path = bundled_syllabus()
    fresh = validated_text(path.read_bytes(), load_syllabus([path]))
    assert validated_file().read_text(encoding="utf-8") == fresh, (
        "the bundled syllabus changed: run .venv/bin/python -m planner.caches.bundled"
    )


def test_an_empty_cache_starts_the_bundled_syllabus_from_its_validated_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from planner.core.syllabus import loading
    from planner.paths import bundled_syllabus

    expected = loading.load_syllabus([bundled_syllabus()])

    def no_validation(_paths: object) -> None:
        raise AssertionError("validated again")

    monkeypatch.setattr(loading, "load_syllabus", no_validation)
    syllabus = load_syllabus_cached([bundled_syllabus()], tmp_path / "empty-cache")
    assert syllabus.items == expected.items and syllabus.practice == expected.practice
    assert syllabus.resources == expected.resources and syllabus.rounds == expected.rounds
    assert syllabus.digest  # (so its schedule can be kept)
    assert [source for source, _ in syllabus.sources] == [str(bundled_syllabus())]


def test_an_edited_bundled_syllabus_misses_its_validated_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    from planner.caches import bundled

    folder = tmp_path / "install"
    folder.mkdir()
    copy = folder / "ml-interviews.yaml"
    shutil.copy(bundled.validated_file(), folder / bundled.VALIDATED_NAME)
    text = bundled_syllabus().read_text(encoding="utf-8")
    assert "minutes: 45" in text
    copy.write_text(text.replace("minutes: 45", "minutes: 0", 1), encoding="utf-8")
    monkeypatch.setattr(bundled, "bundled_syllabus", lambda: copy)
    with pytest.raises(SyllabusError):  # validated, not taken from the file
        load_syllabus_cached([copy], tmp_path / "cache")
