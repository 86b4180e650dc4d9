"""Running a report for a date: stored, idempotent, all or nothing (DESIGN.md §7).

`run_report(kind, day)` marks the date's run `started` (committed, so a worker that dies
leaves a trace), then replaces the date's result rows and marks the run `succeeded` in one
transaction. When the computation fails the transaction rolls back, so the results stored
before stay intact and visible, and the run records `failed` with its error.
"""

import logging
from collections.abc import Callable
from datetime import date, timedelta

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from .models import ReportKind, ReportRun, RunStatus

logger = logging.getLogger(__name__)

# A run still `started` after this long was left by a dead worker and is re-enqueued.
STALE_AFTER = timedelta(hours=1)


def _computations() -> dict[str, Callable[[ReportRun], int]]:
    from . import performance, risk, uniformity

    return {
        ReportKind.RISK: risk.compute,
        ReportKind.UNIFORMITY: uniformity.compute,
        ReportKind.PERFORMANCE: performance.compute,
    }


def default_parameters(kind: str, day: date) -> dict:
    from . import performance, risk, uniformity

    module = {
        ReportKind.RISK: risk,
        ReportKind.UNIFORMITY: uniformity,
        ReportKind.PERFORMANCE: performance,
    }[ReportKind(kind)]
    return module.parameters_for(day)


def start_run(kind: str, day: date, *, parameters: dict | None = None) -> ReportRun:
    """Create or restart the date's run as `started`; committed at once."""
    parameters = parameters if parameters is not None else default_parameters(kind, day)
    with transaction.atomic():
        run, created = ReportRun.objects.select_for_update().get_or_create(
            kind=kind,
            date=day,
            defaults={"parameters": parameters, "attempts": 1, "started_at": timezone.now()},
        )
        if not created:
            ReportRun.objects.filter(pk=run.pk).update(
                status=RunStatus.STARTED,
                parameters=parameters,
                started_at=timezone.now(),
                finished_at=None,
                error="",
                attempts=F("attempts") + 1,
            )
            run.refresh_from_db()
    return run


def run_report(kind: str, day: date, *, parameters: dict | None = None) -> ReportRun:
    """Compute the report for `day`, replacing its results; record success or the error."""
    run = start_run(kind, day, parameters=parameters)
    compute = _computations()[ReportKind(kind)]
    try:
        with transaction.atomic():
            rows = compute(run)
            now = timezone.now()
            ReportRun.objects.filter(pk=run.pk).update(
                status=RunStatus.SUCCEEDED, finished_at=now, succeeded_at=now, rows=rows
            )
    except Exception as exc:
        ReportRun.objects.filter(pk=run.pk).update(
            status=RunStatus.FAILED,
            finished_at=timezone.now(),
            error=f"{type(exc).__name__}: {exc}"[:4000],
        )
        logger.exception("%s report for %s failed", kind, day)
        raise
    run.refresh_from_db()
    return run


def claim_stale_runs(*, now=None) -> list[ReportRun]:
    """Take the runs a dead worker left `started`, restarting their clock so one taker wins."""
    now = now or timezone.now()
    taken = []
    for run in ReportRun.objects.stale(now - STALE_AFTER).order_by("started_at"):
        if ReportRun.objects.filter(
            pk=run.pk, status=RunStatus.STARTED, started_at=run.started_at
        ).update(started_at=now):
            taken.append(run)
    return taken
