"""Keyset paging of the queue: every row exactly once, in queue order, NULL dues last."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from inquiries.models import Inquiry

from .factories import file_inquiry

pytestmark = pytest.mark.django_db


@pytest.fixture
def queue(world):
    """25 more inquiries of A with mixed dues (some NULL), ranks and submission times."""
    base = timezone.now() - timedelta(days=2)
    for n in range(25):
        inquiry = file_inquiry(
            world.a if n % 3 else world.b,
            world.admin_a if n % 3 else world.filer_b,
            subject=f"Q{n}",
        )
        due = None if n % 4 == 0 else date(2026, 12, 1) + timedelta(days=n % 5)
        # Identical submission times for some rows prove the id tie-break.
        Inquiry.objects.filter(pk=inquiry.pk).update(
            due=due, submitted_at=base + timedelta(minutes=n // 3)
        )
    return world


def _expected(order):
    rows = Inquiry.objects.all()
    rows = rows.queue_order() if order == "queue" else rows.newest_first()
    return list(rows.values_list("reference", flat=True))


def _walk(client, url):
    seen, pages = [], []
    while url:
        answer = client.get(url)
        assert answer.status_code == 200, answer.content
        body = answer.json()
        assert set(body) == {"next", "previous", "results"}
        pages.append(body)
        seen += [row["reference"] for row in body["results"]]
        url = body["next"]
    return seen, pages


@pytest.mark.parametrize("order", ["queue", "newest"])
@pytest.mark.parametrize("size", [1, 4, 7, 50])
def test_pages_hold_every_row_once_in_order(queue, order, size):
    client = queue.client("superuser")
    seen, pages = _walk(client, f"/api/v1/inquiries/?ordering={order}&page_size={size}")
    assert seen == _expected(order)
    assert pages[0]["previous"] is None
    assert pages[-1]["next"] is None


def test_null_dues_come_last(queue):
    client = queue.client("superuser")
    seen, _pages = _walk(client, "/api/v1/inquiries/?page_size=5")
    dues = dict(Inquiry.objects.values_list("reference", "due"))
    ordered = [dues[ref] for ref in seen]
    first_null = ordered.index(None)
    assert all(due is None for due in ordered[first_null:])
    assert ordered[:first_null] == sorted(ordered[:first_null])


@pytest.mark.parametrize("order", ["queue", "newest"])
def test_previous_links_walk_back_the_same_pages(queue, order):
    client = queue.client("superuser")
    _seen, pages = _walk(client, f"/api/v1/inquiries/?ordering={order}&page_size=4")
    url = pages[-1]["previous"]
    back = []
    while url:
        body = client.get(url).json()
        back.insert(0, [row["reference"] for row in body["results"]])
        url = body["previous"]
    assert back == [[row["reference"] for row in page["results"]] for page in pages[:-1]]


def test_page_size_is_clamped_to_200(queue):
    client = queue.client("superuser")
    answer = client.get("/api/v1/inquiries/?page_size=100000")
    assert answer.status_code == 200
    assert len(answer.json()["results"]) == Inquiry.objects.count()


def test_filters_keep_in_the_cursor_links(queue):
    client = queue.client("superuser")
    seen, _pages = _walk(client, f"/api/v1/inquiries/?importer={queue.b.pk}&page_size=2")
    assert seen == list(
        Inquiry.objects.filter(importer=queue.b).queue_order().values_list("reference", flat=True)
    )


def test_the_list_costs_a_constant_number_of_queries(queue, django_assert_max_num_queries):
    client = queue.client("staff_phc")
    client.get("/api/v1/inquiries/?page_size=3")  # warm the token
    with django_assert_max_num_queries(6):
        answer = client.get("/api/v1/inquiries/?page_size=200")
    assert len(answer.json()["results"]) > 10


@pytest.mark.parametrize("cursor", ["garbage", "e30", "W10", "!!!", "WyJuIiwicXVldWUiXQ"])
def test_a_bad_cursor_answers_400(queue, cursor):
    answer = queue.client("superuser").get(f"/api/v1/inquiries/?cursor={cursor}")
    assert answer.status_code == 400


def test_a_cursor_of_the_other_order_answers_400(queue):
    client = queue.client("superuser")
    nxt = client.get("/api/v1/inquiries/?page_size=2").json()["next"]
    answer = client.get(nxt.replace("page_size=2", "page_size=2&ordering=newest"))
    assert answer.status_code == 400


def test_an_unknown_ordering_answers_400(queue):
    answer = queue.client("superuser").get("/api/v1/inquiries/?ordering=due;drop")
    assert answer.status_code == 400
