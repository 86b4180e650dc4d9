import csv
from pathlib import Path

import pytest
from django.conf import settings
from rest_framework.authtoken.models import Token

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "a-test-password-1"  # the UserFactory password


def _csv_centers() -> dict[str, dict]:
    path = Path(settings.BASE_DIR) / "centers" / "data" / "centers.csv"
    with path.open(newline="", encoding="utf-8") as handle:
        return {
            row["code"]: {
                "code": row["code"],
                "name": row["name"],
                "office_city": row["office_city"],
                "host_port": row["host_port"],
                "hts_prefixes": row["hts_prefixes"].split(),
            }
            for row in csv.DictReader(handle)
        }


def test_anyone_can_list_the_ten_centers_on_one_page(api_client):
    response = api_client.get("/api/v1/centers/")
    assert response.status_code == 200
    page = response.json()
    assert page == {"next": None, "previous": None, "results": page["results"]}
    centers = page["results"]
    assert len(centers) == 10
    assert {center["code"]: center for center in centers} == _csv_centers()
    for center in centers:
        assert set(center) == {"code", "name", "office_city", "host_port", "hts_prefixes"}
        assert len(center["host_port"]) == 4 and center["host_port"].isdigit()
        assert all(isinstance(p, str) and p.isdigit() for p in center["hts_prefixes"])


def test_a_center_is_found_by_its_code(api_client):
    response = api_client.get("/api/v1/centers/PHC/")
    assert response.status_code == 200
    assert response.json() == _csv_centers()["PHC"]
    assert "9018" in response.json()["hts_prefixes"]


def test_the_center_list_is_paged_like_every_list(api_client):
    first = api_client.get("/api/v1/centers/", {"page_size": 4}).json()
    assert [center["code"] for center in first["results"]] == ["AA", "AFT", "AG", "BM"]
    assert first["previous"] is None and "page=2" in first["next"]
    last = api_client.get("/api/v1/centers/", {"page_size": 4, "page": 3}).json()
    assert len(last["results"]) == 2 and last["next"] is None


@pytest.mark.parametrize("code", ["XYZ", "phc", "1001"])
def test_an_unknown_center_code_answers_404(api_client, code):
    assert api_client.get(f"/api/v1/centers/{code}/").status_code == 404


def test_the_center_list_is_read_only(api_client):
    response = api_client.post("/api/v1/centers/", {"code": "NEW"}, format="json")
    assert response.status_code in (401, 403, 405)


def test_good_credentials_get_a_token(api_client):
    user = UserFactory(username="ace-feed", is_service_account=True)
    response = api_client.post(
        "/api/v1/auth/token/", {"username": "ace-feed", "password": PASSWORD}, format="json"
    )
    assert response.status_code == 200
    assert response.json() == {"token": Token.objects.get(user=user).key}
    again = api_client.post(
        "/api/v1/auth/token/", {"username": "ace-feed", "password": PASSWORD}, format="json"
    )
    assert again.json() == response.json()


@pytest.mark.parametrize(
    "credentials",
    [
        {"username": "ace-feed", "password": "wrong-password"},
        {"username": "nobody", "password": PASSWORD},
        {"username": "ace-feed"},
        {},
    ],
    ids=["wrong-password", "unknown-user", "no-password", "empty"],
)
def test_wrong_credentials_answer_400_without_a_token(api_client, credentials):
    UserFactory(username="ace-feed")
    response = api_client.post("/api/v1/auth/token/", credentials, format="json")
    assert response.status_code == 400
    assert "token" not in response.json()
    assert not Token.objects.exists()


def test_a_deactivated_user_gets_no_token(api_client):
    UserFactory(username="gone", is_active=False)
    response = api_client.post(
        "/api/v1/auth/token/", {"username": "gone", "password": PASSWORD}, format="json"
    )
    assert response.status_code == 400


def test_the_token_endpoint_accepts_only_post(api_client):
    assert api_client.get("/api/v1/auth/token/").status_code == 405
