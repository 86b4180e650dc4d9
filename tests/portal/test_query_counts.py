"""The queue page, the inquiry API list and the trade dashboard: same SQL at two data sizes."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from accounts.models import Importer, User
from bench import loadgen
from centers.models import Center, PartnerAgency, Port
from centers.reference import load_reference_data
from inquiries.models import Inquiry

# serialized_rollback like every transactional test of the suite: their flushes then leave no
# recreated rows behind for the next one to collide with.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

NOW = datetime(2026, 3, 18, 15, 30, tzinfo=ZoneInfo("America/New_York"))


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        answer = client.get(url)
    assert answer.status_code == 200, (url, answer.status_code)
    return len(captured)


def _measure() -> dict[str, int]:
    """Queries of each list for the largest account's admin and its Center's supervisor,
    from an empty cache: every part a page keeps in the cache is then read (the most
    queries a page runs), at both sizes alike."""
    cache.clear()
    largest = Importer.objects.get(name__endswith=" 1")
    supervisor = User.objects.get(username=f"load-staff-{largest.center_id.lower()}-1")
    trade = User.objects.get(username="load-trade-1-1")
    staff_page, trade_page, api = Client(), Client(), APIClient()
    staff_page.force_login(supervisor)
    trade_page.force_login(trade)
    api.force_authenticate(supervisor)
    first = api.get("/api/v1/inquiries/?status=submitted&page_size=5").json()
    assert first["results"] and first["next"]
    return {
        "queue": _queries(staff_page, "/staff/queue/"),
        "queue filtered": _queries(staff_page, "/staff/queue/?status=in_review"),
        "api list": _queries(api, "/api/v1/inquiries/"),
        "api next page": _queries(api, first["next"]),
        "trade dashboard": _queries(trade_page, "/dashboard/"),
        "trade api list": _queries(_api_for(trade), "/api/v1/inquiries/?status=submitted"),
    }


def _api_for(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_lists_run_the_same_queries_at_two_data_sizes():
    load_reference_data(Center, Port, PartnerAgency)
    loadgen.generate(scale=0.005, password="load-pass-2026", now=NOW)
    small_rows = Inquiry.objects.count()
    small = _measure()
    loadgen.reset()
    loadgen.generate(scale=0.03, password="load-pass-2026", now=NOW)
    assert Inquiry.objects.count() >= 5 * small_rows
    large = _measure()
    assert large == small
    assert small["queue"] <= 12
