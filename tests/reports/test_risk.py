"""Account risk scores from hand-built histories with known answers (DESIGN.md §7)."""

from datetime import date, timedelta

import pytest
from django.db.models import Value

from accounts.models import Importer, RiskSegment
from accounts.trust import CtpatTier
from inquiries.workflow import Action
from reports import risk
from reports.models import ReportKind, RiskResult
from reports.results import risk_row
from reports.runs import run_report
from tests.factories import ImporterFactory, UserFactory

from .builders import at, entry, event, inquiry

pytestmark = pytest.mark.django_db

DAY = date(2026, 6, 30)


def trusted_clean():
    """Tier 3 + ISA, compliant, no history: 40 − 15 − 10 = 15 (low)."""
    return ImporterFactory(ctpat_tier=CtpatTier.TIER3, isa_member=True)


def troubled():
    """Past-due +20, 3 notices in 20 entries +15, action taken +5, denied +5, missing reply +5.

    = 90 (high). A deemed denial, a counterfeit report and a denial older than 12 months do
    not count.
    """
    importer = ImporterFactory(financially_compliant=False)
    filer = UserFactory()
    entries = [entry(importer, entry_date=DAY - timedelta(days=30)) for _ in range(20)]
    cf28 = {"cf28_issue_date": "2026-05-01"}
    # Two inquiries about one CF-28 notice count once; a second notice on another date.
    inquiry(
        importer,
        type="cf28",
        entry=entries[0],
        details=cf28,
        submitted=date(2026, 5, 3),
        filed_by=filer,
    )
    inquiry(
        importer,
        type="cf28",
        entry=entries[0],
        details=cf28,
        submitted=date(2026, 5, 4),
        filed_by=filer,
    )
    inquiry(
        importer,
        type="cf28",
        entry=entries[0],
        details={"cf28_issue_date": "2026-05-20"},
        submitted=date(2026, 5, 21),
        filed_by=filer,
    )
    inquiry(
        importer,
        type="cf29",
        entry=entries[1],
        submitted=date(2026, 4, 1),
        details={"cf29_mailing_date": "2026-03-30", "action_kind": "taken"},
        resolved=date(2026, 4, 20),
        outcome="action_taken",
        filed_by=filer,
    )
    inquiry(
        importer,
        type="protest",
        entry=entries[2],
        resolved=date(2026, 5, 1),
        outcome="denied",
        filed_by=filer,
    )
    inquiry(
        importer,
        type="protest",
        entry=entries[3],
        resolved=date(2026, 5, 2),
        outcome="deemed_denied",
        filed_by=filer,
    )
    inquiry(
        importer,
        type="protest",
        entry=entries[4],
        submitted=date(2025, 3, 1),
        resolved=date(2025, 5, 1),
        outcome="denied",
        filed_by=filer,
    )
    inquiry(
        importer,
        type="counterfeit_report",
        resolved=date(2026, 5, 5),
        outcome="referred_to_enforcement",
        filed_by=filer,
    )
    inquiry(importer, resolved=date(2026, 6, 1), outcome="unanswered", filed_by=filer)
    return importer


def tier1_mixed():
    """Tier 1 −5, one protest allowed −5, one late reply +5: 35 (medium, the boundary).

    A reply 3 days after its request is on time.
    """
    importer = ImporterFactory(ctpat_tier=CtpatTier.TIER1)
    filer = UserFactory()
    inquiry(
        importer,
        type="protest",
        entry=entry(importer),
        resolved=date(2026, 5, 1),
        outcome="allowed",
        filed_by=filer,
    )
    late = inquiry(importer, filed_by=filer)
    event(late, Action.REQUEST_INFO, at(date(2026, 5, 1)), 1)
    event(late, Action.RESPOND, at(date(2026, 5, 21)), 2)
    prompt = inquiry(importer, filed_by=filer)
    event(prompt, Action.REQUEST_INFO, at(date(2026, 5, 1)), 1)
    event(prompt, Action.RESPOND, at(date(2026, 5, 4)), 2)
    return importer


def result(run, importer) -> RiskResult:
    return RiskResult.objects.get(run=run, importer=importer)


def test_scores_and_segments_follow_the_documented_components():
    clean, bad, mixed = trusted_clean(), troubled(), tier1_mixed()

    run = run_report(ReportKind.RISK, DAY)

    assert run.rows == 3
    row = result(run, clean)
    assert (row.score, row.segment, row.trust_points) == (15, RiskSegment.LOW, -25)
    row = result(run, bad)
    assert risk_row(row)["components"] == {
        "trust": 0,
        "past_due": 20,
        "replies": 5,
        "notices": 15,
        "action_taken": 5,
        "protests_allowed": 0,
        "protests_denied": 5,
    }
    assert (row.score, row.segment) == (90, RiskSegment.HIGH)
    row = result(run, mixed)
    assert risk_row(row)["components"] == {
        "trust": -5,
        "past_due": 0,
        "replies": 5,
        "notices": 0,
        "action_taken": 0,
        "protests_allowed": -5,
        "protests_denied": 0,
    }
    assert (row.score, row.segment) == (35, RiskSegment.MEDIUM)


def test_components_are_capped_and_the_score_stays_within_0_and_100():
    importer = ImporterFactory(financially_compliant=False)
    filer = UserFactory()
    for n in range(6):
        inquiry(
            importer,
            type="cf29",
            entry=entry(importer),
            resolved=date(2026, 5, 1),
            outcome="action_taken",
            filed_by=filer,
            details={"cf29_mailing_date": f"2026-04-0{n + 1}", "action_kind": "taken"},
        )
        inquiry(
            importer,
            type="protest",
            entry=entry(importer),
            resolved=date(2026, 5, 1),
            outcome="denied",
            filed_by=filer,
        )
        inquiry(importer, resolved=date(2026, 5, 2), outcome="unanswered", filed_by=filer)

    row = result(run_report(ReportKind.RISK, DAY), importer)

    assert (row.action_taken_points, row.protest_denied_points, row.reply_points) == (20, 15, 20)
    assert row.notice_points == 20
    assert row.score == 100


@pytest.mark.parametrize(
    ("score", "segment"),
    [
        (0, "low"),
        (34, "low"),
        (35, "medium"),
        (59, "medium"),
        (60, "high"),
        (100, "high"),
    ],
)
def test_segment_boundaries(score, segment):
    importer = ImporterFactory()
    scored = Importer.objects.filter(pk=importer.pk).annotate(
        points=Value(score), segment_found=risk.segment_of("points")
    )
    assert scored.get().segment_found == segment


def test_previous_score_trend_and_copy_onto_importers():
    importer = ImporterFactory()
    first = run_report(ReportKind.RISK, DAY - timedelta(days=30))
    inquiry(
        importer,
        type="protest",
        entry=entry(importer),
        resolved=DAY - timedelta(days=5),
        outcome="denied",
    )

    second = run_report(ReportKind.RISK, DAY)

    assert result(first, importer).score == 40
    row = result(second, importer)
    assert (row.score, row.previous_score, row.change) == (45, 40, 5)
    importer.refresh_from_db()
    assert (importer.risk_score, importer.risk_previous_score, importer.risk_segment) == (
        45,
        40,
        RiskSegment.MEDIUM,
    )


def test_rerunning_an_older_date_does_not_overwrite_the_importer_with_stale_scores():
    importer = ImporterFactory()
    inquiry(
        importer,
        type="protest",
        entry=entry(importer),
        resolved=DAY - timedelta(days=5),
        outcome="denied",
    )
    run_report(ReportKind.RISK, DAY)
    run_report(ReportKind.RISK, DAY - timedelta(days=30))

    importer.refresh_from_db()
    assert importer.risk_score == 45


def test_every_importer_is_updated_in_one_statement():
    ImporterFactory.create_batch(3)
    run = run_report(ReportKind.RISK, DAY)
    assert risk.copy_onto_importers(run) == Importer.objects.count()


def test_each_reply_is_late_or_not_by_the_request_just_before_it():
    """Rounds of requests and replies; a request before the 12 months for a reply inside them.

    The window of DAY runs from 2025-07-01 to 2026-06-30. Late: the second round (19 days, not
    the 50 days since the first request) and the reply of 2025-07-10 to a request of
    2025-06-20 = 2 late replies, +10. On time: 2 days, exactly 14 days, 9 days. Not counted:
    a late reply before the window and one after the report date.
    """
    importer = ImporterFactory()
    filer = UserFactory()
    rounds = inquiry(importer, filed_by=filer)
    event(rounds, Action.REQUEST_INFO, at(date(2026, 3, 1)), 1)
    event(rounds, Action.RESPOND, at(date(2026, 3, 3)), 2)
    event(rounds, Action.REQUEST_INFO, at(date(2026, 4, 1)), 3)
    event(rounds, Action.ASSIGN, at(date(2026, 4, 5)), 4)
    event(rounds, Action.RESPOND, at(date(2026, 4, 20)), 5)
    event(rounds, Action.REQUEST_INFO, at(date(2026, 5, 1)), 6)
    event(rounds, Action.RESPOND, at(date(2026, 5, 15)), 7)
    event(rounds, Action.REQUEST_INFO, at(date(2026, 6, 1)), 8)
    event(rounds, Action.RESPOND, at(date(2026, 6, 10)), 9)
    straddling = inquiry(importer, filed_by=filer, submitted=date(2025, 4, 20))
    event(straddling, Action.REQUEST_INFO, at(date(2025, 5, 1)), 1)
    event(straddling, Action.RESPOND, at(date(2025, 5, 25)), 2)
    event(straddling, Action.REQUEST_INFO, at(date(2025, 6, 20)), 3)
    event(straddling, Action.RESPOND, at(date(2025, 7, 10)), 4)
    after = inquiry(importer, filed_by=filer)
    event(after, Action.REQUEST_INFO, at(date(2026, 6, 20)), 1)
    event(after, Action.RESPOND, at(date(2026, 7, 15)), 2)

    row = result(run_report(ReportKind.RISK, DAY), importer)

    assert row.reply_points == 10
    assert row.score == 50
