"""Runs: idempotent per date, all or nothing, failures recorded, stale runs re-enqueued."""

from datetime import date, timedelta
from unittest import mock

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_celery_beat.models import PeriodicTask

from reports import runs, tasks
from reports.models import ReportKind, ReportRun, RiskResult, RunStatus, UniformityResult
from reports.runs import run_report
from tests.factories import ImporterFactory

from .builders import entry, inquiry

pytestmark = pytest.mark.django_db

DAY = date(2026, 6, 30)


def test_run_nightly_twice_for_one_date_leaves_one_result_set():
    importer = ImporterFactory()
    inquiry(
        importer,
        type="cf29",
        entry=entry(importer),
        resolved=date(2026, 6, 1),
        outcome="action_taken",
    )

    call_command("run_nightly", "--date", DAY.isoformat())
    call_command("run_nightly", "--date", DAY.isoformat())

    assert ReportRun.objects.filter(date=DAY).count() == 3
    assert set(ReportRun.objects.values_list("status", flat=True)) == {RunStatus.SUCCEEDED}
    risk_run = ReportRun.objects.get(kind=ReportKind.RISK, date=DAY)
    assert risk_run.attempts == 2
    assert RiskResult.objects.filter(run=risk_run).count() == 1
    assert UniformityResult.objects.filter(run__date=DAY).count() == 1


def test_a_run_failing_midway_keeps_the_previous_results_and_records_the_error():
    ImporterFactory.create_batch(2)
    first = run_report(ReportKind.RISK, DAY)
    assert first.rows == 2

    from reports import risk

    before = set(RiskResult.objects.filter(run=first).values_list("pk", flat=True))

    def fail_after_insert(run):
        risk.compute(run)  # the rows are deleted and written again…
        RiskResult.objects.filter(run=run).first().delete()  # …half of them lost, then:
        raise RuntimeError("disk full")

    with (
        mock.patch("reports.runs._computations", return_value={ReportKind.RISK: fail_after_insert}),
        pytest.raises(RuntimeError),
    ):
        run_report(ReportKind.RISK, DAY)

    run = ReportRun.objects.get(kind=ReportKind.RISK, date=DAY)
    assert run.status == RunStatus.FAILED
    assert "disk full" in run.error
    assert run.succeeded_at is not None and run.rows == 2
    assert set(RiskResult.objects.filter(run=run).values_list("pk", flat=True)) == before


def test_run_nightly_reports_a_failed_job_and_still_runs_the_others():
    with (
        mock.patch(
            "reports.runs._computations",
            return_value={
                ReportKind.RISK: mock.Mock(side_effect=RuntimeError("boom")),
                ReportKind.UNIFORMITY: lambda run: 0,
                ReportKind.PERFORMANCE: lambda run: 0,
            },
        ),
        pytest.raises(Exception, match="risk"),
    ):
        call_command("run_nightly", "--date", DAY.isoformat())

    statuses = dict(ReportRun.objects.values_list("kind", "status"))
    assert statuses == {"risk": "failed", "uniformity": "succeeded", "performance": "succeeded"}


def test_a_run_left_started_by_a_dead_worker_is_re_enqueued_from_its_record(
    django_capture_on_commit_callbacks,
):
    ImporterFactory()
    stale = ReportRun.objects.create(
        kind=ReportKind.RISK, date=DAY, parameters={"window_days": 365, "baseline": 40}
    )
    ReportRun.objects.filter(pk=stale.pk).update(
        started_at=timezone.now() - runs.STALE_AFTER - timedelta(minutes=1)
    )
    fresh = ReportRun.objects.create(kind=ReportKind.UNIFORMITY, date=DAY)

    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.requeue_stale_runs() == 1

    stale.refresh_from_db()
    fresh.refresh_from_db()
    assert stale.status == RunStatus.SUCCEEDED and stale.rows == 1
    assert stale.parameters["window_days"] == 365
    assert fresh.status == RunStatus.STARTED
    assert tasks.requeue_stale_runs() == 0


def test_the_nightly_schedules_exist_and_route_to_the_reports_queue(settings):
    nightly = PeriodicTask.objects.get(task="reports.tasks.nightly_reports")
    assert (nightly.crontab.hour, nightly.crontab.minute) == ("2", "0")
    assert PeriodicTask.objects.filter(task="reports.tasks.requeue_stale_runs").exists()
    from cee_portal.celery import app

    route = app.amqp.router.route({}, "reports.tasks.run_report_task")
    assert route["queue"].name == "reports"


def test_the_nightly_task_enqueues_each_report_for_yesterday():
    with mock.patch.object(tasks.run_report_task, "delay") as delay:
        tasks.nightly_reports()
    yesterday = (timezone.localdate() - timedelta(days=1)).isoformat()
    assert [c.args for c in delay.call_args_list] == [
        ("risk", yesterday),
        ("uniformity", yesterday),
        ("performance", yesterday),
    ]


def test_reports_work_on_the_current_engine_with_a_constant_number_of_statements():
    with CaptureQueriesContext(connection) as queries:
        run_report(ReportKind.PERFORMANCE, DAY)
    assert len(queries) < 15


def test_deleting_a_run_or_an_importer_removes_their_result_rows():
    # Result rows hold no database constraints on their keys (reports/models.py); the
    # ORM's on_delete still removes them with their run or importer.
    kept, gone = ImporterFactory(), ImporterFactory()
    run = run_report(ReportKind.RISK, DAY)
    assert RiskResult.objects.filter(run=run).count() == 2
    gone.delete()
    assert list(RiskResult.objects.filter(run=run).values_list("importer", flat=True)) == [kept.pk]
    ReportRun.objects.filter(pk=run.pk).delete()
    assert not RiskResult.objects.exists()
