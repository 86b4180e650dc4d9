"""System work on inquiries: deemed denials (hourly), auto-close (daily), clock refresh."""

from datetime import date

from django.utils import timezone

from . import services
from .models import Inquiry
from .types import InquiryType
from .workflow import Action, Status


def deem_denied_protests(*, today: date | None = None) -> list[str]:
    """Record `deem_denied` on open protests whose deemed-denial clock ran out."""
    today = today or timezone.localdate()
    done = []
    for inquiry in Inquiry.objects.open().filter(type=InquiryType.PROTEST).select_related(
            "entry", "importer"):
        try:
            services.perform_action(inquiry, Action.DEEM_DENIED, by=None, today=today)
        except services.ActionNotAllowed:
            continue
        done.append(inquiry.reference)
    return done


def auto_close_resolved(*, today: date | None = None) -> list[str]:
    """Close inquiries resolved more than 30 days ago (from the 31st day)."""
    today = today or timezone.localdate()
    done = []
    # Resolved inquiries are few (this job closes them): the lifecycle guard decides the day.
    for inquiry in Inquiry.objects.filter(status=Status.RESOLVED):
        try:
            services.perform_action(inquiry, Action.CLOSE, by=None, today=today)
        except services.ActionNotAllowed:
            continue
        done.append(inquiry.reference)
    return done
