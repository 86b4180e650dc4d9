"""The hourly sweep alerts a Center's supervisors of SLA breaches, once per clock."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from inquiries import services, sweeps, tasks
from inquiries.models import Notification, SlaBreach, SlaClock
from inquiries.workflow import Action
from tests.factories import CenterStaffFactory, center

from .builders import at, drive_to, file_policy_question, make_world

pytestmark = pytest.mark.django_db

# Filed on Monday 14 September 2026 by an ISA account: first response is due on the next
# business day (15 September), resolution on the 10th (28 September).
FILED = date(2026, 9, 14)
FIRST_RESPONSE_DUE = date(2026, 9, 15)
RESOLUTION_DUE = date(2026, 9, 28)
SECRET = "Internal: the importer's broker looks unreliable."


@pytest.fixture
def world():
    world = make_world()
    world.other_supervisor = CenterStaffFactory(center=center("BM"), is_supervisor=True).user
    return world


def file(world, **fields):
    return file_policy_question(world, now=at(FILED), **fields)


def alerts(inquiry=None):
    rows = Notification.objects.filter(kind="sla_breach")
    if inquiry is not None:
        rows = rows.filter(inquiry=inquiry)
    return sorted(rows.values_list("recipient__username", "subject"))


def test_first_response_breach_alerts_the_supervisors_once_over_two_sweeps(
    world, mailoutbox, django_capture_on_commit_callbacks
):
    inquiry = file(world)
    assert inquiry.first_response_due == FIRST_RESPONSE_DUE
    with django_capture_on_commit_callbacks(execute=True):
        assert sweeps.alert_sla_breaches(today=FIRST_RESPONSE_DUE) == []
        first = sweeps.alert_sla_breaches(today=FIRST_RESPONSE_DUE + timedelta(days=1))
        second = sweeps.alert_sla_breaches(today=FIRST_RESPONSE_DUE + timedelta(days=1))
        third = sweeps.alert_sla_breaches(today=FIRST_RESPONSE_DUE + timedelta(days=2))
    assert [(b.inquiry_id, b.clock, b.due) for b in first] == [
        (inquiry.pk, SlaClock.FIRST_RESPONSE, FIRST_RESPONSE_DUE)
    ]
    assert second == [] and third == []
    assert [username for username, _ in alerts(inquiry)] == [world.supervisor.username]
    assert [m.to for m in mailoutbox] == [[world.supervisor.email]]
    assert inquiry.reference in mailoutbox[0].subject
    assert "2026-09-15" in mailoutbox[0].subject


def test_resolution_breach_is_a_clock_of_its_own(world, django_capture_on_commit_callbacks):
    inquiry = drive_to(file(world), world, "in_review", today=FILED)
    services.post_message(inquiry, by=world.assignee, body="We are looking into it.")
    with django_capture_on_commit_callbacks(execute=True):
        assert sweeps.alert_sla_breaches(today=RESOLUTION_DUE) == []
        breaches = sweeps.alert_sla_breaches(today=RESOLUTION_DUE + timedelta(days=1))
        assert sweeps.alert_sla_breaches(today=RESOLUTION_DUE + timedelta(days=5)) == []
    assert [(b.clock, b.due) for b in breaches] == [(SlaClock.RESOLUTION, RESOLUTION_DUE)]
    assert SlaBreach.objects.filter(inquiry=inquiry).count() == 1
    assert len(alerts(inquiry)) == 1


def test_an_unanswered_inquiry_breaches_both_clocks_each_once(world):
    inquiry = file(world)
    late = RESOLUTION_DUE + timedelta(days=3)
    breaches = sweeps.alert_sla_breaches(today=late)
    assert sorted(b.clock for b in breaches) == [SlaClock.FIRST_RESPONSE, SlaClock.RESOLUTION]
    assert sweeps.alert_sla_breaches(today=late) == []
    later = file_policy_question(world, now=at(late))
    # The next sweeps alert only the newly breached inquiry.
    assert [
        (b.inquiry_id, b.clock) for b in sweeps.alert_sla_breaches(today=late + timedelta(days=7))
    ] == [(later.pk, SlaClock.FIRST_RESPONSE)]
    assert sweeps.alert_sla_breaches(today=late + timedelta(days=8)) == []
    assert len(alerts(inquiry)) == 2 and len(alerts(later)) == 1


@pytest.mark.parametrize("state", ["awaiting_importer", "resolved", "closed", "withdrawn"])
def test_no_alert_for_a_stopped_or_paused_clock(world, state):
    inquiry = drive_to(file(world), world, state, today=FILED)
    assert sweeps.alert_sla_breaches(today=RESOLUTION_DUE + timedelta(days=30)) == []
    assert alerts(inquiry) == []
    assert not SlaBreach.objects.exists()


def test_a_reopen_moves_the_resolution_due_date_and_its_breach_alerts_once(world):
    inquiry = drive_to(file(world), world, "resolved", today=date(2026, 9, 15))
    services.perform_action(
        inquiry,
        Action.REOPEN,
        by=world.filer,
        data={"reason": "The answer misses our case."},
        today=date(2026, 9, 22),
    )
    inquiry.refresh_from_db()
    # Paused (resolved) 15–22 September: six business days later than before.
    assert inquiry.resolution_due == date(2026, 10, 6)
    assert sweeps.alert_sla_breaches(today=RESOLUTION_DUE + timedelta(days=1)) == []
    assert sweeps.alert_sla_breaches(today=date(2026, 10, 6)) == []
    breaches = sweeps.alert_sla_breaches(today=date(2026, 10, 7))
    assert [(b.clock, b.due) for b in breaches] == [(SlaClock.RESOLUTION, date(2026, 10, 6))]
    assert sweeps.alert_sla_breaches(today=date(2026, 10, 8)) == []
    assert len(alerts(inquiry)) == 1


def test_the_alert_is_short_and_carries_no_trade_or_internal_text(
    world, mailoutbox, django_capture_on_commit_callbacks
):
    inquiry = file(world, subject="Our secret product launch", description="Confidential.")
    services.post_message(inquiry, by=world.staff, body=SECRET, internal=True)
    with django_capture_on_commit_callbacks(execute=True):
        sweeps.alert_sla_breaches(today=FIRST_RESPONSE_DUE + timedelta(days=1))
    (mail,) = mailoutbox
    text = mail.subject + mail.body
    for secret in (SECRET, "secret product launch", "Confidential", world.importer.ior_number):
        assert secret not in text
    for fact in (
        inquiry.reference,
        "Clarification of CBP policy or procedure",
        "First response",
        "2026-09-15",
        f"/inquiries/{inquiry.reference}/",
    ):
        assert fact in text


def test_a_triage_inquiry_has_no_supervisor_to_alert(db):
    world = make_world(center_code=None)
    inquiry = file(world)
    assert inquiry.center_id is None
    assert sweeps.alert_sla_breaches(today=RESOLUTION_DUE + timedelta(days=1)) == []
    assert alerts() == []


def test_the_hourly_task_records_deemed_denials_and_alerts_breaches(
    world, mailoutbox, django_capture_on_commit_callbacks
):
    today = timezone.localdate()
    inquiry = file_policy_question(world, now=at(today - timedelta(days=40)))
    with django_capture_on_commit_callbacks(execute=True):
        result = tasks.deadline_sweep.delay().get()
    assert result == {"deemed_denied": 0, "sla_breaches": 2}
    assert len(alerts(inquiry)) == 2
    assert [m.to for m in mailoutbox] == [[world.supervisor.email]] * 2
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.deadline_sweep.delay().get() == {"deemed_denied": 0, "sla_breaches": 0}
    assert len(mailoutbox) == 2
