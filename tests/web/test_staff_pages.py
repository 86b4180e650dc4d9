"""The staff queue, my work and referrals pages: access, filters, paging, bulk assign, queries."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.models import Importer
from inquiries import services, staff_views
from inquiries.models import Inquiry
from inquiries.workflow import Action, Status
from tests.factories import MembershipFactory
from tests.inquiries.builders import drive_to, file_policy_question, make_world

pytestmark = pytest.mark.django_db

REFERENCE = re.compile(r"CEE-\d{4}-\d{6,}")


@pytest.fixture
def world():
    return make_world()


def listed(response) -> list[str]:
    """References of the table rows, in page order (each row links its reference once)."""
    return re.findall(r'href="/inquiries/(CEE-\d{4}-\d{6,})/"', response.content.decode())


def get(client, user, name, **params):
    client.force_login(user)
    return client.get(reverse(name), params)


@pytest.mark.parametrize("name", ["staff:queue", "staff:my_work"])
def test_staff_pages_are_404_for_other_roles(client, world, name):
    for user in (world.filer, world.admin, world.ae, world.hq, world.fda):
        assert get(client, user, name).status_code == 404, user
    assert get(client, world.staff, name).status_code == 200
    client.logout()
    response = client.get(reverse(name))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_referrals_page_is_404_for_other_roles(client, world):
    for user in (world.filer, world.staff, world.supervisor, world.ae):
        assert get(client, user, "staff:referrals").status_code == 404, user
    assert get(client, world.hq, "staff:referrals").status_code == 200
    assert get(client, world.fda, "staff:referrals").status_code == 200


def test_bulk_assign_is_404_for_staff_who_are_not_supervisors(client, world):
    inquiry = file_policy_question(world)
    client.force_login(world.staff)
    response = client.post(
        reverse("staff:bulk_assign"),
        {"bulk-inquiries": [inquiry.reference], "bulk-assignee": world.staff.pk},
    )
    assert response.status_code == 404
    assert Inquiry.objects.get(pk=inquiry.pk).assignee is None


def test_queue_shows_the_centers_inquiries_with_counts_per_state(client, world):
    mine = [file_policy_question(world) for _ in range(3)]
    drive_to(mine[0], world, "in_review", today=timezone.localdate())
    other = make_world(center_code="BM")
    elsewhere = file_policy_question(other)
    response = get(client, world.staff, "staff:queue")
    refs = listed(response)
    assert set(refs) == {i.reference for i in mine}
    assert elsewhere.reference not in refs
    body = response.content.decode()
    assert "Received: <strong>2</strong>" in body
    assert "Under review: <strong>1</strong>" in body
    assert "Withdrawn: <strong>0</strong>" in body


def test_queue_filters(client, world):
    today = timezone.localdate()
    plain = file_policy_question(world)
    counterfeit = file_policy_question(world, type="counterfeit_report", subject="Fakes")
    late = file_policy_question(world, subject="Late")
    Inquiry.objects.filter(pk=late.pk).update(due=today - timedelta(days=2))
    review = file_policy_question(world, subject="In review")
    drive_to(review, world, "in_review", today=today)
    risky_world = make_world()
    risky = file_policy_question(risky_world, subject="Risky")
    Importer.objects.filter(pk=risky_world.importer.pk).update(risk_segment="high")

    def refs(**params):
        response = get(client, world.staff, "staff:queue", **params)
        assert response.status_code == 200
        return set(listed(response))

    assert refs(status="in_review") == {review.reference}
    assert refs(type="counterfeit_report") == {counterfeit.reference}
    assert refs(functional_area="enforcement") == {counterfeit.reference}
    assert refs(overdue="on") == {late.reference}
    assert refs(risk_segment="high") == {risky.reference}
    assert refs(service_level="standard") == set()
    assert plain.reference in refs(service_level="isa")
    body = get(client, world.staff, "staff:queue", risk_segment="high").content.decode()
    assert "High risk" in body
    overdue = get(client, world.staff, "staff:queue", overdue="on").content.decode()
    assert "portal-row--overdue" in overdue and "Overdue" in overdue


def test_a_bad_filter_shows_a_form_error(client, world):
    file_policy_question(world)
    response = get(client, world.staff, "staff:queue", status="flying")
    assert response.status_code == 200
    body = response.content.decode()
    assert "There is a problem" in body and "Select a valid choice" in body
    assert listed(response) == []


@pytest.mark.parametrize("ordering", ["queue", "newest"])
def test_queue_pages_with_keyset_cursors_in_both_orders(client, world, monkeypatch, ordering):
    monkeypatch.setattr(staff_views, "PAGE_SIZE", 3)
    today = timezone.localdate()
    inquiries = [file_policy_question(world, subject=f"Q{i}") for i in range(8)]
    for i, inquiry in enumerate(inquiries[:4]):  # a mix of dated and undated rows
        Inquiry.objects.filter(pk=inquiry.pk).update(due=today + timedelta(days=5 - i % 2))
    Inquiry.objects.filter(pk=inquiries[5].pk).update(due=None)
    base = Inquiry.objects.for_center("PHC")
    ordered = base.queue_order() if ordering == "queue" else base.newest_first()
    expected = list(ordered.values_list("reference", flat=True))

    client.force_login(world.staff)
    url, seen, pages = reverse("staff:queue") + f"?ordering={ordering}", [], []
    while url:
        response = client.get(url)
        assert response.status_code == 200
        pages.append(response)
        seen += listed(response)
        match = re.search(r'href="([^"]+)"[^>]*rel="next"', response.content.decode())
        url = match.group(1).replace("&amp;", "&") if match else None
    assert seen == expected
    assert len(pages) == 3
    previous = re.search(r'href="([^"]+)"[^>]*rel="prev"', pages[1].content.decode())
    back = client.get(previous.group(1).replace("&amp;", "&"))
    assert listed(back) == expected[:3]


def test_supervisor_bulk_assigns_and_hears_which_conflicted(client, world):
    today = timezone.localdate()
    first, second = file_policy_question(world), file_policy_question(world)
    withdrawn = file_policy_question(world)
    drive_to(withdrawn, world, "withdrawn", today=today)
    body = get(client, world.supervisor, "staff:queue").content.decode()
    assert 'id="bulk-assign"' in body and 'name="bulk-inquiries"' in body
    assert 'id="bulk-assign"' not in get(client, world.staff, "staff:queue").content.decode()
    client.force_login(world.supervisor)
    response = client.post(
        reverse("staff:bulk_assign"),
        {
            "bulk-inquiries": [
                first.reference,
                second.reference,
                withdrawn.reference,
                "CEE-2026-999999",
            ],
            "bulk-assignee": world.assignee.pk,
            "bulk-query": "status=submitted",
        },
        follow=True,
    )
    assert response.redirect_chain[-1][0] == reverse("staff:queue") + "?status=submitted"
    text = response.content.decode()
    assert f"Assigned: {first.reference}, {second.reference}" in text or (
        f"Assigned: {second.reference}, {first.reference}" in text
    )
    assert f"{withdrawn.reference} was not assigned" in text
    assert "Not in your Center&#x27;s queue: CEE-2026-999999" in text
    for inquiry in (first, second):
        fresh = Inquiry.objects.get(pk=inquiry.pk)
        assert fresh.status == Status.ASSIGNED and fresh.assignee == world.assignee
    assert Inquiry.objects.get(pk=withdrawn.pk).status == Status.WITHDRAWN


def test_bulk_assign_without_a_selection_or_assignee_is_a_form_error(client, world):
    inquiry = file_policy_question(world)
    client.force_login(world.supervisor)
    response = client.post(reverse("staff:bulk_assign"), {"bulk-assignee": world.staff.pk})
    assert response.status_code == 400
    assert "Select at least one inquiry" in response.content.decode()
    response = client.post(
        reverse("staff:bulk_assign"), {"bulk-inquiries": [inquiry.reference], "bulk-assignee": "x"}
    )
    assert response.status_code == 400
    assert Inquiry.objects.get(pk=inquiry.pk).assignee is None


def test_my_work_lists_my_open_assignments_only(client, world):
    today = timezone.localdate()
    mine = file_policy_question(world)
    drive_to(mine, world, "in_review", today=today)
    done = file_policy_question(world)
    drive_to(done, world, "resolved", today=today)
    theirs = file_policy_question(world)
    services.perform_action(theirs, Action.CLAIM, by=world.staff)
    assert listed(get(client, world.assignee, "staff:my_work")) == [mine.reference]
    assert listed(get(client, world.staff, "staff:my_work")) == [theirs.reference]


def test_referrals_page_for_hq_and_the_pga_liaison(client):
    today = timezone.localdate()
    world = make_world()
    to_fda = file_policy_question(world, subject="For FDA")
    drive_to(to_fda, world, "referred", today=today)  # note "FDA?"
    returned = file_policy_question(world, subject="Back from HQ")
    drive_to(returned, world, "in_review", today=today)
    services.perform_action(
        returned, Action.REFER, by=world.assignee, data={"target": "hq", "note": "HQ please"}
    )
    services.perform_action(returned, Action.RETURN, by=world.hq, data={"decision": "Decided"})
    waiting = file_policy_question(world, subject="Waiting at HQ")
    drive_to(waiting, world, "in_review", today=today)
    services.perform_action(
        waiting, Action.REFER, by=world.assignee, data={"target": "hq", "note": "HQ again"}
    )
    triage_world = make_world(center_code=None)
    triage = file_policy_question(triage_world, subject="Nobody covers this")
    assert triage.center_id is None

    hq = get(client, world.hq, "staff:referrals")
    refs = listed(hq)
    assert refs == [triage.reference, waiting.reference, returned.reference]
    body = hq.content.decode()
    assert "HQ triage" in body and "Decided" in body and "HQ again" in body
    assert "FDA?" not in body

    fda = get(client, world.fda, "staff:referrals")
    assert listed(fda) == [to_fda.reference]
    assert "FDA?" in fda.content.decode() and "HQ please" not in fda.content.decode()
    # The account risk segment is for CBP roles only: HQ sees it, the partner agency never.
    assert "Risk not scored yet" not in fda.content.decode()
    assert "Risk not scored yet" in get(client, world.hq, "staff:referrals").content.decode()


def test_a_huge_page_number_on_the_referrals_page_is_not_an_error(client, world):
    response = client_get_page(client, world.hq, "99999999999999999999")
    assert response.status_code == 200


def client_get_page(client, user, page: str):
    client.force_login(user)
    return client.get(reverse("staff:referrals"), {"page": page})


def _fill(world, n):
    """n inquiries across states, assignees and referrals, all in the world's Center."""
    today = timezone.localdate()
    states = ["submitted", "assigned", "in_review", "awaiting_importer", "referred", "resolved"]
    for i in range(n):
        inquiry = file_policy_question(world, subject=f"Row {i}")
        drive_to(inquiry, world, states[i % len(states)], today=today)


@pytest.mark.parametrize(
    ("name", "role"),
    [("staff:queue", "supervisor"), ("staff:queue", "staff"), ("staff:my_work", "assignee")],
)
def test_staff_lists_run_the_same_queries_at_two_sizes(client, name, role):
    counts, rows = [], []
    for size in (3, 18):
        world = make_world()
        _fill(world, size)
        client.force_login(getattr(world, role))
        with CaptureQueriesContext(connection) as queries:
            response = client.get(reverse(name))
        assert response.status_code == 200
        rows.append(len(listed(response)))
        counts.append(len(queries))
    assert rows[1] >= rows[0] + 10, rows
    assert counts[0] == counts[1], counts


def test_referrals_page_runs_the_same_queries_at_two_sizes(client):
    counts = []
    for size in (1, 8):
        world = make_world()
        today = timezone.localdate()
        for i in range(size):
            inquiry = file_policy_question(world, subject=f"Ref {i}")
            drive_to(inquiry, world, "referred", today=today)
        client.force_login(world.fda)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(reverse("staff:referrals"))
        assert len(listed(response)) >= size
        counts.append(len(queries))
    assert counts[0] == counts[1], counts


def test_nobody_else_reaches_the_pages_through_a_membership(client, world):
    stranger = MembershipFactory().user
    for name in ("staff:queue", "staff:my_work", "staff:referrals"):
        assert get(client, stranger, name).status_code == 404
