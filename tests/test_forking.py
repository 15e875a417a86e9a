"""What a forked child inherits of the app, and what goes wrong around forking
(`planner.forking`, used by the background work and the syllabus read-ahead): another
job's pipe, the app's signal handlers and terminal, a failed fork, a child killed while
writing a cache file, a parent gone before the child asked to die with it."""

from __future__ import annotations

import errno
import gc
import os
import signal
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from types import FrameType

import pytest

from planner import files, forking
from planner.cli import syllabus_ahead
from planner.core.syllabus import yaml_source
from planner.core.syllabus.parsing import read_sources
from planner.tui.child_process import ChildFailed, run_in_child

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="os.fork is POSIX only")

PATIENCE = 60.0
"""Seconds a test waits for a child before it calls the wait a failure (a slow machine:
not a timing check)."""


def _wait_for(path: Path) -> None:
    waited = 0.0
    while not path.exists() and waited < PATIENCE:
        time.sleep(0.02)
        waited += 0.02


def open_fds() -> set[int]:
    return {int(name) for name in os.listdir("/proc/self/fd")}


def test_a_job_s_result_never_waits_for_another_job_s_child(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The slow job forks exactly while the quick job's pipe is open in the parent: its
    # child would hold the quick job's write end, and the quick job would wait for it.
    release = tmp_path / "release"
    in_window = threading.Event()
    real_pipe = os.pipe
    made: list[tuple[int, int]] = []

    def pipe() -> tuple[int, int]:
        fds = real_pipe()
        if not made:  # the quick job's: the slow job forks now, if it may
            made.append(fds)
            in_window.set()
            time.sleep(0.3)  # (room for the other thread to fork, were it let)
        return fds

    monkeypatch.setattr(forking.os, "pipe", pipe)
    results: dict[str, object] = {}

    def slow() -> str:
        _wait_for(release)
        return "slow"

    def run_slow() -> None:
        in_window.wait(PATIENCE)
        results["slow"] = run_in_child(slow)

    def run_quick() -> None:
        results["quick"] = run_in_child(lambda: "quick")

    threads = [threading.Thread(target=run_slow), threading.Thread(target=run_quick)]
    for thread in threads:
        thread.start()
    threads[1].join(PATIENCE)
    quick_done = not threads[1].is_alive()
    release.touch()
    threads[0].join(PATIENCE)
    assert quick_done, "the quick job waited for the slow job's child"
    assert results == {"quick": "quick", "slow": "slow"}


def _app_handler(_signum: int, _frame: FrameType | None) -> None:
    raise AssertionError("the app's handler ran")


APP_SIGNALS = (signal.SIGCONT, signal.SIGTSTP, signal.SIGWINCH)
"""Signals Textual's terminal driver handles."""


def test_the_child_drops_the_app_s_signal_handlers_terminal_and_collector() -> None:
    for number in APP_SIGNALS:  # as the app's driver does (restored below)
        signal.signal(number, _app_handler)

    def inside() -> dict[str, object]:
        return {
            "SIGCONT": signal.getsignal(signal.SIGCONT),
            "SIGTSTP": signal.getsignal(signal.SIGTSTP),
            "SIGWINCH": signal.getsignal(signal.SIGWINCH),
            "SIGINT": signal.getsignal(signal.SIGINT),
            "stdout": os.readlink("/proc/self/fd/1"),
            "stdin": os.readlink("/proc/self/fd/0"),
            "collector": gc.isenabled(),
        }

    found: dict[str, object] = {}
    try:
        # forked from a thread, as the app's background work is
        thread = threading.Thread(target=lambda: found.update(run_in_child(inside)))
        thread.start()
        thread.join(PATIENCE)
    finally:
        for number in APP_SIGNALS:
            signal.signal(number, signal.SIG_DFL)
    assert found == {
        "SIGCONT": signal.SIG_DFL,
        "SIGTSTP": signal.SIG_DFL,
        "SIGWINCH": signal.SIG_DFL,
        "SIGINT": signal.SIG_IGN,
        "stdout": os.devnull,
        "stdin": os.devnull,
        "collector": False,
    }
    assert gc.isenabled()  # the app's own is left as it was


def test_a_sigcont_from_the_shell_does_not_fail_the_job(tmp_path: Path) -> None:
    signal.signal(signal.SIGCONT, _app_handler)
    started = tmp_path / "started"

    def work() -> str:
        started.write_text(str(os.getpid()))
        time.sleep(0.3)  # (the signal arrives meanwhile)
        return "made"

    try:
        result: dict[str, str] = {}
        thread = threading.Thread(target=lambda: result.update(made=run_in_child(work)))
        thread.start()
        _wait_for(started)
        os.kill(int(started.read_text()), signal.SIGCONT)
        thread.join(PATIENCE)
    finally:
        signal.signal(signal.SIGCONT, signal.SIG_DFL)
    assert result == {"made": "made"}


@pytest.fixture
def failing_fork(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    def refuse() -> int:
        raise OSError(errno.EAGAIN, "Resource temporarily unavailable")

    monkeypatch.setattr(forking.os, "fork", refuse)
    yield


@pytest.mark.usefixtures("failing_fork")
def test_when_the_fork_fails_the_work_is_done_here_and_nothing_is_left_open() -> None:
    before = open_fds()
    assert forking.fork_with_pipe() is None
    assert run_in_child(lambda: os.getpid()) == os.getpid()
    assert open_fds() == before


@pytest.mark.usefixtures("failing_fork")
def test_when_the_fork_fails_the_app_loads_the_syllabus_itself(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_text("syllabus: x\n" + "# padding\n" * 40_000, encoding="utf-8")
    before = open_fds()
    assert syllabus_ahead.read_ahead([big], tmp_path / "cache", min_bytes=1) is None
    assert open_fds() == before


def test_a_child_ended_by_a_signal_is_named() -> None:
    with pytest.raises(ChildFailed, match="was ended by SIGKILL"):
        run_in_child(lambda: os.kill(os.getpid(), signal.SIGKILL))


def test_a_child_ended_while_writing_a_file_removes_its_temp_file(tmp_path: Path) -> None:
    started = tmp_path / "started"

    def work() -> None:
        fd, name = tempfile.mkstemp(prefix=".kept.", suffix=".tmp", dir=tmp_path)
        try:
            started.write_text(str(os.getpid()))
            time.sleep(PATIENCE)  # (ended by the signal)
        finally:
            os.close(fd)
            os.unlink(name)

    errors: list[BaseException] = []

    def run() -> None:
        try:
            run_in_child(work)
        except BaseException as exc:  # noqa: BLE001 - looked at below
            errors.append(exc)

    thread = threading.Thread(target=run)
    thread.start()
    _wait_for(started)
    assert list(tmp_path.glob(".kept.*.tmp"))
    os.kill(int(started.read_text()), signal.SIGTERM)  # what the app's end sends it
    thread.join(PATIENCE)
    assert not list(tmp_path.glob(".kept.*.tmp"))
    assert len(errors) == 1 and isinstance(errors[0], ChildFailed)
    assert "was ended by SIGTERM" in str(errors[0])


def test_old_temp_files_of_killed_writers_are_removed_and_new_ones_left(tmp_path: Path) -> None:
    old = tmp_path / ".schedule-x-2026-11-25.json.abc123.tmp"
    new = tmp_path / ".schedule-x-2026-11-26.json.def456.tmp"
    other = tmp_path / ".syllabus-1.json.ghi789.tmp"
    for path in (old, new, other):
        path.write_text("half")
    long_ago = time.time() - files.LEFTOVER_SECONDS - 60
    os.utime(old, (long_ago, long_ago))
    os.utime(other, (long_ago, long_ago))
    files.remove_leftovers(tmp_path, "schedule-x-")
    assert not old.exists() and new.exists() and other.exists()


def test_a_child_whose_parent_is_gone_already_ends_at_once() -> None:
    forked = forking.fork_with_pipe()
    assert forked is not None
    pid, pipe = forked
    if pid == 0:
        # (as if the parent had died before: a subreaper adopted it, not pid 1)
        forking.set_death_signal(signal.SIGTERM, os.getppid() + 1)
        os.write(pipe, b"still running")
        os._exit(3)
    with os.fdopen(pipe, "rb") as reading:
        written = reading.read()
    _, status = os.waitpid(pid, 0)
    if forking._prctl() is None:
        pytest.skip("no prctl here (not Linux): the parent-death signal is not asked for")
    assert written == b"" and os.waitstatus_to_exitcode(status) == 0


def test_the_read_ahead_parses_the_very_bytes_its_key_was_made_of(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "s.yaml"
    path.write_text("on disk now\n", encoding="utf-8")
    read_then = {str(path): b"read for the key\n"}
    assert read_sources([path], read_then) == [(str(path), "read for the key\n")]

    def no_reading(_path: Path, _name: str) -> None:
        raise AssertionError("read the file again")

    monkeypatch.setattr(yaml_source, "read_file", no_reading)
    monkeypatch.setattr("planner.core.syllabus.parsing.read_file", no_reading)
    assert read_sources([path, path], read_then) == [(str(path), "read for the key\n")]
