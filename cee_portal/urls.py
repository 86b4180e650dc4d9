"""URLs of the portal: pages, the v1 API, the admin and the health check."""

from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from centers.api import CenterViewSet

from .api import ObtainTokenView
from .health import healthz

router = DefaultRouter(trailing_slash=True)
router.include_root_view = False
router.register("centers", CenterViewSet, basename="center")

api_urlpatterns = [
    path("auth/token/", ObtainTokenView.as_view(), name="token"),
    path("", include(router.urls)),
]

urlpatterns = [
    path("admin/", admin.site.urls),
    path("healthz", healthz, name="healthz"),
    path("api/v1/", include((api_urlpatterns, "api"))),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="schema"), name="api-docs"),
    path("accounts/", include("django.contrib.auth.urls")),
]

handler500 = "cee_portal.errors.server_error"
