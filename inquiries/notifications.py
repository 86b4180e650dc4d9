"""Notifications through an outbox: rows written with the change, published after commit.

A broker that is down never fails the request (`robust=True`), and a beat task re-publishes
undelivered rows every minute; delivery is idempotent per row, so nothing is lost or doubled.
Bodies carry only trade-visible text: internal notes never reach a notification.
"""

import logging
from collections import defaultdict
from datetime import date, timedelta

from django.conf import settings
from django.contrib.auth.models import Permission
from django.core.mail import send_mail
from django.db import connection, transaction
from django.db.models import Exists, OuterRef, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

import access
from accounts.models import ImporterDelegation, Membership, TradeRole
from centers.models import CenterStaff

from .models import InquiryDelegation, Notification, ReminderKind, SlaClock

SLA_BREACH = "sla_breach"
# Notifications delivered by one task message.
PUBLISH_BATCH = 100
REMINDER_DIGEST = "reminder_digest"

logger = logging.getLogger(__name__)


# Every grant on an importer (members by role, importer-wide delegates by permission) and,
# for an existing inquiry, on the inquiry itself, in one round trip: filing asks this on
# every request, and two ORM queries cost three times this one.
GRANTS_SQL = """
SELECT user_id, role FROM {membership} WHERE importer_id = %(importer)s
UNION ALL
SELECT grant_row.user_id, permission.codename
FROM {importer_delegation} grant_row JOIN {permission} permission
     ON permission.id = grant_row.permission_id
WHERE grant_row.content_object_id = %(importer)s
  AND (grant_row.expires_at IS NULL OR grant_row.expires_at > %(now)s)
"""
INQUIRY_GRANTS_SQL = """
UNION ALL
SELECT grant_row.user_id, permission.codename
FROM {inquiry_delegation} grant_row JOIN {permission} permission
     ON permission.id = grant_row.permission_id
WHERE grant_row.content_object_id = %(inquiry)s
  AND (grant_row.expires_at IS NULL OR grant_row.expires_at > %(now)s)
"""
# Who is e-mailed besides the filer: admin members and delegates who may act.
EMAIL_GRANTS = {TradeRole.ADMIN, access.roles.ACT_FOR_IMPORTER, access.roles.ACT_ON_INQUIRY}


def _recipients(inquiry, *, new_inquiry=False) -> dict[int, bool]:
    """{user id: send e-mail?}: filer, admins and filer delegates by e-mail; viewers and
    viewer delegates in the inbox only; other filer members not at all.

    A `new_inquiry`, written in this transaction, has no delegations of its own to read.
    """
    quote = connection.ops.quote_name
    tables = {
        "membership": Membership,
        "importer_delegation": ImporterDelegation,
        "inquiry_delegation": InquiryDelegation,
        "permission": Permission,
    }
    names = {key: quote(model._meta.db_table) for key, model in tables.items()}
    sql = GRANTS_SQL if new_inquiry else GRANTS_SQL + INQUIRY_GRANTS_SQL
    people: dict[int, bool] = {}
    with connection.cursor() as cursor:
        cursor.execute(
            sql.format(**names),
            {"importer": inquiry.importer_id, "inquiry": inquiry.pk, "now": timezone.now()},
        )
        for user_id, grant in cursor.fetchall():
            if grant in EMAIL_GRANTS:
                people[user_id] = True
            elif grant != TradeRole.FILER:
                people.setdefault(user_id, False)
    people[inquiry.filed_by_id] = True
    return people


def notify_account(
    inquiry, *, event, subject: str, body: str, exclude=None, new_inquiry=False
) -> None:
    """Write inbox/outbox rows for the account's people and publish them after commit."""
    rows = [
        Notification(
            recipient_id=user_id,
            inquiry=inquiry,
            subject=str(subject)[:200],
            body=str(body),
            send_email=email,
            kind=event.action,
            dedupe_key=f"event:{event.pk}:user:{user_id}",
        )
        for user_id, email in _recipients(inquiry, new_inquiry=new_inquiry).items()
        if exclude is None or user_id != exclude.pk
    ]
    Notification.objects.bulk_create(rows)
    publish_on_commit([row.pk for row in rows if row.send_email and row.pk])


def inquiry_path(reference: str) -> str:
    """The inquiry page's path: e-mails carry the path, never a host of their own."""
    return reverse("inquiries:detail", args=[reference])


def notify_sla_breaches(breaches) -> int:
    """Tell the supervisors of each breach's Center, by inbox and e-mail, after commit."""
    supervisors = defaultdict(list)
    for center_id, user_id in (
        CenterStaff.objects.supervisors()
        .filter(center_id__in={b.center_id for b in breaches}, user__is_active=True)
        .values_list("center_id", "user_id")
    ):
        supervisors[center_id].append(user_id)
    rows = []
    for breach in breaches:
        subject, body = _sla_breach_text(breach)
        rows += [
            Notification(
                recipient_id=user_id,
                inquiry_id=breach.inquiry_id,
                subject=subject,
                body=body,
                kind=SLA_BREACH,
                dedupe_key=f"sla:{breach.pk}:user:{user_id}",
            )
            for user_id in supervisors[breach.center_id]
        ]
    Notification.objects.bulk_create(rows)
    publish_on_commit([row.pk for row in rows])
    return len(rows)


def _sla_breach_text(breach) -> tuple[str, str]:
    # Short and CBP-only: reference, type, clock, due date and the page; no trade text.
    inquiry = breach.inquiry
    clock = SlaClock(breach.clock).label
    subject = _("SLA breach: %(ref)s, %(clock)s was due %(due)s") % {
        "ref": inquiry.reference,
        "clock": str(clock).lower(),
        "due": breach.due.isoformat(),
    }
    body = render_to_string(
        "inquiries/email/sla_breach.txt",
        {
            "reference": inquiry.reference,
            "type": inquiry.get_type_display(),
            "clock": clock,
            "due": breach.due,
            "center": breach.center_id,
            "path": inquiry_path(inquiry.reference),
        },
    ).strip()
    return subject[:200], body


def digest_recipients(importer_ids) -> dict[int, dict[int, bool]]:
    """{importer id: {user id: send e-mail?}}: admins, filers and filer delegates by e-mail;
    viewers and viewer delegates in the inbox only."""
    people: dict[int, dict[int, bool]] = defaultdict(dict)
    for importer_id, user_id, role in Membership.objects.filter(
        importer_id__in=importer_ids, user__is_active=True
    ).values_list("importer_id", "user_id", "role"):
        account = people[importer_id]
        account[user_id] = account.get(user_id, False) or role != TradeRole.VIEWER
    grants = ImporterDelegation.objects.filter(
        access.roles.unexpired(), content_object_id__in=importer_ids, user__is_active=True
    ).values_list("content_object_id", "user_id", "permission__codename")
    for importer_id, user_id, codename in grants:
        account = people[importer_id]
        account[user_id] = account.get(user_id, False) or codename == access.roles.ACT_FOR_IMPORTER
    return people


def send_reminder_digests(digests: dict, *, today: date) -> int:
    """Write one digest per importer ({importer: reminders}) for its people; publish on commit."""
    recipients = digest_recipients([importer.pk for importer in digests])
    rows = []
    for importer, reminders in digests.items():
        subject, body = _digest_text(importer, reminders, today)
        rows += [
            Notification(
                recipient_id=user_id,
                subject=subject,
                body=body,
                send_email=email,
                kind=REMINDER_DIGEST,
                dedupe_key=f"digest:{importer.pk}:{today.isoformat()}:user:{user_id}",
            )
            for user_id, email in recipients[importer.pk].items()
        ]
    Notification.objects.bulk_create(rows)
    publish_on_commit([row.pk for row in rows if row.send_email])
    return len(rows)


def _digest_text(importer, reminders, today: date) -> tuple[str, str]:
    # The IOR number is always masked here: e-mails never carry a full SSN-form number.
    count = len(reminders)
    subject = ngettext(
        "Statutory reminder for %(name)s: %(n)d deadline ahead",
        "Statutory reminders for %(name)s: %(n)d deadlines ahead",
        count,
    ) % {"name": importer.name, "n": count}
    body = render_to_string(
        "inquiries/email/reminder_digest.txt",
        {
            "importer": importer.name,
            "ior": importer.masked_ior_number,
            "today": today,
            "items": [_digest_item(reminder, today) for reminder in reminders],
        },
    ).strip()
    return subject[:200], body


def _digest_item(reminder, today: date) -> dict:
    days = (reminder.deadline - today).days
    when = {0: _("today"), 1: _("tomorrow")}.get(days) or ngettext(
        "in %(n)d day", "in %(n)d days", days
    ) % {"n": days}
    item = {
        "label": ReminderKind(reminder.kind).label,
        "deadline": reminder.deadline,
        "when": when,
        "entry": None,
        "reference": None,
        "path": None,
    }
    entry = reminder.entry if reminder.entry_id else getattr(reminder.inquiry, "entry", None)
    if entry is not None:
        item["entry"] = entry.display_number
    if reminder.inquiry_id:
        item["reference"] = reminder.inquiry.reference
        item["path"] = inquiry_path(reminder.inquiry.reference)
    return item


def inbox_of(user):
    """The user's in-portal notifications, leaving out inquiries they no longer see."""
    # Correlated per notification (a primary-key look-up each): `inquiry IN (visible)` made
    # PostgreSQL hash every inquiry the user sees first, 1.3 s for a large importer.
    seen = access.inquiries.visible(user).filter(pk=OuterRef("inquiry_id"))
    return Notification.objects.filter(recipient=user).filter(
        Q(inquiry__isnull=True) | Q(Exists(seen))
    )


def mark_read(user, notification_id: int | None = None) -> int:
    """Mark one of the user's unread notifications read, or all of them; return how many."""
    unread = inbox_of(user).filter(read_at__isnull=True)
    if notification_id is not None:
        unread = unread.filter(pk=notification_id)
    return unread.update(read_at=timezone.now())


def publish_on_commit(ids: list[int]) -> None:
    """Publish the rows' delivery after commit: one task message for up to PUBLISH_BATCH rows
    (a publish costs ~0.8 ms; a change notifies several people at once)."""
    from .tasks import deliver_notifications  # the tasks module imports this one

    for start in range(0, len(ids), PUBLISH_BATCH):
        batch = ids[start : start + PUBLISH_BATCH]
        transaction.on_commit(lambda batch=batch: deliver_notifications.delay(batch), robust=True)


@transaction.atomic
def deliver(notification_id: int) -> bool:
    """Send one notification's e-mail once; True if this call delivered it."""
    row = (
        Notification.objects.select_for_update(of=("self",))
        .select_related("recipient", "inquiry")
        .filter(pk=notification_id, delivered_at__isnull=True)
        .first()
    )
    if row is None:
        return False
    if row.send_email and row.recipient.email:
        link = f"\n\nInquiry {row.inquiry.reference}" if row.inquiry else ""
        send_mail(
            f"[CEE Portal] {row.subject}",
            f"{row.body}{link}",
            settings.DEFAULT_FROM_EMAIL,
            [row.recipient.email],
        )
    row.delivered_at = timezone.now()
    row.save(update_fields=["delivered_at"])
    return True


def undelivered_ids(*, older_than: timedelta = timedelta(seconds=30)) -> list[int]:
    cutoff = timezone.now() - older_than
    return list(
        Notification.objects.filter(delivered_at__isnull=True, created_at__lte=cutoff).values_list(
            "pk", flat=True
        )[:1000]
    )
