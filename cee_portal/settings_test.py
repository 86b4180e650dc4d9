"""Test settings: the real PostgreSQL and Redis of the machine, fast hashing, no throttles."""

import os

os.environ.setdefault("DATABASE_URL", "postgres://cee:cee@127.0.0.1:5432/cee_portal")
os.environ.setdefault("DJANGO_DEBUG", "false")
os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "false")
# Debug is off as in production, so production's refusal of a missing key applies here too.
os.environ.setdefault("DJANGO_SECRET_KEY", "test-settings-key-not-a-secret-0123456789abcdefghij")

from .settings import *  # noqa: E402, F403
from .settings import REST_FRAMEWORK  # noqa: E402

# Tests run tasks eagerly unless a test starts a real worker against Redis.
CELERY_TASK_ALWAYS_EAGER = True
# A Redis DB of its own per xdist worker keeps parallel test runs apart.
_worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or "0"
TEST_REDIS_URL = os.environ.get("TEST_REDIS_URL", f"redis://127.0.0.1:6379/{1 + int(_worker)}")
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
AXES_ENABLED = False  # axes tests switch it on with the settings fixture
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
REST_FRAMEWORK = {
    **REST_FRAMEWORK,
    "DEFAULT_THROTTLE_RATES": {
        "anon": "100000/minute",
        "user": "100000/minute",
        "token": "100000/minute",
    },
}
LOGGING = {"version": 1, "disable_existing_loggers": False}
