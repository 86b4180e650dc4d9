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
    F,
    IntegerField,
    OuterRef,
    Subquery,
    Value,
    When,
)
from django.db.models.fields.json import KeyTextTransform
from django.db.models.functions import Cast, Coalesce, Concat, Greatest, Least

from accounts.models import Importer, RiskSegment
from accounts.trust import CtpatTier
from entries.models import Entry
from inquiries.models import Inquiry, InquiryEvent
from inquiries.types import InquiryType, Outcome
from inquiries.workflow import Action

from .models import ReportKind, ReportRun, RiskResult
from .sql import day_end, grouped_counts, insert_from, update_from_counts

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


def _component_counts(day, start, end) -> dict:
    """Per-importer counts over [start, end), each one GROUP BY (reports.sql.grouped_counts)."""
    resolved = Inquiry.objects.filter(resolved_at__gte=start, resolved_at__lt=end)
    previous_request = (
        InquiryEvent.objects.filter(
            inquiry=OuterRef("inquiry"),
            action=Action.REQUEST_INFO,
            sequence__lt=OuterRef("sequence"),
        )
        .order_by("-sequence")
        .values("at")[:1]
    )
    late_replies = (
        InquiryEvent.objects.filter(action=Action.RESPOND, at__gte=start, at__lt=end)
        .annotate(requested_at=Subquery(previous_request))
        .filter(at__gt=F("requested_at") + LATE_REPLY_AFTER)
    )
    notice_date = Coalesce(
        KeyTextTransform("cf28_issue_date", "details"),
        KeyTextTransform("cf29_mailing_date", "details"),
    )
    notice_key = Concat(
        F("type"),
        Value(":"),
        Cast("entry_id", CharField()),
        Value(":"),
        notice_date,
        output_field=CharField(),
    )
    notices = Inquiry.objects.filter(
        type__in=[InquiryType.CF28, InquiryType.CF29], submitted_at__gte=start, submitted_at__lt=end
    )
    entries = Entry.objects.filter(
        entry_date__gt=day - timedelta(WINDOW_DAYS), entry_date__lte=day
    )
    protests = resolved.filter(type=InquiryType.PROTEST)
    return {
        "late": grouped_counts(late_replies, "inquiry__importer"),
        "missing": grouped_counts(resolved.filter(outcome=Outcome.UNANSWERED), "importer"),
        "notices": grouped_counts(notices, "importer", distinct=notice_key),
        "entries": grouped_counts(entries, "importer"),
        "actions_taken": grouped_counts(
            resolved.filter(type=InquiryType.CF29, outcome=Outcome.ACTION_TAKEN), "importer"
        ),
        "allowed": grouped_counts(
            protests.filter(outcome__in=[Outcome.ALLOWED, Outcome.ALLOWED_IN_PART]), "importer"
        ),
        "denied": grouped_counts(protests.filter(outcome=Outcome.DENIED), "importer"),
    }


# The counted components: column = SQL over the counts of _component_counts (each capped).
COUNTED_POINTS = {
    "reply_points": "MIN_OF(({late} + {missing}) * 5, 20)",
    "notice_points": "MIN_OF(CASE WHEN {entries} = 0 THEN 0 ELSE {notices} * 100 / {entries} END,"
                     " 20)",
    "action_taken_points": "MIN_OF({actions_taken} * 5, 20)",
    "protest_allowed_points": "MAX_OF({allowed} * -5, -15)",
    "protest_denied_points": "MIN_OF({denied} * 5, 15)",
}


def _counted_points() -> dict[str, str]:
    """COUNTED_POINTS in this database's spelling of the two-argument minimum and maximum."""
    two_argument = {"MIN_OF": "LEAST", "MAX_OF": "GREATEST"}
    if connection.vendor == "sqlite":
        two_argument = {"MIN_OF": "MIN", "MAX_OF": "MAX"}
    points = {}
    for column, expression in COUNTED_POINTS.items():
        for name, spelling in two_argument.items():
            expression = expression.replace(name, spelling)
        points[column] = expression
    return points


def previous_run_for(day: date) -> ReportRun | None:
    return (
        ReportRun.objects.of(ReportKind.RISK)
        .with_results()
        .filter(date__lt=day)
        .order_by("-date")
        .first()
    )


def _base_rows(run: ReportRun):
    """One row per importer with the components read off the importer; the rest 0."""
    previous_run = previous_run_for(run.date)
    previous = Cast(Value(None), output_field=IntegerField())
    if previous_run is not None:
        previous = Subquery(
            RiskResult.objects.filter(run=previous_run, importer=OuterRef("pk")).values(
                "score")[:1],
            output_field=IntegerField(),
        )
    zero = Value(0, output_field=IntegerField())
    return Importer.objects.annotate(
        run_ref=Value(run.pk, output_field=IntegerField()),
        importer_ref=F("pk"),
        center_ref=F("center_id"),
        trust_points=_trust_points(),
        past_due_points=Case(
            When(financially_compliant=False, then=Value(20)),
            default=Value(0),
            output_field=IntegerField(),
        ),
        counted=zero,
        score_value=zero,
        segment_value=Value("", output_field=CharField()),
        previous_score=previous,
    )


def compute(run: ReportRun) -> int:
    """Replace the run's rows with every importer's score, in a fixed number of statements.

    INSERT … SELECT one row per importer with the components read off the importer, one
    UPDATE joining every count once (a GROUP BY each), then the score and segment from the
    stored components; finally copy the scores onto the importers.
    """
    RiskResult.objects.filter(run=run).delete()
    columns = {
        "run_id": "run_ref",
        "importer_id": "importer_ref",
        "center_id": "center_ref",
        "trust_points": "trust_points",
        "past_due_points": "past_due_points",
        **{column: "counted" for column in COUNTED_POINTS},
        "score": "score_value",
        "segment": "segment_value",
        "previous_score": "previous_score",
    }
    count = insert_from(RiskResult, _base_rows(run), columns)
    end = day_end(run.date)
    counts = _component_counts(run.date, end - timedelta(days=WINDOW_DAYS), end)
    update_from_counts(RiskResult, {"run_id": run.pk}, "importer_id", counts, _counted_points())
    total = Value(BASELINE)
    for column in COMPONENT_COLUMNS.values():
        total = total + F(column)
    rows = RiskResult.objects.filter(run=run)
    rows.update(score=Least(Greatest(total, Value(0)), Value(100)))
    rows.update(segment=segment_of("score"))
    if not ReportRun.objects.of(ReportKind.RISK).with_results().filter(date__gt=run.date).exists():
        copy_onto_importers(run)
    return count


def copy_onto_importers(run: ReportRun) -> int:
    """Set every importer's risk score, previous score and segment from `run` (one UPDATE)."""
    row = RiskResult.objects.filter(run=run, importer=OuterRef("pk"))
    return Importer.objects.update(
        risk_score=Subquery(row.values("score")[:1]),
        risk_previous_score=Subquery(row.values("previous_score")[:1]),
        risk_segment=Coalesce(Subquery(row.values("segment")[:1]), Value("")),
    )
