"""The nightly reports through a real Celery worker on Redis, on the reports queue.

The worker runs in this process (solo pool, in a thread). It uses the Redis DB of this xdist
worker (TEST_REDIS_URL) and a queue named after this process, so parallel runs never take
each other's tasks.
"""

import os
import socket
import time
from contextlib import contextmanager
from datetime import date

import pytest
from celery.contrib.testing.worker import start_worker
from django.conf import settings
from kombu import pools

from cee_portal.celery import app
from reports import tasks
from reports.models import ReportKind, ReportRun, RiskResult, RunStatus
from tests.factories import ImporterFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

QUEUE = f"test-reports-{os.getpid()}"
CONF_KEYS = (
    "broker_url",
    "result_backend",
    "task_always_eager",
    "task_routes",
    "task_publish_retry",
)
# The Redis DB of this xdist worker (cee_portal/settings_test.py), never another one.
REDIS_URL = settings.TEST_REDIS_URL


def _reachable() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=1):
            return True
    except OSError:
        return False


def _drop_connections():
    app.amqp._producer_pool = None
    app._pool = None
    pools.reset()


@contextmanager
def reports_broker():
    saved = {key: app.conf[key] for key in CONF_KEYS}
    app.conf.update(
        broker_url=REDIS_URL,
        result_backend=REDIS_URL,
        task_always_eager=False,
        task_publish_retry=False,
        task_routes={"reports.*": {"queue": QUEUE}},
    )
    _drop_connections()
    try:
        with start_worker(
            app,
            pool="solo",
            perform_ping_check=False,
            loglevel="WARNING",
            queues=[QUEUE],
            shutdown_timeout=10,
        ):
            yield
    finally:
        app.conf.update(saved)
        _drop_connections()


def wait_for(condition, timeout: float = 30.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return condition()


def test_the_nightly_reports_run_through_a_real_worker():
    if not _reachable():
        pytest.fail("Redis is not reachable on 127.0.0.1:6379")
    ImporterFactory.create_batch(2)
    day = date(2026, 6, 30)

    with reports_broker():
        tasks.nightly_reports.delay(day.isoformat())
        assert wait_for(
            lambda: ReportRun.objects.filter(date=day, status=RunStatus.SUCCEEDED).count() == 3
        )

    run = ReportRun.objects.get(kind=ReportKind.RISK, date=day)
    assert RiskResult.objects.filter(run=run).count() == 2
