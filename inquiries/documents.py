"""Document uploads: type from content (never the name), 20 MB, generated storage names."""

import csv
import hashlib
import io
import re
import secrets
import unicodedata
import zipfile
from pathlib import PurePosixPath, PureWindowsPath

import filetype
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _

from cee_portal import access

from .models import Document, Inquiry, InquiryEvent

SNIFFED_TYPES = {
    "application/pdf": ".pdf",
    "image/png": ".png",
    "image/jpeg": ".jpg",
    "image/tiff": ".tif",
}
OOXML_TYPES = {
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": (
        ".xlsx", b"spreadsheetml.sheet.main+xml"),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": (
        ".docx", b"wordprocessingml.document.main+xml"),
}
MARKUP = re.compile(rb"<\s*(script|html|body|iframe|svg|object|embed)\b", re.IGNORECASE)


class UnsupportedDocument(Exception):
    """The content is none of the accepted types (answers 415)."""


class DocumentTooLarge(Exception):
    """Over the 20 MB limit (answers 413)."""


def _ooxml_type(content: bytes) -> str | None:
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            types = archive.read("[Content_Types].xml")
    except (zipfile.BadZipFile, KeyError, OSError, RuntimeError):
        return None
    for content_type, (_ext, marker) in OOXML_TYPES.items():
        if marker in types:
            return content_type
    return None


def _is_csv(content: bytes) -> bool:
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError:
        return False
    if "\x00" in text or MARKUP.search(content) or re.search(r"<[a-zA-Z!/]", text):
        return False
    try:
        rows = list(csv.reader(io.StringIO(text)))
    except csv.Error:
        return False
    return bool(rows)


def detect_type(content: bytes) -> tuple[str, str]:
    """Return (content type, extension) from the bytes, or raise UnsupportedDocument."""
    kind = filetype.guess(content)
    if kind is not None and kind.mime in SNIFFED_TYPES:
        if kind.mime == "application/pdf" and MARKUP.search(content):
            raise UnsupportedDocument(_("This PDF carries HTML or script content."))
        return kind.mime, SNIFFED_TYPES[kind.mime]
    if (kind is not None and kind.mime == "application/zip") or content[:4] == b"PK\x03\x04":
        ooxml = _ooxml_type(content)
        if ooxml:
            return ooxml, OOXML_TYPES[ooxml][0]
        raise UnsupportedDocument(_("Only XLSX and DOCX files are accepted from ZIP formats."))
    if kind is None and _is_csv(content):
        return "text/csv", ".csv"
    raise UnsupportedDocument(_(
        "Upload a PDF, PNG, JPEG, TIFF, CSV, XLSX or DOCX file; this file's content is none "
        "of them."))


def safe_filename(name: str, extension: str) -> str:
    """The uploaded name, without folders or control characters, ending in its real type."""
    base = PureWindowsPath(PurePosixPath(name or "").name).name
    base = re.sub(r"[\x00-\x1f\x7f<>:\"|?*]", "", base)
    # Invisible and bidirectional controls (Cf) could disguise the real extension.
    base = "".join(ch for ch in base if unicodedata.category(ch) != "Cf").strip(" .") or "document"
    stem = base[: -len(extension)] if base.lower().endswith(extension) else base
    return f"{stem[:150]}{extension}"


@transaction.atomic
def upload_document(inquiry, *, by, uploaded) -> Document:
    """Store an uploaded file for the inquiry after checking who, size and real type."""
    if not access.may_upload(by, inquiry):
        raise PermissionDenied(_("You may not add documents to this inquiry."))
    if uploaded.size > settings.DOCUMENT_MAX_BYTES:
        raise DocumentTooLarge(_("A document may be at most 20 MB."))
    content = uploaded.read(settings.DOCUMENT_MAX_BYTES + 1)
    if len(content) > settings.DOCUMENT_MAX_BYTES:
        raise DocumentTooLarge(_("A document may be at most 20 MB."))
    if not content:
        raise ValidationError({"file": _("The file is empty.")})
    content_type, extension = detect_type(content)
    locked = Inquiry.objects.select_for_update().get(pk=inquiry.pk)
    key = secrets.token_hex(16)
    document = Document(
        inquiry=locked, storage_key=key, filename=safe_filename(uploaded.name, extension),
        content_type=content_type, size=len(content),
        sha256=hashlib.sha256(content).hexdigest(), uploaded_by=by,
    )
    document.file.save(key, ContentFile(content), save=False)
    document.save(force_insert=True)
    InquiryEvent.append(inquiry=locked, actor=by, action="document", from_status=locked.status,
                        to_status=locked.status, reason=document.filename, trade_visible=True)
    return document
