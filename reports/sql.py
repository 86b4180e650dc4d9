"""Set-based SQL shared by the reports: day spans, elapsed days, waits longer than a span.

Everything here runs on PostgreSQL and SQLite alike (DESIGN.md §11); where the engines
differ (elapsed days between two timestamps) one function carries both spellings.
"""

from datetime import date, datetime, time, timedelta

from django.db import connection
from django.db.models import FloatField, Func
from django.utils import timezone


def day_start(day: date) -> datetime:
    """Midnight at the start of `day` in the portal zone."""
    return timezone.make_aware(datetime.combine(day, time.min))


def day_end(day: date) -> datetime:
    """Midnight at the end of `day` in the portal zone (exclusive upper bound)."""
    return day_start(day + timedelta(days=1))


def waited_longer_than(later: str, earlier: str, span: timedelta) -> tuple[str, list]:
    """SQL true when the timestamp column `later` is more than `span` after `earlier`."""
    if connection.vendor == "sqlite":
        return f"julianday({later}) - julianday({earlier}) > %s", [span / timedelta(days=1)]
    return f"{later} > {earlier} + %s", [span]


class DaysBetween(Func):
    """Elapsed days (fractional) from the second timestamp to the first; NULL if either is."""

    output_field = FloatField()
    arity = 2

    def as_sql(self, compiler, connection, **extra_context):
        later, earlier = (compiler.compile(expression) for expression in self.source_expressions)
        return (
            f"(EXTRACT(EPOCH FROM ({later[0]} - {earlier[0]})) / 86400.0)",
            [*later[1], *earlier[1]],
        )

    def as_sqlite(self, compiler, connection, **extra_context):
        later, earlier = (compiler.compile(expression) for expression in self.source_expressions)
        return (
            f"(julianday({later[0]}) - julianday({earlier[0]}))",
            [*later[1], *earlier[1]],
        )
