"""seed_demo's plan story: an active plan with a review, and a plan waiting for ae-pharma."""

import pytest
from django.core.management import call_command

import access
from accounts.models import EngagementPlan, PlanReview, PlanVersion
from accounts.plan_services import plans_with_review_due
from accounts.plans import PlanStatus


@pytest.mark.django_db
def test_the_demo_gives_the_pharmaceutical_importer_an_active_and_a_submitted_plan():
    call_command("seed_demo", "--force", stdout=None)
    active = EngagementPlan.objects.get(
        importer__name__startswith="Northfield", status=PlanStatus.ACTIVE
    )
    waiting = EngagementPlan.objects.get(
        importer__name__startswith="Northfield", status=PlanStatus.SUBMITTED
    )
    assert active.reviews.count() == 1 and active.reviews.get().reviewed_by.username == "ae-pharma"
    assert waiting.ae.username == "ae-pharma" and waiting.version == 2
    assert list(access.plans.served_by(waiting.ae).awaiting_approval()) == [waiting]
    assert waiting.events.filter(action="request_changes").exclude(comment="").exists()
    assert plans_with_review_due(waiting.ae, active.activated_on) == []
    counts = (
        EngagementPlan.objects.count(),
        PlanVersion.objects.count(),
        PlanReview.objects.count(),
    )
    call_command("seed_demo", "--force", stdout=None)
    assert (
        (EngagementPlan.objects.count(), PlanVersion.objects.count(), PlanReview.objects.count())
        == counts
        == (2, 3, 1)
    )
