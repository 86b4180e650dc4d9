"""Every model registered in the admin opens for a superuser (DESIGN.md §1: admin)."""

from datetime import timedelta

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from rest_framework.authtoken.models import Token

from accounts.models import AccountExecutiveAssignment, TradeRole
from accounts.services import assign_account_executive, delegate_importer
from centers.models import Event, Publication, Ruling
from inquiries.models import Inquiry
from inquiries.workflow import Action, Status
from tests.factories import (
    CenterStaffFactory,
    EntryLineFactory,
    ImporterFactory,
    MembershipFactory,
    PgaLiaisonFactory,
    TrustedPartnerFactory,
    UserFactory,
    center,
)
from tests.inquiries.builders import drive_to, file_policy_question, make_world

pytestmark = pytest.mark.django_db

REGISTERED = sorted(admin.site._registry.items(), key=lambda item: item[0]._meta.label)


@pytest.fixture
def superuser_client(client):
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    return client


@pytest.fixture
def sample_objects():
    """At least one row of every model of the portal, so each change page can be opened."""
    importer = TrustedPartnerFactory()
    MembershipFactory(importer=importer, role=TradeRole.ADMIN)
    delegate_importer(
        importer,
        broker=UserFactory(),
        role=TradeRole.VIEWER,
        by=None,
        expires_at=timezone.now() + timedelta(days=7),
    )
    assign_account_executive(importer, ae=UserFactory(is_account_executive=True), by=None)
    EntryLineFactory(entry__importer=importer)
    CenterStaffFactory()
    PgaLiaisonFactory()
    Publication.objects.create(
        center=center("PHC"), kind=Publication.Kind.GUIDANCE, title="Guidance on drug imports"
    )
    Ruling.objects.create(
        number="N305293",
        ruling_date=timezone.localdate(),
        hts_numbers=["3004909290"],
        subject="Tablets",
        text="Classified.",
        center=center("PHC"),
    )
    Event.objects.create(
        center=center("PHC"), title="Webinar", starts_at=timezone.now(), location="Webinar"
    )
    Group.objects.create(name="Back office")
    Token.objects.create(user=UserFactory(is_service_account=True))


def _url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


@pytest.mark.parametrize(
    ("model", "model_admin"), REGISTERED, ids=[model._meta.label for model, _admin in REGISTERED]
)
def test_a_superuser_opens_the_changelist_add_and_change_pages(
    superuser_client, sample_objects, rf, model, model_admin
):
    assert superuser_client.get(_url(model, "changelist")).status_code == 200

    request = rf.get("/")
    request.user = UserFactory(username="root")
    if model_admin.has_add_permission(request):
        assert superuser_client.get(_url(model, "add")).status_code == 200

    obj = model_admin.get_queryset(request).first()
    if obj is not None:
        assert superuser_client.get(_url(model, "change", obj.pk)).status_code == 200


def test_the_portal_models_have_rows_to_open():
    """The sample objects reach every registered model of the portal's own apps."""
    own_apps = {"accounts", "centers", "entries"}
    labels = {
        model._meta.label for model, _admin in REGISTERED if model._meta.app_label in own_apps
    }
    assert {"accounts.Importer", "entries.Entry", "centers.Center"} <= labels


def test_entries_cannot_be_added_by_hand_in_the_admin(superuser_client):
    from entries.models import Entry

    assert superuser_client.get(_url(Entry, "add")).status_code == 403


def test_a_refused_ae_assignment_shows_the_reason_and_saves_nothing(superuser_client):

    importer = ImporterFactory(name="Not Trusted Imports")  # no C-TPAT, no ISA
    ae = UserFactory(is_account_executive=True)
    answer = superuser_client.post(
        _url(AccountExecutiveAssignment, "add"), {"importer": importer.pk, "ae": ae.pk}, follow=True
    )
    page = answer.content.decode()
    assert answer.status_code == 200
    assert "Not Trusted Imports is not a trusted partner" in page
    assert "added successfully" not in page
    assert not AccountExecutiveAssignment.objects.filter(importer=importer).exists()


def test_an_accepted_ae_assignment_is_saved_through_the_service(superuser_client):

    importer = TrustedPartnerFactory()
    first, second = (UserFactory(is_account_executive=True) for _ in range(2))
    assign_account_executive(importer, ae=first, by=None)
    answer = superuser_client.post(
        _url(AccountExecutiveAssignment, "add"),
        {"importer": importer.pk, "ae": second.pk},
        follow=True,
    )
    assert "added successfully" in answer.content.decode()
    active = AccountExecutiveAssignment.objects.filter(importer=importer, ended_at=None)
    assert [row.ae for row in active] == [second]
    assert active.get().assigned_by.username == "root"


def test_the_admins_bulk_close_is_recorded_as_that_admin(superuser_client):

    world = make_world()
    today = timezone.localdate()
    inquiry = drive_to(file_policy_question(world), world, "resolved", today=today)
    Inquiry.objects.filter(pk=inquiry.pk).update(resolved_at=timezone.now() - timedelta(days=40))
    answer = superuser_client.post(
        _url(Inquiry, "changelist"),
        {"action": "close_resolved", "_selected_action": [inquiry.pk]},
        follow=True,
    )
    assert "1 closed." in answer.content.decode()
    inquiry.refresh_from_db()
    assert inquiry.status == Status.CLOSED
    event = inquiry.events.order_by("-sequence").first()
    assert event.action == Action.CLOSE and event.actor.username == "root"
