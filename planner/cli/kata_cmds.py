"""`planner kata` (list the katas, write a starter) and `planner check` (run the checks on
an attempt in a separate process and record the result as a practice attempt)."""

from __future__ import annotations

import datetime as dt
import json
import shlex
from pathlib import Path

import click

from planner.cli import cli
from planner.cli.completion import kata_ids
from planner.cli.context import env, fail, global_options
from planner.cli.store_guard import store_errors
from planner.core.labels import without_controls
from planner.core.syllabus.suggest import did_you_mean
from planner.katas.catalog import KATAS, Kata, kata_of
from planner.katas.runner import DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT, KataReport


def _kata(kata_id: str) -> Kata:
    kata = kata_of(kata_id)
    if kata is None:
        known = [k.id for k in KATAS]
        fail(f"no kata {kata_id!r}{did_you_mean(kata_id, known)}; 'planner kata --list' lists them")
    return kata


def _folder(folder: str | None) -> Path:
    from planner.katas.files import default_folder

    return Path(folder).expanduser() if folder else default_folder(env().resolved_data_dir())


@cli.command("kata")
@click.argument("kata_id", metavar="ID", required=False, shell_complete=kata_ids)
@click.option("--list", "listing", is_flag=True, help="List the katas and what they check.")
@click.option(
    "--dir",
    "folder",
    metavar="DIR",
    help="Folder for attempts (default: katas/ in the data folder).",
)
@global_options
def kata_command(kata_id: str | None, listing: bool, folder: str | None) -> None:
    """Write a starter file for the coding kata ID (never over an earlier attempt)."""
    if listing:
        width = max(len(k.id) for k in KATAS)
        for kata in KATAS:
            click.echo(f"{kata.id:<{width}}  {kata.title}")
            click.echo(f"{'':<{width}}  checks: {kata.checks}")
        return
    if kata_id is None:
        raise click.UsageError("give a kata ID, or --list to see them")
    kata = _kata(kata_id)
    from planner.katas.files import write_starter

    target = _folder(folder)
    if target.exists() and not target.is_dir():
        fail(f"cannot write the starter in {target}: it is a file, not a folder")
    try:
        path = write_starter(kata, target, dt.datetime.now(dt.UTC))
    except OSError as exc:
        fail(f"cannot write the starter in {_folder(folder)}: {exc.strerror or exc}")
    click.echo(str(path))
    click.echo(f"check it with: planner check {kata.id} {shlex.quote(str(path))}", err=True)


def _attempt_file(kata: Kata, file: str | None, folder: str | None) -> Path:
    from planner.katas.files import newest_attempt

    if file is not None:
        path = Path(file).expanduser()
    else:
        found = newest_attempt(kata, _folder(folder))
        if found is None:
            fail(
                f"no attempt of {kata.id} in {_folder(folder)}: write one with "
                f"'planner kata {kata.id}', or name the FILE"
            )
        path = found
    if not path.is_file():
        fail(f"{path}: no such file" if not path.exists() else f"{path}: not a file")
    return path


def _print(report: KataReport) -> None:
    total = len(report.results)
    click.echo(
        f"{report.kata.id} · {without_controls(report.attempt.name)}: {report.passed} of "
        f"{total} checks passed "
        f"({report.seconds:.1f} s)"
    )
    for result in report.results:
        mark = "ok  " if result.passed else "FAIL"
        click.echo(f"  {mark} {without_controls(result.name)}")
        if not result.passed:
            click.echo(f"         {without_controls(result.reason)}")
    if report.problem:
        click.echo(f"  {without_controls(report.problem)}")
    if report.output.strip() and not report.all_passed:
        click.echo("what the attempt printed:")
        for line in without_controls(report.output).splitlines()[-20:]:
            click.echo(f"  | {line}")


def _as_json(report: KataReport, recorded: dict[str, object] | None) -> str:
    return json.dumps(
        {
            "kata": report.kata.id,
            "file": str(report.attempt),
            "passed": report.passed,
            "total": len(report.results),
            "outcome": report.outcome,
            "problem": report.problem,
            "seconds": round(report.seconds, 3),
            "checks": [
                {"name": r.name, "passed": r.passed, "reason": r.reason, "seconds": r.seconds}
                for r in report.results
            ],
            "recorded": recorded,
        },
        indent=2,
    )


def _notes(report: KataReport) -> str:
    failed = [r.name for r in report.results if not r.passed]
    text = f"planner check: {report.passed} of {len(report.results)} checks passed"
    return text + (f"; failed: {', '.join(failed)}" if failed else "")


def _record(report: KataReport, text: str) -> dict[str, object] | None:
    """Store the check as a practice attempt; None when the loaded syllabus lacks the task."""
    from planner.cli.practice_cmds import review_time
    from planner.core.progress import Attempt
    from planner.katas.files import attempt_minutes

    e = env()
    practice = e.syllabus().practice_item(report.kata.id)
    if practice is None:
        return None
    minutes = attempt_minutes(text, report.kata, dt.datetime.now(dt.UTC))
    if minutes is None:
        minutes = practice.pass_minutes
    attempt = Attempt(report.kata.id, report.outcome, minutes, review_time(), _notes(report))
    with store_errors():
        e.store().record_attempt(attempt)
    return {"outcome": report.outcome, "minutes": minutes, "at": attempt.at.isoformat()}


@cli.command("check")
@click.argument("kata_id", metavar="ID", shell_complete=kata_ids)
@click.argument("file", required=False)
@click.option(
    "--dir",
    "folder",
    metavar="DIR",
    help="Where to look for the newest attempt "
    "when FILE is not given (default: katas/ in the data folder).",
)
@click.option(
    "--timeout",
    type=click.IntRange(1, 3600),
    default=DEFAULT_TIMEOUT,
    show_default=True,
    help="Seconds before the checks are stopped.",
)
@click.option(
    "--memory",
    type=click.IntRange(128, 65536),
    default=DEFAULT_MEMORY_MB,
    show_default=True,
    metavar="MB",
    help="Memory limit of the checks.",
)
@click.option("--no-record", is_flag=True, help="Do not store the result as an attempt.")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@global_options
def check_command(
    kata_id: str,
    file: str | None,
    folder: str | None,
    timeout: int,
    memory: int,
    no_record: bool,
    as_json: bool,
) -> None:
    """Run the checks of kata ID on FILE (default: the newest attempt) in a separate
    process; exit 0 when every check passes. The result is stored as a practice attempt."""
    from planner.katas.runner import run_checks

    kata = _kata(kata_id)
    path = _attempt_file(kata, file, folder)
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        fail(f"cannot read {path}: {exc.strerror or exc}")
    report = run_checks(kata, path, timeout=timeout, memory_mb=memory)
    recorded = None if no_record else _record(report, text)
    if as_json:
        click.echo(_as_json(report, recorded))
    else:
        _print(report)
        if recorded is not None:
            click.echo(f"recorded: {report.outcome}, {recorded['minutes']} min")
        elif not no_record:
            click.echo(f"not recorded: {kata.id} is not in the loaded syllabus")
    if not report.all_passed:
        raise SystemExit(1)
