"""Error pages: a plain 503 while the database is unreachable, else the plain 500 page."""

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)


def server_error(request):
    """Render 503 with Retry-After when the failure is the database going away."""
    exc = sys.exc_info()[1]
    if isinstance(exc, OperationalError | InterfaceError):
        logger.error("database unavailable: %s", type(exc).__name__)
        return HttpResponse(render_to_string("503.html"), status=503,
                            headers={"Retry-After": "30"})
    return HttpResponse(render_to_string("500.html"), status=500)
