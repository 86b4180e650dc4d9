"""Signing in to the pages: people only; the ACE feed uses the API token endpoint."""

import pytest
from django.urls import reverse

from tests.factories import (
    CenterStaffFactory,
    MembershipFactory,
    PgaLiaisonFactory,
    UserFactory,
)

PASSWORD = "a-long-test-password-2026"


@pytest.mark.django_db
def test_a_person_signs_in_to_the_pages(client):
    UserFactory(username="pat", password=PASSWORD)
    response = client.post(reverse("login"), {"username": "pat", "password": PASSWORD})
    assert response.status_code == 302
    assert "_auth_user_id" in client.session


@pytest.mark.django_db
def test_the_ace_feed_service_account_cannot_sign_in_to_pages(client):
    UserFactory(username="ace", password=PASSWORD, is_service_account=True)
    response = client.post(reverse("login"), {"username": "ace", "password": PASSWORD})
    assert response.status_code == 200
    assert "signs in through the API token endpoint" in response.content.decode()
    assert "_auth_user_id" not in client.session


def _trade_user():
    return MembershipFactory(user=UserFactory(username="pat", password=PASSWORD)).user


def _staff(supervisor=False):
    def make():
        return CenterStaffFactory(
            user=UserFactory(username="pat", password=PASSWORD), is_supervisor=supervisor
        ).user

    return make


def _flagged(**flags):
    def make():
        return UserFactory(username="pat", password=PASSWORD, **flags)

    return make


def _liaison():
    return PgaLiaisonFactory(user=UserFactory(username="pat", password=PASSWORD)).user


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("make", "home"),
    [
        (_trade_user, "portal:dashboard"),
        (_staff(), "staff:queue"),
        (_staff(supervisor=True), "staff:queue"),
        (_flagged(is_account_executive=True), "ae:dashboard"),
        (_flagged(is_hq_reviewer=True), "staff:referrals"),
        (_liaison, "staff:referrals"),
        (_flagged(is_superuser=True, is_staff=True), "admin:index"),
    ],
    ids=["trade", "staff", "supervisor", "ae", "hq", "pga", "admin"],
)
def test_each_role_lands_on_its_home_after_sign_in(client, make, home):
    make()
    response = client.post(reverse("login"), {"username": "pat", "password": PASSWORD}, follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == reverse(home)


@pytest.mark.django_db
def test_a_safe_next_wins_and_an_unsafe_one_is_ignored(client):
    _trade_user()
    response = client.post(
        reverse("login"), {"username": "pat", "password": PASSWORD, "next": reverse("portal:inbox")}
    )
    assert response.url == reverse("portal:inbox")
    client.logout()
    response = client.post(
        reverse("login"),
        {"username": "pat", "password": PASSWORD, "next": "https://evil.example/"},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == reverse("portal:dashboard")


@pytest.mark.django_db
def test_password_change_is_a_portal_page_linked_from_the_user_menu(client):
    user = _trade_user()
    client.force_login(user)
    home = client.get(reverse("portal:dashboard")).content.decode()
    assert f'href="{reverse("password_change")}"' in home
    page = client.get(reverse("password_change")).content.decode()
    assert "Change your password" in page and 'id="main-content"' in page
    assert "usa-input" in page and "Django administration" not in page
    response = client.post(
        reverse("password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": "another-long-pass-2027",
            "new_password2": "another-long-pass-2027",
        },
        follow=True,
    )
    assert "Your password has been changed" in response.content.decode()
    user.refresh_from_db()
    assert user.check_password("another-long-pass-2027")


@pytest.mark.django_db
def test_sign_out_is_a_post_and_a_get_of_its_address_leads_to_a_page(client):
    user = _trade_user()
    client.force_login(user)
    response = client.get(reverse("logout"))
    assert response.status_code == 302 and response.url == reverse("home")
    assert client.get(reverse("portal:dashboard")).status_code == 200  # still signed in
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert client.get(reverse("portal:dashboard")).status_code == 302  # signed out
    response = client.get(reverse("logout"))
    assert response.status_code == 302 and response.url == reverse("centers:home")
