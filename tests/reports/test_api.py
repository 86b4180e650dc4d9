"""GET /api/v1/reports/{kind}/ per role: rows limited, 400 bad date, 404 no run (DESIGN.md §9)."""

from datetime import date

import pytest

from accounts.models import AccountExecutiveAssignment
from reports.models import ReportKind
from reports.runs import run_report
from tests.api.factories import client_for
from tests.factories import (
    CenterStaffFactory,
    ImporterFactory,
    MembershipFactory,
    UserFactory,
    center,
)

from .builders import entry, inquiry

pytestmark = pytest.mark.django_db

DAY = date(2026, 6, 30)


@pytest.fixture
def two_centers():
    """Two importers, one per Center, each with one CF-29 notice on its only entry, action
    taken: 40 + 20 (notices per 100 entries, capped) + 5 = 65, high."""
    pharma = ImporterFactory(center=center("PHC"))
    electronics = ImporterFactory(center=center("EL"))
    for importer, code in ((pharma, "PHC"), (electronics, "EL")):
        inquiry(
            importer,
            type="cf29",
            center_code=code,
            entry=entry(importer),
            resolved=date(2026, 6, 1),
            outcome="action_taken",
            submitted=date(2026, 6, 20),
            first_response=date(2026, 6, 21),
            first_response_due=date(2026, 6, 25),
        )
    for kind in ReportKind:
        run_report(kind, DAY)
    return pharma, electronics


def get(user, kind, **params):
    return client_for(user).get(f"/api/v1/reports/{kind}/", params)


@pytest.mark.parametrize("kind", list(ReportKind))
def test_center_staff_see_their_centers_rows(two_centers, kind):
    staff = CenterStaffFactory(center=center("PHC")).user
    body = get(staff, kind).json()
    assert body["kind"] == kind and body["date"] == DAY.isoformat()
    assert set(body["run"]) == {"status", "started_at", "finished_at", "rows"}
    assert body["run"]["status"] == "succeeded"
    if kind == ReportKind.RISK:
        assert [row["importer"] for row in body["results"]] == [two_centers[0].pk]
    else:
        assert {row["center"] for row in body["results"]} == {"PHC"}


def test_hq_and_admins_see_all_rows(two_centers):
    for user in (UserFactory(is_hq_reviewer=True), UserFactory(is_superuser=True)):
        assert len(get(user, "risk").json()["results"]) == 2
        assert {r["center"] for r in get(user, "performance").json()["results"]} == {"PHC", "EL"}


def test_an_ae_sees_their_accounts_rows(two_centers):
    pharma, _ = two_centers
    ae = UserFactory(is_account_executive=True)
    AccountExecutiveAssignment.objects.create(importer=pharma, ae=ae)
    assert [r["importer"] for r in get(ae, "risk").json()["results"]] == [pharma.pk]
    assert {r["center"] for r in get(ae, "uniformity").json()["results"]} == {"PHC"}


def test_row_shapes_follow_the_contract(two_centers):
    admin = UserFactory(is_superuser=True)
    risk_row = get(admin, "risk").json()["results"][0]
    assert set(risk_row) == {"importer", "score", "segment", "previous_score", "components"}
    assert set(risk_row["components"]) == {
        "trust",
        "past_due",
        "replies",
        "notices",
        "action_taken",
        "protests_allowed",
        "protests_denied",
    }
    row = get(admin, "uniformity").json()["results"][0]
    assert set(row) == {
        "center",
        "heading",
        "port",
        "outcome",
        "n",
        "rate",
        "rest_n",
        "rest_rate",
        "z",
        "flagged",
    }
    row = get(admin, "performance").json()["results"][0]
    assert set(row) == {
        "center",
        "service_level",
        "type",
        "volume",
        "first_response_attainment",
        "resolution_attainment",
        "median_first_response_days",
        "median_resolution_days",
    }
    assert row["first_response_attainment"] == 100.0


def test_dates_no_run_and_bad_input(two_centers):
    admin = UserFactory(is_superuser=True)
    run_report(ReportKind.RISK, date(2026, 5, 31))
    assert get(admin, "risk").json()["date"] == DAY.isoformat()  # latest by default
    assert get(admin, "risk", date="2026-05-31").json()["date"] == "2026-05-31"
    assert get(admin, "risk", date="2026-01-01").status_code == 404
    assert get(admin, "risk", date="yesterday").status_code == 400
    assert get(admin, "risk", date="2026-02-30").status_code == 400


def test_no_run_at_all_answers_404():
    assert get(UserFactory(is_superuser=True), "uniformity").status_code == 404


def test_trade_users_and_anonymous_clients_are_refused(two_centers):
    trade = MembershipFactory(importer=two_centers[0]).user
    assert get(trade, "risk").status_code == 404
    from rest_framework.test import APIClient

    assert APIClient().get("/api/v1/reports/risk/").status_code == 401


def test_risk_segment_on_importers_and_inquiries_for_cbp_roles_only(two_centers):
    pharma, _ = two_centers
    staff = CenterStaffFactory(center=center("PHC")).user
    trade = MembershipFactory(importer=pharma).user
    assert client_for(staff).get(f"/api/v1/importers/{pharma.pk}/").json()["risk_segment"] == "high"
    assert "risk_segment" not in client_for(trade).get(f"/api/v1/importers/{pharma.pk}/").json()
    ae = UserFactory(is_account_executive=True)
    AccountExecutiveAssignment.objects.create(importer=pharma, ae=ae)
    reference = pharma.inquiries.first().reference
    assert client_for(ae).get(f"/api/v1/inquiries/{reference}/").json()["risk_segment"] == "high"
    assert "risk_segment" not in client_for(trade).get(f"/api/v1/inquiries/{reference}/").json()


def test_the_inquiry_list_filters_by_risk_segment_for_cbp_roles(two_centers):
    admin = UserFactory(is_superuser=True)
    high = client_for(admin).get("/api/v1/inquiries/", {"risk_segment": "high"}).json()
    low = client_for(admin).get("/api/v1/inquiries/", {"risk_segment": "low"}).json()
    assert len(high["results"]) == 2 and low["results"] == []
    assert (
        client_for(admin).get("/api/v1/inquiries/", {"risk_segment": "purple"}).status_code == 400
    )
