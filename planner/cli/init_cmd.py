"""`planner init`: create or replace the plan from the command line."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import click

from planner.cli import cli
from planner.cli.context import env, fail, global_options
from planner.cli.store_guard import store_errors
from planner.core.plan import DEFAULT_WEEKDAY_MINUTES, DayOff, Interview, Plan
from planner.core.plan_spec import (
    SpecError,
    far_plan_problem,
    parse_date,
    parse_day_off,
    parse_interview,
)
from planner.core.plan_spec import parse_minutes as parse_minutes_spec
from planner.core.syllabus.suggest import did_you_mean

Callback = Callable[[click.Context, click.Parameter, Any], Any]


def _parsed(parse: Callable[[str], object]) -> Callback:
    """A click callback applying `parse` to an option's value (to each value of a repeated
    option); a `SpecError` is a usage error (exit 2) naming the option."""

    def callback(_ctx: click.Context, _param: click.Parameter, value: Any) -> Any:
        try:
            if isinstance(value, tuple):
                return tuple(parse(v) for v in value)
            return None if value is None else parse(value)
        except SpecError as exc:
            raise click.BadParameter(str(exc)) from None

    return callback


def _check_interviews(interviews: tuple[Interview, ...], first_day: dt.date) -> None:
    """The same interview twice, or a plan with nothing left to prepare for, is a user error."""
    seen: set[tuple[str, dt.date]] = set()
    for interview in interviews:
        key = (interview.name, interview.date)
        if key in seen:
            fail(f"interview {interview.name!r} on {interview.date.isoformat()} is given twice")
        seen.add(key)
    last = max(i.date for i in interviews)
    if last < first_day:
        fail(
            f"every interview is before the plan starts on {first_day.isoformat()} "
            f"(the last is on {last.isoformat()})"
        )


def _hours(minutes: int) -> str:
    hours = minutes / 60
    return f"{hours:.1f}".rstrip("0").rstrip(".")


@cli.command("init")
@click.option(
    "--interview",
    "interviews",
    multiple=True,
    required=True,
    metavar='"NAME=YYYY-MM-DD:round,round"',
    callback=_parsed(parse_interview),
    help="An interview: its name, date and rounds (repeatable).",
)
@click.option(
    "--minutes",
    "weekday_minutes",
    metavar="mon-fri=90,sat=240,sun=0",
    callback=_parsed(parse_minutes_spec),
    help="Minutes available per weekday (days not named keep 90 on weekdays, 240 sat, 0 sun).",
)
@click.option(
    "--off",
    "days_off",
    multiple=True,
    metavar="YYYY-MM-DD[..YYYY-MM-DD]",
    callback=_parsed(parse_day_off),
    help="A day or an inclusive range of days off (repeatable).",
)
@click.option(
    "--start",
    metavar="YYYY-MM-DD",
    callback=_parsed(parse_date),
    help="First day of the plan (default today).",
)
@click.option(
    "--holidays",
    metavar="CODE",
    help="Take the public holidays of a country or region off (US, US-CA, DE-BY, ...).",
)
@global_options
def init_command(
    interviews: tuple[Interview, ...],
    weekday_minutes: tuple[int, int, int, int, int, int, int] | None,
    days_off: tuple[DayOff, ...],
    start: dt.date | None,
    holidays: str | None,
) -> None:
    """Create or replace the plan: interviews, minutes per weekday, days off, start date.

    Registered syllabus files and options of an existing plan are kept.
    """
    e = env()
    _check_interviews(interviews, start or e.resolved_today())
    syllabus = e.syllabus()
    known_rounds = syllabus.round_ids
    for interview in interviews:
        for round_id in interview.rounds:
            if syllabus.round(round_id) is None:
                fail(f"unknown round {round_id!r}{did_you_mean(round_id, known_rounds)}")
    store = e.store()
    from planner.store.errors import StoredPlanError, StoreError

    try:
        old = store.load_plan()
    except StoredPlanError as exc:  # a stored plan this planner cannot read: init replaces it
        click.echo(f"planner: {exc}; it is replaced", err=True)
        old = None
    except StoreError as exc:
        fail(str(exc))
    plan = Plan(
        interviews=tuple(sorted(interviews, key=lambda i: (i.date, i.name))),
        weekday_minutes=weekday_minutes or DEFAULT_WEEKDAY_MINUTES,
        days_off=tuple(sorted(days_off, key=lambda d: (d.start, d.end))),
        start=start,
        options=old.options if old is not None else Plan().options,
        syllabi=old.syllabi if old is not None else (),
    )
    far = far_plan_problem(plan, e.resolved_today())
    if far is not None:
        fail(far)
    if holidays is not None:
        from planner.holiday_days import HolidaySpecError, with_holidays

        try:
            plan = with_holidays(plan, holidays, e.resolved_today())
        except HolidaySpecError as exc:
            fail(str(exc))
    with store_errors():
        store.save_plan(plan)
    verb = "replaced" if old is not None else "created"
    click.echo(f"plan {verb}:")
    for interview in plan.interviews:
        rounds = ", ".join(interview.rounds)
        click.echo(f"  {interview.date.isoformat()}  {interview.name} ({rounds})")
    week = sum(plan.weekday_minutes)
    click.echo(
        f"  {_hours(week)} h a week; starts {(plan.start or e.resolved_today()).isoformat()}"
    )
    own = [d for d in plan.days_off if not d.name]
    if own:
        count = sum((d.end - d.start).days + 1 for d in own)
        click.echo(f"  {count} day{'s' if count != 1 else ''} off")
    if plan.holidays is not None:
        named = [d for d in plan.days_off if d.name]
        listed = ", ".join(f"{d.name} {d.start.isoformat()}" for d in named[:4])
        more = f", and {len(named) - 4} more" if len(named) > 4 else ""
        click.echo(
            f"  public holidays of {plan.holidays} off: {len(named)}"
            + (f" ({listed}{more})" if named else "")
        )
