"""Uniformity report (COAC recommendations 1–2): does a port treat like goods like the rest?

Cells are Center × HTS heading × port, per outcome rate:

- `action_taken`: of resolved CF-29 inquiries, the share resolved `action_taken`;
- `allowed`: of resolved protests (deemed denials left out: no decision was made), the
  share allowed in whole or in part.

Heading = the first 4 digits of the entry's largest-value line (`Entry.principal_hts`);
port = the entry's port; inquiries with no entry are left out; Center = the inquiry's
Center at resolution (a resolved inquiry is only rerouted after a reopen, and resolving again
restamps `resolved_at`). Inquiries resolved in the 365 days up to the report date count.

The rest of a cell = the same Center, heading and outcome at every other port. A cell is
flagged when a two-proportion z-test rejects equal rates at p < 0.01:

    p = (hits + rest_hits) / (n + rest_n)
    z = (rate − rest_rate) / sqrt(p (1 − p) (1/n + 1/rest_n)),   flagged when |z| ≥ 2.576

and only with at least 20 resolved inquiries in the port and 20 in the rest.
"""

from datetime import date, timedelta

from django.db import connection
from django.db.models import Case, F, IntegerField, Q, Value, When
from django.db.models.functions import Substr

from inquiries.models import Inquiry
from inquiries.types import InquiryType, Outcome

from .models import ReportRun, UniformityResult
from .sql import day_end

WINDOW_DAYS = 365
MIN_RESOLVED = 20
Z_CRITICAL = 2.576

# outcome rate -> (inquiry type, outcomes that count as hits, outcomes left out)
RATES = {
    Outcome.ACTION_TAKEN.value: (InquiryType.CF29, [Outcome.ACTION_TAKEN], []),
    Outcome.ALLOWED.value: (
        InquiryType.PROTEST,
        [Outcome.ALLOWED, Outcome.ALLOWED_IN_PART],
        [Outcome.DEEMED_DENIED],
    ),
}
RATE_LABELS = {
    Outcome.ACTION_TAKEN.value: "CF-29 action-taken rate",
    Outcome.ALLOWED.value: "Protest allowed rate",
}


def parameters_for(day: date) -> dict:
    return {"window_days": WINDOW_DAYS, "min_resolved": MIN_RESOLVED, "z_critical": Z_CRITICAL}


def window(day: date):
    end = day_end(day)
    return end - timedelta(days=WINDOW_DAYS), end


def resolved_in_scope(day: date, rate: str | None = None):
    """Resolved inquiries that count toward the report of `day` (optionally one rate)."""
    start, end = window(day)
    chosen = Q()
    for name, (inquiry_type, _hits, left_out) in RATES.items():
        if rate in (None, name):
            chosen |= Q(type=inquiry_type) & ~Q(outcome__in=left_out)
    return (
        Inquiry.objects.filter(
            resolved_at__gte=start, resolved_at__lt=end, entry__isnull=False, center__isnull=False
        )
        .exclude(entry__principal_hts="")
        .filter(chosen)
    )


def cell_inquiries(day: date, visible, *, center: str, heading: str, port: str, rate: str):
    """The inquiries behind one cell, among `visible` (the reader's inquiries)."""
    return resolved_in_scope(day, rate).filter(
        pk__in=visible.values("pk"),
        center_id=center,
        entry__principal_hts__startswith=heading,
        entry__port_id=port,
    )


def _base(day: date):
    rate_case = Case(
        *[
            When(type=inquiry_type, then=Value(name))
            for name, (inquiry_type, _h, _l) in RATES.items()
        ]
    )
    hit_case = Case(
        *[
            When(type=inquiry_type, outcome__in=hits, then=Value(1))
            for inquiry_type, hits, _l in RATES.values()
        ],
        default=Value(0),
        output_field=IntegerField(),
    )
    return (
        resolved_in_scope(day)
        .annotate(
            center_ref=F("center_id"),
            heading_ref=Substr("entry__principal_hts", 1, 4),
            port_ref=F("entry__port_id"),
            rate_ref=rate_case,
            hit=hit_case,
        )
        .order_by()
        .values("center_ref", "heading_ref", "port_ref", "rate_ref", "hit")
    )


# The cells are aggregated into a temporary table first: PostgreSQL runs CREATE TABLE … AS
# with parallel workers, which it never uses for the SELECT of an INSERT, and this join of
# the year's inquiries with their entries is most of the report's time.
CELLS_SQL = """
CREATE TEMPORARY TABLE uniformity_cells AS
SELECT center_ref, heading_ref, port_ref, rate_ref, COUNT(*) AS n, SUM(hit) AS hits
FROM ({base}) base GROUP BY center_ref, heading_ref, port_ref, rate_ref
"""
SCORED_SQL = """
INSERT INTO {table} (run_id, center_id, heading, port_id, outcome, n, hits, rate, rest_n,
                     rest_rate, z, flagged)
SELECT %s, center_ref, heading_ref, port_ref, rate_ref, n, hits, rate, rest_n, rest_rate, z,
       CASE WHEN z IS NOT NULL AND n >= %s AND rest_n >= %s AND ABS(z) >= %s
            THEN TRUE ELSE FALSE END
FROM (
    WITH totals AS (
        SELECT cells.*,
               SUM(n) OVER (PARTITION BY center_ref, heading_ref, rate_ref) - n AS rest_n,
               SUM(hits) OVER (PARTITION BY center_ref, heading_ref, rate_ref) - hits
                   AS rest_hits
        FROM uniformity_cells cells
    ),
    rates AS (
        SELECT totals.*,
               CAST(hits AS DOUBLE PRECISION) / n AS rate,
               CASE WHEN rest_n > 0 THEN CAST(rest_hits AS DOUBLE PRECISION) / rest_n END
                   AS rest_rate,
               CAST(hits + rest_hits AS DOUBLE PRECISION) / (n + rest_n) AS pooled
        FROM totals
    )
    SELECT rates.*,
           CASE WHEN rest_n > 0 AND pooled > 0 AND pooled < 1
                THEN (rate - rest_rate)
                     / SQRT(pooled * (1 - pooled) * (1.0 / n + 1.0 / rest_n))
           END AS z
    FROM rates
) scored
"""


def _statements(run: ReportRun) -> list[tuple[str, list]]:
    base_sql, base_params = _base(run.date).query.sql_with_params()
    parameters = {**parameters_for(run.date), **(run.parameters or {})}
    minimum = parameters["min_resolved"]
    table = connection.ops.quote_name(UniformityResult._meta.db_table)
    return [
        (CELLS_SQL.format(base=base_sql), list(base_params)),
        (SCORED_SQL.format(table=table), [run.pk, minimum, minimum, parameters["z_critical"]]),
        ("DROP TABLE uniformity_cells", []),
    ]


def compute(run: ReportRun) -> int:
    """Replace the run's cells with the rates and z-tests of its date: the cells counted into
    a temporary table, then scored and inserted in one INSERT … SELECT (run_report's
    transaction holds all three statements)."""
    UniformityResult.objects.filter(run=run).delete()
    rows = 0
    with connection.cursor() as cursor:
        for statement, params in _statements(run):
            cursor.execute(statement, params)
            if statement.lstrip().startswith("INSERT"):
                rows = cursor.rowcount
    return rows
