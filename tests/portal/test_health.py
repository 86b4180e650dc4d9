import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def embedded_services(settings):
    """No Redis configured: local-memory cache and eager Celery, as in the embedded default."""
    settings.REDIS_URL = ""
    settings.CELERY_BROKER_URL = "memory://"
    settings.CELERY_TASK_ALWAYS_EAGER = True


def test_healthz_reports_the_database_ok_and_unconfigured_services_as_embedded(
    client, embedded_services
):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "cache": "local", "broker": "eager"}
    assert "no-cache" in response["Cache-Control"]


def test_healthz_needs_no_sign_in_and_answers_only_get(client, embedded_services):
    assert client.post("/healthz").status_code == 405


def test_healthz_answers_503_when_a_configured_service_is_down(client, monkeypatch):
    from cee_portal import health

    monkeypatch.setattr(health, "cache_status", lambda: health.DOWN)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["cache"] == "down"
    assert response.json()["database"] == "ok"
