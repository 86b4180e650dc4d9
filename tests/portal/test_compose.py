"""docker-compose.yml cannot run here (no Docker engine): parse it and check its services."""

from pathlib import Path

import yaml
from django.conf import settings

COMPOSE = Path(settings.BASE_DIR) / "docker-compose.yml"


def _services() -> dict:
    return yaml.safe_load(COMPOSE.read_text())["services"]


def test_compose_describes_web_workers_beat_postgres_and_redis():
    services = _services()
    assert {"web", "worker", "reports-worker", "beat", "postgres", "redis", "migrate"} <= set(
        services
    )
    assert services["web"]["command"][:2] == ["gunicorn", "cee_portal.wsgi:application"]
    assert "beat" in services["beat"]["command"]
    assert "django_celery_beat.schedulers:DatabaseScheduler" in services["beat"]["command"]


def test_notifications_and_reports_have_separate_workers():
    services = _services()
    worker_queues = services["worker"]["command"][services["worker"]["command"].index("-Q") + 1]
    report_queues = services["reports-worker"]["command"][
        services["reports-worker"]["command"].index("-Q") + 1
    ]
    assert "notifications" in worker_queues.split(",")
    assert report_queues.split(",") == ["reports"]


def test_app_services_take_configuration_from_the_environment_and_wait_for_migrations():
    services = _services()
    for name in ("web", "worker", "reports-worker", "beat"):
        env = services[name]["environment"]
        assert env["DATABASE_URL"].startswith("postgres://")
        assert env["REDIS_URL"].startswith("redis://")
        assert env["DJANGO_SECRET_KEY"].startswith("${DJANGO_SECRET_KEY:?")
        assert env["DJANGO_DEBUG"] == "false"
        depends = services[name]["depends_on"]
        assert depends["migrate"]["condition"] == "service_completed_successfully"
        assert "container_name" not in services[name]  # scalable


def test_every_app_service_shares_the_documents_volume_at_the_images_documents_root():
    dockerfile = (Path(settings.BASE_DIR) / "Dockerfile").read_text()
    assert "ENV DOCUMENTS_ROOT=/app/var/documents" in dockerfile
    assert 'VOLUME ["/app/var/documents"]' in dockerfile
    assert "chown -R cee:cee /app/var" in dockerfile  # writable by the user the image runs as
    compose = yaml.safe_load(COMPOSE.read_text())
    assert "documents" in compose["volumes"]
    for name in ("web", "worker", "reports-worker", "beat"):
        service = compose["services"][name]
        assert service["environment"]["DOCUMENTS_ROOT"] == "/app/var/documents"
        assert "documents:/app/var/documents" in service["volumes"]
