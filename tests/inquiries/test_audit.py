"""The hash-chained audit trail, its verification command, and that nothing edits it."""

from io import StringIO

import pytest
from django.contrib import admin
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import RequestFactory
from django.utils import timezone

from inquiries import audit
from inquiries.models import InquiryEvent

from .builders import drive_to, file_policy_question, make_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return make_world()


@pytest.fixture
def resolved(world):
    return drive_to(file_policy_question(world), world, "resolved", today=timezone.localdate())


def verify_chain(inquiry) -> bool | int:
    """True when the inquiry's chain verifies, else the first bad sequence number."""
    bad = audit.first_bad_event(InquiryEvent.objects.filter(inquiry=inquiry).order_by("sequence"))
    return True if bad is None else bad[0]


def tamper(sql: str, params: list):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def event_table() -> str:
    return connection.ops.quote_name(InquiryEvent._meta.db_table)


def test_events_are_hash_chained_in_sequence(resolved):
    events = list(resolved.events.order_by("sequence"))
    assert [e.action for e in events] == ["file", "claim", "start_review", "resolve"]
    assert [e.sequence for e in events] == [1, 2, 3, 4]
    assert events[0].previous_hash == "0" * 64
    for before, after in zip(events, events[1:], strict=False):
        assert after.previous_hash == before.hash
    assert all(e.hash == e.compute_hash() for e in events)
    assert verify_chain(resolved) is True


def test_clean_chains_verify(world, resolved):
    file_policy_question(world)
    out = StringIO()
    call_command("verify_audit", stdout=out)
    assert "2 chains verified" in out.getvalue()
    assert audit.broken_inquiries() == []


def test_a_reason_changed_in_the_database_is_reported_with_the_reference(world, resolved):
    untouched = file_policy_question(world)
    claim = resolved.events.get(sequence=2)
    tamper(f"UPDATE {event_table()} SET reason = %s WHERE id = %s", ["nothing to see", claim.pk])
    assert verify_chain(resolved) == 2
    assert verify_chain(untouched) is True
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("verify_audit", stdout=StringIO(), stderr=err)
    assert f"{resolved.reference}: event 2" in err.getvalue()
    assert untouched.reference not in err.getvalue()


def test_a_rehashed_event_still_breaks_the_next_link(resolved):
    claim = resolved.events.get(sequence=2)
    claim.reason = "rewritten"
    tamper(
        f"UPDATE {event_table()} SET reason = %s, hash = %s WHERE id = %s",
        ["rewritten", claim.compute_hash(), claim.pk],
    )
    assert verify_chain(resolved) == 3


def test_a_deleted_event_leaves_a_sequence_gap(resolved):
    tamper(f"DELETE FROM {event_table()} WHERE inquiry_id = %s AND sequence = 2", [resolved.pk])
    assert verify_chain(resolved) == 3
    [link] = audit.broken_inquiries()
    assert (link.reference, link.sequence) == (resolved.reference, 3)
    assert "sequence" in link.problem


def test_the_admin_cannot_add_change_or_delete_events(world, resolved):
    model_admin = admin.site._registry[InquiryEvent]
    request = RequestFactory().get("/admin/")
    request.user = world.admin.__class__.objects.create_superuser(
        "root", "root@example.com", "a-test-password-1"
    )
    event = resolved.events.first()
    assert not model_admin.has_add_permission(request)
    assert not model_admin.has_change_permission(request, event)
    assert not model_admin.has_delete_permission(request, event)
    assert not model_admin.has_delete_permission(request)


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_the_api_offers_events_read_only(api_client, world, resolved, method):
    api_client.force_authenticate(world.assignee)
    url = f"/api/v1/inquiries/{resolved.reference}/events/"
    assert api_client.get(url).status_code == 200
    response = getattr(api_client, method)(url, {"reason": "changed"}, format="json")
    assert response.status_code == 405
    assert verify_chain(resolved) is True
    assert resolved.events.count() == 4
