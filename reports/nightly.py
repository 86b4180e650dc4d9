"""The nightly jobs for one date, in order: what beat schedules and `run_nightly` runs.

Beat runs each job as its own Celery task (Center assignment and clock refresh on their own
schedules, the reports through `reports.tasks.nightly_reports`); `run_nightly` calls the
same functions one after the other, synchronously.
"""

import logging
from datetime import date, timedelta

from django.utils import timezone

from .models import ReportKind
from .runs import run_report

logger = logging.getLogger(__name__)

REPORT_ORDER = [ReportKind.RISK, ReportKind.UNIFORMITY, ReportKind.PERFORMANCE]


def last_complete_day() -> date:
    """The report date of tonight's run: yesterday in the portal zone."""
    return timezone.localdate() - timedelta(days=1)


def assign_centers(day: date) -> int:
    from entries.services import assign_importer_centers

    return assign_importer_centers(as_of=day)


def refresh_clocks(day: date) -> int:
    from inquiries.services import refresh_all_clocks

    # The night after `day`: clocks as they stand when the day is over.
    return refresh_all_clocks(today=day + timedelta(days=1))


def run_all(day: date) -> dict[str, object]:
    """Run every nightly job for `day`; a failed job is recorded and the others still run."""
    jobs = [("centers", assign_centers), ("clocks", refresh_clocks)]
    jobs += [(kind.value, lambda d, kind=kind: run_report(kind, d)) for kind in REPORT_ORDER]
    outcome: dict[str, object] = {}
    for name, job in jobs:
        try:
            outcome[name] = job(day)
        except Exception as exc:  # recorded on the run; the other jobs still run
            logger.exception("nightly job %s for %s failed", name, day)
            outcome[name] = exc
    return outcome
