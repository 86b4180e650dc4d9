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
from django.utils.translation import gettext_lazy as _lazy

import access

from .models import Document, Inquiry, InquiryEvent

SNIFFED_TYPES = {
    "application/pdf": ".pdf",
    "image/png": ".png",
    "image/jpeg": ".jpg",
    "image/tiff": ".tif",
}
OOXML_TYPES = {
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": (
        ".xlsx",
        b"spreadsheetml.sheet.main+xml",
    ),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": (
        ".docx",
        b"wordprocessingml.document.main+xml",
    ),
}
# The endings a stored name may keep for each type, the usual one first: a name that ends
# otherwise gets the usual one added, so no name claims a type its content is not. CSV is
# plain text, so a ".txt" name describes it truly and is kept as it was uploaded.
EXTENSIONS = {
    "application/pdf": (".pdf",),
    "image/png": (".png",),
    "image/jpeg": (".jpg", ".jpeg"),
    "image/tiff": (".tif", ".tiff"),
    "text/csv": (".csv", ".txt"),
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": (".xlsx",),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": (".docx",),
}
# Each type in words, for the person who uploaded it.
TYPE_NAMES = {
    "application/pdf": _lazy("a PDF document"),
    "image/png": _lazy("a PNG image"),
    "image/jpeg": _lazy("a JPEG image"),
    "image/tiff": _lazy("a TIFF image"),
    "text/csv": _lazy("CSV text"),
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": _lazy(
        "an XLSX spreadsheet"
    ),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": _lazy(
        "a DOCX document"
    ),
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
    raise UnsupportedDocument(
        _(
            "Upload a PDF, PNG, JPEG, TIFF, CSV, XLSX or DOCX file; this file's content is none "
            "of them."
        )
    )


def safe_filename(name: str, extension: str) -> str:
    """The uploaded name, without folders or control characters, ending in its real type.

    `extension` is the usual ending of the type; a name already ending in one of the
    type's endings (EXTENSIONS) keeps it.
    """
    base = PureWindowsPath(PurePosixPath(name or "").name).name
    base = re.sub(r"[\x00-\x1f\x7f<>:\"|?*]", "", base)
    # Invisible and bidirectional controls (Cf) could disguise the real extension.
    base = "".join(ch for ch in base if unicodedata.category(ch) != "Cf").strip(" .") or "document"
    endings = next((kept for kept in EXTENSIONS.values() if extension in kept), (extension,))
    ending = next((end for end in endings if base.lower().endswith(end)), None)
    if ending is None:
        return f"{base[:150]}{extension}"
    return f"{base[: -len(ending)][:150]}{base[-len(ending) :]}"


def renamed_because(uploaded_name: str, document) -> str:
    """Why the document is stored under another name than the file's, in words; else ""."""
    if document.filename == uploaded_name:
        return ""
    endings = EXTENSIONS.get(document.content_type, ())
    if not uploaded_name.lower().endswith(endings):
        return _(
            "its content is %(kind)s, whatever its name says, so its name now ends in %(ending)s."
        ) % {
            "kind": TYPE_NAMES.get(document.content_type, ""),
            "ending": endings[0] if endings else "",
        }
    return _(
        "its name was shortened, or cleaned of folders and characters a file name may not hold."
    )


@transaction.atomic
def upload_document(inquiry, *, by, uploaded) -> Document:
    """Store an uploaded file for the inquiry after checking who, size and real type."""
    if not access.inquiries.may_upload(by, inquiry):
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
        inquiry=locked,
        storage_key=key,
        filename=safe_filename(uploaded.name, extension),
        content_type=content_type,
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
        uploaded_by=by,
    )
    document.file.save(key, ContentFile(content), save=False)
    document.save(force_insert=True)
    InquiryEvent.append(
        inquiry=locked,
        actor=by,
        action="document",
        from_status=locked.status,
        to_status=locked.status,
        reason=document.filename,
        trade_visible=True,
    )
    return document
