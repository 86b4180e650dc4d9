"""How the access rules are combined and spelled in SQL; no rule of its own.

A visibility is the OR of the rules of the roles the user holds, each a column test or an
indexed EXISTS subquery: a constant number per request whatever the data. Rules of roles the
user does not hold could match nothing that matters, and each costs a subquery per row, so
they are left out rather than evaluated.
"""

import operator
from functools import reduce

from django.contrib.postgres.expressions import ArraySubquery
from django.db import connection
from django.db.models import BooleanField, F, Func, Q, QuerySet


def any_of(queryset: QuerySet, rules: list[Q]) -> QuerySet:
    """The rows of `queryset` that meet at least one rule; none when there is no rule."""
    if not rules:
        return queryset.none()
    return queryset.filter(reduce(operator.or_, rules))


class AnyOf(Func):
    """`column = ANY(ARRAY(values))`, a condition (PostgreSQL)."""

    output_field = BooleanField()

    def __init__(self, column: str, values: QuerySet):
        super().__init__(F(column), ArraySubquery(values))

    def as_sql(self, compiler, connection, **extra_context):
        (column, column_params), (array, array_params) = (
            compiler.compile(expression) for expression in self.source_expressions
        )
        return f"{column} = ANY({array})", [*column_params, *array_params]


def in_set(field: str, values: QuerySet) -> Q:
    """`field IN (values)`, spelled on PostgreSQL `field = ANY(ARRAY(values))`: the set is
    read once, before the scan, and the test is an index condition even inside an OR, where
    `IN (…)` and EXISTS are tested row by row (a trade user's rows are found through the
    importer index instead of testing every row)."""
    if connection.vendor != "postgresql":
        return Q(**{f"{field}__in": values})
    return Q(AnyOf(field, values))
