"""Center performance: volumes, SLA attainment and medians (DESIGN.md §7).

One query serves the nightly report and the live Center dashboard: `performance_sql` groups
the inquiries submitted in a span of days by any of Center, service level and type.

- volume: inquiries submitted in the span;
- first-response attainment: of the inquiries whose first response happened by the cut-off
  or was due by the last complete day, the share answered on or before
  `first_response_due` (in the portal zone); resolution attainment alike with
  `resolved_at` and `resolution_due`;
- medians: calendar days (fractional) from submission to first response and to resolution,
  of those that happened by the cut-off — the middle row, or the mean of the two middle
  rows: percentile_cont in the GROUP BY on PostgreSQL, ROW_NUMBER and COUNT windows on
  SQLite (`_medians`, the one engine branch).
"""

from datetime import date, timedelta

from django.db import connection
from django.db.models import Case, F, IntegerField, Q, Value, When
from django.db.models.functions import TruncDate

from inquiries.models import Inquiry

from .models import PerformanceResult, ReportRun
from .sql import DaysBetween, day_end, day_start

WINDOW_DAYS = 30
GROUP_COLUMNS = {"center": "center_ref", "service_level": "level_ref", "type": "type_ref"}


def parameters_for(day: date) -> dict:
    return {"window_days": WINDOW_DAYS}


def _flag(condition: Q):
    return Case(When(condition, then=Value(1)), default=Value(0), output_field=IntegerField())


def _base(first_day: date, last_day: date, *, as_of: date, centers=None):
    """One row per inquiry submitted in [first_day, last_day], with its SLA facts."""
    cutoff = day_end(as_of)
    responded = Q(first_response_at__lt=cutoff)
    resolved = Q(resolved_at__lt=cutoff)
    inquiries = Inquiry.objects.filter(
        center__isnull=False,
        submitted_at__gte=day_start(first_day),
        submitted_at__lt=day_end(last_day),
    )
    if centers is not None:
        inquiries = inquiries.filter(center_id__in=centers)
    return (
        inquiries.order_by()
        .annotate(
            first_response_on=TruncDate("first_response_at"),
            resolved_on=TruncDate("resolved_at"),
        )
        .annotate(
            center_ref=F("center_id"),
            level_ref=F("service_level"),
            type_ref=F("type"),
            fr_met=_flag(responded & Q(first_response_on__lte=F("first_response_due"))),
            fr_measured=_flag(responded | Q(first_response_due__lte=as_of)),
            res_met=_flag(resolved & Q(resolved_on__lte=F("resolution_due"))),
            res_measured=_flag(resolved | Q(resolution_due__lte=as_of)),
            fr_days=Case(When(responded, then=DaysBetween("first_response_at", "submitted_at"))),
            res_days=Case(When(resolved, then=DaysBetween("resolved_at", "submitted_at"))),
        )
        .values(
            "center_ref",
            "level_ref",
            "type_ref",
            "fr_met",
            "fr_measured",
            "res_met",
            "res_measured",
            "fr_days",
            "res_days",
        )
    )


# SQLite has no ordered-set aggregate: its median is the middle row, or the mean of the two
# middle rows, picked with ROW_NUMBER and COUNT windows and joined back to the groups.
MEDIAN_SQL = """,
{name}_ranked AS (
    SELECT {keys}, {name}_days AS days,
           ROW_NUMBER() OVER (PARTITION BY {keys} ORDER BY {name}_days) AS position,
           COUNT(*) OVER (PARTITION BY {keys}) AS counted
    FROM base WHERE {name}_days IS NOT NULL
),
{name}_median AS (
    SELECT {keys}, AVG(days) AS median FROM {name}_ranked
    WHERE position IN ((counted + 1) / 2, (counted + 2) / 2)
    GROUP BY {keys}
)"""

PERFORMANCE_SQL = """
WITH base AS ({base}),
groups AS (
    SELECT {keys}, COUNT(*) AS volume,
           SUM(fr_met) AS fr_met, SUM(fr_measured) AS fr_measured,
           SUM(res_met) AS res_met, SUM(res_measured) AS res_measured{grouped_medians}
    FROM base GROUP BY {keys}
){median_ctes}
SELECT {group_keys}, groups.volume, groups.fr_met, groups.fr_measured, groups.res_met,
       groups.res_measured,
       CASE WHEN groups.fr_measured > 0
            THEN 100.0 * groups.fr_met / groups.fr_measured END AS fr_attainment,
       CASE WHEN groups.res_measured > 0
            THEN 100.0 * groups.res_met / groups.res_measured END AS res_attainment,
       {fr_median} AS fr_median, {res_median} AS res_median
FROM groups{median_joins}
ORDER BY {group_keys}
"""


def _medians(keys: list[str]) -> dict[str, str]:
    """The median parts of PERFORMANCE_SQL: in the GROUP BY where the engine has an ordered-set
    aggregate (PostgreSQL's percentile_cont, the mean of the two middle values when their
    number is even), else windows joined back (the same figure on SQLite)."""
    if connection.vendor == "postgresql":
        return {
            "grouped_medians": ",\n           "
            + ", ".join(
                f"percentile_cont(0.5) WITHIN GROUP (ORDER BY {name}_days) AS {name}_median"
                for name in ("fr", "res")
            ),
            "median_ctes": "",
            "fr_median": "groups.fr_median",
            "res_median": "groups.res_median",
            "median_joins": "",
        }
    key_list = ", ".join(keys)

    def join(name):
        on = " AND ".join(f"{name}_median.{key} = groups.{key}" for key in keys)
        return f"\nLEFT JOIN {name}_median ON {on}"

    return {
        "grouped_medians": "",
        "median_ctes": "".join(
            MEDIAN_SQL.format(name=name, keys=key_list) for name in ("fr", "res")
        ),
        "fr_median": "fr_median.median",
        "res_median": "res_median.median",
        "median_joins": join("fr") + join("res"),
    }


RESULT_NAMES = [
    "volume",
    "first_response_met",
    "first_response_measured",
    "resolution_met",
    "resolution_measured",
    "first_response_attainment",
    "resolution_attainment",
    "median_first_response_days",
    "median_resolution_days",
]


def performance_sql(
    first_day: date,
    last_day: date,
    *,
    as_of: date,
    centers=None,
    group_by=("center", "service_level", "type"),
) -> tuple[str, list]:
    """The SELECT of performance per group, and its parameters."""
    base_sql, params = _base(
        first_day, last_day, as_of=as_of, centers=centers
    ).query.sql_with_params()
    keys = [GROUP_COLUMNS[name] for name in group_by]
    statement = PERFORMANCE_SQL.format(
        base=base_sql,
        keys=", ".join(keys),
        group_keys=", ".join(f"groups.{key}" for key in keys),
        **_medians(keys),
    )
    return statement, list(params)


def performance_rows(
    first_day: date,
    last_day: date,
    *,
    as_of: date,
    centers=None,
    group_by=("center", "service_level", "type"),
) -> list[dict]:
    """Performance per group as dicts keyed by the group names and RESULT_NAMES."""
    statement, params = performance_sql(
        first_day, last_day, as_of=as_of, centers=centers, group_by=group_by
    )
    with connection.cursor() as cursor:
        cursor.execute(statement, params)
        return [
            dict(zip([*group_by, *RESULT_NAMES], row, strict=True)) for row in cursor.fetchall()
        ]


def _statement(run: ReportRun) -> tuple[str, list]:
    days = int((run.parameters or {}).get("window_days", WINDOW_DAYS))
    select, params = performance_sql(run.date - timedelta(days=days - 1), run.date, as_of=run.date)
    quote = connection.ops.quote_name
    columns = ["run_id", "center_id", "service_level", "type", *RESULT_NAMES]
    sources = [
        "center_ref",
        "level_ref",
        "type_ref",
        "volume",
        "fr_met",
        "fr_measured",
        "res_met",
        "res_measured",
        "fr_attainment",
        "res_attainment",
        "fr_median",
        "res_median",
    ]
    statement = (
        f"INSERT INTO {quote(PerformanceResult._meta.db_table)} "  # noqa: S608
        f"({', '.join(quote(c) for c in columns)}) "
        f"SELECT %s, {', '.join(f'performance.{s}' for s in sources)} FROM ({select}) performance"
    )
    return statement, [run.pk, *params]


def compute(run: ReportRun) -> int:
    """Replace the run's rows with the 30 days up to its date (one INSERT … SELECT)."""
    PerformanceResult.objects.filter(run=run).delete()
    statement, params = _statement(run)
    with connection.cursor() as cursor:
        cursor.execute(statement, params)
        return cursor.rowcount
