"""Dates the portal accepts from outside, and date arithmetic that cannot fail (DESIGN.md §4).

Entry batches and inquiry filings take dates from people and feeds; both bound them here, so
the rule has one home. Derived dates go through `shift`: a stored date near the end of the
calendar gives an absent deadline instead of an error on every page that shows it.
"""

from datetime import date, timedelta

from django.utils.translation import gettext as _

EARLIEST_ACCEPTED = date(1990, 1, 1)
DAYS_AHEAD_ACCEPTED = 366


def accepted_range(today: date) -> tuple[date, date]:
    """Return the first and last date a batch or a filing may give, `today` in the portal zone."""
    return EARLIEST_ACCEPTED, today + timedelta(days=DAYS_AHEAD_ACCEPTED)


def out_of_range(value: date, *, today: date, what: str) -> str | None:
    """Return why `value` (the `what`, e.g. "decision date") is refused, or None if accepted."""
    first, last = accepted_range(today)
    if first <= value <= last:
        return None
    return _("The %(what)s %(value)s is not between %(first)s and %(last)s.") % {
        "what": what,
        "value": value.isoformat(),
        "first": first.isoformat(),
        "last": last.isoformat(),
    }


def shift(day: date | None, days: int) -> date | None:
    """Return `day` moved by `days`, or None when there is no day or the calendar ends first."""
    if day is None:
        return None
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return None
