"""The short text specs of `planner init`: interviews, minutes per weekday, days off.

Pure parsing: each function returns core values or raises `SpecError` with a one-line
message naming what is wrong.
"""

from __future__ import annotations

import datetime as dt

from planner.core.plan import (
    DEFAULT_WEEKDAY_MINUTES,
    ISO_DATE,
    MAX_DAY_MINUTES,
    WEEKDAYS,
    DayOff,
    Interview,
    Plan,
    date_range_problem,
)


class SpecError(ValueError):
    """A spec that cannot be read; the message is one line, for the user."""


def parse_date(text: str) -> dt.date:
    value = text.strip()
    if not ISO_DATE.fullmatch(value):
        raise SpecError(f"{text!r} is not a date (YYYY-MM-DD)")
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise SpecError(f"{value!r} is not a day of the calendar") from None
    problem = date_range_problem(day)
    if problem is not None:
        raise SpecError(problem)
    return day


FAR_AHEAD_DAYS = 5 * 366
"""A date this far ahead of today (an interview, a pin, a day off, a start) is a typo, not
a plan."""


def far_plan_problem(plan: Plan, today: dt.date) -> str | None:
    """Why a plan cannot be planned from `today`: a date of it (an interview, a day off, the
    start) more than five years away; None when there is none."""
    dates = [(i.date, f"the interview {i.name!r} on") for i in plan.interviews]
    dates += [(d.end, "a day off on") for d in plan.days_off]
    if plan.start is not None:
        dates.append((plan.start, "the start date"))
    for day, what in dates:
        problem = far_date_problem(day, today, what)
        if problem is not None:
            return problem
    return None


def far_date_problem(day: dt.date, today: dt.date, what: str = "date") -> str | None:
    """Why `day` cannot be planned for from `today` (outside the range, or more than five
    years away), or None."""
    problem = date_range_problem(day, what)
    if problem is None and (day - today).days > FAR_AHEAD_DAYS:
        return f"{what} {day.isoformat()} is more than five years away"
    return problem


def pin_date_problem(day: dt.date, today: dt.date, plan: Plan | None) -> str | None:
    """Why an item cannot be pinned to `day` (in the past, too far ahead, before the plan
    starts), or None when it can."""
    if day < today:
        return f"{day.isoformat()} is in the past (today is {today.isoformat()})"
    far = far_date_problem(day, today)
    if far is not None:
        return far.removeprefix("date ")
    if plan is not None and day < plan.first_day(today):
        return f"{day.isoformat()} is before the plan starts ({plan.first_day(today).isoformat()})"
    return None


def parse_interview(spec: str) -> Interview:
    """`NAME=YYYY-MM-DD:round,round` -> Interview (rounds are not checked here)."""
    name, sep, rest = spec.rpartition("=")
    name = name.strip()
    if not sep or not name:
        raise SpecError(f"interview {spec!r} should look like NAME=YYYY-MM-DD:round,round")
    date_text, sep, rounds_text = rest.partition(":")
    if not sep:
        raise SpecError(f"interview {spec!r} has no rounds (NAME=YYYY-MM-DD:round,round)")
    date = parse_date(date_text)
    rounds = [r.strip() for r in rounds_text.split(",")]
    if not rounds or any(not r for r in rounds):
        raise SpecError(f"interview {spec!r} has an empty round in {rounds_text.strip()!r}")
    if len(name) > 200:
        raise SpecError(f"interview name is longer than 200 characters: {name[:40]!r}...")
    unique = tuple(dict.fromkeys(rounds))
    try:
        return Interview(name=name, date=date, rounds=unique)
    except ValueError as exc:  # e.g. bytes that are not UTF-8 in the name
        raise SpecError(f"interview {spec!r}: {exc}") from None


def _weekday(text: str, spec: str) -> int:
    key = text.strip().lower()[:3]
    if len(text.strip()) < 3 or key not in WEEKDAYS:
        raise SpecError(f"{text.strip()!r} in {spec!r} is not a weekday (mon, tue, ... sun)")
    return WEEKDAYS.index(key)


def parse_minutes(
    spec: str, base: tuple[int, ...] = DEFAULT_WEEKDAY_MINUTES
) -> tuple[int, int, int, int, int, int, int]:
    """`mon-fri=90,sat=240,sun=0` -> minutes for Monday..Sunday.

    Days not named keep `base`; a later part overrides an earlier one (`mon-sun=60,sat=0`);
    a range may wrap around the week (`fri-mon`).
    """
    minutes = list(base)
    parts = spec.split(",")
    if not spec.strip():
        raise SpecError("empty --minutes spec (e.g. mon-fri=90,sat=240,sun=0)")
    for part in parts:
        days_text, sep, value_text = part.partition("=")
        if not sep or not days_text.strip():
            raise SpecError(f"{part.strip()!r} should look like DAY=MINUTES or DAY-DAY=MINUTES")
        try:
            value = int(value_text.strip())
        except ValueError:
            raise SpecError(f"{value_text.strip()!r} in {part.strip()!r} is not minutes") from None
        if not 0 <= value <= MAX_DAY_MINUTES:
            raise SpecError(f"{value} minutes in {part.strip()!r} is not within 0..1440")
        first_text, dash, last_text = days_text.partition("-")
        first = _weekday(first_text, part.strip())
        last = _weekday(last_text, part.strip()) if dash else first
        day = first
        while True:
            minutes[day] = value
            if day == last:
                break
            day = (day + 1) % 7
    a, b, c, d, e, f, g = minutes
    return (a, b, c, d, e, f, g)


def parse_day_off(spec: str) -> DayOff:
    """`YYYY-MM-DD` or `YYYY-MM-DD..YYYY-MM-DD` (inclusive)."""
    start_text, sep, end_text = spec.partition("..")
    start = parse_date(start_text)
    end = parse_date(end_text) if sep else start
    if end < start:
        raise SpecError(f"days off {spec!r} end before they start")
    return DayOff(start=start, end=end)
