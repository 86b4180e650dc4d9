"""Notifications through an outbox: rows written with the change, published after commit.

A broker that is down never fails the request (`robust=True`), and a beat task re-publishes
undelivered rows every minute; delivery is idempotent per row, so nothing is lost or doubled.
Bodies carry only trade-visible text: internal notes never reach a notification.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from accounts.models import ImporterDelegation, Membership, TradeRole

from .models import InquiryDelegation, Notification

logger = logging.getLogger(__name__)


def _recipients(inquiry) -> dict[int, bool]:
    """{user id: send e-mail?}: filer, admins and filer delegates by e-mail; viewers inbox."""
    now = timezone.now()
    unexpired = Q(expires_at__isnull=True) | Q(expires_at__gt=now)
    people: dict[int, bool] = {}
    for user_id, role in Membership.objects.filter(importer=inquiry.importer_id).values_list(
            "user_id", "role"):
        if role == TradeRole.ADMIN:
            people[user_id] = True
        elif role == TradeRole.VIEWER:
            people.setdefault(user_id, False)
    for model, obj_id, act in ((ImporterDelegation, inquiry.importer_id, "act_for_importer"),
                               (InquiryDelegation, inquiry.pk, "act_on_inquiry")):
        grants = model.objects.filter(unexpired, content_object_id=obj_id).values_list(
            "user_id", "permission__codename")
        for user_id, codename in grants:
            people[user_id] = people.get(user_id, False) or codename == act
    people[inquiry.filed_by_id] = True
    return people


def notify_account(inquiry, *, event, subject: str, body: str, exclude=None) -> None:
    """Write inbox/outbox rows for the account's people and publish them after commit."""
    rows = [
        Notification(recipient_id=user_id, inquiry=inquiry, subject=str(subject)[:200],
                     body=str(body), send_email=email, kind=event.action,
                     dedupe_key=f"event:{event.pk}:user:{user_id}")
        for user_id, email in _recipients(inquiry).items()
        if exclude is None or user_id != exclude.pk
    ]
    Notification.objects.bulk_create(rows)
    publish_on_commit([row.pk for row in rows if row.send_email and row.pk])


def notify_user(user, *, subject: str, body: str, kind: str, dedupe_key: str,
                inquiry=None) -> bool:
    """One notification to one user (reminders, SLA breaches); False if already sent."""
    row, created = Notification.objects.get_or_create(
        dedupe_key=dedupe_key,
        defaults={"recipient": user, "inquiry": inquiry, "subject": subject[:200],
                  "body": body, "kind": kind},
    )
    if created:
        publish_on_commit([row.pk])
    return created


def publish_on_commit(ids: list[int]) -> None:
    from .tasks import deliver_notification

    for pk in ids:
        transaction.on_commit(lambda pk=pk: deliver_notification.delay(pk), robust=True)


@transaction.atomic
def deliver(notification_id: int) -> bool:
    """Send one notification's e-mail once; True if this call delivered it."""
    row = (Notification.objects.select_for_update(of=("self",))
           .select_related("recipient", "inquiry")
           .filter(pk=notification_id, delivered_at__isnull=True).first())
    if row is None:
        return False
    if row.send_email and row.recipient.email:
        link = f"\n\nInquiry {row.inquiry.reference}" if row.inquiry else ""
        send_mail(f"[CEE Portal] {row.subject}", f"{row.body}{link}",
                  settings.DEFAULT_FROM_EMAIL, [row.recipient.email])
    row.delivered_at = timezone.now()
    row.save(update_fields=["delivered_at"])
    return True


def undelivered_ids(*, older_than: timedelta = timedelta(seconds=30)) -> list[int]:
    cutoff = timezone.now() - older_than
    return list(Notification.objects.filter(delivered_at__isnull=True, created_at__lte=cutoff)
                .values_list("pk", flat=True)[:1000])
