"""Set-based SQL shared by the reports: INSERT … SELECT, day spans, counts, elapsed days.

Everything here runs on PostgreSQL and SQLite alike (DESIGN.md §11); where the engines
differ (elapsed days between two timestamps) one expression carries both spellings.
"""

from datetime import date, datetime, time, timedelta

from django.db import connection
from django.db.models import Count, F, FloatField, Func
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


def grouped_counts(queryset, group_field: str, *, distinct=None) -> tuple[str, list]:
    """SQL of `queryset` counted per `group_field`: rows (grp, n), one per group (GROUP BY)."""
    counted = Count(distinct, distinct=True) if distinct is not None else Count("pk")
    grouped = (
        queryset.annotate(grp=F(group_field))
        .order_by()
        .values("grp")
        .annotate(n=counted)
        .values("grp", "n")
    )
    sql, params = grouped.query.sql_with_params()
    return sql, list(params)


def update_from_counts(model, where: dict, key: str, counts: dict, assignments: dict) -> int:
    """UPDATE `model`'s rows matching `where`, setting columns from per-key counts.

    `counts` maps a name to grouped_counts() SQL; each joins the rows once (LEFT JOIN on its
    `grp` = the row's `key` column) and is read as `name.n` (0 when the group has no rows).
    `assignments` maps a column to an SQL expression over those names, e.g.
    {"reply_points": "LEAST((late + missing) * 5, 20)"}. One statement whatever the data.
    """
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    joins, params = [], []
    for name, (sql, counted_params) in counts.items():
        joins.append(f"LEFT JOIN ({sql}) {name} ON {name}.grp = target.{quote(key)}")
        params += counted_params
    values = {name: f"COALESCE({name}.n, 0)" for name in counts}
    computed = ", ".join(
        f"{expression.format(**values)} AS {quote(column)}"
        for column, expression in assignments.items()
    )
    sets = ", ".join(f"{quote(column)} = computed.{quote(column)}" for column in assignments)
    conditions = " AND ".join(f"target.{quote(column)} = %s" for column in where)
    params += list(where.values())
    # The new values are computed in one SELECT over the joined counts, then written by id.
    statement = (
        f"UPDATE {table} SET {sets} FROM (SELECT target.id AS row_id, {computed} "  # noqa: S608
        f"FROM {table} target {' '.join(joins)} WHERE {conditions}) computed "
        f"WHERE {table}.id = computed.row_id"
    )
    with connection.cursor() as cursor:
        cursor.execute(statement, params)
        return cursor.rowcount


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
