"""Shared fixtures: real PostgreSQL and Redis, documents in a temporary folder."""

import os
import socket

import pytest
from django.conf import settings

REQUIRE_SERVICES = os.environ.get("REQUIRE_SERVICES") == "1"


def _reachable(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=1):
            return True
    except OSError:
        return False


def pytest_sessionstart(session):
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        if REQUIRE_SERVICES:
            pytest.exit("REQUIRE_SERVICES=1 but the tests are not on PostgreSQL", returncode=3)
    if REQUIRE_SERVICES and not _reachable("127.0.0.1", 6379):
        pytest.exit("REQUIRE_SERVICES=1 but Redis is not reachable on 127.0.0.1:6379", returncode=3)


@pytest.fixture
def redis_url():
    """The Redis DB of this xdist worker; skips (or fails under REQUIRE_SERVICES) if down."""
    if not _reachable("127.0.0.1", 6379):
        if REQUIRE_SERVICES:
            pytest.fail("Redis is not reachable on 127.0.0.1:6379")
        pytest.skip("Redis is not running")
    return settings.TEST_REDIS_URL


@pytest.fixture(autouse=True)
def documents_root(settings, tmp_path):
    """Uploaded documents go to a per-test folder outside the project."""
    settings.MEDIA_ROOT = tmp_path / "documents"
    return settings.MEDIA_ROOT


@pytest.fixture
def api_client():
    from rest_framework.test import APIClient

    return APIClient()
