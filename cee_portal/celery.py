"""The Celery application: configuration from Django settings, tasks autodiscovered."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cee_portal.settings")

app = Celery("cee_portal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
