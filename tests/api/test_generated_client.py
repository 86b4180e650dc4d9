"""A client generated from the portal's own schema (openapi-python-client) files, claims, asks
about and answers an inquiry on a running server, reading every answer into its models."""

import importlib
import json
import subprocess
import sys
from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace

import httpx
import pytest
from django.utils import timezone
from rest_framework.authtoken.models import Token

from accounts.models import TradeRole
from tests.factories import CenterStaffFactory, ImporterFactory, MembershipFactory, center

from .factories import entry_for

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PACKAGE = "cee_portal_client"
PASSWORD = "a-test-password-1"  # the UserFactory password
OPERATIONS = (
    "v1_auth_token_create",
    "v1_inquiries_create",
    "v1_inquiries_actions_create",
    "v1_inquiries_retrieve",
    "v1_inquiries_messages_list",
)


def generate_client(schema: dict, folder: Path) -> SimpleNamespace:
    """Run openapi-python-client on the schema and import the package it writes."""
    (folder / "schema.json").write_text(json.dumps(schema), encoding="utf-8")
    # No formatting hooks: the generated code is imported, never read, and needs no ruff.
    (folder / "config.json").write_text(json.dumps({"post_hooks": []}), encoding="utf-8")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "openapi_python_client",
            "generate",
            "--path",
            "schema.json",
            "--output-path",
            PACKAGE,
            "--meta",
            "none",
            "--config",
            "config.json",
        ],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    sys.path.insert(0, str(folder))
    try:
        return SimpleNamespace(
            package=importlib.import_module(PACKAGE),
            models=importlib.import_module(f"{PACKAGE}.models"),
            **{name: importlib.import_module(f"{PACKAGE}.api.v1.{name}") for name in OPERATIONS},
        )
    finally:
        sys.path.remove(str(folder))


@pytest.fixture
def generated(live_server, tmp_path):
    schema = httpx.get(f"{live_server.url}/api/schema/", params={"format": "json"}).json()
    yield generate_client(schema, tmp_path)
    for name in [name for name in sys.modules if name.split(".")[0] == PACKAGE]:
        del sys.modules[name]


def connect(generated, url: str, token: str | None = None):
    """A generated client of the server at `url`, with token authentication if given."""
    if token is None:
        return generated.package.Client(base_url=url, raise_on_unexpected_status=True)
    return generated.package.AuthenticatedClient(
        base_url=url, token=token, prefix="Token", raise_on_unexpected_status=True
    )


def test_a_generated_client_files_claims_asks_and_answers_an_inquiry(live_server, generated):
    models = generated.models
    importer = ImporterFactory(
        name="Generated Client Co.", center=center("PHC"), center_pinned=True
    )
    filer = MembershipFactory(importer=importer, role=TradeRole.FILER).user
    staff = CenterStaffFactory(center=center("PHC")).user
    entry = entry_for(importer, 7)
    staff_token = Token.objects.create(user=staff).key

    # Each client is closed on the way out, so no server thread keeps a connection open.
    with connect(generated, live_server.url) as anonymous:
        token = generated.v1_auth_token_create.sync_detailed(
            client=anonymous,
            body=models.AuthTokenRequest(username=filer.username, password=PASSWORD),
        )
    assert token.status_code == 200 and isinstance(token.parsed, models.Token)
    assert token.parsed.token == Token.objects.get(user=filer).key

    with (
        connect(generated, live_server.url, token.parsed.token) as as_filer,
        connect(generated, live_server.url, staff_token) as as_staff,
    ):
        reference = file_cf28(
            generated, as_filer, importer=importer.pk, entry_number=entry.display_number
        )
        claimed = act(generated, as_staff, reference, "claim", models.StatusEnum.ASSIGNED)
        assert isinstance(claimed.assignee, models.UserRef)
        assert claimed.assignee.id == staff.pk
        act(generated, as_staff, reference, "start_review", models.StatusEnum.IN_REVIEW)
        asked = act(
            generated,
            as_staff,
            reference,
            "request_info",
            models.StatusEnum.AWAITING_IMPORTER,
            message="Please send the commercial invoice.",
        )
        assert asked.sla_paused is True and asked.reply_due is not None

        seen = generated.v1_inquiries_retrieve.sync(reference, client=as_filer)
        assert isinstance(seen, models.Inquiry)
        assert seen.allowed_actions == [
            models.AllowedActionsEnum.RESPOND,
            models.AllowedActionsEnum.WITHDRAW,
        ]
        refused = generated.v1_inquiries_actions_create.sync_detailed(
            reference, "claim", client=as_filer, body=models.ActionBodyRequest()
        )
        assert refused.status_code == 409 and isinstance(refused.parsed, models.ActionConflict)
        assert refused.parsed.allowed_actions == ["respond", "withdraw"]
        answered = act(
            generated,
            as_filer,
            reference,
            "respond",
            models.StatusEnum.IN_REVIEW,
            message="The invoice is attached.",
        )
        assert answered.allowed_actions == [models.AllowedActionsEnum.WITHDRAW]

        conversation = generated.v1_inquiries_messages_list.sync(reference, client=as_filer)
    assert isinstance(conversation, models.PaginatedMessageList)
    assert all(isinstance(message, models.Message) for message in conversation.results)
    assert [message.body for message in conversation.results][-2:] == [
        "Please send the commercial invoice.",
        "The invoice is attached.",
    ]


def file_cf28(generated, client, *, importer: int, entry_number: str) -> str:
    """File a CF-28 inquiry with its `details` object; return its reference."""
    models = generated.models
    issued = timezone.localdate() - timedelta(days=3)
    filed = generated.v1_inquiries_create.sync_detailed(
        client=client,
        body=models.InquiryCreateRequest(
            importer=importer,
            type_=models.TypeEnum.CF28,
            subject="Help with a CF-28",
            entry_number=entry_number,
            details=models.InquiryCreateRequestDetails.from_dict(
                {"cf28_issue_date": issued.isoformat()}
            ),
        ),
    )
    assert filed.status_code == 201, filed.content
    inquiry = filed.parsed
    assert isinstance(inquiry, models.Inquiry)
    assert inquiry.status == models.StatusEnum.SUBMITTED
    assert inquiry.statutory_clock == models.StatutoryClockEnum.CF28_RESPONSE
    assert inquiry.statutory_deadline == issued + timedelta(days=30)
    assert isinstance(inquiry.details, models.InquiryDetails)
    assert inquiry.details["cf28_issue_date"] == issued.isoformat()
    return inquiry.reference


def act(generated, client, reference: str, action: str, status, **body):
    """Take a lifecycle action; the answer must parse as the inquiry in `status`."""
    answer = generated.v1_inquiries_actions_create.sync_detailed(
        reference, action, client=client, body=generated.models.ActionBodyRequest(**body)
    )
    assert answer.status_code == 200, (action, answer.content)
    assert isinstance(answer.parsed, generated.models.Inquiry), action
    assert answer.parsed.status == status, action
    return answer.parsed
