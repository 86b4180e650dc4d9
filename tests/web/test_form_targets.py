"""Form targets (the URLs forms post to) never answer a bare 405 (DESIGN.md §16).

A GET leads to the form's page for a person who sees it (hidden objects answer 404 like
missing ones); someone whose session expired signs in and comes back to that page, where what
they typed is waiting in the form.
"""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse
from django.utils import timezone

from inquiries.models import Inquiry, Message
from inquiries.workflow import Status
from tests.factories import CenterStaffFactory, MembershipFactory, center
from tests.inquiries.builders import drive_to, file_policy_question, make_world
from tests.plans.builders import create_draft, make_account

pytestmark = pytest.mark.django_db

PASSWORD = "a-test-password-1"  # tests.factories.UserFactory's


@pytest.fixture
def world():
    return make_world()


def sign_in_next(response) -> str:
    """The page a redirect to the sign-in page will come back to."""
    parts = urlsplit(response.url)
    assert response.status_code == 302 and parts.path == reverse("login"), response
    return parse_qs(parts.query)["next"][0]


def sign_in(client, user, next_url):
    """Sign in through the form, as a person does after their session expired."""
    return client.post(
        reverse("login"), {"username": user.username, "password": PASSWORD, "next": next_url}
    )


def detail_of(inquiry) -> str:
    return reverse("inquiries:detail", args=[inquiry.reference])


def inquiry_targets(reference: str) -> list[str]:
    return [
        reverse("inquiries:act", args=[reference, "claim"]),
        reverse("inquiries:act", args=[reference, "withdraw"]),
        reverse("inquiries:post_message", args=[reference]),
        reverse("inquiries:upload", args=[reference]),
    ]


# --- GET --------------------------------------------------------------------------------


def test_a_get_of_an_inquiry_form_target_goes_to_the_inquiry_page(client, world):
    inquiry = file_policy_question(world)
    for user in (world.filer, world.viewer, world.staff, world.ae):
        client.force_login(user)
        for url in inquiry_targets(inquiry.reference):
            response = client.get(url)
            assert (response.status_code, response.url) == (302, detail_of(inquiry)), (user, url)
    # Methods no form uses are still refused.
    response = client.delete(inquiry_targets(inquiry.reference)[2])
    assert response.status_code == 405 and "POST" in response["Allow"]


def test_a_hidden_inquiry_answers_its_form_targets_as_a_missing_one(client, world):
    inquiry = file_policy_question(world)
    for user in (world.other_staff, world.hq, MembershipFactory().user):
        client.force_login(user)
        for hidden, missing in zip(
            inquiry_targets(inquiry.reference), inquiry_targets("CEE-1999-999999"), strict=True
        ):
            assert client.get(missing).status_code == 404
            assert client.get(hidden).status_code == 404, (user, hidden)


def test_the_other_form_targets_lead_to_their_page(client, world):
    account = make_account()
    plan = create_draft(account.importer, by=account.admin)
    pages = [
        (world.supervisor, reverse("staff:bulk_assign"), reverse("staff:queue")),
        (world.filer, reverse("portal:inbox_read"), reverse("portal:inbox")),
        (
            account.admin,
            reverse("ae:plan_action", args=[plan.pk, "submit"]),
            reverse("ae:plan_detail", args=[plan.pk]),
        ),
        (
            account.ae,
            reverse("ae:plan_action", args=[plan.pk, "approve"]),
            reverse("ae:plan_detail", args=[plan.pk]),
        ),
    ]
    importer_page = reverse("accounts:detail", args=[account.importer.pk])
    for name, anchor in (
        ("member_add", "#people"),
        ("member_role", "#people"),
        ("member_remove", "#people"),
        ("delegation_add", "#brokers"),
        ("delegation_revoke", "#brokers"),
    ):
        url = reverse(f"accounts:{name}", args=[account.importer.pk])
        pages += [
            (account.admin, url, importer_page + anchor),
            (account.viewer, url, importer_page + anchor),
        ]
    for user, url, page in pages:
        client.force_login(user)
        response = client.get(url)
        assert (response.status_code, response.url) == (302, page), (user, url)
        client.logout()
        assert sign_in_next(client.get(url)) == page.partition("#")[0], url


def test_hidden_plans_accounts_and_other_roles_queues_answer_404(client, world):
    account = make_account()
    plan = create_draft(account.importer, by=account.admin)
    client.force_login(account.other_trade)
    for hidden, missing in (
        (
            reverse("ae:plan_action", args=[plan.pk, "submit"]),
            reverse("ae:plan_action", args=[999_999_999, "submit"]),
        ),
        (
            reverse("accounts:member_remove", args=[account.importer.pk]),
            reverse("accounts:member_remove", args=[999_999_999]),
        ),
    ):
        assert client.get(missing).status_code == 404
        assert client.get(hidden).status_code == 404, hidden
    # The queue's form is for Center staff: a trade user's GET reveals nothing either.
    assert client.get(reverse("staff:bulk_assign")).status_code == 404


# --- An expired session -------------------------------------------------------------------


def test_anonymous_gets_sign_in_and_come_back_to_the_inquiry_page(client, world):
    inquiry = file_policy_question(world)
    for url in inquiry_targets(inquiry.reference):
        assert sign_in_next(client.get(url)) == detail_of(inquiry), url


def test_a_message_sent_after_the_session_expired_is_kept_through_sign_in(client, world):
    inquiry = file_policy_question(world)
    url = reverse("inquiries:post_message", args=[inquiry.reference])
    response = client.post(url, {"message-body": "Here is the invoice you asked for."})
    assert sign_in_next(response) == detail_of(inquiry)
    assert not Message.objects.filter(inquiry=inquiry).exists()
    response = sign_in(client, world.filer, detail_of(inquiry))
    assert (response.status_code, response.url) == (302, detail_of(inquiry))
    body = client.get(detail_of(inquiry)).content.decode()
    assert "Here is the invoice you asked for.</textarea>" in body
    assert "You were signed out before your form was sent" in body
    # Given back once: the next visit shows the empty form.
    assert "Here is the invoice" not in client.get(detail_of(inquiry)).content.decode()


def test_an_answer_typed_into_an_action_form_is_kept_through_sign_in(client, world):
    inquiry = file_policy_question(world)
    drive_to(inquiry, world, "awaiting_importer", today=timezone.localdate())
    url = reverse("inquiries:act", args=[inquiry.reference, "respond"])
    response = client.post(url, {"respond-message": "The invoice is attached."})
    assert sign_in_next(response) == detail_of(inquiry)
    sign_in(client, world.filer, detail_of(inquiry))
    body = client.get(detail_of(inquiry)).content.decode()
    assert "The invoice is attached.</textarea>" in body
    assert Inquiry.objects.get(pk=inquiry.pk).status == Status.AWAITING_IMPORTER


def test_kept_text_is_given_back_only_on_the_page_it_was_typed_for(client, world):
    first, second = file_policy_question(world), file_policy_question(world)
    client.post(
        reverse("inquiries:post_message", args=[first.reference]),
        {"message-body": "Meant for the first inquiry."},
    )
    sign_in(client, world.filer, detail_of(first))
    assert "Meant for the first" not in client.get(detail_of(second)).content.decode()
    assert "Meant for the first" in client.get(detail_of(first)).content.decode()


def test_a_filing_sent_after_the_session_expired_is_kept_through_sign_in(client, world):
    url = reverse("portal:file_type", args=["policy_clarification"])
    response = client.post(url, {"subject": "Marking of kits", "description": "Long text."})
    assert sign_in_next(response) == url
    assert not Inquiry.objects.exists()
    sign_in(client, world.filer, url)
    body = client.get(url).content.decode()
    assert 'value="Marking of kits"' in body and "Long text.</textarea>" in body


def test_a_member_form_sent_after_the_session_expired_is_kept_through_sign_in(client):
    account = make_account()
    page = reverse("accounts:detail", args=[account.importer.pk])
    response = client.post(
        reverse("accounts:member_add", args=[account.importer.pk]),
        {"add-member-person": "erin@example.com", "add-member-role": "filer"},
    )
    assert sign_in_next(response) == page
    sign_in(client, account.admin, page)
    body = client.get(page).content.decode()
    assert 'value="erin@example.com"' in body


def test_the_queue_form_target_of_a_staff_member_who_is_not_supervisor(client, world):
    staff = CenterStaffFactory(center=center("PHC")).user
    client.force_login(staff)
    response = client.get(reverse("staff:bulk_assign"))
    assert (response.status_code, response.url) == (302, reverse("staff:queue"))
