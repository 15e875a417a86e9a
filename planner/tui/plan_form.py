"""Reading the plan setup form: text fields to plan values, or a message for the field that
is wrong. No Textual here (tested on its own); parsing of dates and days off is the core's."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

from planner.core.labels import control_character
from planner.core.plan import MAX_DAY_MINUTES, WEEKDAYS, DayOff, Interview, Plan
from planner.core.plan_spec import SpecError, far_date_problem, parse_date, parse_day_off


class FieldError(ValueError):
    """What is wrong with one field of the form (`field` names it)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


def read_interview(
    name: str, date_text: str, rounds: Sequence[str], known_rounds: Sequence[str], today: dt.date
) -> Interview:
    name = name.strip()
    if not name:
        raise FieldError("name", "Give the interview a name")
    if len(name) > 200:
        raise FieldError("name", "A name of at most 200 characters")
    if control_character(name, allowed="") is not None:
        raise FieldError("name", "A name without control characters")
    if not date_text.strip():
        raise FieldError("date", "The date of the interview (YYYY-MM-DD)")
    try:
        date = parse_date(date_text)
    except SpecError as exc:
        raise FieldError("date", str(exc)) from None
    if date < today:
        raise FieldError("date", f"{date:%a %d %b %Y} is in the past")
    far = far_date_problem(date, today, "the interview")
    if far is not None:
        raise FieldError("date", far[0].upper() + far[1:])
    if not rounds:
        raise FieldError("rounds", "Pick at least one round")
    unknown = [r for r in rounds if r not in known_rounds]
    if unknown:
        raise FieldError("rounds", f"Unknown round {unknown[0]!r}")
    return Interview(name=name, date=date, rounds=tuple(dict.fromkeys(rounds)))


def read_minutes(texts: Sequence[str]) -> tuple[int, int, int, int, int, int, int]:
    """Minutes for Monday..Sunday; an error names the weekday (`min-mon` ...)."""
    if len(texts) != 7:
        raise ValueError("seven weekdays expected")
    values: list[int] = []
    for day, text in zip(WEEKDAYS, texts, strict=True):
        field = f"min-{day}"
        stripped = text.strip()
        if not stripped:
            raise FieldError(field, f"{day.capitalize()}: how many minutes? (0 for none)")
        try:
            value = int(stripped)
        except ValueError:
            raise FieldError(
                field, f"{day.capitalize()}: {text.strip()!r} is not minutes"
            ) from None
        if not 0 <= value <= MAX_DAY_MINUTES:
            raise FieldError(field, f"{day.capitalize()}: {value} is not within 0..1440 minutes")
        values.append(value)
    a, b, c, d, e, f, g = values
    return (a, b, c, d, e, f, g)


def read_days_off(text: str) -> tuple[DayOff, ...]:
    """`2026-12-24..2026-12-26, 2026-12-31` (commas or spaces between entries)."""
    entries = [part for part in text.replace(",", " ").split() if part]
    days: list[DayOff] = []
    for entry in entries:
        try:
            days.append(parse_day_off(entry))
        except SpecError as exc:
            raise FieldError("days-off", str(exc)) from None
    return tuple(days)


def format_days_off(days_off: Sequence[DayOff]) -> str:
    """The person's own days off (public holidays come from their code)."""
    return ", ".join(
        d.start.isoformat() if d.start == d.end else f"{d.start.isoformat()}..{d.end.isoformat()}"
        for d in days_off
        if not d.name
    )


def read_start(text: str) -> dt.date | None:
    if not text.strip():
        return None
    try:
        return parse_date(text)
    except SpecError as exc:
        raise FieldError("start", str(exc)) from None


def build_plan(
    base: Plan | None,
    interviews: Sequence[Interview],
    minutes_texts: Sequence[str],
    days_off_text: str,
    start_text: str,
    today: dt.date | None = None,
    *,
    holidays_text: str | None = None,
) -> Plan:
    """The plan the form describes, keeping the base plan's options and extra syllabi (with
    `today`: no day off nor start more than five years after it)."""
    if not interviews:
        raise FieldError("interviews", "Add at least one interview")
    minutes = read_minutes(minutes_texts)
    if not any(minutes):
        raise FieldError("min-mon", "Some time on at least one weekday")
    days_off = read_days_off(days_off_text)
    start = read_start(start_text)
    last = max(i.date for i in interviews)
    if start is not None and start > last:
        raise FieldError("start", "The plan must start before the last interview")
    if today is not None:
        for off in days_off:
            far = far_date_problem(off.end, today, "a day off on")
            if far is not None:
                raise FieldError("days-off", far[0].upper() + far[1:])
    previous = base or Plan()
    plan = replace(
        previous,
        interviews=tuple(sorted(interviews, key=lambda i: (i.date, i.name))),
        weekday_minutes=minutes,
        days_off=days_off,
        start=start,
    )
    spec = previous.holidays if holidays_text is None else holidays_text
    if not spec:
        return replace(plan, holidays=None)
    from planner.holiday_days import HolidaySpecError, with_holidays

    try:
        return with_holidays(plan, spec, today or dt.date.today())
    except HolidaySpecError as exc:
        message = str(exc)
        raise FieldError("holidays", message[0].upper() + message[1:]) from None
