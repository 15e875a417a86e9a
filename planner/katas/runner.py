"""Running a kata's checks on a person's attempt: in a separate Python process, in a fresh
working folder, with a time limit, a memory limit and its output capped. The attempt is
untrusted input: whatever it does, this returns a report, never raises or hangs."""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import IO

import planner
from planner.core.progress import Outcome
from planner.katas.catalog import Kata

DEFAULT_TIMEOUT = 60
DEFAULT_MEMORY_MB = 512
PER_CHECK_SECONDS = 20.0
"""A single check is stopped after this (or the whole timeout when that is shorter)."""
OUTPUT_KEPT = 4000
"""Characters of what the attempt printed kept for the report; the rest is counted."""
MAX_RESULT_LINES = 200

_BOOT = (
    "import sys; sys.path.insert(0, sys.argv[1]); "
    "from planner.katas.child import main; main(sys.argv[2:])"
)


@dataclass(frozen=True)
class CheckResult:
    name: str
    passed: bool
    reason: str
    seconds: float


@dataclass(frozen=True)
class KataReport:
    kata: Kata
    attempt: Path
    results: tuple[CheckResult, ...]
    problem: str | None
    """Why the checks did not all run (time limit, crash), else None."""
    seconds: float
    output: str
    """The start of what the attempt printed (and how much more there was)."""

    @property
    def passed(self) -> int:
        return sum(r.passed for r in self.results)

    @property
    def all_passed(self) -> bool:
        return self.problem is None and bool(self.results) and self.passed == len(self.results)

    @property
    def outcome(self) -> Outcome:
        """All passed: solved; some: solved with help; none, or a crash: not solved."""
        if self.all_passed:
            return "solved"
        return "solved-with-help" if self.passed else "not-solved"

    def summary(self) -> str:
        total = len(self.results)
        text = f"{self.kata.id}: {self.passed} of {total} checks passed"
        return text + (f"; {self.problem}" if self.problem else "")


class _Capped:
    """Reads a stream to its end in a thread, keeping the first `limit` characters."""

    def __init__(self, stream: IO[str], limit: int) -> None:
        self.kept: list[str] = []
        self.size = 0
        self.more = 0
        self._limit = limit
        self._thread = threading.Thread(target=self._drain, args=(stream,), daemon=True)
        self._thread.start()

    def _drain(self, stream: IO[str]) -> None:
        try:
            while chunk := stream.read(8192):
                room = self._limit - self.size
                if room > 0:
                    self.kept.append(chunk[:room])
                    self.size += min(room, len(chunk))
                self.more += max(0, len(chunk) - max(room, 0))
        except (OSError, ValueError):
            pass

    def text(self, wait: float = 2.0) -> str:
        self._thread.join(wait)
        text = "".join(self.kept)
        return text + (f"\n… and {self.more:,} more characters" if self.more else "")


def _child_env(work: Path) -> dict[str, str]:
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(work),
        "TMPDIR": str(work),
        "LANG": "C.UTF-8",
        "PYTHONHASHSEED": "0",
        "PYTHONIOENCODING": "utf-8:replace",
        # one thread each: a limit on memory counts every thread's reserved stack
        "OPENBLAS_NUM_THREADS": "1",
        "OMP_NUM_THREADS": "1",
        "MKL_NUM_THREADS": "1",
    }


def _results(lines: list[str]) -> tuple[list[CheckResult], bool]:
    results: list[CheckResult] = []
    done = False
    for line in lines[:MAX_RESULT_LINES]:
        try:
            fields = json.loads(line)
        except ValueError:
            continue
        if not isinstance(fields, dict):
            continue
        if fields.get("done") is True:
            done = True
            continue
        try:
            results.append(
                CheckResult(
                    str(fields["check"]),
                    fields["passed"] is True,
                    str(fields["reason"]),
                    float(fields["seconds"]),
                )
            )
        except (KeyError, TypeError, ValueError):
            continue
    return results, done


def _ended_early(returncode: int, timed_out: bool, timeout: float, memory_mb: int) -> str:
    if timed_out:
        return f"stopped at the time limit ({timeout:g} s)"
    if returncode < 0:
        signal_number = -returncode
        if signal_number == signal.SIGXCPU:
            return f"stopped at the CPU time limit ({timeout:g} s)"
        if signal_number == signal.SIGXFSZ:
            return "stopped: wrote files larger than 16 MB"
        if signal_number == signal.SIGKILL:
            return f"killed (out of memory? the limit is {memory_mb} MB)"
        return f"crashed ({signal.Signals(signal_number).name})"
    return f"the check process ended early (exit code {returncode})"


def _kill_group(process: subprocess.Popen[str]) -> None:
    """End the checker and anything the attempt started (its own process group)."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)


def _prepare(kata: Kata, attempt: Path, work: Path) -> str:
    """Copy the attempt (and the kata files it builds on, from its folder) into `work`."""
    name = attempt.name if attempt.suffix == ".py" else "attempt.py"
    shutil.copyfile(attempt, work / name)
    for needed in kata.needs:
        sibling = attempt.with_name(f"{needed}.py")
        if sibling.is_file() and sibling.name != name:
            shutil.copyfile(sibling, work / sibling.name)
    return name


def _interrupted(
    results: list[CheckResult], names: tuple[str, ...], problem: str
) -> tuple[CheckResult, ...]:
    """The checks that reported; the one that was running, failed with `problem`; the rest,
    not run."""
    ran = {r.name for r in results}
    rest = [name for name in names if name not in ran]
    if not rest:
        return tuple(results)
    running = CheckResult(rest[0], False, problem, 0.0)
    skipped = [CheckResult(name, False, "not run", 0.0) for name in rest[1:]]
    return (*results, running, *skipped)


def run_checks(
    kata: Kata,
    attempt: Path,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    memory_mb: int = DEFAULT_MEMORY_MB,
    on_result: Callable[[CheckResult], None] | None = None,
) -> KataReport:
    """Check `attempt` (a readable file; the caller says so when it is not) against `kata`."""
    start = time.perf_counter()
    root = str(Path(planner.__file__).resolve().parent.parent)
    per_check = min(PER_CHECK_SECONDS, timeout)
    with tempfile.TemporaryDirectory(prefix="planner-kata-") as folder:
        work = Path(folder)
        name = _prepare(kata, attempt, work)
        command = [sys.executable, "-I", "-c", _BOOT, root, kata.module, name]
        command += [str(memory_mb), str(int(timeout) + 2), f"{per_check:g}"]
        process = subprocess.Popen(
            command,
            cwd=work,
            env=_child_env(work),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            errors="replace",
            start_new_session=True,
        )
        assert process.stdout is not None and process.stderr is not None
        output = _Capped(process.stderr, OUTPUT_KEPT)
        lines: list[str] = []
        reader = threading.Thread(
            target=_read_results, args=(process.stdout, lines, on_result), daemon=True
        )
        reader.start()
        timed_out = False
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            timed_out = True
        _kill_group(process)
        process.wait()
        reader.join(2.0)
        printed = output.text()
    results, done = _results(lines)
    problem = None
    if not done:
        problem = _ended_early(process.returncode, timed_out, timeout, memory_mb)
        if "Error" in printed and not timed_out:
            problem += ": " + _last_line(printed)
    final = _interrupted(results, check_names(kata), problem) if problem else tuple(results)
    return KataReport(kata, attempt, final, problem, time.perf_counter() - start, printed)


def _read_results(
    stream: IO[str], lines: list[str], on_result: Callable[[CheckResult], None] | None
) -> None:
    try:
        for line in stream:
            if len(lines) >= MAX_RESULT_LINES:
                continue
            lines.append(line)
            if on_result is not None:
                parsed, _ = _results([line])
                for result in parsed:
                    on_result(result)
    except (OSError, ValueError):
        pass


def _last_line(text: str) -> str:
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("…")]
    return lines[-1][:200] if lines else ""


_CHECK_NAME = re.compile(r'^@CHECKS\.add\("([^"]+)"\)', re.MULTILINE)


def check_names(kata: Kata) -> tuple[str, ...]:
    """The kata's checks, in order, read from its checks module's source (importing it
    would load numpy)."""
    source = resources.files("planner.katas.checks").joinpath(f"{kata.module}.py")
    return tuple(_CHECK_NAME.findall(source.read_text(encoding="utf-8")))
