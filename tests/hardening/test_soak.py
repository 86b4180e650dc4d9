"""Soak: simulated importers and staff against gunicorn on PostgreSQL and Redis (serial).

gunicorn serves the test database; a private redis-server of the test is the cache and
broker, and a Celery worker delivers the notifications. bench/soak.py drives the people. CI runs
20 people for 30 seconds; SOAK_FULL=1 runs 100 people for 10 minutes (SOAK_USERS and
SOAK_SECONDS override either). Afterwards there are no errors and every audit chain
verifies.
"""

import json
import os

import pytest
from django.core.management import call_command
from django.db import connection

from bench.soak import Person, run_soak
from inquiries.audit import broken_inquiries
from inquiries.models import Inquiry, Notification
from tests.api.factories import make_world
from tests.factories import CenterStaffFactory, MembershipFactory, center

from .conftest import record_figure, wait_for
from .servers import Gunicorn, Worker, server_env

pytestmark = [pytest.mark.serial, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

FULL = os.environ.get("SOAK_FULL") == "1"
USERS = int(os.environ.get("SOAK_USERS", "100" if FULL else "20"))
SECONDS = float(os.environ.get("SOAK_SECONDS", "600" if FULL else "30"))
PASSWORD = "a-test-password-1"


def _people(world) -> list[Person]:
    importers = [
        Person("importer", world.admin_a.username, PASSWORD, world.a.pk),
        Person("importer", world.filer_b.username, PASSWORD, world.b.pk),
    ]
    for n in range(4):
        member = MembershipFactory(importer=world.a if n % 2 else world.b, role="filer").user
        importers.append(
            Person("importer", member.username, PASSWORD, member.memberships.first().importer_id)
        )
    staff = [
        Person("staff", world.staff_phc.username, PASSWORD),
        Person("staff", world.staff_el.username, PASSWORD),
    ]
    for code in ("PHC", "EL"):
        staff.append(
            Person("staff", CenterStaffFactory(center=center(code)).user.username, PASSWORD)
        )
    return [importers[i % len(importers)] if i % 3 else staff[i % len(staff)] for i in range(USERS)]


def test_simulated_people_meet_no_error_and_every_audit_chain_verifies(private_redis, tmp_path):
    world = make_world()
    people = _people(world)
    db = connection.settings_dict
    url = (
        f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST'] or '127.0.0.1'}:"
        f"{db['PORT'] or 5432}/{db['NAME']}"
    )
    env = server_env(
        url,
        REDIS_URL=private_redis.url,
        CELERY_TASK_ALWAYS_EAGER="false",
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
    )
    worker = Worker(env, queues="notifications,default", log=tmp_path / "worker.log")
    server = Gunicorn(env, workers=2, threads=4, log=tmp_path / "gunicorn.log")
    try:
        summary = run_soak(server.url, people, seconds=SECONDS)
        record_figure(
            "soak", json.dumps({k: v for k, v in summary.items() if k != "error_samples"})
        )
        print(json.dumps(summary, indent=2))
        assert summary["errors"] == 0, summary["error_samples"]
        assert summary["requests"] > USERS * 5
        filed = Inquiry.objects.filter(subject__startswith="Soak question")
        assert filed.exists()
        # The worker drains the outbox the run filled.
        assert wait_for(
            lambda: (
                not Notification.objects.filter(
                    delivered_at__isnull=True, send_email=True, inquiry__in=filed
                ).exists()
            ),
            timeout=120,
        )
    finally:
        server.stop()
        worker.stop()
    assert broken_inquiries() == []
    call_command("verify_audit")
    assert "Traceback" not in (tmp_path / "gunicorn.log").read_text()
