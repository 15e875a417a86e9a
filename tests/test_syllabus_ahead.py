"""A large syllabus read in a forked child while the app imports (`planner.cli.syllabus_ahead`):
the same syllabus as loading it, nothing handed over from files with any problem, nothing
started where it is not worth it, and the cache kept by the child for the next start."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
import yaml

from benchmarks.bench_schedule import bench_plan, generated_document
from benchmarks.startup import PLANNER_APP
from planner.caches.syllabus import is_cached, load_syllabus_cached
from planner.cli.syllabus_ahead import WORTH_A_PROCESS_BYTES, Ahead, read_ahead
from planner.core.syllabus.loading import load_syllabus
from planner.core.syllabus.problem import SyllabusError
from planner.paths import bundled_syllabus
from planner.store.store import Store

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="os.fork is POSIX only")


def _own_copy(tmp_path: Path, text: str | None = None) -> Path:
    own = tmp_path / "own.yaml"  # (not the bundled file, which has its validated copy)
    if text is None:
        own.write_bytes(bundled_syllabus().read_bytes())
    else:
        own.write_text(text, encoding="utf-8")
    return own


def _started(paths: list[Path], cache: Path) -> Ahead:
    ahead = read_ahead(paths, cache, min_bytes=0)
    assert ahead is not None
    return ahead


def _child_exit_code(ahead: Ahead) -> int | None:
    return ahead.wait()


def test_the_syllabus_read_ahead_equals_the_one_loaded(tmp_path: Path) -> None:
    own = _own_copy(tmp_path)
    cache = tmp_path / "cache"
    ahead = _started([own], cache)
    syllabus = ahead.syllabus()
    assert _child_exit_code(ahead) == 0
    loaded = load_syllabus_cached([own], tmp_path / "other-cache")  # with the same digest
    assert syllabus == loaded
    assert syllabus is not None and syllabus.digest == loaded.digest is not None
    assert syllabus.sources == load_syllabus([own]).sources
    # the child kept it: the next start reads it from the cache, the same again
    assert is_cached([own], cache)
    assert load_syllabus_cached([own], cache) == syllabus


BAD_KINDS = ("a syntax error", "a value the schema refuses", "an unknown reference")


def _bad_text(kind: str) -> str:
    if kind == "a syntax error":
        return "syllabus: x\ntitle: [unclosed\n"
    text = bundled_syllabus().read_text(encoding="utf-8")
    if kind == "a value the schema refuses":
        assert "minutes: 30" in text
        return text.replace("minutes: 30", 'minutes: "thirty"', 1)
    assert "requires: [" in text
    return text.replace("requires: [", "requires: [no-such-item, ", 1)


@pytest.mark.parametrize("kind", BAD_KINDS)
def test_a_file_with_a_problem_gives_nothing_and_is_not_cached(tmp_path: Path, kind: str) -> None:
    own = _own_copy(tmp_path, _bad_text(kind))
    with pytest.raises(SyllabusError) as expected:
        load_syllabus([own])
    cache = tmp_path / "cache"
    ahead = _started([own], cache)
    assert ahead.syllabus() is None  # the parent loads the files itself, and says why
    assert _child_exit_code(ahead) == 1
    assert not list(cache.glob("syllabus-*.json"))
    with pytest.raises(SyllabusError) as reported:
        load_syllabus_cached([own], cache)
    assert reported.value.problems == expected.value.problems


def test_files_that_change_while_read_are_handed_over_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import planner.caches.syllabus as cached

    monkeypatch.setattr(cached, "unchanged", lambda paths, contents: False)  # (in the child)
    own = _own_copy(tmp_path)
    cache = tmp_path / "cache"
    ahead = _started([own], cache)
    assert ahead.syllabus() is None
    assert _child_exit_code(ahead) == 1
    assert not is_cached([own], cache)


def test_a_child_cut_short_gives_nothing() -> None:
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # a child that sends half a pickle and dies
        os.write(write_end, b"\x80\x05not a whole pickle")
        os._exit(9)
    os.close(write_end)
    ahead = Ahead(pid, read_end)
    assert ahead.syllabus() is None
    assert ahead.wait() == 9


def test_nothing_is_started_for_small_files_or_ones_the_cache_holds(tmp_path: Path) -> None:
    own = _own_copy(tmp_path)
    cache = tmp_path / "cache"
    assert own.stat().st_size < WORTH_A_PROCESS_BYTES
    assert read_ahead([own], cache) is None  # the bundled syllabus's size: not worth it
    load_syllabus_cached([own], cache)
    assert read_ahead([own], cache, min_bytes=0) is None  # read from the cache at once
    assert read_ahead([tmp_path / "missing.yaml"], cache, min_bytes=0) is None


def _open_app(data_dir: Path, *args: str) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-c", PLANNER_APP, str(data_dir), *args],
        capture_output=True,
        text=True,
        timeout=180,
        env=os.environ.copy(),
    )
    lines = [line for line in done.stderr.splitlines() if line.startswith('{"ready"')]
    assert lines, done.stderr[-2000:]
    report: dict[str, Any] = json.loads(lines[-1])
    return report


def test_the_app_opens_a_large_syllabus_read_ahead_and_the_next_start_finds_it_cached(
    tmp_path: Path,
) -> None:
    big = tmp_path / "big.yaml"
    big.write_text(yaml.safe_dump(generated_document(2000), sort_keys=False), encoding="utf-8")
    assert big.stat().st_size >= WORTH_A_PROCESS_BYTES  # read by a child
    data_dir = tmp_path / "data"
    with Store.open(data_dir) as store:
        store.save_plan(bench_plan())
    cache = tmp_path / "cache"
    args = ("--cache-dir", str(cache), "--syllabus", str(big))
    first = _open_app(data_dir, *args)
    assert isinstance(first["rows"], int) and first["rows"] > 0
    # the child parsed the YAML; the app validated its plain data against the schema
    assert first["heavy"] == ["pydantic", "pydantic_core"]
    deadline = time.monotonic() + 60  # the child may still be writing it
    while not is_cached([big], cache) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert is_cached([big], cache)
    again = _open_app(data_dir, *args)
    assert again["rows"] == first["rows"]
    assert "yaml" not in again["heavy"]  # read from the cache, not parsed again
