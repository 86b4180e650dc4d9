"""The notification outbox through a real Celery worker on Redis, and with the broker down.

The worker runs in this process (solo pool, in a thread), so the locmem e-mail outbox is
shared. Each test uses the Redis DB of its xdist worker or a private redis-server, and a
queue named after this process, so parallel runs never take each other's tasks. The shared
Redis on 6379 is never stopped.
"""

import os
import socket
import subprocess
import time
from contextlib import contextmanager
from datetime import timedelta

import pytest
from celery.contrib.testing.worker import start_worker
from django.utils import timezone
from kombu import pools

from cee_portal.celery import app
from inquiries import tasks
from inquiries.models import Inquiry, Notification
from tests.conftest import REQUIRE_SERVICES

from .builders import file_policy_question, make_world

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

QUEUE = f"test-notifications-{os.getpid()}"
CONF_KEYS = (
    "broker_url",
    "result_backend",
    "task_always_eager",
    "task_routes",
    "task_publish_retry",
)


def _drop_connections():
    """Forget pooled broker connections, so the next publish uses the current broker_url."""
    app.amqp._producer_pool = None
    app._pool = None
    pools.reset()


@contextmanager
def broker(url: str):
    """Point the Celery app at `url`, tasks on this process's queue; restore afterwards."""
    saved = {key: app.conf[key] for key in CONF_KEYS}
    app.conf.update(
        broker_url=url,
        result_backend=url,
        task_always_eager=False,
        task_publish_retry=False,
        task_routes={"inquiries.tasks.*": {"queue": QUEUE}},
    )
    _drop_connections()
    try:
        yield
    finally:
        app.conf.update(saved)
        _drop_connections()


@contextmanager
def worker():
    with start_worker(
        app,
        pool="solo",
        perform_ping_check=False,
        loglevel="WARNING",
        queues=[QUEUE],
        shutdown_timeout=10,
    ):
        yield


def wait_for(condition, timeout: float = 20.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return condition()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_redis(port: int) -> subprocess.Popen:
    process = subprocess.Popen(
        [
            "redis-server",
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--daemonize",
            "no",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )

    def answers():
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5) as sock:
                sock.sendall(b"PING\r\n")
                return sock.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    if not wait_for(answers, timeout=10):
        process.terminate()
        pytest.fail(f"a private redis-server did not start on port {port}")
    return process


def stop(process: subprocess.Popen):
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture
def private_redis():
    """A redis-server of this test only, on a free port; stopped by its PID."""
    try:
        subprocess.run(["redis-server", "--version"], check=True, capture_output=True)
    except (OSError, subprocess.CalledProcessError):
        # Only outside CI: under REQUIRE_SERVICES=1 a missing server fails the run.
        if REQUIRE_SERVICES:
            pytest.fail("redis-server is not installed (REQUIRE_SERVICES=1)")
        pytest.skip("redis-server is not installed")
    port = free_port()
    processes = [start_redis(port)]
    yield port, processes
    for process in processes:
        if process.poll() is None:
            stop(process)


def delivered(notification: Notification) -> bool:
    return Notification.objects.filter(pk=notification.pk, delivered_at__isnull=False).exists()


def test_a_real_worker_delivers_the_filing_e_mail(redis_url, mailoutbox):
    world = make_world()
    with broker(redis_url), worker():
        inquiry = file_policy_question(world)
        row = Notification.objects.get(inquiry=inquiry, recipient=world.filer)
        assert wait_for(
            lambda: delivered(row) and any(world.filer.email in m.to for m in mailoutbox)
        )
    mail = next(m for m in mailoutbox if world.filer.email in m.to)
    assert inquiry.reference in mail.subject


def test_a_broker_down_neither_fails_the_filing_nor_loses_the_notification(
    private_redis, mailoutbox
):
    port, processes = private_redis
    url = f"redis://127.0.0.1:{port}/0"
    world = make_world()
    with broker(url):
        stop(processes[0])
        inquiry = file_policy_question(world)  # publishing after commit fails quietly
        assert Inquiry.objects.filter(pk=inquiry.pk).exists()
        row = Notification.objects.get(inquiry=inquiry, recipient=world.filer)
        assert not delivered(row) and mailoutbox == []

        processes.append(start_redis(port))
        _drop_connections()
        # The beat task takes rows older than its grace period.
        Notification.objects.filter(inquiry=inquiry).update(
            created_at=timezone.now() - timedelta(minutes=5)
        )
        with worker():
            assert tasks.republish_outbox() >= 1
            assert wait_for(
                lambda: delivered(row) and any(world.filer.email in m.to for m in mailoutbox)
            )
    assert len([m for m in mailoutbox if world.filer.email in m.to]) == 1
