"""The inquiry page: who sees it, what each role reads, the forms offered and what they do."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from inquiries import services
from inquiries.models import Document, Inquiry, InquiryEvent, Message
from inquiries.workflow import Action, Status
from tests.factories import MembershipFactory
from tests.inquiries.builders import drive_to, file_policy_question, make_world

pytestmark = pytest.mark.django_db

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00"
    b"\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N"
    b"\x00\x00\x00\x00IEND\xaeB`\x82"
)


@pytest.fixture
def world():
    return make_world()


def page(client, user, inquiry):
    client.force_login(user)
    return client.get(reverse("inquiries:detail", args=[inquiry.reference]))


def act(client, user, inquiry, action, **data):
    client.force_login(user)
    return client.post(
        reverse("inquiries:act", args=[inquiry.reference, action]),
        {f"{action}-{name}": value for name, value in data.items()},
    )


def offered_actions(response) -> set[str]:
    return set(re.findall(r"/actions/([a-z_]+)/", response.content.decode()))


def test_people_who_do_not_see_the_inquiry_get_404(client, world):
    inquiry = file_policy_question(world)
    stranger = MembershipFactory().user
    for user in (world.other_staff, world.fda, world.hq, stranger):
        assert page(client, user, inquiry).status_code == 404, user
    assert page(client, world.filer, inquiry).status_code == 200
    client.force_login(world.staff)
    assert client.get("/inquiries/CEE-2026-999999/").status_code == 404


def test_anonymous_visitors_are_sent_to_sign_in(client, world):
    inquiry = file_policy_question(world)
    response = client.get(reverse("inquiries:detail", args=[inquiry.reference]))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_internal_notes_never_reach_trade_users_or_the_pga_liaison(client, world):
    inquiry = file_policy_question(world)
    drive_to(inquiry, world, "referred", today=timezone.localdate())
    services.post_message(inquiry, by=world.staff, body="SECRET-NOTE for CBP", internal=True)
    services.post_message(inquiry, by=world.staff, body="Hello from the Center")
    for user in (world.filer, world.admin, world.viewer, world.fda):
        body = page(client, user, inquiry).content.decode()
        assert "SECRET-NOTE" not in body, user
        assert "Hello from the Center" in body
        assert "Internal note" not in body
    trade = page(client, world.filer, inquiry).content.decode()
    assert "FDA?" not in trade  # the referral note stays internal
    assert "Referred to partner agency" in trade
    liaison = page(client, world.fda, inquiry).content.decode()
    assert "FDA?" in liaison  # the note of the referral made to the agency
    staff = page(client, world.staff, inquiry).content.decode()
    assert "SECRET-NOTE" in staff and "Workbench" in staff and "Routing history" in staff


@pytest.mark.parametrize(
    "state", ["submitted", "assigned", "in_review", "awaiting_importer", "referred", "resolved"]
)
def test_exactly_the_allowed_actions_are_offered(client, world, state):
    inquiry = file_policy_question(world)
    drive_to(inquiry, world, state, today=timezone.localdate())
    for user in (
        world.filer,
        world.viewer,
        world.staff,
        world.assignee,
        world.supervisor,
        world.ae,
        world.fda,
    ):
        fresh = Inquiry.objects.get(pk=inquiry.pk)
        response = page(client, user, fresh)
        if response.status_code == 404:
            continue
        assert offered_actions(response) == set(services.allowed_actions_for(fresh, user)), (
            state,
            user,
        )


def test_claim_moves_the_inquiry_and_redirects_with_a_message(client, world):
    inquiry = file_policy_question(world)
    response = act(client, world.staff, inquiry, "claim")
    assert response.status_code == 302
    inquiry.refresh_from_db()
    assert inquiry.status == Status.ASSIGNED and inquiry.assignee == world.staff
    follow = client.get(response.url)
    assert "Claim: done." in follow.content.decode()


def test_someone_acting_first_answers_a_clear_conflict(client, world):
    inquiry = file_policy_question(world)
    services.perform_action(inquiry, Action.CLAIM, by=world.assignee)
    response = act(client, world.staff, inquiry, "claim")
    assert response.status_code == 409
    body = response.content.decode()
    assert "Claim is not open to you" in body and "The inquiry is now: Assigned" in body
    assert Inquiry.objects.get(pk=inquiry.pk).assignee == world.assignee


def test_a_trade_user_posting_a_staff_action_gets_the_conflict_not_a_change(client, world):
    inquiry = file_policy_question(world)
    assert act(client, world.filer, inquiry, "claim").status_code == 409
    assert Inquiry.objects.get(pk=inquiry.pk).status == Status.SUBMITTED


def test_unknown_action_is_404(client, world):
    inquiry = file_policy_question(world)
    assert act(client, world.staff, inquiry, "fly").status_code == 404


def test_a_missing_body_field_shows_an_inline_error_and_writes_nothing(client, world):
    inquiry = file_policy_question(world)
    drive_to(inquiry, world, "in_review", today=timezone.localdate())
    events = InquiryEvent.objects.filter(inquiry=inquiry).count()
    response = act(client, world.assignee, inquiry, "request_info", message="  ")
    assert response.status_code == 400
    body = response.content.decode()
    assert "There is a problem" in body and "This field is required." in body
    assert 'id="id_request_info-message-error"' in body
    assert InquiryEvent.objects.filter(inquiry=inquiry).count() == events
    assert Inquiry.objects.get(pk=inquiry.pk).status == Status.IN_REVIEW


def test_resolve_offers_the_types_outcomes_and_refuses_another(client, world):
    inquiry = file_policy_question(world)
    drive_to(inquiry, world, "in_review", today=timezone.localdate())
    body = page(client, world.assignee, inquiry).content.decode()
    assert 'value="answered"' in body and 'value="allowed"' not in body
    response = act(client, world.assignee, inquiry, "resolve", outcome="allowed", resolution="Done")
    assert response.status_code == 400
    assert Inquiry.objects.get(pk=inquiry.pk).status == Status.IN_REVIEW
    response = act(
        client,
        world.assignee,
        inquiry,
        "resolve",
        outcome="answered",
        resolution="Here is the answer",
    )
    assert response.status_code == 302
    assert Inquiry.objects.get(pk=inquiry.pk).status == Status.RESOLVED


def test_assign_refer_and_reroute_go_through_the_services(client, world):
    inquiry = file_policy_question(world)
    response = act(client, world.supervisor, inquiry, "assign", assignee=world.assignee.pk)
    assert response.status_code == 302
    assert Inquiry.objects.get(pk=inquiry.pk).assignee == world.assignee
    assert (
        act(client, world.supervisor, inquiry, "assign", assignee=world.other_staff.pk).status_code
        == 400
    )  # not staff of the Center
    services.perform_action(
        Inquiry.objects.get(pk=inquiry.pk), Action.START_REVIEW, by=world.assignee
    )
    response = act(client, world.assignee, inquiry, "refer", target="hq", note="Ruling?")
    assert response.status_code == 302
    assert Inquiry.objects.get(pk=inquiry.pk).status == Status.REFERRED
    response = act(client, world.hq, inquiry, "return", decision="Classify in 3004.")
    assert response.status_code == 302
    response = act(client, world.staff, inquiry, "reroute", center="BM", reason="Machinery")
    assert response.status_code == 302
    assert Inquiry.objects.get(pk=inquiry.pk).center_id == "BM"


def test_messages_external_and_internal(client, world):
    inquiry = file_policy_question(world)
    client.force_login(world.filer)
    url = reverse("inquiries:post_message", args=[inquiry.reference])
    assert (
        client.post(
            url, {"message-body": "From the importer", "message-internal": "on"}
        ).status_code
        == 302
    )
    assert Message.objects.get(inquiry=inquiry).internal is False  # trade users never note
    client.force_login(world.staff)
    assert (
        client.post(url, {"message-body": "Staff only", "message-internal": "on"}).status_code
        == 302
    )
    assert Message.objects.get(body="Staff only").internal is True
    response = client.post(url, {"message-body": ""})
    assert response.status_code == 400 and "This field is required." in response.content.decode()
    client.force_login(world.viewer)
    assert client.post(url, {"message-body": "Viewer"}).status_code == 403
    assert not Message.objects.filter(body="Viewer").exists()


def upload(client, user, inquiry, name, content):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(user)
    return client.post(
        reverse("inquiries:upload", args=[inquiry.reference]),
        {"document-file": SimpleUploadedFile(name, content)},
    )


def test_upload_and_permission_checked_download(client, world):
    inquiry = file_policy_question(world)
    assert upload(client, world.filer, inquiry, "scan.png", PNG).status_code == 302
    document = Document.objects.get(inquiry=inquiry)
    url = reverse("inquiries:document_download", args=[document.pk])
    assert url in page(client, world.staff, inquiry).content.decode()
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="scan.png"')
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == PNG
    client.force_login(world.other_staff)
    assert client.get(url).status_code == 404


def test_upload_refusals_show_a_form_error(client, world, settings):
    inquiry = file_policy_question(world)
    response = upload(client, world.filer, inquiry, "page.pdf", b"<html><script>x</script>")
    assert response.status_code == 400
    assert "this file&#x27;s content is none of them" in response.content.decode()
    settings.DOCUMENT_MAX_BYTES = 10
    response = upload(client, world.filer, inquiry, "scan.png", PNG)
    assert response.status_code == 400 and "at most 20 MB" in response.content.decode()
    assert not Document.objects.exists()
    assert upload(client, world.viewer, inquiry, "scan.png", PNG).status_code == 403


def _grow(world, inquiry, n):
    for i in range(n):
        services.post_message(inquiry, by=world.staff, body=f"Note {i}", internal=True)
        services.post_message(inquiry, by=world.filer, body=f"Message {i}")


@pytest.mark.parametrize("role", ["staff", "filer", "supervisor"])
def test_inquiry_page_queries_do_not_grow_with_its_messages(client, world, role):
    small = file_policy_question(world)
    large = file_policy_question(world)
    for inquiry in (small, large):
        drive_to(inquiry, world, "in_review", today=timezone.localdate())
    _grow(world, small, 1)
    _grow(world, large, 12)
    for inquiry, n in ((small, 1), (large, 12)):
        upload(client, world.filer, inquiry, "a.png", PNG)
        if n > 1:
            for _i in range(5):
                upload(client, world.filer, inquiry, "b.png", PNG)
    user = getattr(world, role)
    client.force_login(user)
    counts = []
    for inquiry in (small, large):
        with CaptureQueriesContext(connection) as queries:
            assert (
                client.get(reverse("inquiries:detail", args=[inquiry.reference])).status_code == 200
            )
        counts.append(len(queries))
    assert counts[0] == counts[1], counts


def test_an_hq_reroute_out_of_triage_confirms_on_the_referrals_page(client, world):
    triage_world = make_world(center_code=None)
    inquiry = file_policy_question(triage_world, subject="Nobody covers this")
    assert inquiry.center_id is None
    response = act(client, world.hq, inquiry, "reroute", center="PHC", reason="Medicines")
    # The reviewer no longer sees the inquiry: the answer is their referrals page, not a 404.
    assert response.status_code == 302 and response.url == reverse("staff:referrals")
    assert Inquiry.objects.get(pk=inquiry.pk).center_id == "PHC"
    body = client.get(response.url).content.decode()
    assert f"Reroute: done. {inquiry.reference} is now: Received." in body


def test_withdrawing_asks_first_with_the_reason_carried_and_acts_only_on_yes(client, world):
    inquiry = file_policy_question(world)
    response = act(client, world.filer, inquiry, "withdraw", reason="We found the answer.")
    assert response.status_code == 200
    body = response.content.decode()
    assert f"Withdraw inquiry {inquiry.reference}?" in body
    assert "cannot be reopened" in body
    assert 'name="withdraw-reason" value="We found the answer."' in body
    assert 'name="confirm" value="yes"' in body
    assert f"Yes, withdraw {inquiry.reference}" in body
    detail = reverse("inquiries:detail", args=[inquiry.reference])
    assert f'href="{detail}"' in body  # the way back changes nothing
    assert Inquiry.objects.get(pk=inquiry.pk).status == Status.SUBMITTED
    response = client.post(
        reverse("inquiries:act", args=[inquiry.reference, "withdraw"]),
        {"withdraw-reason": "We found the answer.", "confirm": "yes"},
    )
    assert response.status_code == 302 and response.url == detail
    inquiry.refresh_from_db()
    assert inquiry.status == Status.WITHDRAWN
    assert inquiry.events.get(action="withdraw").reason == "We found the answer."


def test_closing_asks_first(client, world):
    inquiry = file_policy_question(world)
    drive_to(inquiry, world, "resolved", today=timezone.localdate())
    response = act(client, world.filer, inquiry, "close")
    assert response.status_code == 200
    assert f"Close inquiry {inquiry.reference}?" in response.content.decode()
    assert Inquiry.objects.get(pk=inquiry.pk).status == Status.RESOLVED
    client.post(reverse("inquiries:act", args=[inquiry.reference, "close"]), {"confirm": "yes"})
    assert Inquiry.objects.get(pk=inquiry.pk).status == Status.CLOSED


def test_an_upload_stored_under_another_name_says_so(client, world):
    inquiry = file_policy_question(world)
    upload(client, world.filer, inquiry, "photo.pdf", PNG)
    body = client.get(reverse("inquiries:detail", args=[inquiry.reference])).content.decode()
    assert "photo.pdf was added as photo.pdf.png: its content is a PNG image" in body
    upload(client, world.filer, inquiry, "notes.txt", b"Invoice total,1000\n")
    body = client.get(reverse("inquiries:detail", args=[inquiry.reference])).content.decode()
    assert "notes.txt was added." in body
    assert Document.objects.get(filename="notes.txt").content_type == "text/csv"
