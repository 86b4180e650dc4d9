"""Dates derived from an entry (domain/deadlines.md): protest window and PSC deadline."""

from datetime import date, timedelta

PROTEST_WINDOW_DAYS = 180
PSC_DAYS_AFTER_ENTRY = 300
SCHEDULED_LIQUIDATION_DAYS = 314
PSC_DAYS_BEFORE_LIQUIDATION = 15
FRIDAY = 4


def protest_window_ends(decision_date: date | None) -> date | None:
    """Return the last day a protest may be filed: 180 days after liquidation or decision."""
    if decision_date is None:
        return None
    return decision_date + timedelta(days=PROTEST_WINDOW_DAYS)


def scheduled_liquidation(entry_date: date) -> date:
    """Return the first Friday on or after entry date + 314 days (the modelling default)."""
    day = entry_date + timedelta(days=SCHEDULED_LIQUIDATION_DAYS)
    return day + timedelta(days=(FRIDAY - day.weekday()) % 7)


def psc_deadline(entry_date: date) -> date:
    """Return the last day a post-summary correction may be filed for an unliquidated entry."""
    return min(
        entry_date + timedelta(days=PSC_DAYS_AFTER_ENTRY),
        scheduled_liquidation(entry_date) - timedelta(days=PSC_DAYS_BEFORE_LIQUIDATION),
    )
