"""Report pages and the Center dashboard in Chromium: charts drawn over tables, axe clean."""

from pathlib import Path

import pytest
from django.utils import timezone

from centers.models import Center, PartnerAgency, Port
from centers.reference import load_reference_data
from reports.models import ReportKind
from reports.runs import run_report
from tests.factories import CenterStaffFactory, ImporterFactory, UserFactory, center
from tests.reports.builders import bulk, entry, inquiry

from .conftest import axe_check, sign_in

SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"
DAY = timezone.localdate()


def _shot(page, name):
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"reports-{name}.png"), full_page=True)


def build():
    importer = ImporterFactory(center=center("PHC"), name="Northfield Pharmaceuticals")
    filer = UserFactory()
    rows = []
    for port, taken in (("1001", 24), ("1101", 9), ("1303", 9)):
        for n in range(30):
            rows.append(
                inquiry(
                    importer,
                    type="cf29",
                    entry=entry(importer, port=port),
                    filed_by=filer,
                    submitted=DAY.replace(day=1),
                    first_response=DAY.replace(day=1),
                    first_response_due=DAY,
                    resolved=DAY.replace(day=1),
                    resolution_due=DAY,
                    outcome="action_taken" if n < taken else "answered",
                    build=True,
                )
            )
    bulk(rows)
    inquiry(
        importer,
        type="protest",
        entry=entry(importer),
        resolved=DAY,
        outcome="denied",
        submitted=DAY,
        filed_by=filer,
        service_level="isa",
    )
    for kind in ReportKind:
        run_report(kind, DAY)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_report_pages_and_dashboard_draw_charts_over_tables_and_pass_axe(live_server, page):
    load_reference_data(Center, Port, PartnerAgency)
    build()
    supervisor = CenterStaffFactory(center=center("PHC"), is_supervisor=True).user
    sign_in(page, live_server, supervisor)
    pages = {
        "index": "/reports/",
        "risk": "/reports/risk/",
        "uniformity": "/reports/uniformity/",
        "performance": "/reports/performance/",
        "cell": f"/reports/uniformity/cell/?date={DAY.isoformat()}&center=PHC&heading=3004"
        "&port=1001&outcome=action_taken",
        "dashboard": "/reports/center/",
    }
    for name, path in pages.items():
        page.goto(live_server.url + path)
        assert page.locator("h1").count() == 1, name
        for figure in page.locator("figure.portal-chart").all():
            table_id = figure.get_attribute("data-chart-table")
            assert page.locator(f"table#{table_id}").count() == 1
            figure.locator("canvas").wait_for()
        axe_check(page)
        _shot(page, name)
    page.goto(live_server.url + "/reports/uniformity/")
    assert page.locator("#uniformity-flagged tbody tr").count() == 1
