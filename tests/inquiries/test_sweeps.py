"""The system's own work: deemed denials and auto-close."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from accounts.models import TradeRole
from inquiries import services, sweeps
from inquiries.models import Inquiry
from inquiries.workflow import Action, Status
from tests.factories import CenterStaffFactory, MembershipFactory, center

NY = ZoneInfo("America/New_York")


@pytest.fixture
def account():
    membership = MembershipFactory(role=TradeRole.ADMIN)
    membership.importer.center = center("PHC")
    membership.importer.save()
    return membership


def _exclusion_protest(account, filed_on: date) -> Inquiry:
    return services.file_inquiry(
        account.importer,
        by=account.user,
        type="protest",
        subject="Exclusion protest",
        details={
            "protest_kind": "exclusion",
            "decision_date": filed_on.isoformat(),
            "grounds": "The merchandise was excluded without a proper basis.",
        },
        now=datetime(filed_on.year, filed_on.month, filed_on.day, 10, tzinfo=NY),
    )


@pytest.mark.django_db
def test_exclusion_protest_is_deemed_denied_only_after_its_30_days(account):
    inquiry = _exclusion_protest(account, date(2026, 9, 1))
    assert sweeps.deem_denied_protests(today=date(2026, 10, 1)) == []
    assert sweeps.deem_denied_protests(today=date(2026, 10, 2)) == [inquiry.reference]
    inquiry.refresh_from_db()
    assert inquiry.status == Status.RESOLVED
    assert inquiry.outcome == "deemed_denied"
    event = inquiry.events.order_by("-sequence").first()
    assert event.action == Action.DEEM_DENIED and event.actor is None


@pytest.mark.django_db
def test_auto_close_waits_for_the_31st_day_after_resolution(account):
    staff = CenterStaffFactory(center=center("PHC")).user
    inquiry = services.file_inquiry(
        account.importer, by=account.user, type="policy_clarification", subject="Which rule?"
    )
    for action, data in [
        (Action.CLAIM, {}),
        (Action.START_REVIEW, {}),
        (Action.RESOLVE, {"resolution": "Here it is.", "outcome": "answered"}),
    ]:
        services.perform_action(inquiry, action, by=staff, data=data)
    Inquiry.objects.filter(pk=inquiry.pk).update(resolved_at=datetime(2026, 9, 1, 12, tzinfo=NY))
    assert sweeps.auto_close_resolved(today=date(2026, 10, 1)) == []
    assert sweeps.auto_close_resolved(today=date(2026, 10, 2)) == [inquiry.reference]
    inquiry.refresh_from_db()
    assert inquiry.status == Status.CLOSED
