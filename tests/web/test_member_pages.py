"""Members and broker delegations on the account page, and the services behind them."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from accounts import services
from accounts.models import ImporterDelegation, Membership, TradeRole
from tests.factories import (
    CenterStaffFactory,
    ImporterFactory,
    MembershipFactory,
    UserFactory,
    center,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def account():
    importer = ImporterFactory(name="Delta Imports Inc.")
    admin = MembershipFactory(
        importer=importer, role=TradeRole.ADMIN, user=UserFactory(username="delta-admin")
    ).user
    viewer = MembershipFactory(
        importer=importer, role=TradeRole.VIEWER, user=UserFactory(username="delta-viewer")
    ).user
    return importer, admin, viewer


def url(name, importer):
    return reverse(f"accounts:{name}", args=[importer.pk])


def page(response) -> str:
    return response.content.decode()


def test_admins_see_members_and_brokers_other_members_only_the_summary(client, account):
    importer, admin, viewer = account
    client.force_login(admin)
    text = page(client.get(url("detail", importer)))
    assert "Members" in text and "Broker access" in text and "delta-viewer" in text
    client.force_login(viewer)
    text = page(client.get(url("detail", importer)))
    assert "Trust and service level" in text and "Broker access" not in text
    assert "delta-admin" not in text


@pytest.mark.parametrize("name", ["member_add", "delegation_add"])
def test_a_member_who_is_not_admin_gets_404_on_every_change(client, account, name):
    importer, _admin, viewer = account
    client.force_login(viewer)
    assert client.post(url(name, importer), {}).status_code == 404
    membership = Membership.objects.get(user=viewer)
    assert client.post(url("member_remove", importer), {"member": membership.pk}).status_code == 404
    assert Membership.objects.filter(pk=membership.pk).exists()


def test_an_admin_adds_an_existing_user_by_username_or_email_with_a_role(client, account):
    importer, admin, _viewer = account
    by_name = UserFactory(username="erin")
    by_mail = UserFactory(username="frank", email="Frank@Example.com")
    client.force_login(admin)
    response = client.post(
        url("member_add", importer), {"add-member-person": "ERIN", "add-member-role": "filer"}
    )
    assert response.status_code == 302
    response = client.post(
        url("member_add", importer),
        {"add-member-person": "frank@example.com", "add-member-role": "admin"},
    )
    assert response.status_code == 302
    assert Membership.objects.get(user=by_name, importer=importer).role == TradeRole.FILER
    assert Membership.objects.get(user=by_mail, importer=importer).role == TradeRole.ADMIN
    assert "is now filer of Delta Imports Inc." in page(client.get(url("detail", importer)))


@pytest.mark.parametrize(
    ("person", "message"),
    [
        ("nobody-here", "No trade user with the username or e-mail address"),
        ("", "This field is required"),
        ("x" * 300, "at most 254 characters"),
        # CBP staff get the unknown person's answer: the form reveals nothing about them.
        ("staff-person", "No trade user with the username or e-mail address"),
    ],
)
def test_adding_someone_who_cannot_join_shows_a_field_error(client, account, person, message):
    importer, admin, _viewer = account
    CenterStaffFactory(user=UserFactory(username="staff-person"), center=center("PHC"))
    client.force_login(admin)
    response = client.post(
        url("member_add", importer), {"add-member-person": person, "add-member-role": "viewer"}
    )
    assert response.status_code == 400
    assert message in page(response) and "There is a problem" in page(response)
    assert Membership.objects.filter(importer=importer).count() == 2


def test_a_bad_role_is_a_field_error_not_a_crash(client, account):
    importer, admin, viewer = account
    client.force_login(admin)
    membership = Membership.objects.get(user=viewer)
    response = client.post(
        url("member_role", importer),
        {"member": membership.pk, f"member-{membership.pk}-role": "owner"},
    )
    assert response.status_code == 400 and "Select a valid choice" in page(response)


def test_an_admin_changes_a_role_but_never_demotes_the_last_admin(client, account):
    importer, admin, viewer = account
    client.force_login(admin)
    membership = Membership.objects.get(user=viewer)
    client.post(
        url("member_role", importer),
        {"member": membership.pk, f"member-{membership.pk}-role": "filer"},
    )
    membership.refresh_from_db()
    assert membership.role == TradeRole.FILER
    own = Membership.objects.get(user=admin)
    response = client.post(
        url("member_role", importer), {"member": own.pk, f"member-{own.pk}-role": "viewer"}
    )
    assert response.status_code == 400
    assert "is the last admin of Delta Imports Inc." in page(response)
    own.refresh_from_db()
    assert own.role == TradeRole.ADMIN


def test_an_admin_removes_a_member_but_never_the_last_admin(client, account):
    importer, admin, viewer = account
    client.force_login(admin)
    client.post(
        url("member_remove", importer),
        {"member": Membership.objects.get(user=viewer).pk, "confirm": "yes"},
    )
    assert not Membership.objects.filter(user=viewer).exists()
    own = Membership.objects.get(user=admin)
    response = client.post(url("member_remove", importer), {"member": own.pk, "confirm": "yes"})
    assert response.status_code == 400 and "cannot be removed" in page(response)
    assert Membership.objects.filter(pk=own.pk).exists()
    second = MembershipFactory(importer=importer, role=TradeRole.ADMIN).user
    response = client.post(url("member_remove", importer), {"member": own.pk, "confirm": "yes"})
    assert list(Membership.objects.filter(importer=importer).values_list("user", flat=True)) == [
        second.pk
    ]
    # Having left the account, the former admin lands on their home, not on a 404.
    assert response.status_code == 302 and response.url == reverse("portal:dashboard")


def test_a_member_of_another_account_cannot_be_changed_through_this_one(client, account):
    importer, admin, _viewer = account
    elsewhere = MembershipFactory(role=TradeRole.VIEWER)
    client.force_login(admin)
    assert client.post(url("member_remove", importer), {"member": elsewhere.pk}).status_code == 404
    assert client.post(url("member_remove", importer), {"member": "1; drop"}).status_code == 404
    assert Membership.objects.filter(pk=elsewhere.pk).exists()


def test_an_admin_grants_revokes_and_sees_expired_delegations(client, account):
    importer, admin, _viewer = account
    broker = UserFactory(username="broker-gail")
    late = UserFactory(username="broker-hank")
    client.force_login(admin)
    last_day = timezone.localdate() + timedelta(days=14)
    response = client.post(
        url("delegation_add", importer),
        {
            "delegation-person": "broker-gail",
            "delegation-role": "filer",
            "delegation-expires_on": last_day.isoformat(),
        },
    )
    assert response.status_code == 302
    grant = ImporterDelegation.objects.get(user=broker)
    assert grant.role == TradeRole.FILER
    assert timezone.localtime(grant.expires_at).date() == last_day + timedelta(days=1)
    expired = services.delegate_importer(
        importer,
        broker=late,
        role=TradeRole.VIEWER,
        by=admin,
        expires_at=timezone.now() + timedelta(hours=1),
    )
    ImporterDelegation.objects.filter(pk=expired.pk).update(
        expires_at=timezone.now() - timedelta(hours=1)
    )
    text = page(client.get(url("detail", importer)))
    assert "broker-gail" in text and "broker-hank" in text and ">Expired<" in text
    assert text.count(">Expired<") == 1
    client.post(url("delegation_revoke", importer), {"delegation": grant.pk, "confirm": "yes"})
    assert not ImporterDelegation.objects.filter(pk=grant.pk).exists()


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"delegation-person": "delta-viewer"}, "is already a member of Delta Imports Inc."),
        ({"delegation-expires_on": "2000-01-01"}, "cannot be in the past"),
        ({"delegation-expires_on": "9999-12-31"}, "at most ten years ahead"),
        ({"delegation-expires_on": "soon"}, "Enter a valid date"),
        ({"delegation-role": "admin"}, "Select a valid choice"),
    ],
)
def test_a_delegation_that_cannot_be_granted_shows_a_field_error(client, account, fields, message):
    importer, admin, _viewer = account
    UserFactory(username="broker-ivy")
    client.force_login(admin)
    data = {"delegation-person": "broker-ivy", "delegation-role": "viewer", **fields}
    response = client.post(url("delegation_add", importer), data)
    assert response.status_code == 400 and message in page(response)
    assert not ImporterDelegation.objects.filter(content_object=importer).exists()


# --- The services behind the pages ------------------------------------------------------


def test_member_services_refuse_people_who_do_not_administer_the_account(account):
    importer, _admin, viewer = account
    with pytest.raises(PermissionDenied):
        services.add_member(importer, user=UserFactory(), role=TradeRole.VIEWER, by=viewer)
    with pytest.raises(PermissionDenied):
        services.remove_member(Membership.objects.get(user=viewer), by=viewer)
    with pytest.raises(PermissionDenied):
        services.delegate_importer(importer, broker=UserFactory(), role=TradeRole.FILER, by=viewer)


def test_a_broker_delegate_cannot_be_added_as_a_member_before_revoking(account):
    importer, admin, _viewer = account
    broker = UserFactory()
    services.delegate_importer(importer, broker=broker, role=TradeRole.FILER, by=admin)
    with pytest.raises(ValidationError) as refused:
        services.add_member(importer, user=broker, role=TradeRole.FILER, by=admin)
    assert "revoke it before" in refused.value.message_dict["user"][0]


def test_the_last_admin_rule_holds_for_the_services(account):
    importer, admin, _viewer = account
    own = Membership.objects.get(user=admin)
    with pytest.raises(ValidationError):
        services.change_member_role(own, role=TradeRole.FILER, by=admin)
    with pytest.raises(ValidationError):
        services.remove_member(own, by=None)
    with pytest.raises(ValidationError):
        services.add_member(importer, user=admin, role=TradeRole.VIEWER, by=admin)
    assert Membership.objects.get(pk=own.pk).role == TradeRole.ADMIN


def test_removing_a_member_asks_first_and_says_what_will_happen(client, account):
    importer, admin, viewer = account
    membership = Membership.objects.get(user=viewer)
    client.force_login(admin)
    response = client.post(url("member_remove", importer), {"member": membership.pk})
    assert response.status_code == 200
    text = page(response)
    assert "from Delta Imports Inc.?" in text and "delta-viewer" in text
    assert "will no longer see the inquiries" in text and "cannot be undone" in text
    assert f'name="member" value="{membership.pk}"' in text
    assert 'name="confirm" value="yes"' in text
    assert f'href="{url("detail", importer)}#people"' in text
    assert Membership.objects.filter(pk=membership.pk).exists()
    response = client.post(
        url("member_remove", importer), {"member": membership.pk, "confirm": "yes"}
    )
    assert response.status_code == 302
    assert not Membership.objects.filter(pk=membership.pk).exists()


def test_revoking_a_broker_asks_first(client, account):
    importer, admin, _viewer = account
    grant = services.delegate_importer(
        importer, broker=UserFactory(username="broker-jo"), role=TradeRole.FILER, by=admin
    )
    client.force_login(admin)
    response = client.post(url("delegation_revoke", importer), {"delegation": grant.pk})
    assert response.status_code == 200
    text = page(response)
    assert "Revoke the broker access of" in text and "broker-jo" in text
    assert f'name="delegation" value="{grant.pk}"' in text
    assert ImporterDelegation.objects.filter(pk=grant.pk).exists()
    response = client.post(
        url("delegation_revoke", importer), {"delegation": grant.pk, "confirm": "yes"}
    )
    assert response.status_code == 302
    assert response.url == url("detail", importer) + "#brokers"
    assert not ImporterDelegation.objects.filter(pk=grant.pk).exists()
