"""A whole inquiry life through the services: file, claim, ask, answer, resolve, close."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from accounts.models import TradeRole
from inquiries import services
from inquiries.models import Inquiry
from inquiries.workflow import Action, Status
from tests.factories import CenterStaffFactory, EntryFactory, MembershipFactory, center


@pytest.mark.django_db
def test_cf28_from_filing_to_close(django_capture_on_commit_callbacks, mailoutbox):
    membership = MembershipFactory(role=TradeRole.ADMIN)
    importer = membership.importer
    importer.center = center("PHC")
    importer.save()
    entry = EntryFactory(importer=importer)
    staff = CenterStaffFactory(center=center("PHC")).user

    with django_capture_on_commit_callbacks(execute=True):
        inquiry = services.file_inquiry(
            importer,
            by=membership.user,
            type="cf28",
            subject="CF-28 on entry",
            entry_number=entry.display_number,
            details={"cf28_issue_date": "2026-11-02"},
            now=None,
        )
    assert inquiry.reference.startswith("CEE-")
    assert inquiry.center_id == "PHC"
    assert inquiry.statutory_clock == "cf28_response"
    assert inquiry.statutory_deadline == date(2026, 12, 2)
    assert len(mailoutbox) == 1

    services.perform_action(inquiry, Action.CLAIM, by=staff)
    services.perform_action(inquiry, Action.START_REVIEW, by=staff)
    services.perform_action(inquiry, Action.REQUEST_INFO, by=staff, data={"message": "Invoice?"})
    assert inquiry.status == Status.AWAITING_IMPORTER and inquiry.sla_due is None
    services.perform_action(
        inquiry, Action.RESPOND, by=membership.user, data={"message": "Attached."}
    )
    services.perform_action(
        inquiry, Action.RESOLVE, by=staff, data={"resolution": "Answered.", "outcome": "answered"}
    )
    services.perform_action(inquiry, Action.CLOSE, by=membership.user)
    inquiry.refresh_from_db()
    assert inquiry.status == Status.CLOSED
    assert inquiry.events.count() == 7

    with pytest.raises(services.ActionNotAllowed):
        services.perform_action(inquiry, Action.CLAIM, by=staff)


@pytest.mark.django_db
def test_protest_after_180_days_is_refused():
    membership = MembershipFactory(role=TradeRole.FILER)
    entry = EntryFactory(
        importer=membership.importer,
        liquidation_status="liquidated",
        liquidation_date=date(2025, 9, 15),
    )
    with pytest.raises(ValidationError) as caught:
        services.file_inquiry(
            membership.importer,
            by=membership.user,
            type="protest",
            subject="Protest",
            entry_number=entry.entry_number,
            details={"grounds": "The classification is wrong for sure."},
        )
    assert "ended on 2026-03-14, 180 days after liquidation on 2025-09-15" in str(caught.value)
    assert Inquiry.objects.count() == 0
