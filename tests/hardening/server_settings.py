"""Settings of the portal when a hardening test runs it as a real server or worker.

The production settings, read from the environment the test passes, with plain static file
storage (no collectstatic in a test) and the API throttles lifted, so one simulated user's
throttle does not cap a load run (DESIGN.md §13).
"""

from cee_portal.settings import *  # noqa: F403
from cee_portal.settings import REST_FRAMEWORK, STORAGES

STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
AXES_ENABLED = False
REST_FRAMEWORK = {
    **REST_FRAMEWORK,
    "DEFAULT_THROTTLE_RATES": {
        "anon": "1000000/minute",
        "user": "1000000/minute",
        "token": "1000000/minute",
    },
}
