"""The checker process: limits itself, loads the person's attempt, runs the kata's checks and
reports each as one JSON line on its own copy of stdout (what the attempt prints goes to
stderr, which the parent caps). Started by `planner.katas.runner`, never imported by the
planner itself: this is where numpy loads."""

from __future__ import annotations

import importlib
import importlib.util
import json
import os
import resource
import signal
import sys
import time
import traceback
from pathlib import Path
from types import FrameType, ModuleType
from typing import IO, Any

MAX_REASON = 300


class _CheckTimeout(BaseException):
    """Raised into the attempt when one check runs too long (a BaseException, so that an
    `except Exception` in the attempt cannot swallow it)."""


def _limit(memory_mb: int, cpu_seconds: int) -> None:
    """Hard limits, soft = hard, so the attempt cannot raise them again."""
    memory = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds))
    written = 16 * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_FSIZE, (written, written))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def _where(exc: BaseException, attempt: Path) -> str:
    """' (line N)' of the deepest frame in the attempt's file, if any."""
    line = None
    for frame in traceback.extract_tb(exc.__traceback__):
        if Path(frame.filename).name == attempt.name:
            line = frame.lineno
    return f" (line {line} of {attempt.name})" if line else ""


def _reason(exc: BaseException, attempt: Path, memory_mb: int, seconds: float) -> str:
    if isinstance(exc, _CheckTimeout):
        return f"stopped after {seconds:g} s (an endless loop, or far too slow)"
    if isinstance(exc, MemoryError):
        return f"ran out of memory (the limit is {memory_mb} MB){_where(exc, attempt)}"
    if isinstance(exc, NotImplementedError):
        return "not written yet (raises NotImplementedError)"
    if isinstance(exc, RecursionError):
        return f"recursion too deep{_where(exc, attempt)}: use a loop and a stack or queue"
    if isinstance(exc, SystemExit):
        return "the attempt called exit()"
    if isinstance(exc, SyntaxError):
        return f"syntax error: {exc.msg} (line {exc.lineno} of {attempt.name})"
    text = str(exc).strip().splitlines()
    detail = f": {text[0]}" if text else ""
    return f"{type(exc).__name__}{detail}{_where(exc, attempt)}"


def _safe_reason(exc: BaseException, attempt: Path, memory_mb: int, seconds: float) -> str:
    """Why a check failed, worked out under the time limit too: an exception's own
    message is the attempt's code (its __str__ may raise, loop or return a non-string)."""
    from planner.katas.checks.common import CheckFailed

    def worded() -> str:
        if isinstance(exc, CheckFailed):
            return str(exc)
        return _reason(exc, attempt, memory_mb, seconds)

    try:
        text = _timed(min(seconds, 2.0), worded)
        return text if isinstance(text, str) else type(exc).__name__
    except BaseException:
        return f"{type(exc).__name__} (its message could not be read){_where(exc, attempt)}"


def _short(text: str) -> str:
    clean = "".join(ch if ch.isprintable() else " " for ch in text)
    return clean if len(clean) <= MAX_REASON else clean[: MAX_REASON - 1] + "…"


def _on_alarm(_signum: int, _frame: FrameType | None) -> None:
    raise _CheckTimeout


def _timed(seconds: float, run: Any, *args: Any) -> Any:
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        return run(*args)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


def _load(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("attempt", path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {path.name}")
    module = importlib.util.module_from_spec(spec)
    sys.modules["attempt"] = module
    spec.loader.exec_module(module)
    return module


def _report(out: IO[str], **fields: Any) -> None:
    out.write(json.dumps(fields) + "\n")
    out.flush()


def main(argv: list[str]) -> None:
    kata_module, attempt_name, memory_text, cpu_text, per_check_text = argv
    memory_mb, per_check = int(memory_text), float(per_check_text)
    # The results travel on a private copy of stdout; the attempt's own output (print or
    # os.write to fd 1) goes to stderr, which the parent reads and caps.
    out = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    _limit(memory_mb, int(cpu_text))
    signal.signal(signal.SIGALRM, _on_alarm)
    checks = importlib.import_module(f"planner.katas.checks.{kata_module}").CHECKS.items
    attempt = Path.cwd() / attempt_name
    sys.path.append(str(Path.cwd()))  # the kata files it builds on (random forest: the tree)
    try:
        module = _timed(per_check, _load, attempt)
    except BaseException as exc:  # the attempt's own code ran: anything can come out
        why = _safe_reason(exc, attempt, memory_mb, per_check)
        reason = _short(f"your file does not load: {why}")
        for name, _check in checks:
            _report(out, check=name, passed=False, reason=reason, seconds=0.0)
        _report(out, done=True)
        return
    for name, check in checks:
        start = time.perf_counter()
        try:
            _timed(per_check, check, module)
        except BaseException as exc:
            reason = _safe_reason(exc, attempt, memory_mb, per_check)
            _report(
                out,
                check=name,
                passed=False,
                reason=_short(reason),
                seconds=round(time.perf_counter() - start, 3),
            )
            continue
        _report(
            out, check=name, passed=True, reason="", seconds=round(time.perf_counter() - start, 3)
        )
    _report(out, done=True)
