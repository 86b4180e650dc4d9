"""Celery tasks of the reports (routed to the "reports" queue): thin, idempotent, retried."""

from datetime import date

from celery import shared_task
from django.db import DatabaseError, transaction

from . import nightly, runs


@shared_task(
    autoretry_for=(DatabaseError,), retry_backoff=True, retry_backoff_max=600, max_retries=3
)
def run_report_task(kind: str, day: str, parameters: dict | None = None) -> int:
    """Compute one report for one date (ISO); running it again replaces its results."""
    return runs.run_report(kind, date.fromisoformat(day), parameters=parameters).rows


@shared_task
def nightly_reports(day: str | None = None) -> list[str]:
    """Nightly: enqueue each report for the last complete day (or `day`)."""
    chosen = day or nightly.last_complete_day().isoformat()
    for kind in nightly.REPORT_ORDER:
        run_report_task.delay(kind.value, chosen)
    return [kind.value for kind in nightly.REPORT_ORDER]


@shared_task
def requeue_stale_runs() -> int:
    """Re-enqueue runs a dead worker left `started`, from their stored kind, date, parameters."""
    taken = runs.claim_stale_runs()
    for run in taken:
        transaction.on_commit(
            lambda run=run: run_report_task.delay(run.kind, run.date.isoformat(), run.parameters)
        )
    return len(taken)
