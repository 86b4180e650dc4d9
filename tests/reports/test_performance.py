"""Center performance: volumes, SLA attainment and medians from known clocks."""

from datetime import date

import pytest

from reports.models import PerformanceResult, ReportKind
from reports.performance import performance_rows
from reports.runs import run_report
from tests.factories import ImporterFactory, UserFactory

from .builders import inquiry

pytestmark = pytest.mark.django_db

DAY = date(2026, 6, 30)


def build_month():
    importer, filer = ImporterFactory(), UserFactory()
    cf28 = {"type": "cf28", "filed_by": filer}
    # First response 2.08 days, met; resolved 9.21 days, met.
    inquiry(
        importer,
        submitted=date(2026, 6, 1),
        first_response=date(2026, 6, 3),
        first_response_due=date(2026, 6, 5),
        resolved=date(2026, 6, 10),
        outcome="answered",
        resolution_due=date(2026, 6, 20),
        **cf28,
    )
    # First response 7.08 days, late; resolution due and not done: missed.
    inquiry(
        importer,
        submitted=date(2026, 6, 2),
        first_response=date(2026, 6, 9),
        first_response_due=date(2026, 6, 5),
        resolution_due=date(2026, 6, 25),
        **cf28,
    )
    # No first response, due already: missed; resolution not yet due: not measured.
    inquiry(
        importer,
        submitted=date(2026, 6, 3),
        first_response_due=date(2026, 6, 8),
        resolution_due=date(2026, 7, 15),
        **cf28,
    )
    # First response 1.08 days, met.
    inquiry(
        importer,
        submitted=date(2026, 6, 4),
        first_response=date(2026, 6, 5),
        first_response_due=date(2026, 6, 10),
        resolution_due=date(2026, 7, 20),
        **cf28,
    )
    # Outside the 30 days.
    inquiry(
        importer,
        submitted=date(2026, 5, 15),
        first_response=date(2026, 5, 16),
        first_response_due=date(2026, 5, 20),
        **cf28,
    )
    # ISA: two responses (1.08 and 3.08 days): the median is their mean.
    for responded in (date(2026, 6, 11), date(2026, 6, 13)):
        inquiry(
            importer,
            submitted=date(2026, 6, 10),
            first_response=responded,
            first_response_due=date(2026, 6, 11),
            service_level="isa",
            **cf28,
        )
    # A response after the report date has not happened yet for this report.
    inquiry(
        importer,
        submitted=date(2026, 6, 29),
        first_response=date(2026, 7, 2),
        first_response_due=date(2026, 7, 6),
        service_level="isa",
        **cf28,
    )


def test_volumes_attainment_and_medians():
    build_month()

    run = run_report(ReportKind.PERFORMANCE, DAY)

    standard = PerformanceResult.objects.get(
        run=run, center="PHC", service_level="standard", type="cf28"
    )
    assert standard.volume == 4
    assert (standard.first_response_met, standard.first_response_measured) == (2, 4)
    assert standard.first_response_attainment == pytest.approx(50.0)
    assert (standard.resolution_met, standard.resolution_measured) == (1, 2)
    assert standard.median_first_response_days == pytest.approx(2 + 2 / 24, abs=1e-3)
    assert standard.median_resolution_days == pytest.approx(9 + 5 / 24, abs=1e-3)
    isa = PerformanceResult.objects.get(run=run, service_level="isa")
    assert isa.volume == 3
    assert (isa.first_response_met, isa.first_response_measured) == (1, 2)
    assert isa.median_first_response_days == pytest.approx(2 + 2 / 24, abs=1e-3)
    assert isa.median_resolution_days is None and isa.resolution_attainment is None


def test_the_same_query_groups_by_service_level_for_the_dashboard():
    build_month()

    rows = performance_rows(
        date(2026, 6, 1), DAY, as_of=DAY, centers=["PHC"], group_by=("service_level",)
    )

    assert [(row["service_level"], row["volume"]) for row in rows] == [("isa", 3), ("standard", 4)]
    assert performance_rows(date(2026, 6, 1), DAY, as_of=DAY, centers=["EL"]) == []
