"""Documents on S3-compatible storage: moto's server mode on 127.0.0.1 stands in for S3.

The storage is switched the way production switches it (the `default` entry of STORAGES set
to django-storages' S3 backend); the upload and the permission-checked download are the
portal's own API paths, so nothing here touches the file system.
"""

import socket
import subprocess
import sys
import time
from pathlib import Path

import boto3
import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile

from inquiries.models import Document
from tests.api.factories import make_world

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"
BUCKET = "cee-documents"
REGION = "us-east-1"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for(port: int, process, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"moto_server exited with {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("moto_server did not start")


@pytest.fixture(scope="module")
def s3_endpoint():
    """A moto server of this module's own on a free local port, stopped by its PID."""
    port = _free_port()
    command = Path(sys.executable).with_name("moto_server")
    process = subprocess.Popen(
        [str(command), "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_for(port, process)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def s3_storage(s3_endpoint, settings, monkeypatch):
    """STORAGES' default is the S3 backend on a fresh bucket of the moto server."""
    for name, value in {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": REGION,
    }.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("AWS_PROFILE", raising=False)
    client = boto3.client("s3", endpoint_url=s3_endpoint, region_name=REGION)
    client.create_bucket(Bucket=BUCKET)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": BUCKET,
                "endpoint_url": s3_endpoint,
                "region_name": REGION,
                "default_acl": None,
                "querystring_auth": True,
                "file_overwrite": False,
            },
        },
    }
    yield client
    listed = client.list_objects_v2(Bucket=BUCKET).get("Contents", [])
    for item in listed:
        client.delete_object(Bucket=BUCKET, Key=item["Key"])
    client.delete_bucket(Bucket=BUCKET)


@pytest.mark.django_db
def test_upload_and_checked_download_go_through_s3(s3_storage, documents_root):
    world = make_world()
    inquiry = world.inquiries["a"]
    answer = world.client("filer_a").post(
        f"/api/v1/inquiries/{inquiry.reference}/documents/",
        {"file": SimpleUploadedFile("invoice.pdf", PDF, content_type="application/pdf")},
        format="multipart",
    )
    assert answer.status_code == 201, answer.content
    document = Document.objects.get(pk=answer.json()["id"])

    # The bytes are an object in the bucket under the generated name, not a local file.
    assert type(default_storage._wrapped).__name__ == "S3Storage"
    stored = s3_storage.get_object(Bucket=BUCKET, Key=document.file.name)["Body"].read()
    assert stored == PDF
    assert document.storage_key in document.file.name
    assert "invoice" not in document.file.name
    local = Path(documents_root)
    assert not local.exists() or not [p for p in local.rglob("*") if p.is_file()]

    download = world.client("staff_phc").get(f"/api/v1/documents/{document.pk}/download/")
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment")
    assert b"".join(download.streaming_content) == PDF

    # Someone who may not see the inquiry learns nothing, even that the document exists.
    refused = world.client("filer_b").get(f"/api/v1/documents/{document.pk}/download/")
    assert refused.status_code == 404
    assert (
        world.client("staff_el").get(f"/api/v1/documents/{document.pk}/download/").status_code
        == 404
    )
