"""Clocks of an inquiry (domain/deadlines.md), as pure functions of dates.

Statutory deadlines are calendar dates and are never rolled forward. SLA targets count
federal business days strictly after the submission date, skipping every business day that
was paused in any part (awaiting the importer, or resolved before a reopen).
"""

from collections.abc import Iterable
from datetime import MAXYEAR, MINYEAR, date, datetime, timedelta
from functools import cache

import holidays
from django.utils import timezone

from accounts.trust import ServiceLevel

REPLY_BUSINESS_DAYS = 10
RECALL_BUSINESS_DAYS = 10
REOPEN_DAYS = 30
AUTO_CLOSE_AFTER_DAYS = 30

# (first response, resolution, cargo hold resolution) in business days, by service level.
SLA_TARGETS = {
    ServiceLevel.ISA: (1, 10, 3),
    ServiceLevel.CTPAT: (2, 15, 5),
    ServiceLevel.PARTICIPATING: (3, 20, 8),
    ServiceLevel.STANDARD: (5, 30, 10),
}


@cache
def _federal_holidays(year: int) -> frozenset[date]:
    return frozenset(holidays.country_holidays("US", years=year, observed=True).keys())


def is_business_day(day: date) -> bool:
    return day.weekday() < 5 and day not in _federal_holidays(day.year)


def local_date(moment: datetime) -> date:
    """The calendar date of a moment in the portal zone (America/New_York): `TIME_ZONE`,
    whatever zone a request may have activated."""
    return moment.astimezone(timezone.get_default_timezone()).date()


def add_business_days(start: date, count: int, *, skip: Iterable[date] = ()) -> date:
    """Return the `count`th business day strictly after `start`, not counting `skip` days."""
    skipped = set(skip)
    day = start
    remaining = count
    while remaining > 0:
        day += timedelta(days=1)
        if is_business_day(day) and day not in skipped:
            remaining -= 1
    return day


def add_years(day: date, years: int) -> date | None:
    """Same month and day `years` later; 29 February becomes 28 February; None past the
    calendar's last year."""
    if not MINYEAR <= day.year + years <= MAXYEAR:
        return None
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def paused_days(pauses: Iterable[tuple[date, date | None]], today: date) -> set[date]:
    """Every calendar day touched by a pause; an open pause runs to today."""
    days = set()
    for start, end in pauses:
        day = start
        last = end or today
        while day <= last:
            days.add(day)
            day += timedelta(days=1)
    return days


def sla_targets(service_level: str, *, cargo_hold: bool) -> tuple[int, int]:
    first, resolution, cargo = SLA_TARGETS[ServiceLevel(service_level)]
    return first, cargo if cargo_hold else resolution


def sla_due_dates(
    *,
    submitted_on: date,
    service_level: str,
    cargo_hold: bool,
    pauses: Iterable[tuple[date, date | None]],
    today: date,
) -> tuple[date, date]:
    """Return (first response due, resolution due) with paused business days left out."""
    first, resolution = sla_targets(service_level, cargo_hold=cargo_hold)
    skip = paused_days(pauses, today)
    return (
        add_business_days(submitted_on, first, skip=skip),
        add_business_days(submitted_on, resolution, skip=skip),
    )


def reply_due(requested_on: date) -> date:
    """An importer asked for information has 10 business days to respond."""
    return add_business_days(requested_on, REPLY_BUSINESS_DAYS)


def recall_allowed_from(referred_on: date) -> date:
    return add_business_days(referred_on, RECALL_BUSINESS_DAYS)


def reopen_until(resolved_on: date) -> date:
    """The trade may reopen within 30 calendar days of resolution, inclusive."""
    return resolved_on + timedelta(days=REOPEN_DAYS)


def auto_close_from(resolved_on: date) -> date:
    """From the 31st day after resolution staff and the daily job may close."""
    return resolved_on + timedelta(days=AUTO_CLOSE_AFTER_DAYS + 1)


def earliest(*days: date | None) -> date | None:
    present = [day for day in days if day is not None]
    return min(present) if present else None
