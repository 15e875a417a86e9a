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
from planner.core.labels import without_controls
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


def _results(lines: list[str], names: tuple[str, ...]) -> tuple[list[CheckResult], bool]:
    """The results of the kata's own checks, each once, in their order; anything else on
    the stream (a line the attempt managed to write there) is ignored."""
    found: dict[str, CheckResult] = {}
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
        name = fields.get("check")
        if not isinstance(name, str) or name not in names or name in found:
            continue
        try:
            seconds = min(float(fields["seconds"]), 1e6)
            reason = without_controls(str(fields["reason"]))
            found[name] = CheckResult(name, fields["passed"] is True, reason, seconds)
        except (KeyError, TypeError, ValueError):
            continue
    return [found[n] for n in names if n in found], done


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
    """Copy the attempt into `work`, and the newest attempt of each kata it builds on (from
    the attempt's folder) under the module name it imports."""
    from planner.katas.catalog import KATAS
    from planner.katas.files import newest_attempt

    stem = "".join(ch if ch.isalnum() or ch == "_" else "_" for ch in attempt.stem) or "attempt"
    name = f"{stem}.py"
    shutil.copyfile(attempt, work / name)
    for needed in kata.needs:
        base = next((k for k in KATAS if k.module == needed), None)
        sibling = newest_attempt(base, attempt.parent) if base is not None else None
        if sibling is not None and sibling.resolve() != attempt.resolve():
            shutil.copyfile(sibling, work / f"{needed}.py")
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
    names = check_names(kata)
    # (what the attempt leaves in its folder may not be removable: it is left then)
    with tempfile.TemporaryDirectory(prefix="planner-kata-", ignore_cleanup_errors=True) as folder:
        run = _Run(kata, attempt, Path(folder), timeout, memory_mb, names, on_result)
        run.start()
        try:
            run.wait()
        finally:
            run.end()
    return run.report(time.perf_counter() - start)


class _Run:
    """One checker process: started, waited for (until it reports the end of its checks,
    exits, or runs out of time), and ended with everything in its process group."""

    def __init__(
        self,
        kata: Kata,
        attempt: Path,
        work: Path,
        timeout: float,
        memory_mb: int,
        names: tuple[str, ...],
        on_result: Callable[[CheckResult], None] | None,
    ) -> None:
        self.kata, self.attempt, self.work = kata, attempt, work
        self.timeout, self.memory_mb, self.names = timeout, memory_mb, names
        self.on_result = on_result
        self.lines: list[str] = []
        self.done = threading.Event()
        self.timed_out = False
        self.returncode: int | None = None
        self.printed = ""

    def start(self) -> None:
        root = str(Path(planner.__file__).resolve().parent.parent)
        name = _prepare(self.kata, self.attempt, self.work)
        per_check = min(PER_CHECK_SECONDS, self.timeout)
        command = [sys.executable, "-I", "-c", _BOOT, root, self.kata.module, name]
        command += [str(self.memory_mb), str(int(self.timeout) + 2), f"{per_check:g}"]
        self.process = subprocess.Popen(
            command,
            cwd=self.work,
            env=_child_env(self.work),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            errors="replace",
            start_new_session=True,
        )
        assert self.process.stdout is not None and self.process.stderr is not None
        self.output = _Capped(self.process.stderr, OUTPUT_KEPT)
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        try:
            for line in stream:
                if len(self.lines) >= MAX_RESULT_LINES:
                    continue
                self.lines.append(line)
                parsed, done = _results([line], self.names)
                if done:
                    self.done.set()
                for result in parsed:
                    if self.on_result is not None:
                        self.on_result(result)
        except (OSError, ValueError):
            pass

    def wait(self) -> None:
        deadline = time.monotonic() + self.timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                self.timed_out = not self.done.is_set()
                return
            try:
                self.process.wait(timeout=min(left, 0.1))
                return
            except subprocess.TimeoutExpired:
                pass
            if self.done.is_set():
                # every check reported: what the attempt left running is not waited for
                with contextlib.suppress(subprocess.TimeoutExpired):
                    self.process.wait(timeout=1.0)
                return

    def end(self) -> None:
        _kill_group(self.process)
        self.returncode = self.process.wait()
        self.reader.join(0.5)
        self.printed = self.output.text(0.5)

    def report(self, seconds: float) -> KataReport:
        results, done = _results(self.lines, self.names)
        problem = None
        if not done:
            code = self.returncode if self.returncode is not None else -9
            problem = _ended_early(code, self.timed_out, self.timeout, self.memory_mb)
            if "Error" in self.printed and not self.timed_out:
                problem += ": " + _last_line(self.printed)
        elif len(results) < len(self.names):
            problem = "the checks did not all report"
        if problem is not None:
            problem = without_controls(problem)
        final = _interrupted(results, self.names, problem) if problem else tuple(results)
        printed = without_controls(self.printed)
        return KataReport(self.kata, self.attempt, final, problem, seconds, printed)


def _last_line(text: str) -> str:
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("…")]
    return lines[-1][:200] if lines else ""


_CHECK_NAME = re.compile(r'^@CHECKS\.add\("([^"]+)"\)', re.MULTILINE)


def check_names(kata: Kata) -> tuple[str, ...]:
    """The kata's checks, in order, read from its checks module's source (importing it
    would load numpy)."""
    source = resources.files("planner.katas.checks").joinpath(f"{kata.module}.py")
    return tuple(_CHECK_NAME.findall(source.read_text(encoding="utf-8")))
