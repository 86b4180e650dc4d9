"""The portal's URLs plus the engagement-plan API, until the portal's URLconf includes it."""

from django.urls import include, path

from accounts import plan_urls
from cee_portal import api_urls
from cee_portal import urls as portal

api_urlpatterns = [*api_urls.urlpatterns, *plan_urls.api_urlpatterns]

urlpatterns = [
    path("api/v1/", include((api_urlpatterns, "api"))),
    *(pattern for pattern in portal.urlpatterns if str(pattern.pattern) != "api/v1/"),
]
