"""Who is told of a change, that internal notes stay internal, and idempotent delivery."""

import pytest
from django.utils import timezone

from accounts.models import TradeRole
from inquiries import notifications, services
from inquiries.models import Notification
from inquiries.workflow import Action
from tests.factories import MembershipFactory, UserFactory

from .builders import delegate, drive_to, file_policy_question, make_world

pytestmark = pytest.mark.django_db

SECRET = "Internal: the broker looks unreliable."


@pytest.fixture
def world():
    world = make_world()
    world.second_filer = MembershipFactory(importer=world.importer, role=TradeRole.FILER).user
    world.filer_delegate = UserFactory()
    delegate(world.filer_delegate, world.importer, filer=True)
    world.viewer_delegate = UserFactory()
    delegate(world.viewer_delegate, world.importer, filer=False)
    return world


def recipients(inquiry, kind) -> dict:
    return dict(
        Notification.objects.filter(inquiry=inquiry, kind=kind).values_list(
            "recipient__username", "send_email"
        )
    )


def test_filing_notifies_filer_admins_and_delegates_viewers_by_inbox_only(
    world, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True) as published:
        inquiry = file_policy_question(world)
    assert len(published) == 1  # one task message delivers the filing's three e-mails
    assert recipients(inquiry, "file") == {
        world.filer.username: True,
        world.admin.username: True,
        world.filer_delegate.username: True,
        world.viewer.username: False,
        world.viewer_delegate.username: False,
    }
    assert sorted(m.to[0] for m in mailoutbox) == sorted(
        [world.filer.email, world.admin.email, world.filer_delegate.email]
    )
    assert all(inquiry.reference in m.body for m in mailoutbox)


def test_a_trade_visible_change_is_not_sent_to_the_person_who_made_it(world):
    inquiry = drive_to(file_policy_question(world), world, "in_review", today=timezone.localdate())
    services.perform_action(inquiry, Action.WITHDRAW, by=world.admin)
    assert world.admin.username not in recipients(inquiry, "withdraw")
    assert world.filer.username in recipients(inquiry, "withdraw")


def test_inquiry_delegates_are_told_and_expired_delegates_are_not(world):
    from datetime import timedelta

    from django.contrib.auth.models import Permission

    from inquiries.models import InquiryDelegation

    inquiry = drive_to(file_policy_question(world), world, "in_review", today=timezone.localdate())
    acting, reading, lapsed = UserFactory(), UserFactory(), UserFactory()
    act = Permission.objects.get(codename="act_on_inquiry")
    view = Permission.objects.get(content_type__app_label="inquiries", codename="view_inquiry")
    InquiryDelegation.objects.create(user=acting, content_object=inquiry, permission=act)
    InquiryDelegation.objects.create(user=reading, content_object=inquiry, permission=view)
    expired = delegate(lapsed, world.importer, filer=True)
    expired.expires_at = timezone.now() - timedelta(days=1)
    expired.save()
    services.perform_action(inquiry, Action.WITHDRAW, by=world.admin)
    told = recipients(inquiry, "withdraw")
    assert told[acting.username] is True and told[reading.username] is False
    assert lapsed.username not in told
    assert told[world.filer_delegate.username] is True
    assert told[world.viewer_delegate.username] is False
    assert world.second_filer.username not in told


def test_internal_notes_produce_no_notification(
    world, mailoutbox, django_capture_on_commit_callbacks
):
    inquiry = drive_to(file_policy_question(world), world, "in_review", today=timezone.localdate())
    before = Notification.objects.count()
    with django_capture_on_commit_callbacks(execute=True):
        services.post_message(inquiry, by=world.assignee, body=SECRET, internal=True)
    assert Notification.objects.count() == before
    assert not any(SECRET in m.body for m in mailoutbox)


def test_internal_texts_never_reach_a_notification_body(
    world, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        inquiry = drive_to(
            file_policy_question(world), world, "in_review", today=timezone.localdate()
        )
        services.post_message(inquiry, by=world.assignee, body=SECRET, internal=True)
        services.perform_action(
            inquiry, Action.REFER, by=world.assignee, data={"target": "hq", "note": SECRET}
        )
        services.perform_action(inquiry, Action.RETURN, by=world.hq, data={"decision": SECRET})
        services.post_message(inquiry, by=world.assignee, body="We are on it.")
        services.perform_action(
            inquiry,
            Action.RESOLVE,
            by=world.assignee,
            data={"resolution": "The rule applies.", "outcome": "answered"},
        )
    bodies = list(Notification.objects.filter(inquiry=inquiry).values_list("body", flat=True))
    assert "We are on it." in bodies and "The rule applies." in bodies
    assert not any(SECRET in body for body in bodies)
    assert not any(SECRET in m.body or SECRET in m.subject for m in mailoutbox)


def test_delivery_is_idempotent_per_outbox_row(world, mailoutbox):
    file_policy_question(world)  # on_commit callbacks are not run: rows stay undelivered
    row = Notification.objects.filter(recipient=world.admin).get()
    assert row.delivered_at is None
    assert notifications.deliver(row.pk) is True
    assert notifications.deliver(row.pk) is False
    assert len(mailoutbox) == 1
    row.refresh_from_db()
    assert row.delivered_at is not None


def test_inbox_only_rows_are_marked_delivered_without_e_mail(world, mailoutbox):
    file_policy_question(world)
    row = Notification.objects.filter(recipient=world.viewer).get()
    assert notifications.deliver(row.pk) is True
    assert mailoutbox == []
