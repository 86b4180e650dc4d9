"""Celery tasks of the accounts app: thin wrappers around services."""

from celery import shared_task
from django.db import OperationalError

from . import services


@shared_task(
    autoretry_for=(OperationalError,),
    retry_backoff=True,
    retry_backoff_max=600,
    max_retries=5,
)
def delete_expired_delegations_task() -> int:
    """Delete importer delegations whose expiry has passed (idempotent)."""
    return services.delete_expired_delegations()
