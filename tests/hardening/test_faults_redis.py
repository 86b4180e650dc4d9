"""Redis (cache and Celery broker) stopped while importers file and staff work (serial).

A private redis-server on a free port is the portal's cache and broker for this test; the
shared Redis on 6379 is never touched. With it stopped: /healthz answers 503 naming the
cache and broker, every request of the flow still succeeds (no 500s), and the notification
outbox keeps every row. When Redis returns, the outbox task republishes and a real worker
delivers each e-mail exactly once.
"""

import os
from contextlib import contextmanager
from datetime import timedelta

import pytest
from celery.contrib.testing.worker import start_worker
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from kombu import pools

from cee_portal.celery import app
from inquiries import tasks
from inquiries.models import Inquiry, InquiryEvent, Message, Notification
from tests.api.factories import make_world

from .conftest import wait_for

pytestmark = [pytest.mark.serial, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

QUEUE = f"hardening-faults-{os.getpid()}"
CONF_KEYS = ("broker_url", "result_backend", "task_always_eager", "task_routes")


def _drop_connections():
    app.amqp._producer_pool = None
    app._pool = None
    pools.reset()


@contextmanager
def portal_on(redis, settings):
    """Cache and broker of the portal on the private Redis; restored afterwards."""
    saved = {key: app.conf[key] for key in CONF_KEYS}
    settings.REDIS_URL = redis.url
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": redis.url,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
    settings.CELERY_TASK_ALWAYS_EAGER = False
    app.conf.update(
        broker_url=redis.url,
        result_backend=None,
        task_always_eager=False,
        task_routes={"inquiries.tasks.*": {"queue": QUEUE}},
    )
    _drop_connections()
    try:
        yield
    finally:
        app.conf.update(saved)
        _drop_connections()


def _work(world) -> list:
    """File, claim, talk and browse as importers and staff; the status of every answer."""
    codes = []
    trade, staff = world.client("admin_a"), world.client("staff_phc")
    for n in range(3):
        filed = trade.post(
            "/api/v1/inquiries/",
            {
                "importer": world.a.pk,
                "type": "policy_clarification",
                "subject": f"Question {n} while Redis is down",
            },
            format="json",
        )
        codes.append(filed.status_code)
        if filed.status_code != 201:
            continue
        reference = filed.json()["reference"]
        codes.append(
            staff.post(
                f"/api/v1/inquiries/{reference}/actions/claim/", {}, format="json"
            ).status_code
        )
        codes.append(
            staff.post(
                f"/api/v1/inquiries/{reference}/messages/",
                {"body": f"We are on it ({n})."},
                format="json",
            ).status_code
        )
    pages = Client()
    pages.force_login(world.staff_phc)
    codes += [
        pages.get(reverse("staff:queue")).status_code,
        pages.get(reverse("staff:my_work")).status_code,
    ]
    pages.force_login(world.supervisor_phc)
    codes.append(pages.get(reverse("staff:queue")).status_code)
    pages.force_login(world.admin_a)
    codes += [
        pages.get(reverse("portal:dashboard")).status_code,
        pages.get(reverse("portal:inbox")).status_code,
    ]
    return codes


def test_redis_down_loses_nothing_and_notifications_arrive_once_it_returns(private_redis, settings):
    world = make_world()
    mail.outbox = []  # the set-up's own e-mails went out eagerly
    with portal_on(private_redis, settings):
        client = Client()
        assert client.get("/healthz").json() == {"database": "ok", "cache": "ok", "broker": "ok"}
        before = Notification.objects.count()

        private_redis.stop()
        health = client.get("/healthz")
        assert health.status_code == 503
        assert health.json() == {"database": "ok", "cache": "down", "broker": "down"}
        codes = _work(world)
        assert all(code < 500 for code in codes), codes
        assert codes.count(201) == 6 and codes.count(200) == 8, codes
        filed = Inquiry.objects.filter(subject__contains="while Redis is down")
        assert filed.count() == 3
        assert InquiryEvent.objects.filter(inquiry__in=filed, action="claim").count() == 3
        assert Message.objects.filter(inquiry__in=filed).count() == 3
        waiting = Notification.objects.filter(delivered_at__isnull=True)
        assert Notification.objects.count() > before and waiting.exists()
        assert mail.outbox == []

        private_redis.start()
        _drop_connections()
        assert wait_for(lambda: client.get("/healthz").status_code == 200, timeout=15)
        Notification.objects.update(created_at=timezone.now() - timedelta(minutes=5))
        expected = {
            row.pk
            for row in waiting.select_related("recipient")
            if row.send_email and row.recipient.email
        }
        with start_worker(
            app,
            pool="solo",
            perform_ping_check=False,
            loglevel="WARNING",
            queues=[QUEUE],
            shutdown_timeout=10,
        ):
            assert tasks.republish_outbox() >= len(expected)
            assert wait_for(
                lambda: not Notification.objects.filter(delivered_at__isnull=True).exists(),
                timeout=60,
            )
            tasks.republish_outbox()  # a second pass finds nothing to send again
    sent = [(tuple(m.to), m.subject, m.body) for m in mail.outbox]
    assert len(sent) == len(expected), (len(sent), len(expected))
    assert len(set(sent)) == len(sent), "no e-mail went out twice"
