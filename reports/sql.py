"""Set-based SQL shared by the reports: INSERT … SELECT, day spans, counts, elapsed days.

Everything here runs on PostgreSQL and SQLite alike (DESIGN.md §11); where the engines
differ (elapsed days between two timestamps) one expression carries both spellings.
"""

from datetime import date, datetime, time, timedelta

from django.db import connection
from django.db.models import Count, FloatField, Func, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone


def day_start(day: date) -> datetime:
    """Midnight at the start of `day` in the portal zone."""
    return timezone.make_aware(datetime.combine(day, time.min))


def day_end(day: date) -> datetime:
    """Midnight at the end of `day` in the portal zone (exclusive upper bound)."""
    return day_start(day + timedelta(days=1))


def insert_from(model, queryset, columns: dict[str, str]) -> int:
    """INSERT the rows of `queryset` into `model`'s table in one statement; return the count.

    `columns` maps each column of `model` (its `attname`, e.g. `importer_id`) to the name of
    the annotation of `queryset` that fills it.
    """
    sql, params = queryset.values(*columns.values()).query.sql_with_params()
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    names = ", ".join(quote(column) for column in columns)
    chosen = ", ".join(f"source.{quote(alias)}" for alias in columns.values())
    statement = f"INSERT INTO {table} ({names}) SELECT {chosen} FROM ({sql}) source"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(statement, params)
        return cursor.rowcount


def count_per(queryset, outer_field: str, *, distinct=None):
    """Correlated COUNT of `queryset` rows whose `outer_field` is the outer pk (0 if none)."""
    counted = Count(distinct, distinct=True) if distinct is not None else Count("pk")
    rows = (
        queryset.filter(**{outer_field: OuterRef("pk")})
        .order_by()
        .values(outer_field)
        .annotate(counted=counted)
        .values("counted")[:1]
    )
    return Coalesce(Subquery(rows, output_field=IntegerField()), 0)


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
