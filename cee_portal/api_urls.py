"""The v1 HTTP API (DESIGN.md §9), mounted under /api/v1/."""

from django.urls import include, path
from rest_framework.routers import DefaultRouter

from accounts import plan_urls
from accounts.api import ImporterViewSet
from centers.api import CenterViewSet
from entries.api import EntryBatchView, EntryViewSet
from inquiries import api as inquiries
from reports import api_urls as report_urls

from .api import ObtainTokenView

router = DefaultRouter(trailing_slash=True)
router.include_root_view = False
router.register("centers", CenterViewSet, basename="center")
router.register("importers", ImporterViewSet, basename="importer")
router.register("entries", EntryViewSet, basename="entry")

urlpatterns = [
    path("auth/token/", ObtainTokenView.as_view(), name="token"),
    # Before the router: "batch" is not an entry number.
    path("entries/batch/", EntryBatchView.as_view(), name="entry-batch"),
    path("inquiries/", inquiries.InquiryListView.as_view(), name="inquiry-list"),
    path(
        "inquiries/<str:reference>/", inquiries.InquiryDetailView.as_view(), name="inquiry-detail"
    ),
    path(
        "inquiries/<str:reference>/actions/<str:action>/",
        inquiries.InquiryActionView.as_view(),
        name="inquiry-action",
    ),
    path(
        "inquiries/<str:reference>/messages/",
        inquiries.InquiryMessagesView.as_view(),
        name="inquiry-messages",
    ),
    path(
        "inquiries/<str:reference>/documents/",
        inquiries.InquiryDocumentsView.as_view(),
        name="inquiry-documents",
    ),
    path(
        "inquiries/<str:reference>/events/",
        inquiries.InquiryEventsView.as_view(),
        name="inquiry-events",
    ),
    path(
        "documents/<int:pk>/download/",
        inquiries.DocumentDownloadView.as_view(),
        name="document-download",
    ),
    path("", include(router.urls)),
    *plan_urls.api_urlpatterns,
    *report_urls.urlpatterns,
]
