"""`planner review ID RATING` and `planner status [--json]`."""

from __future__ import annotations

import datetime as dt
from typing import cast

import click

from planner.cli import cli
from planner.cli.completion import practice_ids
from planner.cli.context import env, fail, global_options
from planner.cli.store_guard import store_errors
from planner.core.progress import RATINGS, Rating
from planner.core.syllabus.suggest import did_you_mean


def review_time() -> dt.datetime:
    """Today (`--today` / PLANNER_TODAY, else the local date) at the local time of day.

    Stored as UTC: reviews are counted in whole days, and stamping the day the person calls
    today keeps "reviewed today" true wherever they live (a real UTC clock would put an
    evening review in Sydney on the previous day)."""
    now = dt.datetime.now()
    return dt.datetime.combine(env().resolved_today(), now.time(), tzinfo=dt.UTC)


@cli.command("review")
@click.argument("practice_id", metavar="ID", shell_complete=practice_ids)
@click.argument("rating", type=click.Choice(RATINGS, case_sensitive=False), metavar="RATING")
@global_options
def review_command(practice_id: str, rating: str) -> None:
    """Record one practice review: RATING is again, hard, good or easy."""
    from planner.core.practice.review import REVIEW_MINUTES, card_of, due_on

    e = env()
    syllabus = e.syllabus()
    practice = syllabus.practice_item(practice_id)
    if practice is None:
        known = [p.id for p in syllabus.practice]
        fail(f"unknown practice item {practice_id!r}{did_you_mean(practice_id, known)}")
    chosen = cast(Rating, rating.lower())
    store = e.store()
    at = review_time()
    with store_errors():
        store.record_review(practice_id, chosen, at, REVIEW_MINUTES[practice.kind])
        due = due_on(card_of(store.load_progress(), practice_id))
    next_due = f"; next due {due.isoformat()}" if due is not None else ""
    click.echo(f"reviewed: {practice_id} {chosen} on {at.date().isoformat()}{next_due}")


@cli.command("status")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (its shape is in the README).")
@global_options
def status_command(as_json: bool) -> None:
    """Readiness per round and per interview: coverage, recall, practice, slack."""
    from planner.caches.schedule import kept_or_computed
    from planner.core.practice.readiness import readiness
    from planner.exports.status_json import status_json
    from planner.exports.status_text import status_text

    e = env()
    syllabus = e.syllabus()
    store = e.store()
    with store_errors():
        plan = store.load_plan()
        progress = store.load_progress()
    if plan is None:
        fail("no plan yet: create one with 'planner init --interview \"NAME=YYYY-MM-DD:round\"'")
    today = e.resolved_today()
    _, plan_of_days = kept_or_computed(
        e.schedule_cache(), syllabus, plan, progress, today, fixes=False
    )
    result = readiness(syllabus, plan, progress, plan_of_days, today)
    target = plan.options.recall_target
    text = status_json(result) if as_json else status_text(result, syllabus, target)
    click.echo(text, nl=False)
