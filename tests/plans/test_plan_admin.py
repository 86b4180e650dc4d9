"""The admin shows plans, versions, events and reviews, and changes none of them."""

import pytest
from django.urls import reverse

from accounts.models import PlanEvent, PlanVersion
from accounts.plans import PlanStatus
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

MODELS = ["engagementplan", "planversion", "planevent", "planreview"]


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    return client


@pytest.mark.parametrize("model", MODELS)
def test_the_admin_lists_plan_records(admin_client, make_plan, model):
    make_plan(PlanStatus.ACTIVE)
    assert admin_client.get(reverse(f"admin:accounts_{model}_changelist")).status_code == 200
    assert admin_client.get(reverse(f"admin:accounts_{model}_add")).status_code == 403


def test_the_plan_page_shows_its_history_read_only(admin_client, make_plan):
    plan = make_plan(PlanStatus.ACTIVE)
    page = admin_client.get(reverse("admin:accounts_engagementplan_change", args=[plan.pk]))
    assert page.status_code == 200
    assert b"classification accuracy, chapter 85" in page.content
    assert (
        admin_client.post(
            reverse("admin:accounts_engagementplan_change", args=[plan.pk]), {}
        ).status_code
        == 403
    )


@pytest.mark.parametrize("model", [PlanEvent, PlanVersion])
def test_audit_rows_cannot_be_changed_or_deleted(admin_client, make_plan, model):
    make_plan(PlanStatus.SUBMITTED)
    row = model.objects.first()
    name = model._meta.model_name
    assert (
        admin_client.post(reverse(f"admin:accounts_{name}_change", args=[row.pk]), {}).status_code
        == 403
    )
    assert (
        admin_client.post(
            reverse(f"admin:accounts_{name}_delete", args=[row.pk]), {"post": "yes"}
        ).status_code
        == 403
    )
    assert model.objects.filter(pk=row.pk).exists()
