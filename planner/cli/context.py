"""What every command shares: the global options and lazy access to syllabus and store."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import click

from planner.core.syllabus.problem import SyllabusError
from planner.paths import CACHE_DIR_ENV, bundled_syllabus, cache_dir, default_data_dir

if TYPE_CHECKING:
    from planner.core.syllabus.model import Syllabus
    from planner.store.store import Store

F = TypeVar("F", bound=Callable[..., Any])

TODAY_ENV = "PLANNER_TODAY"


class UserError(click.ClickException):
    """A user error: one line on stderr, exit code 1, no traceback."""

    exit_code = 1

    def show(self, file: Any = None) -> None:
        click.echo(f"planner: {self.format_message()}", err=True)


def fail(message: str) -> NoReturn:
    raise UserError(message)


def report_problems(exc: SyllabusError) -> NoReturn:
    """Every problem of a syllabus, one `FILE:LINE:COL: message` line each on stderr; exit 1."""
    for problem in exc.problems:
        click.echo(str(problem), err=True)
    raise SystemExit(1) from None


def parse_date(value: str, what: str = "date") -> dt.date:
    """Parse YYYY-MM-DD or raise a usage error (exit 2) naming the bad value."""
    from planner.core.plan import date_range_problem

    try:
        day = dt.date.fromisoformat(value.strip())
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)", param_hint=what) from None
    problem = date_range_problem(day)
    if problem is not None:
        raise click.BadParameter(problem, param_hint=what)
    return day


@dataclass
class Env:
    """Global options, merged from before and after the command (the later one wins)."""

    data_dir: Path | None = None
    cache_dir: Path | None = None
    today: dt.date | None = None
    syllabus_files: list[Path] = field(default_factory=list)
    export_at: dt.time | None = None
    """`planner export ics --at HH:MM`: the study time of timed events."""
    preparing: bool = False
    """Nothing is prepared when it closes: `planner _prepare` itself, and `planner serve`
    (each app it serves prepares when it ends)."""
    _store: Store | None = None
    _syllabus: Syllabus | None = None

    def resolved_today(self) -> dt.date:
        if self.today is not None:
            return self.today
        env = os.environ.get(TODAY_ENV)
        if env:
            return parse_date(env, TODAY_ENV)
        return dt.date.today()

    def resolved_data_dir(self) -> Path:
        return self.data_dir if self.data_dir is not None else default_data_dir()

    def resolved_cache_dir(self) -> Path:
        return self.cache_dir if self.cache_dir is not None else cache_dir()

    def schedule_cache(self) -> Path:
        """Where the schedules of this data folder are kept between runs."""
        from planner.caches.schedule import cache_file

        return cache_file(self.resolved_cache_dir(), self.resolved_data_dir())

    def store(self) -> Store:
        if self._store is None:
            from planner.store.errors import StoreError
            from planner.store.store import Store

            try:
                self._store = Store.open(self.resolved_data_dir())
            except StoreError as exc:
                fail(str(exc))
            if self._store.backup_problem:
                click.echo(f"planner: warning: {self._store.backup_problem}", err=True)
        return self._store

    def syllabus_paths(self) -> list[Path]:
        """`--syllabus` files when given, else the bundled syllabus plus the plan's own."""
        if self.syllabus_files:
            return list(self.syllabus_files)
        from planner.store.errors import StoredPlanError, StoreError

        paths = [bundled_syllabus()]
        try:
            plan = self.store().load_plan()
        except StoredPlanError:
            return paths  # (what needs the plan says so; `planner init` replaces it)
        except StoreError as exc:
            fail(str(exc))
        if plan is not None:
            paths.extend(Path(p) for p in plan.syllabi)
        return paths

    def syllabus(self, read_ahead: Callable[[], Syllabus | None] | None = None) -> Syllabus:
        """The syllabus (loaded once); `read_ahead` gives it when read in a second process
        (`planner.cli.syllabus_ahead`), else None, and it is loaded here."""
        if self._syllabus is None and read_ahead is not None:
            self._syllabus = read_ahead()
        if self._syllabus is None:
            from planner.caches.syllabus import load_syllabus_cached

            try:
                paths = self.syllabus_paths()
                self._syllabus = load_syllabus_cached(paths, self.resolved_cache_dir())
            except SyllabusError as exc:
                report_problems(exc)
        return self._syllabus

    def close(self) -> None:
        """Close the store; after a command that used it, prepare the schedules the next
        one will ask for in the background (`planner.cli.prepare_cmd`)."""
        if self._store is not None:
            self._store.close()
            self._store = None
            if not self.preparing:
                from planner.cli.preparation import preparation_command, spawn_preparation

                spawn_preparation(
                    lambda: preparation_command(
                        self.resolved_data_dir(),
                        self.resolved_cache_dir(),
                        self.resolved_today(),
                        self.syllabus_files,
                    )
                )


def _set_cache_dir(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    if value is not None:
        ctx.ensure_object(Env).cache_dir = Path(value).expanduser()


def _set_data_dir(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    if value is not None:
        ctx.ensure_object(Env).data_dir = Path(value).expanduser()


def _set_today(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    if value is not None:
        ctx.ensure_object(Env).today = parse_date(value, "--today")


def _add_syllabus(ctx: click.Context, _param: click.Parameter, value: tuple[str, ...]) -> None:
    if value:
        ctx.ensure_object(Env).syllabus_files.extend(Path(v).expanduser() for v in value)


def global_options(f: F) -> F:
    """The options accepted both before and after any command."""
    f = click.option(
        "--syllabus",
        "syllabus_files",
        multiple=True,
        metavar="FILE",
        expose_value=False,
        callback=_add_syllabus,
        help="Syllabus file to load (repeatable); replaces the default set.",
    )(f)
    f = click.option(
        "--today",
        metavar="YYYY-MM-DD",
        expose_value=False,
        callback=_set_today,
        help=f"The date treated as today (also {TODAY_ENV}).",
    )(f)
    f = click.option(
        "--cache-dir",
        metavar="PATH",
        expose_value=False,
        callback=_set_cache_dir,
        help=f"Folder of the caches (also {CACHE_DIR_ENV}).",
    )(f)
    f = click.option(
        "--data-dir",
        metavar="PATH",
        expose_value=False,
        callback=_set_data_dir,
        help="Folder of the store (also PLANNER_DATA_DIR).",
    )(f)
    return f


def env() -> Env:
    """The shared Env of the running command."""
    return click.get_current_context().ensure_object(Env)
