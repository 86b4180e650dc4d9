"""The portal's URLs and two that fail, for the browser tests of the 500 and 503 pages.

Used only as ROOT_URLCONF in tests: the failures go through the portal's own error handler
(cee_portal.errors), as a real failure would.
"""

from django.db import OperationalError
from django.urls import path

from cee_portal.urls import handler404, handler500
from cee_portal.urls import urlpatterns as portal_urlpatterns


def fail(request):
    raise RuntimeError("a failure for the error page test")


def lose_the_database(request):
    raise OperationalError("the database went away")


urlpatterns = [
    path("test-errors/500/", fail),
    path("test-errors/503/", lose_the_database),
    *portal_urlpatterns,
]

__all__ = ["handler404", "handler500", "urlpatterns"]
