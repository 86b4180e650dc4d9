"""Celery tasks of the entries app: thin wrappers around services."""

from celery import shared_task
from django.db import OperationalError

from . import services


@shared_task(
    autoretry_for=(OperationalError,),
    retry_backoff=True,
    retry_backoff_max=600,
    max_retries=5,
)
def assign_importer_centers_task() -> int:
    """Recompute every unpinned importer's Center from its entered value (idempotent)."""
    return services.assign_importer_centers()
