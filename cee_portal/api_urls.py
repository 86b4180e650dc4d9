"""The v1 HTTP API (DESIGN.md §9), mounted under /api/v1/."""

from django.urls import include, path
from rest_framework.routers import DefaultRouter

from centers.api import CenterViewSet

from .api import ObtainTokenView

router = DefaultRouter(trailing_slash=True)
router.include_root_view = False
router.register("centers", CenterViewSet, basename="center")

urlpatterns = [
    path("auth/token/", ObtainTokenView.as_view(), name="token"),
    path("", include(router.urls)),
]
