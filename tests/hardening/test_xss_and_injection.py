"""Hostile text: script in every field that is shown back, SQL-ish filters, formula cells.

Every text a user can type (subject, description, messages, internal notes, plan goals,
importer and person names) is stored verbatim and must come back inert: escaped on pages,
never as markup in e-mails, and neutralised in CSV exports (a cell starting with = + - @
is prefixed so a spreadsheet reads it as text). SQL-ish strings in filters and searches are
only data, and bad JSON, dates and page sizes answer a clear 4xx with nothing written.
"""

import csv
import io
import re
from datetime import date, timedelta

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from accounts import plan_services
from accounts.models import EngagementPlan, Importer
from entries.models import Entry
from inquiries import services
from inquiries.models import Inquiry, InquiryEvent, Message, Notification
from reports.models import ReportKind
from reports.runs import run_report
from tests.api.factories import make_world

pytestmark = pytest.mark.django_db

SCRIPT = '<script>alert("xss")</script>'
IMG = "<img src=x onerror=alert(1)>"
PAYLOAD = f"{SCRIPT}{IMG}"
RAW_MARKERS = ("<script>alert(", "<img src=x onerror")
FORMULAS = ('=HYPERLINK("http://evil.example/","x")', "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(1,1)")


def page_client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def assert_inert(html: str, where: str):
    for marker in RAW_MARKERS:
        assert marker not in html, f"raw markup {marker!r} on {where}"


@pytest.fixture
def hostile(django_capture_on_commit_callbacks):
    """A world whose every typed text is the payload."""
    world = make_world()
    world.a.name = f"Pharma {PAYLOAD}"
    world.a.save(update_fields=["name"])
    for name in ("admin_a", "staff_phc", "ae_a", "supervisor_phc"):
        user = world.users[name]
        user.first_name, user.last_name = f"Pat{IMG}", f"Lee{SCRIPT}"
        user.save(update_fields=["first_name", "last_name"])
    with django_capture_on_commit_callbacks(execute=True):
        inquiry = services.file_inquiry(
            world.a,
            by=world.admin_a,
            type="policy_clarification",
            subject=f"Subject {PAYLOAD}"[:200],
            description=f"Description {PAYLOAD}",
        )
        services.post_message(inquiry, by=world.staff_phc, body=f"External {PAYLOAD}")
        services.post_message(
            inquiry, by=world.staff_phc, body=f"Internal {PAYLOAD}", internal=True
        )
    plan = plan_services.create_plan(
        world.a,
        by=world.ae_a,
        period_start=date(2027, 1, 1),
        period_end=date(2027, 12, 31),
        goals=[
            {
                "area": f"Area {PAYLOAD}",
                "measure": f"Measure {PAYLOAD}",
                "baseline": f"{IMG}",
                "target": f"{SCRIPT}",
            }
        ],
        touch_points=[
            {"kind": "meeting", "planned_on": "2027-02-01", "purpose": f"Purpose {PAYLOAD}"}
        ],
    )
    world.inquiries["hostile"] = inquiry
    world.plan = plan
    return world


def test_every_typed_text_is_escaped_on_the_pages_that_show_it(hostile):
    reference = hostile.inquiries["hostile"].reference
    views = [
        ("admin_a", reverse("inquiries:detail", args=[reference])),
        ("admin_a", reverse("portal:dashboard")),
        ("admin_a", reverse("portal:inquiries")),
        ("admin_a", reverse("portal:inbox")),
        ("staff_phc", reverse("inquiries:detail", args=[reference])),
        ("staff_phc", reverse("staff:queue")),
        ("supervisor_phc", reverse("staff:queue")),
        ("ae_a", reverse("ae:dashboard")),
        ("ae_a", reverse("ae:plan_detail", args=[hostile.plan.pk])),
        ("ae_a", reverse("ae:plan_edit", args=[hostile.plan.pk])),
        ("admin_a", reverse("ae:plan_detail", args=[hostile.plan.pk])),
        ("ae_a", reverse("inquiries:detail", args=[reference])),
    ]
    escaped_somewhere = 0
    for who, url in views:
        answer = page_client(hostile.users[who]).get(url)
        assert answer.status_code == 200, (who, url, answer.status_code)
        html = answer.content.decode()
        assert_inert(html, f"{url} as {who}")
        escaped_somewhere += "&lt;script&gt;alert(" in html
    assert escaped_somewhere >= len(views) - 2  # the payload is shown, as text


def test_the_detail_page_shows_each_text_escaped_and_no_internal_note_to_the_trade(hostile):
    reference = hostile.inquiries["hostile"].reference
    html = (
        page_client(hostile.admin_a)
        .get(reverse("inquiries:detail", args=[reference]))
        .content.decode()
    )
    for text in ("Subject ", "Description ", "External "):
        assert f"{text}&lt;script&gt;alert(" in html, text
    assert "Internal " not in html


def test_e_mails_carry_the_payload_only_as_plain_text(hostile):
    sent = [
        message
        for message in mail.outbox
        if "Subject" in message.subject or "External" in message.body
    ]
    assert sent, "the filing and the external message notify by e-mail"
    for message in mail.outbox:
        assert "Internal " not in message.body
        for content, mimetype in getattr(message, "alternatives", []):
            assert mimetype != "text/html" or all(m not in content for m in RAW_MARKERS)
        assert message.content_subtype == "plain"
    bodies = Notification.objects.values_list("body", flat=True)
    assert not any("Internal " in body for body in bodies)


def test_inquiry_api_returns_text_verbatim_as_json_never_html(hostile):
    reference = hostile.inquiries["hostile"].reference
    answer = hostile.client("admin_a").get(f"/api/v1/inquiries/{reference}/")
    assert answer["Content-Type"].startswith("application/json")
    assert answer.json()["description"] == f"Description {PAYLOAD}"
    assert answer["X-Content-Type-Options"] == "nosniff"


def _risk_csv(world, day):
    run_report(ReportKind.RISK, day)
    answer = page_client(world.hq).get(reverse("reports:risk_csv"), {"date": day.isoformat()})
    assert answer.status_code == 200, answer.status_code
    return list(csv.reader(io.StringIO(answer.content.decode())))


@pytest.mark.parametrize("formula", FORMULAS)
def test_csv_exports_neutralise_formula_cells(formula):
    world = make_world()
    Importer.objects.filter(pk=world.a.pk).update(name=formula)
    rows = _risk_csv(world, date.today() - timedelta(days=1))
    cells = [cell for row in rows[1:] for cell in row]
    assert any(formula in cell for cell in cells), "the importer's name is exported"
    for cell in cells:
        if isinstance(cell, str) and formula in cell:
            assert cell[:1] not in "=+-@\t\r", cell


def test_csv_exports_keep_negative_numbers_as_numbers():
    world = make_world()
    Importer.objects.filter(pk=world.a.pk).update(ctpat_tier="tier3", isa_member=True)
    rows = _risk_csv(world, date.today() - timedelta(days=1))
    cells = [cell for row in rows[1:] for cell in row]
    negative = [cell for cell in cells if re.fullmatch(r"-\d+(\.\d+)?", cell)]
    assert negative, "a trusted importer's trust component is exported as a negative number"
    assert not [cell for cell in cells if re.fullmatch(r"'-\d+(\.\d+)?", cell)]


SQLISH = [
    "' OR '1'='1",
    "1; DROP TABLE inquiries_inquiry; --",
    "\\x00",
    "%' --",
    "ABC%",
    "1 UNION SELECT password FROM accounts_user --",
]


@pytest.mark.parametrize("text", SQLISH)
def test_sql_ish_filters_and_searches_are_only_data(text):
    world = make_world()
    before = (Inquiry.objects.count(), Entry.objects.count(), InquiryEvent.objects.count())
    client = page_client(world.supervisor_phc)
    for url, params in [
        (reverse("centers:rulings"), {"q": text}),
        (reverse("staff:queue"), {"status": text, "type": text, "q": text, "assignee": text}),
        (reverse("reports:risk"), {"date": text, "center": text}),
    ]:
        answer = client.get(url, params)
        assert answer.status_code in (200, 400, 404), (url, answer.status_code)
    api = world.client("superuser")
    for url in (
        "/api/v1/inquiries/",
        "/api/v1/entries/",
        "/api/v1/importers/",
        "/api/v1/engagement-plans/",
    ):
        answer = api.get(
            url,
            {
                "status": text,
                "type": text,
                "importer": text,
                "liquidation_status": text,
                "center": text,
            },
        )
        assert answer.status_code in (200, 400), (url, answer.status_code)
        if answer.status_code == 200:
            assert len(answer.json()["results"]) <= Inquiry.objects.count() + 60
    after = (Inquiry.objects.count(), Entry.objects.count(), InquiryEvent.objects.count())
    assert before == after


@pytest.mark.parametrize("size", ["1000000", "201", "0", "-1", "1e9", "99999999999999999999"])
def test_huge_or_odd_page_sizes_are_capped_or_refused(size):
    world = make_world()
    for url in (
        "/api/v1/inquiries/",
        "/api/v1/entries/",
        "/api/v1/importers/",
        "/api/v1/centers/",
        "/api/v1/engagement-plans/",
    ):
        answer = world.client("superuser").get(url, {"page_size": size})
        assert answer.status_code in (200, 400), (url, size, answer.status_code)
        if answer.status_code == 200:
            body = answer.json()
            results = body["results"] if isinstance(body, dict) else body  # Centers: ten
            assert len(results) <= 200


MALFORMED = [
    (b"{", "application/json"),
    (
        b'{"importer": 1, "type": "cf28", "subject": "x", "details": {"cf28_issue_date": '
        b'"2026-02-30"}}',
        "application/json",
    ),
    (
        b'{"importer": 1, "type": "cf28", "subject": "x", "details": {"cf28_issue_date": '
        b'"02/03/2026"}}',
        "application/json",
    ),
    (
        b'{"importer": 1, "type": "cf28", "subject": "x", "details": {"cf28_issue_date": '
        b'"99999-01-01"}}',
        "application/json",
    ),
    (
        b'{"importer": 1, "type": "policy_clarification", "subject": "x", '
        b'"description": "' + b"a" * 200_000 + b'"}',
        "application/json",
    ),
    (b'{"importer": 1, "type": "policy_clarification", "subject": "\\u0000"}', "application/json"),
    (b'{"a": ' * 5000 + b"1" + b"}" * 5000, "application/json"),
    (b"<xml/>", "application/xml"),
]


@pytest.mark.parametrize("body,content_type", MALFORMED)
def test_malformed_json_and_dates_answer_4xx_and_write_nothing(body, content_type):
    world = make_world()
    body = body.replace(b'"importer": 1', f'"importer": {world.a.pk}'.encode())
    before = (
        Inquiry.objects.count(),
        InquiryEvent.objects.count(),
        Message.objects.count(),
        Notification.objects.count(),
    )
    answer = world.client("admin_a").post("/api/v1/inquiries/", body, content_type=content_type)
    assert 400 <= answer.status_code < 500, answer.status_code
    after = (
        Inquiry.objects.count(),
        InquiryEvent.objects.count(),
        Message.objects.count(),
        Notification.objects.count(),
    )
    assert before == after


def test_malformed_plan_goals_answer_400_and_write_nothing():
    world = make_world()
    before = EngagementPlan.objects.count()
    for goals in ("not a list", [1, 2], [{"area": ["x"]}], [{"area": "x" * 100_000}]):
        answer = world.client("ae_a").post(
            "/api/v1/engagement-plans/",
            {
                "importer": world.a.pk,
                "period_start": "2027-01-01",
                "period_end": "2026-01-01",
                "review_cadence": "quarterly",
                "goals": goals,
            },
            format="json",
        )
        assert answer.status_code == 400, (goals, answer.status_code)
    assert EngagementPlan.objects.count() == before
