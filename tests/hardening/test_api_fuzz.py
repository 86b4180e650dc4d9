"""Property-based fuzzing of every API operation from its OpenAPI schema (DESIGN.md §9, §12).

schemathesis reads /api/schema/ and calls the WSGI application in-process (no server), with
the token of a trade admin and of a Center supervisor. Every response must be no 5xx, carry
a documented content type and match its documented schema. The example count is small and
the seed fixed so CI is repeatable; FUZZ_EXAMPLES raises the count for a deeper local run.
"""

import os

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, seed, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
)

from cee_portal.wsgi import application
from tests.api.factories import make_world

from .conftest import record_figure

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "4"))
SEED = 20261108
CHECKS = [not_a_server_error, content_type_conformance, response_schema_conformance]

FULL = os.environ.get("FUZZ_FULL") == "1"

# The trade admin's run adds schemathesis's coverage phase (boundary and negative values of
# every parameter); the supervisor's run fuzzes only, unless FUZZ_FULL=1, to keep CI short.
schema = schemathesis.openapi.from_wsgi("/api/schema/", application)
staff_schema = schemathesis.openapi.from_wsgi("/api/schema/", application)
staff_schema.config.phases.coverage.enabled = FULL

REQUESTS: dict[str, int] = {"trade": 0, "staff": 0}


@pytest.fixture(autouse=True)
def keep_test_db_connection():
    """Raw WSGI calls close the test's connection at request end, unlike Django's Client."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def tokens(db):
    from rest_framework.authtoken.models import Token

    world = make_world()
    return {
        "trade": Token.objects.get_or_create(user=world.admin_a)[0].key,
        "staff": Token.objects.get_or_create(user=world.supervisor_phc)[0].key,
    }


def call(case, token: str, who: str):
    REQUESTS[who] += 1
    record_figure(f"api fuzz requests ({who})", REQUESTS[who])
    record_figure("api fuzz requests (total)", sum(REQUESTS.values()))
    case.call_and_validate(headers={"Authorization": f"Token {token}"}, checks=CHECKS)


FUZZ_SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=False,
    suppress_health_check=list(HealthCheck),
    database=None,
)


@pytest.mark.django_db
@schema.parametrize()
@seed(SEED)
@FUZZ_SETTINGS
def test_api_as_a_trade_admin_never_fails_or_breaks_its_schema(case, tokens):
    call(case, tokens["trade"], "trade")


@pytest.mark.django_db
@staff_schema.parametrize()
@seed(SEED)
@FUZZ_SETTINGS
def test_api_as_a_center_supervisor_never_fails_or_breaks_its_schema(case, tokens):
    call(case, tokens["staff"], "staff")


def test_the_fuzzer_covers_every_operation_of_the_schema():
    operations = [result.ok() for result in schema.get_all_operations()]
    paths = {operation.path for operation in operations}
    assert len(operations) >= 25, len(operations)
    for needed in (
        "/api/v1/inquiries/",
        "/api/v1/inquiries/{reference}/actions/{action}/",
        "/api/v1/inquiries/{reference}/documents/",
        "/api/v1/entries/batch/",
        "/api/v1/engagement-plans/",
        "/api/v1/auth/token/",
    ):
        assert needed in paths, needed
    record_figure("api fuzz operations", len(operations))


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/documents/null,null/download/",
        "/api/v1/engagement-plans/abc/",
        "/api/v1/no-such-thing/",
    ],
)
def test_api_paths_that_match_no_route_answer_404_in_json(url):
    from django.test import Client

    answer = Client().get(url)
    assert answer.status_code == 404
    assert answer["Content-Type"] == "application/json"
    assert answer.json() == {"detail": "Not found."}


def test_fields_only_cbp_roles_receive_are_not_required_in_the_schema():
    raw = schema.raw_schema["components"]["schemas"]
    for name in ("Importer", "Inquiry"):
        assert "risk_segment" in raw[name]["properties"]
        assert "risk_segment" not in raw[name].get("required", [])
