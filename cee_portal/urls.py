"""URLs of the portal: pages, the v1 API, the admin and the health check."""

from django.contrib import admin
from django.contrib.auth.views import LoginView
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from .forms import SignInForm
from .health import healthz
from .pages import SignOutView, home

urlpatterns = [
    path("admin/", admin.site.urls),
    path("healthz", healthz, name="healthz"),
    path("api/v1/", include(("cee_portal.api_urls", "api"))),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    # The docs page renders HTML for GET only (its OPTIONS answer has no template).
    path(
        "api/docs/",
        SpectacularSwaggerSplitView.as_view(url_name="schema", http_method_names=["get", "head"]),
        name="api-docs",
    ),
    path("accounts/login/", LoginView.as_view(authentication_form=SignInForm), name="login"),
    path("accounts/logout/", SignOutView.as_view(), name="logout"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("home/", home, name="home"),  # where a sign-in lands: the person's role home
    path("", include("centers.urls")),
    path("", include("inquiries.trade_urls")),
    path("inquiries/", include("inquiries.urls")),
    path("staff/", include("inquiries.staff_urls")),
    path("entries/", include("entries.urls")),
    path("importers/", include("accounts.urls")),
    path("", include("accounts.ae_urls")),
    path("reports/", include("reports.urls")),
]

handler404 = "cee_portal.errors.not_found"
handler500 = "cee_portal.errors.server_error"
