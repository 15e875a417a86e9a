"""Public holidays as days off (the `holidays` package): `planner init --holidays US-CA` and
the same in plan setup. They are worked out when the plan is made and stored in it as named
days off, so nothing on the start-up path imports `holidays`."""

from __future__ import annotations

import datetime as dt
import difflib

from planner.core.labels import without_controls
from planner.core.plan import DayOff, Plan


class HolidaySpecError(ValueError):
    """A country (and subdivision) code the holidays package does not know; one line."""


def _known_codes() -> list[str]:
    import holidays

    codes: list[str] = []
    for country, subdivisions in holidays.list_supported_countries().items():
        codes.append(country)
        codes += [f"{country}-{sub}" for sub in subdivisions]
    return codes


def _parts(spec: str) -> tuple[str, str | None]:
    country, _, subdivision = spec.strip().partition("-")
    return country.upper(), (subdivision or None)


def _unknown(spec: str) -> HolidaySpecError:
    close = difflib.get_close_matches(spec.strip().upper(), _known_codes(), n=5, cutoff=0.7)
    hint = f" (close: {', '.join(close)})" if close else " (a code such as US, US-CA or DE-BY)"
    return HolidaySpecError(f"unknown public holidays {spec.strip()!r}{hint}")


def normalised(spec: str) -> str:
    """`us-ca` -> `US-CA`, checked; HolidaySpecError when unknown."""
    import holidays

    country, subdivision = _parts(spec)
    supported = holidays.list_supported_countries()
    if country not in supported:
        raise _unknown(spec)
    if subdivision is None:
        return country
    by_upper = {s.upper(): s for s in supported[country]}
    if subdivision.upper() not in by_upper:
        raise _unknown(spec)
    return f"{country}-{by_upper[subdivision.upper()]}"


def holiday_days_off(spec: str, first: dt.date, last: dt.date) -> tuple[DayOff, ...]:
    """Each public holiday of `spec` from `first` to `last`, as a named day off."""
    import holidays

    country, subdivision = _parts(normalised(spec))
    years = list(range(first.year, last.year + 1))
    calendar = holidays.country_holidays(country, subdiv=subdivision, years=years)
    return tuple(
        DayOff(start=day, end=day, name=without_controls(str(name)).strip() or "Public holiday")
        for day, name in sorted(calendar.items())
        if first <= day <= last
    )


def with_holidays(plan: Plan, spec: str | None, today: dt.date) -> Plan:
    """`plan` with the holidays of `spec` (None: none) as its named days off, from its first
    day to its last interview; the person's own days off kept as they are."""
    from dataclasses import replace

    own = tuple(d for d in plan.days_off if not d.name)
    if spec is None or not spec.strip() or not plan.interviews:
        return replace(plan, days_off=own, holidays=None)
    code = normalised(spec)
    first = plan.first_day(today)
    last = max(i.date for i in plan.interviews)
    named = holiday_days_off(code, first, last)
    return replace(plan, days_off=own + named, holidays=code)
