"""Celery tasks of inquiries: thin, take ids, idempotent."""

from celery import shared_task
from django.db import OperationalError

from . import notifications


# No result is stored: nothing reads it, and each would be a Redis key kept for a day.
@shared_task(
    autoretry_for=(OperationalError,), retry_backoff=True, max_retries=5, ignore_result=True
)
def deliver_notifications(notification_ids: list[int]) -> int:
    """Send the e-mails of one change's notifications; a retry skips those delivered."""
    return sum(notifications.deliver(pk) for pk in notification_ids)


@shared_task
def republish_outbox() -> int:
    """Every minute: publish again what the broker never took (idempotent delivery)."""
    ids = notifications.undelivered_ids()
    for start in range(0, len(ids), notifications.PUBLISH_BATCH):
        deliver_notifications.delay(ids[start : start + notifications.PUBLISH_BATCH])
    return len(ids)


@shared_task(autoretry_for=(OperationalError,), retry_backoff=True, max_retries=3)
def deadline_sweep() -> dict:
    """Hourly: record deemed denials, then alert supervisors of SLA breaches."""
    from .sweeps import alert_sla_breaches, deem_denied_protests

    denied = deem_denied_protests()
    return {"deemed_denied": len(denied), "sla_breaches": len(alert_sla_breaches())}


@shared_task(autoretry_for=(OperationalError,), retry_backoff=True, max_retries=3)
def send_reminder_digests() -> int:
    """Daily: one digest of statutory reminders per importer, each reminder sent once."""
    from .sweeps import send_reminder_digests as send

    return len(send())


@shared_task(autoretry_for=(OperationalError,), retry_backoff=True, max_retries=3)
def auto_close_resolved() -> int:
    """Daily: close inquiries resolved more than 30 days ago."""
    from .sweeps import auto_close_resolved as close

    return len(close())


@shared_task(autoretry_for=(OperationalError,), retry_backoff=True, max_retries=3)
def refresh_clocks() -> int:
    """Nightly: recompute stored clocks so the queue order stays right."""
    from .services import refresh_all_clocks

    return refresh_all_clocks()
