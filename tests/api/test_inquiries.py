"""Filing, reading and acting on inquiries through the API."""

from datetime import date, timedelta

import pytest
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.test import APIRequestFactory

import access
from accounts.models import TradeRole
from inquiries.models import Inquiry
from inquiries.serializers import InquirySerializer
from inquiries.workflow import Status
from tests.factories import ImporterFactory, MembershipFactory

from .factories import file_inquiry

pytestmark = pytest.mark.django_db

DETAIL_FIELDS = {
    "reference",
    "importer",
    "type",
    "status",
    "status_label",
    "subject",
    "description",
    "details",
    "entry_number",
    "hts",
    "center",
    "functional_area",
    "routing_reason",
    "service_level",
    "assignee",
    "submitted_at",
    "first_response_due",
    "resolution_due",
    "sla_due",
    "sla_paused",
    "reply_due",
    "statutory_deadline",
    "statutory_clock",
    "due",
    "outcome",
    "allowed_actions",
}


def _url(inquiry, suffix=""):
    return f"/api/v1/inquiries/{inquiry.reference}/{suffix}"


def test_a_filer_files_a_cf28_and_gets_the_full_inquiry(world):
    entry = world.entries["a"]
    answer = world.client("filer_a").post(
        "/api/v1/inquiries/",
        {
            "importer": world.a.pk,
            "type": "cf28",
            "subject": "CF-28 help",
            "entry_number": entry.display_number,
            "details": {"cf28_issue_date": "2026-11-02"},
        },
        format="json",
    )
    assert answer.status_code == 201, answer.json()
    body = answer.json()
    assert set(body) == DETAIL_FIELDS
    assert body["entry_number"] == entry.entry_number
    assert body["statutory_clock"] == "cf28_response"
    assert body["statutory_deadline"] == "2026-12-02"
    assert body["center"] == "PHC" and body["status"] == "submitted"
    assert body["assignee"] is None and body["outcome"] is None
    assert "withdraw" in body["allowed_actions"]
    assert Inquiry.objects.filter(reference=body["reference"]).exists()


def test_bad_details_answer_nested_field_errors_and_write_nothing(world):
    before = Inquiry.objects.count()
    answer = world.client("filer_a").post(
        "/api/v1/inquiries/",
        {
            "importer": world.a.pk,
            "type": "cf28",
            "subject": "CF-28 help",
            "entry_number": world.entries["a"].entry_number,
            "details": {"cf28_issue_date": "soon"},
        },
        format="json",
    )
    assert answer.status_code == 400
    assert "cf28_issue_date" in answer.json()["details"]
    assert Inquiry.objects.count() == before


def test_an_entry_of_another_importer_is_named_in_the_error(world):
    answer = world.client("filer_a").post(
        "/api/v1/inquiries/",
        {
            "importer": world.a.pk,
            "type": "cf28",
            "subject": "x",
            "entry_number": world.entries["b"].entry_number,
            "details": {"cf28_issue_date": "2026-11-02"},
        },
        format="json",
    )
    assert answer.status_code == 400
    assert world.entries["b"].entry_number in answer.json()["entry_number"][0]


@pytest.mark.parametrize("role", ["filer_a", "staff_el", "fda", "expired_broker"])
def test_an_importer_the_user_does_not_see_is_not_found(world, role):
    answer = world.client(role).post(
        "/api/v1/inquiries/",
        {
            "importer": world.b.pk if role in ("filer_a", "fda") else world.a.pk,
            "type": "policy_clarification",
            "subject": "x",
        },
        format="json",
    )
    assert answer.status_code == 400
    assert "importer" in answer.json()


@pytest.mark.parametrize("role", ["viewer_a", "staff_phc", "ae_a", "broker"])
def test_users_who_see_the_importer_but_may_not_file_get_403(world, role):
    answer = world.client(role).post(
        "/api/v1/inquiries/",
        {"importer": world.a.pk, "type": "policy_clarification", "subject": "x"},
        format="json",
    )
    assert answer.status_code == 403


def test_a_gated_type_names_the_gate(world):
    answer = world.client("filer_b").post(
        "/api/v1/inquiries/",
        {
            "importer": world.b.pk,
            "type": "penalty_petition",
            "subject": "x",
            "details": {
                "case_number": "A1",
                "petition_kind": "penalty",
                "notice_date": "2026-11-01",
            },
        },
        format="json",
    )
    assert answer.status_code == 400 and "type" in answer.json()


def test_the_detail_lists_the_actions_of_this_user(world):
    inquiry = world.inquiries["a"]
    assert world.client("staff_phc").get(_url(inquiry)).json()["allowed_actions"] == [
        "claim",
        "reroute",
    ]
    assert world.client("supervisor_phc").get(_url(inquiry)).json()["allowed_actions"] == [
        "claim",
        "assign",
        "reroute",
    ]
    assert world.client("viewer_a").get(_url(inquiry)).json()["allowed_actions"] == []
    assert world.client("admin_a").get(_url(inquiry)).json()["allowed_actions"] == ["withdraw"]


def test_a_claim_answers_200_with_the_new_state(world):
    answer = world.client("staff_phc").post(
        _url(world.inquiries["a"], "actions/claim/"), {}, format="json"
    )
    assert answer.status_code == 200
    body = answer.json()
    assert body["status"] == "assigned"
    assert body["assignee"]["id"] == world.staff_phc.pk
    assert set(body["assignee"]) == {"id", "username", "name"}
    assert body["allowed_actions"] == ["start_review", "reroute"]


def test_an_unknown_action_answers_404(world):
    answer = world.client("staff_phc").post(
        _url(world.inquiries["a"], "actions/explode/"), {}, format="json"
    )
    assert answer.status_code == 404


def test_an_action_not_open_now_answers_409_with_state_and_allowed_actions(world):
    answer = world.client("staff_phc").post(
        _url(world.inquiries["a"], "actions/resolve/"),
        {"resolution": "x", "outcome": "answered"},
        format="json",
    )
    assert answer.status_code == 409
    body = answer.json()
    assert set(body) == {"detail", "status", "allowed_actions"}
    assert body["status"] == "submitted"
    assert body["allowed_actions"] == ["claim", "reroute"]


def test_the_state_is_checked_before_the_body(world):
    answer = world.client("viewer_a").post(
        _url(world.inquiries["a"], "actions/respond/"), {}, format="json"
    )
    assert answer.status_code == 409


@pytest.mark.parametrize("role", ["staff_phc", "admin_a", "superuser", "ae_a"])
def test_deem_denied_is_for_the_system_only(world, role):
    answer = world.client(role).post(
        _url(world.inquiries["a"], "actions/deem_denied/"), {}, format="json"
    )
    assert answer.status_code == 409


def test_a_missing_body_field_answers_400_and_changes_nothing(world):
    inquiry = world.inquiries["fda"]
    answer = world.client("fda").post(_url(inquiry, "actions/return/"), {}, format="json")
    assert answer.status_code == 400 and "decision" in answer.json()
    inquiry.refresh_from_db()
    assert inquiry.status == Status.REFERRED


def test_a_liaison_returns_its_referral(world):
    inquiry = world.inquiries["fda"]
    answer = world.client("fda").post(
        _url(inquiry, "actions/return/"), {"decision": "No FDA concern."}, format="json"
    )
    assert answer.status_code == 200
    assert answer.json()["status"] == "in_review"


def test_an_hq_reroute_out_of_triage_answers_the_inquiry_as_it_now_stands(world):
    importer = ImporterFactory(name="Unrouted C", center=None)
    filer = MembershipFactory(importer=importer, role=TradeRole.FILER).user
    inquiry = file_inquiry(importer, filer, subject="Where does this go?")
    assert inquiry.center_id is None, "a triage inquiry"
    hq = world.client("hq")
    assert hq.get(_url(inquiry)).json()["allowed_actions"] == ["reroute"]
    answer = hq.post(
        _url(inquiry, "actions/reroute/"),
        {"center": "EL", "reason": "An electronics question."},
        format="json",
    )
    assert answer.status_code == 200, answer.content
    body = answer.json()
    assert set(body) == DETAIL_FIELDS | {"risk_segment"}
    assert (body["reference"], body["status"], body["center"]) == (
        inquiry.reference,
        "submitted",
        "EL",
    )
    assert body["assignee"] is None
    assert body["routing_reason"] == "Sent to the Electronics Center (EL)."
    assert body["allowed_actions"] == [], "nothing is open to the reviewer out of triage"
    inquiry.refresh_from_db()
    assert inquiry.center_id == "EL"
    # The answer widened nothing: out of triage the reviewer no longer sees the inquiry.
    assert hq.get(_url(inquiry)).status_code == 404
    assert world.client("staff_el").get(_url(inquiry)).json()["allowed_actions"] == [
        "claim",
        "reroute",
    ]


def test_a_whole_conversation_through_the_api(world):
    inquiry = world.inquiries["a"]
    staff, filer = world.client("staff_phc"), world.client("filer_a")
    assert staff.post(_url(inquiry, "actions/claim/"), {}, format="json").status_code == 200
    assert staff.post(_url(inquiry, "actions/start_review/")).status_code == 200
    assert (
        staff.post(
            _url(inquiry, "actions/request_info/"), {"message": "Invoice?"}, format="json"
        ).json()["status"]
        == "awaiting_importer"
    )
    detail = filer.get(_url(inquiry)).json()
    assert detail["sla_paused"] is True and detail["sla_due"] is None
    assert detail["reply_due"] is not None
    assert detail["status_label"] == "Additional information required"
    assert (
        filer.post(
            _url(inquiry, "actions/respond/"), {"message": "Attached."}, format="json"
        ).status_code
        == 200
    )
    resolved = staff.post(
        _url(inquiry, "actions/resolve/"),
        {"resolution": "Done.", "outcome": "answered"},
        format="json",
    )
    assert resolved.json()["outcome"] == "answered"
    assert filer.post(_url(inquiry, "actions/close/")).json()["status"] == "closed"


def test_messages_are_posted_and_listed(world):
    inquiry = world.inquiries["a"]
    answer = world.client("filer_a").post(
        _url(inquiry, "messages/"), {"body": "Thanks"}, format="json"
    )
    assert answer.status_code == 201
    assert set(answer.json()) == {"id", "author", "body", "internal", "created_at"}
    assert answer.json()["internal"] is False
    bodies = [
        m["body"]
        for m in world.client("viewer_a").get(_url(inquiry, "messages/")).json()["results"]
    ]
    assert bodies == ["Hello importer", "Thanks"]


@pytest.mark.parametrize(
    "role,body",
    [
        ("viewer_a", {"body": "hi"}),
        ("filer_a", {"body": "note", "internal": True}),
        ("fda", {"body": "hi"}),
    ],
)
def test_writes_outside_the_lifecycle_that_are_not_allowed_answer_403(world, role, body):
    inquiry = world.inquiries["fda"] if role == "fda" else world.inquiries["a"]
    answer = world.client(role).post(_url(inquiry, "messages/"), body, format="json")
    assert answer.status_code == 403


def test_staff_post_internal_notes(world):
    answer = world.client("staff_phc").post(
        _url(world.inquiries["a"], "messages/"), {"body": "note", "internal": True}, format="json"
    )
    assert answer.status_code == 201 and answer.json()["internal"] is True


def test_an_empty_message_answers_400(world):
    answer = world.client("filer_a").post(
        _url(world.inquiries["a"], "messages/"), {"body": "  "}, format="json"
    )
    assert answer.status_code == 400


def test_events_have_the_contract_fields(world):
    rows = world.client("filer_a").get(_url(world.inquiries["a"], "events/")).json()["results"]
    assert rows[0]["action"] == "file"
    assert set(rows[0]) == {"actor", "action", "from_status", "to_status", "at"}
    assert rows[0]["actor"]["id"] == world.admin_a.pk


def test_filters_of_the_queue(world):
    client = world.client("superuser")

    def refs(query):
        answer = client.get("/api/v1/inquiries/" + query)
        assert answer.status_code == 200, answer.json()
        return {row["reference"] for row in answer.json()["results"]}

    a, b, fda = (world.inquiries[k].reference for k in ("a", "b", "fda"))
    assert refs("?status=referred") == {fda}
    assert refs("?center=EL") == {b}
    assert refs(f"?importer={world.a.pk}") == {a, fda}
    assert refs(f"?assignee={world.staff_phc.pk}") == {fda}
    assert refs("?type=policy_clarification") == {a, b, fda}
    assert refs("?type=cf28") == set()
    Inquiry.objects.filter(reference=b).update(due=date.today() - timedelta(days=3))
    assert refs("?overdue=true") == {b}
    assert refs("?overdue=false") == {a, fda}


def ask_for_information(world, inquiry):
    """PHC staff claim the inquiry, review it and ask the importer (awaiting_importer)."""
    staff = world.client("staff_phc")
    for action, body in (
        ("claim", {}),
        ("start_review", {}),
        ("request_info", {"message": "Invoice?"}),
    ):
        answer = staff.post(_url(inquiry, f"actions/{action}/"), body, format="json")
        assert answer.status_code == 200


def test_each_list_row_carries_the_values_of_the_inquiry_itself(world):
    # The list writes its rows from plain values (InquiryListSerializer.to_representation);
    # they must equal the detail's field-by-field walk of the inquiry, in every kind of state.
    ask_for_information(world, world.inquiries["a"])
    b = world.inquiries["b"]
    assert (
        world.client("staff_el").post(_url(b, "actions/claim/"), {}, format="json").status_code
        == 200
    )
    for role in ("superuser", "filer_a", "staff_el"):
        client = world.client(role)
        rows = client.get("/api/v1/inquiries/").json()["results"]
        assert rows
        for row in rows:
            detail = client.get(f"/api/v1/inquiries/{row['reference']}/").json()
            assert row == {name: detail[name] for name in row}, (role, row["reference"])
    statuses = {
        row["status"]: row
        for row in world.client("superuser").get("/api/v1/inquiries/").json()["results"]
    }
    assert set(statuses) == {"awaiting_importer", "assigned", "referred"}
    assert statuses["awaiting_importer"]["sla_paused"] is True
    assert statuses["referred"]["status_label"] == "Referred to partner agency"
    assert statuses["assigned"]["assignee"]["id"] == world.staff_el.pk


def test_the_written_out_inquiry_equals_drfs_walk_of_its_fields(world):
    # InquirySerializer writes its fields out; DRF's generic walk of the same declared
    # fields is the reference, for CBP readers (with the risk segment) and trade readers.
    ask_for_information(world, world.inquiries["a"])
    compared = 0
    for role in ("superuser", "staff_phc", "filer_a", "ae_a", "fda"):
        request = Request(APIRequestFactory().get("/"))
        request.user = world.users[role]
        for inquiry in access.inquiries.visible(request.user).select_related(
            "importer", "assignee", "entry"
        ):
            serializer = InquirySerializer(inquiry, context={"request": request})
            walked = serializers.Serializer.to_representation(serializer, inquiry)
            if not access.importers.sees_risk_segment(request.user):
                del walked["risk_segment"]
            assert serializer.data == walked, (role, inquiry.reference)
            compared += 1
    assert compared >= 9
