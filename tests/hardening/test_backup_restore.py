"""Backup and restore as docs/security.md describes: pg_dump, pg_restore, verify_audit.

The test database (with inquiries that have audit chains) is dumped in PostgreSQL's custom
format, restored into a fresh database, and `manage.py verify_audit` runs against the copy:
every chain verifies there. A tampered event in the copy is then caught, so the check can fail.
"""

import os
import subprocess
import sys
import uuid

import psycopg2
import pytest
from django.db import connection

from inquiries import services
from inquiries.models import Inquiry, InquiryEvent
from inquiries.workflow import Action
from tests.inquiries.builders import file_policy_question, make_world

from .conftest import need_binary
from .servers import ROOT

pytestmark = [pytest.mark.serial, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def _params() -> dict:
    db = connection.settings_dict
    return {
        "host": db["HOST"] or "127.0.0.1",
        "port": str(db["PORT"] or 5432),
        "user": db["USER"],
        "password": db["PASSWORD"],
        "dbname": db["NAME"],
    }


def _admin(params: dict, sql: str) -> None:
    conn = psycopg2.connect(**{**params, "dbname": "postgres"})
    conn.autocommit = True
    with conn.cursor() as cursor:
        cursor.execute(sql)
    conn.close()


def _verify_audit(params: dict, dbname: str) -> subprocess.CompletedProcess:
    url = (
        f"postgres://{params['user']}:{params['password']}@{params['host']}:"
        f"{params['port']}/{dbname}"
    )
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "cee_portal.settings_test"}
    return subprocess.run(
        [sys.executable, "manage.py", "verify_audit"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_a_dump_restored_into_a_fresh_database_verifies_every_audit_chain(tmp_path):
    world = make_world()
    for n in range(5):
        inquiry = file_policy_question(world, subject=f"Kept in the backup {n}")
        services.perform_action(inquiry, Action.CLAIM, by=world.assignee)
        services.perform_action(inquiry, Action.START_REVIEW, by=world.assignee)
        services.post_message(inquiry, by=world.assignee, body="Noted.")
    chains = Inquiry.objects.count()
    events = InquiryEvent.objects.count()
    assert chains >= 5 and events >= 15

    params = _params()
    env = {**os.environ, "PGPASSWORD": params["password"] or ""}
    dump = tmp_path / "cee.dump"
    pg_dump, pg_restore = need_binary("pg_dump"), need_binary("pg_restore")
    subprocess.run(
        [
            pg_dump,
            "--format=custom",
            "--no-owner",
            "--host",
            params["host"],
            "--port",
            params["port"],
            "--username",
            params["user"],
            "--file",
            str(dump),
            params["dbname"],
        ],
        env=env,
        check=True,
        capture_output=True,
        timeout=300,
    )
    assert dump.stat().st_size > 0

    fresh = f"cee_restore_{uuid.uuid4().hex[:10]}"
    _admin(params, f'CREATE DATABASE "{fresh}"')
    try:
        subprocess.run(
            [
                pg_restore,
                "--no-owner",
                "--exit-on-error",
                "--host",
                params["host"],
                "--port",
                params["port"],
                "--username",
                params["user"],
                "--dbname",
                fresh,
                str(dump),
            ],
            env=env,
            check=True,
            capture_output=True,
            timeout=300,
        )
        result = _verify_audit(params, fresh)
        assert result.returncode == 0, result.stderr
        assert f"{chains} chains verified" in result.stdout

        copy = psycopg2.connect(**{**params, "dbname": fresh})
        with copy, copy.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM inquiries_inquiryevent")
            assert cursor.fetchone()[0] == events
            cursor.execute(
                "UPDATE inquiries_inquiryevent SET reason = 'rewritten' "
                "WHERE id = (SELECT min(id) FROM inquiries_inquiryevent)"
            )
        copy.close()
        tampered = _verify_audit(params, fresh)
        assert tampered.returncode != 0
        assert "stored hash does not match" in tampered.stderr
    finally:
        _admin(params, f'DROP DATABASE IF EXISTS "{fresh}" WITH (FORCE)')
