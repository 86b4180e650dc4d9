"""Dates derived from an entry (domain/deadlines.md): protest window and PSC deadline.

Each is None when it cannot be worked out: no base date, or one so late that the deadline
falls past the end of the calendar (a stored value must never make a read fail).
"""

from datetime import date

from .dates import shift

PROTEST_WINDOW_DAYS = 180
PSC_DAYS_AFTER_ENTRY = 300
SCHEDULED_LIQUIDATION_DAYS = 314
PSC_DAYS_BEFORE_LIQUIDATION = 15
FRIDAY = 4
# Protest windows and PSC deadlines closing within this many days are shown as closing soon.
DEADLINE_HORIZON_DAYS = 30


def protest_window_ends(decision_date: date | None) -> date | None:
    """Return the last day a protest may be filed: 180 days after liquidation or decision."""
    return shift(decision_date, PROTEST_WINDOW_DAYS)


def scheduled_liquidation(entry_date: date) -> date | None:
    """Return the first Friday on or after entry date + 314 days (the modelling default)."""
    day = shift(entry_date, SCHEDULED_LIQUIDATION_DAYS)
    return shift(day, (FRIDAY - day.weekday()) % 7) if day else None


def psc_deadline(entry_date: date) -> date | None:
    """Return the last day a post-summary correction may be filed for an unliquidated entry."""
    after_entry = shift(entry_date, PSC_DAYS_AFTER_ENTRY)
    before_liquidation = shift(scheduled_liquidation(entry_date), -PSC_DAYS_BEFORE_LIQUIDATION)
    if after_entry is None or before_liquidation is None:
        return None
    return min(after_entry, before_liquidation)
