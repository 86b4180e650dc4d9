"""Operations: logs carry no personal data or internal notes; bandit finds nothing high.

A whole flow (filing, an internal note, a request for information, a reply, bad input, a
missing page, a failed report) runs with every logger at DEBUG; the captured log holds no
message text, no internal note, no full SSN-form IOR number, no e-mail address or name.
"""

import logging
import subprocess
import sys
from datetime import date
from unittest import mock

import pytest
from django.test import Client

from cee_portal import settings as production_settings
from reports.models import ReportKind
from reports.runs import run_report
from tests.api.factories import make_world

from .servers import ROOT

SECRETS = {
    "description": "Our supplier in Shenzhen is Acme Widgets, contract 4471-PRIVATE",
    "note": "INTERNAL: suspect undervaluation, refer to enforcement",
    "request": "Please send invoice 99812 and the bill of lading",
    "reply": "Invoice 99812 attached, signed by Jordan Q. Private",
}


@pytest.mark.django_db
def test_a_whole_flow_logs_no_personal_data_or_internal_notes(
    caplog, django_capture_on_commit_callbacks
):
    world = make_world()
    caplog.set_level(logging.DEBUG)
    trade, staff = world.client("admin_a"), world.client("staff_phc")
    with django_capture_on_commit_callbacks(execute=True):
        filed = trade.post(
            "/api/v1/inquiries/",
            {
                "importer": world.a.pk,
                "type": "policy_clarification",
                "subject": "Valuation",
                "description": SECRETS["description"],
            },
            format="json",
        )
        assert filed.status_code == 201
        ref = filed.json()["reference"]
        base = f"/api/v1/inquiries/{ref}"
        assert (
            staff.post(
                f"{base}/messages/", {"body": SECRETS["note"], "internal": True}, format="json"
            ).status_code
            == 201
        )
        for action, body in (
            ("claim", {}),
            ("start_review", {}),
            ("request_info", {"message": SECRETS["request"]}),
        ):
            assert staff.post(f"{base}/actions/{action}/", body, format="json").status_code == 200
        assert (
            trade.post(
                f"{base}/actions/respond/", {"message": SECRETS["reply"]}, format="json"
            ).status_code
            == 200
        )
    # Error paths log too: bad input, a page that is not there, a report that fails.
    assert (
        trade.post(
            "/api/v1/inquiries/",
            {"importer": world.a.pk, "type": "cf28", "description": SECRETS["description"]},
            format="json",
        ).status_code
        == 400
    )
    assert (
        trade.post(
            f"{base}/messages/", {"body": SECRETS["note"], "internal": True}, format="json"
        ).status_code
        == 403
    )
    pages = Client()
    pages.force_login(world.admin_a)
    assert pages.get(f"/inquiries/{ref}/").status_code == 200
    assert pages.get("/inquiries/CEE-1999-999999/").status_code == 404
    with (
        mock.patch("reports.risk.compute", side_effect=RuntimeError("risk failed")),
        pytest.raises(RuntimeError),
    ):
        run_report(ReportKind.RISK, date(2026, 1, 5))

    logged = caplog.text
    assert "Bad Request" in logged  # the log is really captured
    for name, text in SECRETS.items():
        assert text not in logged, name
    user = world.admin_a
    for personal in (
        "123-45-6789",
        "123456789",
        user.email,
        world.staff_phc.email,
        f"{user.first_name} {user.last_name}",
    ):
        assert personal not in logged, personal


def test_production_logs_are_key_value_lines_at_info():
    config = production_settings.LOGGING
    assert config["handlers"]["console"]["formatter"] == "keyvalue"
    fmt = config["formatters"]["keyvalue"]["format"]
    for key in ("time=", "level=", "logger=", "msg="):
        assert key in fmt
    assert config["loggers"]["django.request"]["level"] == "ERROR"


@pytest.mark.serial
def test_bandit_reports_no_high_severity_finding():
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "bandit",
            "-q",
            "-r",
            "accounts",
            "centers",
            "entries",
            "inquiries",
            "reports",
            "cee_portal",
            "-lll",
            "-x",
            "*/tests/*,*/migrations/*",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No issues identified" in result.stdout or result.stdout.strip() == ""
