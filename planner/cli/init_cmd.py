"""`planner init`: create or replace the plan from the command line."""

from __future__ import annotations

import datetime as dt

import click

from planner.cli import cli
from planner.cli.context import env, fail, global_options
from planner.cli.store_guard import store_errors
from planner.core.plan import DEFAULT_WEEKDAY_MINUTES, DayOff, Interview, Plan
from planner.core.plan_spec import SpecError, parse_date, parse_day_off, parse_interview
from planner.core.plan_spec import parse_minutes as parse_minutes_spec
from planner.core.suggest import did_you_mean


def _interviews(
    _ctx: click.Context, _param: click.Parameter, values: tuple[str, ...]
) -> tuple[Interview, ...]:
    try:
        return tuple(parse_interview(v) for v in values)
    except SpecError as exc:
        raise click.BadParameter(str(exc)) from None


def _minutes(
    _ctx: click.Context, _param: click.Parameter, value: str | None
) -> tuple[int, int, int, int, int, int, int] | None:
    if value is None:
        return None
    try:
        return parse_minutes_spec(value)
    except SpecError as exc:
        raise click.BadParameter(str(exc)) from None


def _days_off(
    _ctx: click.Context, _param: click.Parameter, values: tuple[str, ...]
) -> tuple[DayOff, ...]:
    try:
        return tuple(parse_day_off(v) for v in values)
    except SpecError as exc:
        raise click.BadParameter(str(exc)) from None


def _start(_ctx: click.Context, _param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return parse_date(value)
    except SpecError as exc:
        raise click.BadParameter(str(exc)) from None


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
    callback=_interviews,
    help="An interview: its name, date and rounds (repeatable).",
)
@click.option(
    "--minutes",
    "weekday_minutes",
    metavar="mon-fri=90,sat=240,sun=0",
    callback=_minutes,
    help="Minutes available per weekday (days not named keep 90 on weekdays, 240 sat, 0 sun).",
)
@click.option(
    "--off",
    "days_off",
    multiple=True,
    metavar="YYYY-MM-DD[..YYYY-MM-DD]",
    callback=_days_off,
    help="A day or an inclusive range of days off (repeatable).",
)
@click.option(
    "--start", metavar="YYYY-MM-DD", callback=_start, help="First day of the plan (default today)."
)
@global_options
def init_command(
    interviews: tuple[Interview, ...],
    weekday_minutes: tuple[int, int, int, int, int, int, int] | None,
    days_off: tuple[DayOff, ...],
    start: dt.date | None,
) -> None:
    """Create or replace the plan: interviews, minutes per weekday, days off, start date.

    Registered syllabus files and options of an existing plan are kept.
    """
    e = env()
    syllabus = e.syllabus()
    known_rounds = syllabus.round_ids
    for interview in interviews:
        for round_id in interview.rounds:
            if syllabus.round(round_id) is None:
                fail(f"unknown round {round_id!r}{did_you_mean(round_id, known_rounds)}")
    store = e.store()
    with store_errors():
        old = store.load_plan()
    plan = Plan(
        interviews=tuple(sorted(interviews, key=lambda i: (i.date, i.name))),
        weekday_minutes=weekday_minutes or DEFAULT_WEEKDAY_MINUTES,
        days_off=tuple(sorted(days_off, key=lambda d: (d.start, d.end))),
        start=start,
        options=old.options if old is not None else Plan().options,
        syllabi=old.syllabi if old is not None else (),
    )
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
    if plan.days_off:
        count = sum((d.end - d.start).days + 1 for d in plan.days_off)
        click.echo(f"  {count} day{'s' if count != 1 else ''} off")
