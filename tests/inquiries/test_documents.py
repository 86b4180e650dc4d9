"""Document uploads: type from content, size limit, safe names, closed inquiries refuse."""

import hashlib
import io
import zipfile

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from inquiries.documents import (
    DocumentTooLarge,
    UnsupportedDocument,
    detect_type,
    renamed_because,
    upload_document,
)
from inquiries.models import Document

from .builders import drive_to, file_policy_question, make_world

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9"
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
TIFF = b"II*\x00\x08\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"
CSV = b"entry,value\nABC-1234567-6,1000.00\n"
XLSX_PART = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
DOCX_PART = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"

ZIP_DATE = (2026, 1, 1, 0, 0, 0)


def ooxml(part: str, inner: str) -> bytes:
    """A minimal OOXML package; fixed member dates keep the bytes (and test ids) stable."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            zipfile.ZipInfo("[Content_Types].xml", ZIP_DATE),
            '<?xml version="1.0"?><Types><Override PartName="/'
            + inner
            + f'" ContentType="{part}"/></Types>',
        )
        archive.writestr(zipfile.ZipInfo(inner, ZIP_DATE), "<x/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("content", "mime", "extension"),
    [
        (PNG, "image/png", ".png"),
        (JPEG, "image/jpeg", ".jpg"),
        (PDF, "application/pdf", ".pdf"),
        (TIFF, "image/tiff", ".tif"),
        (CSV, "text/csv", ".csv"),
        (
            ooxml(XLSX_PART, "xl/workbook.xml"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            ".xlsx",
        ),
        (
            ooxml(DOCX_PART, "word/document.xml"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            ".docx",
        ),
    ],
)
def test_accepted_types_are_recognised_from_content(content, mime, extension):
    assert detect_type(content) == (mime, extension)


@pytest.mark.parametrize(
    "content",
    [
        b"<!DOCTYPE html><html><body>Invoice</body></html>",
        b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>',
        PDF.replace(b"%%EOF", b"<script>app.alert(1)</script>\n%%EOF"),
        ooxml("application/x-unknown", "payload.bin"),
        b"GIF89a\x01\x00\x01\x00\x00\x00\x00;",
        b"\x00\x01\x02\x03binary",
    ],
)
def test_other_content_is_refused(content):
    with pytest.raises(UnsupportedDocument):
        detect_type(content)


@pytest.fixture
def world(db):
    return make_world()


@pytest.fixture
def inquiry(world):
    return file_policy_question(world)


def upload(inquiry, by, name, content):
    return upload_document(inquiry, by=by, uploaded=SimpleUploadedFile(name, content))


def test_an_upload_is_stored_under_a_generated_name_with_its_hash(world, inquiry):
    document = upload(inquiry, world.filer, "invoice.png", PNG)
    assert document.content_type == "image/png"
    assert document.sha256 == hashlib.sha256(PNG).hexdigest()
    assert document.size == len(PNG)
    assert "invoice" not in document.file.name
    assert document.file.name.endswith(document.storage_key)
    assert inquiry.events.filter(action="document").exists()


def test_html_named_pdf_is_refused(world, inquiry):
    with pytest.raises(UnsupportedDocument):
        upload(inquiry, world.filer, "invoice.pdf", b"<html><body>Pay here</body></html>")
    assert not Document.objects.exists()


def test_svg_is_refused(world, inquiry):
    with pytest.raises(UnsupportedDocument):
        upload(inquiry, world.filer, "logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"/>')


def test_pdf_with_script_is_refused(world, inquiry):
    with pytest.raises(UnsupportedDocument):
        upload(
            inquiry, world.filer, "form.pdf", PDF.replace(b"%%EOF", b"<script>x()</script>%%EOF")
        )


def test_an_empty_file_is_refused(world, inquiry):
    with pytest.raises(ValidationError):
        upload(inquiry, world.filer, "empty.pdf", b"")


def test_over_20_mb_is_refused(world, inquiry):
    too_big = PDF + b"0" * (20 * 1024 * 1024 + 1 - len(PDF))
    with pytest.raises(DocumentTooLarge):
        upload(inquiry, world.filer, "big.pdf", too_big)
    assert not Document.objects.exists()


def test_exactly_20_mb_is_accepted(world, inquiry):
    content = PDF + b"0" * (20 * 1024 * 1024 - len(PDF))
    assert upload(inquiry, world.filer, "big.pdf", content).size == 20 * 1024 * 1024


@pytest.mark.parametrize(
    ("name", "content", "stored"),
    [
        ("../../etc/passwd.pdf", PDF, "passwd.pdf"),
        ("C:\\Users\\pat\\report.pdf", PDF, "report.pdf"),
        ("/var/www/invoice.csv", CSV, "invoice.csv"),
        ("..\\..\\scan.png", PNG, "scan.png"),
        ("photo.pdf", PNG, "photo.pdf.png"),
    ],
)
def test_folders_are_stripped_from_names(world, inquiry, name, content, stored):
    document = upload(inquiry, world.filer, name, content)
    assert document.filename == stored
    assert "/" not in document.filename and "\\" not in document.filename


@pytest.mark.parametrize(
    ("name", "content", "stored", "mime"),
    [
        # CSV is plain text: a text file whose content parses as CSV keeps its ".txt" name.
        ("notes.txt", b"Invoice total,1000\nFreight,120\n", "notes.txt", "text/csv"),
        ("photo.jpeg", JPEG, "photo.jpeg", "image/jpeg"),
        ("SCAN.TIFF", TIFF, "SCAN.TIFF", "image/tiff"),
        ("Report.PDF", PDF, "Report.PDF", "application/pdf"),
    ],
)
def test_a_name_that_states_the_real_type_is_kept(world, inquiry, name, content, stored, mime):
    document = upload(inquiry, world.filer, name, content)
    assert (document.filename, document.content_type) == (stored, mime)
    assert renamed_because(name, document) == ""


def test_why_a_stored_name_differs_is_said_in_words(world, inquiry):
    document = upload(inquiry, world.filer, "notes.pdf", CSV)
    assert document.filename == "notes.pdf.csv"
    assert renamed_because("notes.pdf", document) == (
        "its content is CSV text, whatever its name says, so its name now ends in .csv."
    )


@pytest.mark.parametrize("state", ["closed", "withdrawn"])
def test_upload_is_refused_on_closed_and_withdrawn(world, inquiry, state):
    drive_to(inquiry, world, state, today=timezone.localdate())
    for user in (world.filer, world.assignee, world.ae):
        with pytest.raises(PermissionDenied):
            upload(inquiry, user, "late.pdf", PDF)
    assert not Document.objects.exists()


@pytest.mark.parametrize("role", ["filer", "admin", "staff", "assignee", "ae"])
def test_filers_staff_and_the_ae_may_upload(world, inquiry, role):
    assert upload(inquiry, getattr(world, role), "a.pdf", PDF).pk


@pytest.mark.parametrize("role", ["viewer", "other_staff", "hq", "fda"])
def test_others_may_not_upload(world, inquiry, role):
    with pytest.raises(PermissionDenied):
        upload(inquiry, getattr(world, role), "a.pdf", PDF)
