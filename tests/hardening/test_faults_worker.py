"""A Celery worker killed in the middle of a nightly report (serial).

A real worker process (private redis-server as broker) starts the risk report of a date
whose results already exist; the results table is held locked so the computation is caught
mid-way, and the worker is killed (SIGKILL, by PID). The previous results stay visible the
whole time; the run is left `started`, the stale-run task re-enqueues it from its stored
record, a new worker completes it, and the date holds one set of rows, not two.
"""

import os
from datetime import date, timedelta

import psycopg2
import pytest
from django.db import connection
from django.utils import timezone
from kombu import pools

from cee_portal.celery import app
from reports import tasks
from reports.models import ReportKind, ReportRun, RiskResult, RunStatus
from reports.runs import run_report
from tests.api.factories import make_world

from .conftest import wait_for
from .servers import Worker, server_env

pytestmark = [pytest.mark.serial, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

DAY = date(2026, 6, 30)
CONF_KEYS = ("broker_url", "result_backend", "task_always_eager", "task_routes")


def _drop_connections():
    app.amqp._producer_pool = None
    app._pool = None
    pools.reset()


def _database_url() -> str:
    db = connection.settings_dict
    return (
        f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST'] or '127.0.0.1'}:"
        f"{db['PORT'] or 5432}/{db['NAME']}"
    )


def _run() -> ReportRun:
    return ReportRun.objects.get(kind=ReportKind.RISK, date=DAY)


def _visible_rows(client) -> int:
    answer = client.get(f"/api/v1/reports/risk/?date={DAY.isoformat()}")
    assert answer.status_code == 200, answer.status_code
    return len(answer.json()["results"])


def test_a_worker_killed_mid_report_keeps_old_results_and_the_run_is_retried(
    private_redis, tmp_path
):
    world = make_world()
    hq = world.client("superuser")
    first = run_report(ReportKind.RISK, DAY)
    assert first.status == RunStatus.SUCCEEDED and first.rows > 0
    rows_before = RiskResult.objects.filter(run=first).count()
    assert _visible_rows(hq) == rows_before

    env = server_env(
        _database_url(),
        CELERY_BROKER_URL=private_redis.url,
        REDIS_URL="",
        CELERY_TASK_ALWAYS_EAGER="false",
    )
    saved = {key: app.conf[key] for key in CONF_KEYS}
    app.conf.update(broker_url=private_redis.url, result_backend=None, task_always_eager=False)
    _drop_connections()
    db = connection.settings_dict
    blocker = psycopg2.connect(
        host=db["HOST"] or "127.0.0.1",
        port=db["PORT"] or 5432,
        user=db["USER"],
        password=db["PASSWORD"],
        dbname=db["NAME"],
    )
    try:
        with blocker.cursor() as cursor:  # reads go on; the report's writes wait
            cursor.execute("LOCK TABLE reports_riskresult IN EXCLUSIVE MODE")
        worker = Worker(env, queues="reports", log=tmp_path / "worker-1.log")
        tasks.run_report_task.delay(ReportKind.RISK.value, DAY.isoformat())
        assert wait_for(lambda: _run().attempts == 2, timeout=60), "the worker took the run"
        assert _run().status == RunStatus.STARTED
        worker.kill()
        assert worker.process.returncode == -9
        assert _visible_rows(hq) == rows_before  # old results stay while it is stuck
        blocker.rollback()

        assert wait_for(lambda: _visible_rows(hq) == rows_before, timeout=10)
        assert _run().status == RunStatus.STARTED  # the dead worker's trace
        assert RiskResult.objects.filter(run=first).count() == rows_before

        ReportRun.objects.filter(pk=first.pk).update(started_at=timezone.now() - timedelta(hours=2))
        assert tasks.requeue_stale_runs() == 1
        assert tasks.requeue_stale_runs() == 0  # one taker only
        second = Worker(env, queues="reports", log=tmp_path / "worker-2.log")
        try:
            assert wait_for(lambda: _run().status == RunStatus.SUCCEEDED, timeout=90), (
                tmp_path / "worker-2.log"
            ).read_text()[-3000:]
        finally:
            second.stop()
    finally:
        blocker.close()
        app.conf.update(saved)
        _drop_connections()
    run = _run()
    assert run.attempts >= 3 and run.error == ""
    assert RiskResult.objects.filter(run=run).count() == rows_before
    assert (
        RiskResult.objects.filter(run__date=DAY).values("importer").distinct().count()
        == rows_before
    )
    assert _visible_rows(hq) == rows_before
    assert os.path.exists(tmp_path / "worker-1.log")
