"""Hostile uploads through the API and the inquiry page's upload form.

The type is decided from the content, never the name: markup (HTML, SVG with script, a PDF
carrying HTML) is refused, as are empty and oversize files. Names with folders, NUL bytes,
bidirectional-override characters or double extensions are stored cleaned and ending in the
real type; the stored object has a generated name. A refusal writes nothing: no row, no
audit event, no file.
"""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from inquiries.documents import safe_filename
from inquiries.models import Document, InquiryEvent
from tests.api.factories import make_world

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00"
    b"\x00\x90wS\xde\x00\x00\x00\x0cIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00"
    b"\x00\x00\x00IEND\xaeB`\x82"
)


def _zip(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in parts.items():  # fixed dates: the same bytes on every run
            archive.writestr(zipfile.ZipInfo(name, (2026, 1, 1, 0, 0, 0)), data)
    return buffer.getvalue()


REFUSED = {
    "html": (b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>", 415),
    "html-named-pdf": (b"<html><script>alert(1)</script></html>", 415),
    "svg-with-script": (
        b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg">'
        b"<script>alert(1)</script></svg>",
        415,
    ),
    "pdf-html-polyglot": (PDF + b"<html><body><script>alert(1)</script></body></html>", 415),
    "pdf-iframe-polyglot": (b"%PDF-1.7\n<iframe src=javascript:alert(1)>", 415),
    "csv-with-markup": (b"a,b\n<img src=x onerror=alert(1)>,2\n", 415),
    "zip-not-office": (_zip({"evil.html": b"<script>alert(1)</script>"}), 415),
    "executable": (b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 64, 415),
    "zero-bytes": (b"", 400),
}
NAMES = {
    "html": "page.html",
    "html-named-pdf": "invoice.pdf",
    "svg-with-script": "logo.svg",
    "pdf-html-polyglot": "statement.pdf",
    "pdf-iframe-polyglot": "x.pdf",
    "csv-with-markup": "rows.csv",
    "zip-not-office": "sheet.xlsx",
    "executable": "setup.pdf.exe",
    "zero-bytes": "empty.pdf",
}


def _counts():
    return Document.objects.count(), InquiryEvent.objects.count()


def _stored_files(root):
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


@pytest.fixture
def world():
    return make_world()


def api_upload(world, name, content, who="admin_a"):
    reference = world.inquiries["a"].reference
    upload = SimpleUploadedFile(name, content, content_type="application/pdf")
    return world.client(who).post(
        f"/api/v1/inquiries/{reference}/documents/", {"file": upload}, format="multipart"
    )


def page_upload(world, name, content, who="admin_a"):
    client = Client()
    client.force_login(world.users[who])
    reference = world.inquiries["a"].reference
    upload = SimpleUploadedFile(name, content, content_type="application/pdf")
    return client.post(reverse("inquiries:upload", args=[reference]), {"document-file": upload})


@pytest.mark.parametrize("kind", list(REFUSED))
def test_hostile_content_is_refused_by_the_api_and_nothing_is_written(world, kind, documents_root):
    content, code = REFUSED[kind]
    before = _counts()
    answer = api_upload(world, NAMES[kind], content)
    assert answer.status_code == code, (kind, answer.status_code, answer.content)
    assert answer["Content-Type"].startswith("application/json")
    assert _counts() == before
    assert _stored_files(documents_root) == []


@pytest.mark.parametrize("kind", list(REFUSED))
def test_hostile_content_is_refused_by_the_upload_form_and_nothing_is_written(
    world, kind, documents_root
):
    content, _code = REFUSED[kind]
    before = _counts()
    answer = page_upload(world, NAMES[kind], content)
    assert answer.status_code == 400, (kind, answer.status_code)
    html = answer.content.decode()
    assert "usa-error-message" in html or "usa-alert--error" in html
    assert "<script>alert(1)" not in html
    assert _counts() == before
    assert _stored_files(documents_root) == []


def test_an_oversize_file_answers_413_from_the_api_and_400_from_the_form(
    world, settings, documents_root
):
    settings.DOCUMENT_MAX_BYTES = 64 * 1024  # the same check at a size a test can afford
    content = PDF + b"0" * (settings.DOCUMENT_MAX_BYTES + 1)
    before = _counts()
    assert api_upload(world, "big.pdf", content).status_code == 413
    assert page_upload(world, "big.pdf", content).status_code == 400
    assert _counts() == before
    assert _stored_files(documents_root) == []


def test_an_upload_far_over_20_mb_is_refused_before_it_is_read(world, documents_root):
    content = PDF + b"0" * (21 * 1024 * 1024)
    before = _counts()
    assert api_upload(world, "huge.pdf", content).status_code == 413
    assert _counts() == before


TRICKY_NAMES = [
    ("../../../etc/passwd.pdf", "passwd.pdf"),
    ("..\\..\\windows\\system32\\evil.pdf", "evil.pdf"),
    ("/absolute/path/statement.pdf", "statement.pdf"),
    ("nul\x00byte.pdf", "nulbyte.pdf"),
    ("invoice\u202efdp.exe", "invoicefdp.exe.pdf"),
    ("report.pdf.html", "report.pdf.html.pdf"),
    ("scan.php", "scan.php.pdf"),
    ("  ..  ", "document.pdf"),
    ("a" * 400 + ".pdf", "a" * 150 + ".pdf"),
]


@pytest.mark.parametrize("name,stored", TRICKY_NAMES)
def test_file_names_are_cleaned_and_end_in_the_real_type(world, name, stored, documents_root):
    answer = api_upload(world, name, PDF)
    assert answer.status_code == 201, answer.content
    document = Document.objects.get(pk=answer.json()["id"])
    assert document.filename == stored
    assert document.content_type == "application/pdf"
    for bad in ("/", "\\", "\x00", "\u202e"):
        assert bad not in document.filename
    # The stored object has a generated name inside the documents folder.
    path = documents_root / document.file.name
    assert path.resolve().is_relative_to(documents_root.resolve())
    assert document.filename not in document.file.name


def test_a_download_is_an_attachment_of_the_detected_type_never_sniffed(world):
    answer = api_upload(world, "picture.pdf", PNG)
    assert answer.status_code == 201
    body = answer.json()
    assert (body["content_type"], body["filename"]) == ("image/png", "picture.pdf.png")
    download = world.client("admin_a").get(f"/api/v1/documents/{body['id']}/download/")
    assert download.status_code == 200
    assert download["Content-Type"] == "image/png"
    assert download["Content-Disposition"].startswith("attachment")
    assert download["X-Content-Type-Options"] == "nosniff"


def test_a_real_office_file_passes_but_an_office_named_zip_does_not(world):
    docx = _zip(
        {
            "[Content_Types].xml": b'<Types><Override ContentType="application/vnd.'
            b'openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
            "word/document.xml": b"<w:document/>",
        }
    )
    assert api_upload(world, "letter.docx", docx).status_code == 201
    assert api_upload(world, "letter.docx", _zip({"a.txt": b"x"})).status_code == 415


@pytest.mark.parametrize("name", ["a\u202eb", "\u200bzero-width", "bidi\u2066isolate\u2069"])
def test_invisible_and_bidirectional_characters_are_dropped_from_names(name):
    cleaned = safe_filename(name, ".pdf")
    assert all(ch not in cleaned for ch in "\u202e\u200b\u2066\u2069")
    assert cleaned.endswith(".pdf")
