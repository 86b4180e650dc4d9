"""Who sees what through the API: 401 without credentials, 404 for what one may not see."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from inquiries.documents import upload_document

from .factories import client_for

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"

# role → (inquiries seen, entries seen, importers seen) among a, b and the FDA referral.
VISIBILITY = {
    "admin_a": ({"a", "fda"}, {"a"}, {"a"}),
    "filer_a": ({"a", "fda"}, {"a"}, {"a"}),
    "viewer_a": ({"a", "fda"}, {"a"}, {"a"}),
    "filer_b": ({"b"}, {"b"}, {"b"}),
    "broker": ({"a", "b", "fda"}, {"a", "b"}, {"a", "b"}),
    "expired_broker": (set(), set(), set()),
    "staff_phc": ({"a", "fda"}, {"a"}, {"a"}),
    "supervisor_phc": ({"a", "fda"}, {"a"}, {"a"}),
    "staff_el": ({"b"}, {"b"}, {"b"}),
    "ae_a": ({"a", "fda"}, {"a"}, {"a"}),
    "hq": (set(), set(), set()),
    "fda": ({"fda"}, set(), {"a"}),
    "ace": (set(), set(), set()),
}
TRADE_AND_PGA = ["admin_a", "filer_a", "viewer_a", "broker", "fda"]


@pytest.fixture
def documents(world):
    made = {}
    for key, uploader in (("a", "admin_a"), ("b", "filer_b")):
        made[key] = upload_document(
            world.inquiries[key],
            by=world.users[uploader],
            uploaded=SimpleUploadedFile(f"{key}.pdf", PDF, content_type="application/pdf"),
        )
    return made


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/importers/",
        "/api/v1/entries/",
        "/api/v1/inquiries/",
        "/api/v1/inquiries/CEE-2026-000001/",
        "/api/v1/inquiries/CEE-2026-000001/messages/",
        "/api/v1/inquiries/CEE-2026-000001/events/",
        "/api/v1/inquiries/CEE-2026-000001/documents/",
        "/api/v1/documents/1/download/",
        "/api/v1/entries/ABC00000010/",
    ],
)
def test_without_credentials_every_endpoint_answers_401(db, url):
    assert APIClient().get(url).status_code == 401


@pytest.mark.parametrize("url", ["/api/v1/inquiries/", "/api/v1/entries/batch/"])
def test_writes_without_credentials_answer_401(db, url):
    assert APIClient().post(url, {}, format="json").status_code == 401


def test_a_token_from_the_token_endpoint_works(world):
    client = APIClient()
    answer = client.post(
        "/api/v1/auth/token/",
        {"username": world.admin_a.username, "password": "a-test-password-1"},
        format="json",
    )
    assert answer.status_code == 200
    client.credentials(HTTP_AUTHORIZATION=f"Token {answer.json()['token']}")
    assert client.get("/api/v1/importers/").status_code == 200
    client.credentials(HTTP_AUTHORIZATION="Token not-a-token")
    assert client.get("/api/v1/importers/").status_code == 401


def test_the_browser_session_works_too(world):
    client = APIClient()
    client.force_login(world.admin_a)
    assert client.get("/api/v1/inquiries/").status_code == 200


@pytest.mark.parametrize("role", sorted(VISIBILITY))
def test_each_role_sees_exactly_its_inquiries(world, role):
    client = world.client(role)
    expected, _entries, _importers = VISIBILITY[role]
    listed = {row["reference"] for row in client.get("/api/v1/inquiries/").json()["results"]}
    assert listed == {world.inquiries[key].reference for key in expected}
    for key, inquiry in world.inquiries.items():
        base = f"/api/v1/inquiries/{inquiry.reference}/"
        want = 200 if key in expected else 404
        for suffix in ("", "messages/", "events/", "documents/"):
            assert client.get(base + suffix).status_code == want, (role, key, suffix)
        if key not in expected:
            for suffix, body in (("actions/withdraw/", {}), ("messages/", {"body": "hi"})):
                assert client.post(base + suffix, body, format="json").status_code == 404


@pytest.mark.parametrize("role", sorted(VISIBILITY))
def test_each_role_sees_exactly_its_entries_and_importers(world, role):
    client = world.client(role)
    _inquiries, entries, importers = VISIBILITY[role]
    listed = {row["entry_number"] for row in client.get("/api/v1/entries/").json()["results"]}
    assert listed == {world.entries[key].entry_number for key in entries}
    for key, entry in world.entries.items():
        for number in (entry.entry_number, entry.display_number):
            answer = client.get(f"/api/v1/entries/{number}/")
            assert answer.status_code == (200 if key in entries else 404), (role, key)
    seen = {row["id"] for row in client.get("/api/v1/importers/").json()["results"]}
    assert seen == {getattr(world, key).pk for key in importers}
    for key in ("a", "b"):
        answer = client.get(f"/api/v1/importers/{getattr(world, key).pk}/")
        assert answer.status_code == (200 if key in importers else 404)


def test_rules_of_roles_a_person_does_not_hold_grant_nothing(world):
    # The policy ORs the rules of the roles held (DESIGN.md §1): a Center staff member given
    # a trade membership is still no trade user, and an account assignment counts only for
    # an Account Executive.
    from django.utils import timezone

    from accounts.models import AccountExecutiveAssignment, Membership

    staff = world.users["staff_el"]
    Membership.objects.create(user=staff, importer=world.a, role="admin")
    AccountExecutiveAssignment.objects.filter(importer=world.a).update(ended_at=timezone.now())
    AccountExecutiveAssignment.objects.create(ae=staff, importer=world.a)
    client = world.client("staff_el")
    listed = {row["reference"] for row in client.get("/api/v1/inquiries/").json()["results"]}
    assert listed == {world.inquiries["b"].reference}
    assert client.get(f"/api/v1/importers/{world.a.pk}/").status_code == 404
    assert client.get(f"/api/v1/entries/{world.entries['a'].entry_number}/").status_code == 404
    staff.is_account_executive = True
    staff.save(update_fields=["is_account_executive"])
    listed = {row["reference"] for row in client.get("/api/v1/inquiries/").json()["results"]}
    assert listed == {world.inquiries[key].reference for key in ("a", "b", "fda")}


@pytest.mark.parametrize("role", sorted(VISIBILITY))
def test_each_role_downloads_only_documents_of_inquiries_it_sees(world, documents, role):
    client = world.client(role)
    expected = VISIBILITY[role][0]
    for key, document in documents.items():
        answer = client.get(f"/api/v1/documents/{document.pk}/download/")
        assert answer.status_code == (200 if key in expected else 404), (role, key)


@pytest.mark.parametrize("role", TRADE_AND_PGA)
def test_internal_notes_reach_no_trade_user_or_liaison(world, role):
    client = world.client(role)
    for inquiry in world.inquiries.values():
        base = f"/api/v1/inquiries/{inquiry.reference}/"
        for suffix in ("", "messages/", "events/"):
            answer = client.get(base + suffix)
            if answer.status_code == 404:
                continue
            text = answer.content.decode()
            assert "SECRET" not in text
            assert '"internal":true' not in text
            assert '"action":"note"' not in text and '"action":"refer"' not in text


@pytest.mark.parametrize("role", ["staff_phc", "ae_a", "superuser"])
def test_cbp_readers_see_internal_notes(world, role):
    reference = world.inquiries["a"].reference
    messages = world.client(role).get(f"/api/v1/inquiries/{reference}/messages/").json()
    assert [m["internal"] for m in messages["results"]] == [True, False]
    events = world.client(role).get(f"/api/v1/inquiries/{reference}/events/").json()
    assert "note" in [e["action"] for e in events["results"]]


def test_a_liaison_sees_the_external_messages_of_its_referral(world):
    reference = world.inquiries["fda"].reference
    answer = world.client("fda").get(f"/api/v1/inquiries/{reference}/events/").json()
    assert [e["action"] for e in answer["results"]] == ["file"]


@pytest.mark.parametrize(
    "role,full",
    [
        ("admin_a", True),
        ("filer_a", False),
        ("viewer_a", False),
        ("broker", False),
        ("staff_phc", True),
        ("ae_a", True),
        ("fda", False),
        ("superuser", True),
    ],
)
def test_an_ssn_ior_number_is_masked_except_for_admins_and_cbp(world, role, full):
    answer = world.client(role).get(f"/api/v1/importers/{world.a.pk}/").json()
    assert answer["ior_number"] == ("123-45-6789" if full else world.a.masked_ior_number)
    assert "6789" in answer["ior_number"]
    # The account risk segment is for CBP roles only (DESIGN.md §9).
    cbp = role in {"staff_phc", "ae_a", "superuser"}
    assert ("risk_segment" in answer) == cbp


def test_an_importer_has_the_contract_fields(world):
    answer = world.client("admin_a").get(f"/api/v1/importers/{world.a.pk}/").json()
    assert answer == {
        "id": world.a.pk,
        "name": "Pharma A",
        "ior_number": "123-45-6789",
        "size": "large",
        "center": "PHC",
        "ctpat_tier": "tier3",
        "isa_member": True,
        "financially_compliant": True,
        "participating": False,
        "service_level": "isa",
        "trusted_trader": True,
        "trusted_partner": True,
    }


def test_client_for_nobody_is_anonymous(db):
    assert client_for(None).get("/api/v1/inquiries/").status_code == 401
