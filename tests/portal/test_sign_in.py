"""Signing in to the pages: people only; the ACE feed uses the API token endpoint."""

import pytest
from django.urls import reverse

from tests.factories import UserFactory

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
