"""Document upload and download through the API."""

import hashlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from inquiries.models import Document

from .test_access import PDF

pytestmark = pytest.mark.django_db


def _upload(client, inquiry, name, content, content_type="application/pdf"):
    return client.post(
        f"/api/v1/inquiries/{inquiry.reference}/documents/",
        {"file": SimpleUploadedFile(name, content, content_type=content_type)},
        format="multipart",
    )


def test_a_filer_uploads_a_pdf_and_downloads_it(world):
    inquiry = world.inquiries["a"]
    answer = _upload(world.client("filer_a"), inquiry, "invoice.pdf", PDF)
    assert answer.status_code == 201, answer.content
    body = answer.json()
    assert set(body) == {
        "id",
        "filename",
        "content_type",
        "size",
        "sha256",
        "uploaded_by",
        "uploaded_at",
    }
    assert body["content_type"] == "application/pdf"
    assert body["sha256"] == hashlib.sha256(PDF).hexdigest()
    assert body["uploaded_by"]["id"] == world.filer_a.pk
    listed = (
        world.client("viewer_a")
        .get(f"/api/v1/inquiries/{inquiry.reference}/documents/")
        .json()["results"]
    )
    assert [d["id"] for d in listed] == [body["id"]]
    download = world.client("staff_phc").get(f"/api/v1/documents/{body['id']}/download/")
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert download["X-Content-Type-Options"] == "nosniff"
    assert download["Content-Disposition"].startswith("attachment")
    assert b"".join(download.streaming_content) == PDF


def test_html_disguised_as_pdf_answers_415(world):
    html = b"<html><body><script>alert(1)</script></body></html>"
    answer = _upload(world.client("filer_a"), world.inquiries["a"], "invoice.pdf", html)
    assert answer.status_code == 415
    assert not Document.objects.exists()


def test_a_document_over_20_mb_answers_413(world):
    content = PDF + b"0" * (20 * 1024 * 1024)
    answer = _upload(world.client("filer_a"), world.inquiries["a"], "big.pdf", content)
    assert answer.status_code == 413
    assert not Document.objects.exists()


def test_a_document_just_over_20_mb_answers_413(world, settings):
    settings.DOCUMENT_MAX_BYTES = 1000
    answer = _upload(world.client("filer_a"), world.inquiries["a"], "big.pdf", PDF + b"0" * 1000)
    assert answer.status_code == 413


@pytest.mark.parametrize("role", ["viewer_a", "fda"])
def test_users_who_see_but_may_not_upload_get_403(world, role):
    inquiry = world.inquiries["fda"] if role == "fda" else world.inquiries["a"]
    assert _upload(world.client(role), inquiry, "x.pdf", PDF).status_code == 403


def test_an_upload_without_a_file_answers_400(world):
    answer = world.client("filer_a").post(
        f"/api/v1/inquiries/{world.inquiries['a'].reference}/documents/", {}, format="multipart"
    )
    assert answer.status_code == 400


def test_an_unknown_document_is_not_found(world):
    assert world.client("superuser").get("/api/v1/documents/999999/download/").status_code == 404
