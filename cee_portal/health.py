"""GET /healthz: is each configured service reachable?"""

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from .celery import app as celery_app

OK, LOCAL, EAGER, DOWN = "ok", "local", "eager", "down"


def database_status() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:  # any failure to reach the database means it is down
        return DOWN
    return OK


def cache_status() -> str:
    if not settings.REDIS_URL:
        return LOCAL
    try:
        cache.set("healthz", "1", timeout=5)
        return OK if cache.get("healthz") == "1" else DOWN
    except Exception:  # redis-py raises several connection error types
        return DOWN


def broker_status() -> str:
    if settings.CELERY_TASK_ALWAYS_EAGER and settings.CELERY_BROKER_URL.startswith("memory://"):
        return EAGER
    try:
        with celery_app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
    except Exception:  # kombu raises transport-specific errors
        return DOWN
    return OK


@never_cache
@require_GET
def healthz(request):
    """Report database, cache and broker: ok, local/eager when not configured, 503 if down."""
    report = {
        "database": database_status(),
        "cache": cache_status(),
        "broker": broker_status(),
    }
    status = 503 if DOWN in report.values() else 200
    return JsonResponse(report, status=status)
