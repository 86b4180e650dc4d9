"""Report computations, pages and API use the same number of queries at any data size."""

from datetime import date

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from accounts.models import AccountExecutiveAssignment
from reports.models import ReportKind
from reports.runs import run_report
from tests.api.factories import client_for
from tests.factories import CenterStaffFactory, ImporterFactory, UserFactory, center

from .builders import bulk, entry, inquiry

pytestmark = pytest.mark.django_db

DAY = date(2026, 6, 30)


def grow(importers: int, per_importer: int):
    """Importers with entries at several ports and resolved, responded inquiries."""
    filer = UserFactory()
    ports = ["1001", "1101", "1303"]
    for n in range(importers):
        importer = ImporterFactory(center=center("PHC"))
        rows = []
        for k in range(per_importer):
            rows.append(
                inquiry(
                    importer,
                    type="cf29",
                    entry=entry(importer, port=ports[k % 3]),
                    filed_by=filer,
                    submitted=date(2026, 6, 10),
                    first_response=date(2026, 6, 11),
                    first_response_due=date(2026, 6, 15),
                    resolved=date(2026, 6, 12 + n % 5),
                    resolution_due=date(2026, 6, 30),
                    outcome="action_taken" if k % 2 else "answered",
                    details={"cf29_mailing_date": f"2026-06-{1 + k % 9:02d}"},
                    build=True,
                )
            )
        bulk(rows)


def queries(action) -> int:
    with CaptureQueriesContext(connection) as captured:
        action()
    return len(captured)


def measure(user):
    counts = {kind: queries(lambda kind=kind: run_report(kind, DAY)) for kind in ReportKind}
    client = Client()
    client.force_login(user)
    api = client_for(user)
    for path in (
        "/reports/",
        "/reports/risk/",
        "/reports/uniformity/",
        "/reports/performance/",
        "/reports/risk/csv/",
        "/reports/uniformity/csv/",
        "/reports/performance/csv/",
        "/reports/center/",
        "/reports/center/?period=week",
    ):
        counts[path] = queries(lambda path=path: client.get(path))
    for kind in ReportKind:
        counts[f"api {kind}"] = queries(lambda kind=kind: api.get(f"/api/v1/reports/{kind}/"))
    return counts


@pytest.mark.parametrize("role", ["supervisor", "ae"])
def test_queries_do_not_grow_with_importers_entries_or_inquiries(role):
    if role == "supervisor":
        user = CenterStaffFactory(center=center("PHC"), is_supervisor=True).user
    else:
        user = UserFactory(is_account_executive=True)
    grow(2, 3)
    if role == "ae":
        user = CenterStaffFactory(center=center("PHC")).user  # the dashboard is for staff
        user.is_account_executive = True
        user.save()
        for importer in ImporterFactory._meta.model.objects.all():
            AccountExecutiveAssignment.objects.get_or_create(importer=importer, ae=user)
    for kind in ReportKind:  # both measures then re-run a date that has a run
        run_report(kind, DAY)
    small = measure(user)
    grow(8, 12)
    large = measure(user)
    assert large == small
