"""Benchmark settings: the portal's settings plus floor views, a query counter, no throttles,
and the `bench` app (the load generator's `generate_load` command).

Only the benchmark uses this module (bench/run.py, and `manage.py generate_load` with
DJANGO_SETTINGS_MODULE=bench.settings); production settings install no bench app and
production URLs never include the floor views.
"""

import os
import warnings

os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "false")
# The benchmark runs with debug off, as production does, on a machine of its own.
os.environ.setdefault("DJANGO_SECRET_KEY", "benchmark-settings-key-not-a-secret-0123456789abcdef")
os.environ.setdefault("API_THROTTLE_USER", "1000000/minute")
os.environ.setdefault("API_THROTTLE_ANON", "1000000/minute")
os.environ.setdefault("API_THROTTLE_TOKEN", "1000000/minute")
os.environ.setdefault("AXES_ENABLED", "false")
# Notifications are queued, not e-mailed to the console inside the measured request.
os.environ.setdefault("EMAIL_BACKEND", "django.core.mail.backends.dummy.EmailBackend")

from cee_portal.settings import *  # noqa: E402, F403
from cee_portal.settings import INSTALLED_APPS, MIDDLEWARE  # noqa: E402

# The bench app: the floor views' templates and the load generator's command.
INSTALLED_APPS = [*INSTALLED_APPS, "bench"]

ROOT_URLCONF = "bench.urls"
MIDDLEWARE = ["bench.views.QueryCountMiddleware", *MIDDLEWARE]
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "root": {"handlers": [], "level": "ERROR"},
}
# Static files are not measured: serve them without the manifest, so the benchmark runs on a
# fresh clone without collectstatic (production keeps the manifest storage).
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# No collectstatic for the benchmark: WhiteNoise's note that STATIC_ROOT is missing is noise.
warnings.filterwarnings("ignore", message="No directory at", category=UserWarning)
