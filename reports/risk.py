"""Account risk report: a score 0–100 per importer, per account, not per transaction.

Formula (shown on the report page as RISK_FORMULA):

    score = clamp(40 + trust + past_due + replies + notices + action_taken
                  + protests_allowed + protests_denied, 0, 100)

over the 12 months (365 days) up to the report date, each component with its source and sign:

- trust (lower): C-TPAT tier 1 −5, tier 2 −10, tier 3 −15; ISA membership −10
  (Importer trust inputs).
- past_due (raise): +20 when the importer has past-due bills (not financially compliant).
- replies (raise): +5 per request for information answered late or not at all, at most +20.
  Late: the importer's `respond` came more than 14 calendar days (10 business days) after
  the `request_info` event before it; missing: an inquiry resolved with outcome `unanswered`.
- notices (raise): distinct CF-28 and CF-29 notices per 100 entries, 1 point each, at most
  +20. A notice is (type, entry, CF-28 issue date or CF-29 mailing date), so several
  inquiries about one notice count once; entries are those entered in the 12 months.
- action_taken (raise): +5 per CF-29 inquiry resolved `action_taken`, at most +20.
- protests_allowed (lower): −5 per protest resolved `allowed` or `allowed_in_part`, at
  most −15.
- protests_denied (raise): +5 per protest resolved `denied`, at most +15. Deemed denials
  never count; filed protests and counterfeit reports never raise a score.

Segments: low below 35, medium 35–59, high 60 and above. The previous score is the
importer's score in the latest earlier run with results; a successful run copies score,
previous score and segment onto the importer in one UPDATE.
"""

from datetime import date, timedelta

from django.db import connection
from django.db.models import (
    Case,
    CharField,
    Count,
    F,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
    Window,
)
from django.db.models.fields.json import KeyTextTransform
from django.db.models.functions import Cast, Coalesce, Concat, Lag

from accounts.models import Importer, RiskSegment
from accounts.trust import CtpatTier
from entries.models import Entry
from inquiries.models import Inquiry, InquiryEvent
from inquiries.types import InquiryType, Outcome
from inquiries.workflow import Action

from .models import ReportKind, ReportRun, RiskResult
from .sql import day_end, waited_longer_than

BASELINE = 40
LOW_BELOW = 35
HIGH_FROM = 60
LATE_REPLY_AFTER = timedelta(days=14)
WINDOW_DAYS = 365

# (component, label, source, sign) — the page shows this table beneath the formula.
COMPONENTS = [
    ("trust", "Trust inputs", "C-TPAT tier 1 −5, tier 2 −10, tier 3 −15; ISA −10", "lower"),
    ("past_due", "Past-due bills", "+20 when not financially compliant", "raise"),
    (
        "replies",
        "Late or missing replies",
        "+5 per reply to a request for information later than 14 days or missing, at most +20",
        "raise",
    ),
    (
        "notices",
        "CF-28 and CF-29 notices",
        "+1 per distinct notice per 100 entries, at most +20",
        "raise",
    ),
    (
        "action_taken",
        "CF-29 action taken",
        "+5 per CF-29 resolved action taken, at most +20",
        "raise",
    ),
    (
        "protests_allowed",
        "Protests allowed",
        "−5 per protest allowed (in whole or in part), at most −15",
        "lower",
    ),
    (
        "protests_denied",
        "Protests denied",
        "+5 per protest denied (deemed denials never count), at most +15",
        "raise",
    ),
]
RISK_FORMULA = (
    "score = 40 + trust + past-due bills + late or missing replies + notices per 100 entries"
    " + CF-29 action taken + protests allowed + protests denied, kept between 0 and 100,"
    " over the 12 months up to the report date"
)
# Result column of each component.
COMPONENT_COLUMNS = {
    "trust": "trust_points",
    "past_due": "past_due_points",
    "replies": "reply_points",
    "notices": "notice_points",
    "action_taken": "action_taken_points",
    "protests_allowed": "protest_allowed_points",
    "protests_denied": "protest_denied_points",
}


def parameters_for(day: date) -> dict:
    return {
        "window_days": WINDOW_DAYS,
        "baseline": BASELINE,
        "low_below": LOW_BELOW,
        "high_from": HIGH_FROM,
    }


def segment_of(score_field: str = "score") -> Case:
    """The segment of the score in `score_field`, as SQL: low, medium or high."""
    return Case(
        When(**{f"{score_field}__gte": HIGH_FROM}, then=Value(RiskSegment.HIGH)),
        When(**{f"{score_field}__gte": LOW_BELOW}, then=Value(RiskSegment.MEDIUM)),
        default=Value(RiskSegment.LOW),
    )


def _trust_points():
    tier = Case(
        When(ctpat_tier=CtpatTier.TIER1, then=Value(-5)),
        When(ctpat_tier=CtpatTier.TIER2, then=Value(-10)),
        When(ctpat_tier=CtpatTier.TIER3, then=Value(-15)),
        default=Value(0),
        output_field=IntegerField(),
    )
    isa = Case(
        When(isa_member=True, then=Value(-10)), default=Value(0), output_field=IntegerField()
    )
    return tier + isa


def _notice_key():
    """A notice as text: type, entry and CF-28 issue date or CF-29 mailing date."""
    notice_date = Coalesce(
        KeyTextTransform("cf28_issue_date", "details"),
        KeyTextTransform("cf29_mailing_date", "details"),
    )
    return Concat(
        F("type"),
        Value(":"),
        Cast("entry_id", CharField()),
        Value(":"),
        notice_date,
        output_field=CharField(),
    )


def _inquiry_counts(start, end):
    """Per importer (`grp`), one pass over the inquiries submitted or resolved in [start, end).

    Distinct notices among those submitted; among those resolved, missing replies, CF-29
    action taken and protests allowed and denied.
    """
    submitted = Q(submitted_at__gte=start, submitted_at__lt=end)
    resolved = Q(resolved_at__gte=start, resolved_at__lt=end)
    protests = resolved & Q(type=InquiryType.PROTEST)
    return (
        Inquiry.objects.filter(submitted | resolved)
        .order_by()
        .values(grp=F("importer_id"))
        .annotate(
            notices=Count(
                _notice_key(),
                distinct=True,
                filter=submitted & Q(type__in=[InquiryType.CF28, InquiryType.CF29]),
            ),
            missing=Count("pk", filter=resolved & Q(outcome=Outcome.UNANSWERED)),
            actions_taken=Count(
                "pk", filter=resolved & Q(type=InquiryType.CF29, outcome=Outcome.ACTION_TAKEN)
            ),
            allowed=Count(
                "pk", filter=protests & Q(outcome__in=[Outcome.ALLOWED, Outcome.ALLOWED_IN_PART])
            ),
            denied=Count("pk", filter=protests & Q(outcome=Outcome.DENIED)),
        )
    )


def _entry_counts(day: date):
    """Per importer (`grp`), the entries entered in the WINDOW_DAYS up to `day`."""
    return (
        Entry.objects.filter(entry_date__gt=day - timedelta(WINDOW_DAYS), entry_date__lte=day)
        .order_by()
        .values(grp=F("importer_id"))
        .annotate(n=Count("pk"))
    )


LATE_SQL = """
SELECT inquiry.importer_id AS grp, COUNT(*) AS n
FROM ({events}) reply JOIN {inquiries} inquiry ON inquiry.id = reply.inquiry_id
WHERE reply.action = %s AND {replied_at} >= %s AND {late}
GROUP BY inquiry.importer_id
"""


def _late_replies(start, end) -> tuple[str, list]:
    """Per importer (`grp`), the replies in [start, end) later than LATE_REPLY_AFTER.

    One pass: each request and reply up to `end` with the `at` of the event before it among
    them (lag()). A reply is only possible while awaiting the importer, which only a request
    for information begins, so the event before a reply is the request it answers; requests
    made before `start` count for replies inside it.
    """
    events = (
        InquiryEvent.objects.filter(action__in=[Action.REQUEST_INFO, Action.RESPOND], at__lt=end)
        .order_by()
        .annotate(
            asked_at=Window(Lag("at"), partition_by=[F("inquiry_id")], order_by=F("sequence").asc())
        )
        .values("inquiry_id", "action", "at", "asked_at")
    )
    events_sql, params = events.query.sql_with_params()
    quote = connection.ops.quote_name
    replied_at = f"reply.{quote('at')}"
    late, late_params = waited_longer_than(replied_at, "reply.asked_at", LATE_REPLY_AFTER)
    statement = LATE_SQL.format(
        events=events_sql, inquiries=quote(Inquiry._meta.db_table), replied_at=replied_at, late=late
    )
    start_value = connection.ops.adapt_datetimefield_value(start)
    return statement, [*params, Action.RESPOND.value, start_value, *late_params]


def previous_run_for(day: date) -> ReportRun | None:
    return (
        ReportRun.objects.of(ReportKind.RISK)
        .with_results()
        .filter(date__lt=day)
        .order_by("-date")
        .first()
    )


def _base_rows(run: ReportRun):
    """One row per importer with the components read off the importer and the previous score."""
    previous_run = previous_run_for(run.date)
    previous = Cast(Value(None), output_field=IntegerField())
    if previous_run is not None:
        previous = Subquery(
            RiskResult.objects.filter(run=previous_run, importer=OuterRef("pk"))
            .order_by()
            .values("score")[:1],
            output_field=IntegerField(),
        )
    return (
        Importer.objects.order_by()
        .annotate(
            run_ref=Value(run.pk, output_field=IntegerField()),
            importer_ref=F("pk"),
            center_ref=F("center_id"),
            previous_ref=previous,
            trust_ref=_trust_points(),
            past_due_ref=Case(
                When(financially_compliant=False, then=Value(20)),
                default=Value(0),
                output_field=IntegerField(),
            ),
        )
        .values(
            "run_ref", "importer_ref", "center_ref", "previous_ref", "trust_ref", "past_due_ref"
        )
    )


# The counted components: column = SQL over the counts (each capped); MIN_OF and MAX_OF are
# the two-argument minimum and maximum, spelled for the database by _spelled().
COUNTED_POINTS = {
    "reply_points": "MIN_OF(({late} + {missing}) * 5, 20)",
    "notice_points": "MIN_OF(CASE WHEN {entries} = 0 THEN 0 ELSE {notices} * 100 / {entries} END,"
    " 20)",
    "action_taken_points": "MIN_OF({actions_taken} * 5, 20)",
    "protest_allowed_points": "MAX_OF({allowed} * -5, -15)",
    "protest_denied_points": "MIN_OF({denied} * 5, 15)",
}
# Where each count is read in RISK_SQL (0 when the importer has none).
COUNTS = {
    "late": "late.n",
    "missing": "inquiries.missing",
    "notices": "inquiries.notices",
    "entries": "entries.n",
    "actions_taken": "inquiries.actions_taken",
    "allowed": "inquiries.allowed",
    "denied": "inquiries.denied",
}

RISK_SQL = """
INSERT INTO {table} (run_id, importer_id, center_id, previous_score, trust_points,
                     past_due_points, {counted_columns}, score, segment)
SELECT run_ref, importer_ref, center_ref, previous_ref, trust_ref, past_due_ref,
       {counted_columns}, score,
       CASE WHEN score >= %s THEN %s WHEN score >= %s THEN %s ELSE %s END
FROM (
    SELECT points.*, MIN_OF(MAX_OF(%s + trust_ref + past_due_ref + {counted_sum}, 0), 100)
               AS score
    FROM (
        SELECT base.*, {counted_points}
        FROM ({base}) base
        LEFT JOIN ({entries}) entries ON entries.grp = base.importer_ref
        LEFT JOIN ({inquiries}) inquiries ON inquiries.grp = base.importer_ref
        LEFT JOIN ({late}) late ON late.grp = base.importer_ref
    ) points
) scored
"""


def _spelled(sql: str) -> str:
    """`sql` with MIN_OF and MAX_OF in this database's spelling of the two-argument forms."""
    two_argument = {"MIN_OF": "LEAST", "MAX_OF": "GREATEST"}
    if connection.vendor == "sqlite":
        two_argument = {"MIN_OF": "MIN", "MAX_OF": "MAX"}
    for name, spelling in two_argument.items():
        sql = sql.replace(name, spelling)
    return sql


def _risk_statement(run: ReportRun) -> tuple[str, list]:
    end = day_end(run.date)
    start = end - timedelta(days=WINDOW_DAYS)
    counts = {name: f"COALESCE({source}, 0)" for name, source in COUNTS.items()}
    parts = {
        "base": _base_rows(run).query.sql_with_params(),
        "entries": _entry_counts(run.date).query.sql_with_params(),
        "inquiries": _inquiry_counts(start, end).query.sql_with_params(),
        "late": _late_replies(start, end),
    }
    statement = RISK_SQL.format(
        table=connection.ops.quote_name(RiskResult._meta.db_table),
        counted_columns=", ".join(COUNTED_POINTS),
        counted_sum=" + ".join(COUNTED_POINTS),
        counted_points=", ".join(
            f"{expression.format(**counts)} AS {column}"
            for column, expression in COUNTED_POINTS.items()
        ),
        **{name: sql for name, (sql, _params) in parts.items()},
    )
    segments = [HIGH_FROM, RiskSegment.HIGH.value, LOW_BELOW, RiskSegment.MEDIUM.value]
    params = [*segments, RiskSegment.LOW.value, BASELINE]
    for _sql, part_params in parts.values():
        params += part_params
    return _spelled(statement), params


def compute(run: ReportRun) -> int:
    """Replace the run's rows with every importer's score in one INSERT … SELECT.

    The SELECT joins, once each, the importer's own components, its previous score and three
    GROUP BYs (entries, one pass over the inquiries, late replies); then the scores are copied
    onto the importers.
    """
    RiskResult.objects.filter(run=run).delete()
    statement, params = _risk_statement(run)
    with connection.cursor() as cursor:
        cursor.execute(statement, params)
        count = cursor.rowcount
    if not ReportRun.objects.of(ReportKind.RISK).with_results().filter(date__gt=run.date).exists():
        copy_onto_importers(run)
    return count


COPY_SQL = """
UPDATE {importers} SET risk_score = scored.score, risk_previous_score = scored.previous_score,
                       risk_segment = COALESCE(scored.segment, '')
FROM (SELECT importer.id AS importer_ref, result.score, result.previous_score, result.segment
      FROM {importers} importer
      LEFT JOIN {results} result ON result.importer_id = importer.id AND result.run_id = %s) scored
WHERE {importers}.id = scored.importer_ref
"""


def copy_onto_importers(run: ReportRun) -> int:
    """Set every importer's risk score, previous score and segment from `run` (one UPDATE).

    An importer without a row in `run` gets no score. The rows are joined once, not looked up
    per importer and column.
    """
    quote = connection.ops.quote_name
    statement = COPY_SQL.format(
        importers=quote(Importer._meta.db_table), results=quote(RiskResult._meta.db_table)
    )
    with connection.cursor() as cursor:
        cursor.execute(statement, [run.pk])
        return cursor.rowcount
