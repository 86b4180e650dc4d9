"""JSON writes take JSON only; uploads multipart, entry batches CSV or JSON; the schema agrees."""

from urllib.parse import urlencode

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from inquiries.models import Document, Inquiry, InquiryEvent, Message
from inquiries.workflow import Status

pytestmark = pytest.mark.django_db

# Every write of the API and the media types it takes, as DESIGN.md §9 states them.
WRITE_MEDIA_TYPES = {
    ("post", "/api/v1/auth/token/"): {"application/json"},
    ("post", "/api/v1/inquiries/"): {"application/json"},
    ("post", "/api/v1/inquiries/{reference}/actions/{action}/"): {"application/json"},
    ("post", "/api/v1/inquiries/{reference}/messages/"): {"application/json"},
    ("post", "/api/v1/inquiries/{reference}/documents/"): {"multipart/form-data"},
    ("post", "/api/v1/entries/batch/"): {"text/csv", "application/json"},
    ("post", "/api/v1/engagement-plans/"): {"application/json"},
    ("patch", "/api/v1/engagement-plans/{id}/"): {"application/json"},
    ("post", "/api/v1/engagement-plans/{id}/actions/{action}/"): {"application/json"},
}


def test_the_schema_names_exactly_the_media_types_each_write_takes(db):
    schema = APIClient().get("/api/schema/", {"format": "json"}).json()
    declared = {
        (method, path): set(operation["requestBody"]["content"])
        for path, operations in schema["paths"].items()
        for method, operation in operations.items()
        if "requestBody" in operation
    }
    assert declared == WRITE_MEDIA_TYPES


def _written():
    return tuple(
        model.objects.count() for model in (Inquiry, InquiryEvent, Message, Document, Token)
    )


def _form_posts(client, url, fields):
    """The same fields sent as an HTML form would send them, urlencoded and multipart."""
    yield client.post(url, urlencode(fields), content_type="application/x-www-form-urlencoded")
    yield client.post(url, fields, format="multipart")


def test_a_form_sent_to_a_json_write_answers_415_and_writes_nothing(world):
    reference = world.inquiries["a"].reference
    filer, staff, anonymous = (world.client("filer_a"), world.client("staff_phc"), APIClient())
    writes = [
        (
            anonymous,
            "/api/v1/auth/token/",
            {"username": world.admin_a.username, "password": "a-test-password-1"},
        ),
        (
            filer,
            "/api/v1/inquiries/",
            {"importer": world.a.pk, "type": "policy_clarification", "subject": "A question"},
        ),
        (staff, f"/api/v1/inquiries/{reference}/actions/claim/", {"note": "mine"}),
        (filer, f"/api/v1/inquiries/{reference}/messages/", {"body": "Hello"}),
    ]
    before = _written()
    for client, url, fields in writes:
        for answer in _form_posts(client, url, fields):
            assert answer.status_code == 415, (url, answer.status_code)
    assert _written() == before
    assert Inquiry.objects.get(reference=reference).status == Status.SUBMITTED


def test_a_document_upload_takes_multipart_only(world):
    reference = world.inquiries["a"].reference
    answer = world.client("filer_a").post(
        f"/api/v1/inquiries/{reference}/documents/", {"file": "not a file"}, format="json"
    )
    assert answer.status_code == 415
    assert not Document.objects.exists()
