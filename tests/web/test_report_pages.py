"""Report pages and the Center dashboard: access per role, filters, CSV, cell drill-down."""

import csv
import io
from datetime import date

import pytest
from django.test import Client

from accounts.models import AccountExecutiveAssignment
from reports.models import ReportKind
from reports.runs import run_report
from tests.factories import (
    CenterStaffFactory,
    ImporterFactory,
    MembershipFactory,
    UserFactory,
    center,
)
from tests.reports.builders import bulk, entry, inquiry

pytestmark = pytest.mark.django_db

DAY = date(2026, 6, 30)
PAGES = [
    "/reports/",
    "/reports/risk/",
    "/reports/uniformity/",
    "/reports/performance/",
    "/reports/risk/csv/",
    "/reports/uniformity/csv/",
    "/reports/performance/csv/",
]


def browser_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def flagged_world():
    """PHC heading 3004: port 1001 at 80 % action taken against 30 % elsewhere (flagged)."""
    pharma = ImporterFactory(center=center("PHC"), name="Pharma Importer")
    electronics = ImporterFactory(center=center("EL"), name="Electronics Importer")
    filer = UserFactory()
    rows = []
    for port, taken in (("1001", 24), ("1101", 9), ("1303", 9), ("1401", 9)):
        for n in range(30):
            rows.append(
                inquiry(
                    pharma,
                    type="cf29",
                    entry=entry(pharma, port=port),
                    filed_by=filer,
                    resolved=date(2026, 5, 1),
                    outcome="action_taken" if n < taken else "answered",
                    build=True,
                )
            )
    bulk(rows)
    inquiry(electronics, type="cf28", center_code="EL", submitted=date(2026, 6, 20))
    for kind in ReportKind:
        run_report(kind, DAY)
    return pharma, electronics


def test_cbp_roles_open_every_report_page_and_others_get_404(flagged_world):
    supervisor = CenterStaffFactory(center=center("PHC"), is_supervisor=True).user
    for path in PAGES:
        assert browser_for(supervisor).get(path).status_code == 200, path
    trade = MembershipFactory(importer=flagged_world[0]).user
    for path in [*PAGES, "/reports/center/"]:
        assert browser_for(trade).get(path).status_code == 404, path
    assert Client().get("/reports/risk/").status_code == 302


def test_the_risk_page_shows_the_formula_the_chart_table_and_limited_rows(flagged_world):
    staff = CenterStaffFactory(center=center("EL")).user
    page = browser_for(staff).get("/reports/risk/").content.decode()
    assert "score = 40 + trust" in page
    assert 'data-chart-table="risk-segments"' in page and 'id="risk-segments"' in page
    assert "Electronics Importer" in page and "Pharma Importer" not in page


def test_csv_holds_the_same_rows_as_the_page(flagged_world):
    ae = UserFactory(is_account_executive=True)
    AccountExecutiveAssignment.objects.create(importer=flagged_world[0], ae=ae)
    response = browser_for(ae).get("/reports/risk/csv/")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [row["importer_name"] for row in rows] == ["Pharma Importer"]
    uniformity = browser_for(ae).get("/reports/uniformity/csv/", {"flagged": "on"})
    flagged = list(csv.DictReader(io.StringIO(uniformity.content.decode())))
    assert [(row["port"], row["flagged"]) for row in flagged] == [("1001", "True")]


def test_a_flagged_cell_links_to_the_inquiries_behind_it(flagged_world):
    admin = UserFactory(is_superuser=True)
    page = browser_for(admin).get("/reports/uniformity/", {"flagged": "on"}).content.decode()
    link = "/reports/uniformity/cell/?date=2026-06-30&amp;center=PHC&amp;heading=3004&amp;port=1001"
    assert link in page
    cell = browser_for(admin).get(
        "/reports/uniformity/cell/",
        {
            "date": "2026-06-30",
            "center": "PHC",
            "heading": "3004",
            "port": "1001",
            "outcome": "action_taken",
        },
    )
    assert cell.status_code == 200
    assert len(cell.context["page"].rows) == 30 and not cell.context["page"].next_url
    assert cell.content.decode().count("CEE-2026-") >= 30
    other = CenterStaffFactory(center=center("EL")).user
    assert (
        browser_for(other)
        .get(
            "/reports/uniformity/cell/",
            {
                "date": "2026-06-30",
                "center": "PHC",
                "heading": "3004",
                "port": "1001",
                "outcome": "action_taken",
            },
        )
        .status_code
        == 404
    )


def test_the_date_filter_lists_run_dates_and_chooses_the_run(flagged_world):
    admin = UserFactory(is_superuser=True)
    run_report(ReportKind.PERFORMANCE, date(2026, 5, 31))
    response = browser_for(admin).get("/reports/performance/", {"date": "2026-05-31"})
    assert response.context["run"].date == date(2026, 5, 31)
    assert [c[0] for c in response.context["form"].fields["date"].choices] == [
        "2026-06-30",
        "2026-05-31",
    ]


def test_the_center_dashboard_is_for_center_staff_and_live(flagged_world):
    staff = CenterStaffFactory(center=center("EL")).user
    from django.utils import timezone

    inquiry(flagged_world[1], type="cf28", center_code="EL", submitted=timezone.localdate())
    response = browser_for(staff).get("/reports/center/", {"period": "week"})
    assert response.status_code == 200
    assert sum(row["volume"] for row in response.context["by_level"]) == 1
    assert 'id="dashboard-levels"' in response.content.decode()
    hq = UserFactory(is_hq_reviewer=True)
    assert browser_for(hq).get("/reports/center/").status_code == 404
