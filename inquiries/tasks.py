"""Celery tasks of inquiries: thin, take ids, idempotent."""

from celery import shared_task
from django.db import OperationalError

from . import notifications


@shared_task(autoretry_for=(OperationalError,), retry_backoff=True, max_retries=5)
def deliver_notification(notification_id: int) -> bool:
    return notifications.deliver(notification_id)


@shared_task
def republish_outbox() -> int:
    """Every minute: publish again what the broker never took (idempotent delivery)."""
    ids = notifications.undelivered_ids()
    for pk in ids:
        deliver_notification.delay(pk)
    return len(ids)
