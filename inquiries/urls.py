"""The inquiry page shared by every role that sees the inquiry, and its forms."""

from django.urls import path

from . import page_views

app_name = "inquiries"

urlpatterns = [
    path("documents/<int:pk>/download/", page_views.document_download, name="document_download"),
    path("<str:reference>/", page_views.inquiry_detail, name="detail"),
    path("<str:reference>/actions/<str:action>/", page_views.take_action, name="act"),
    path("<str:reference>/messages/", page_views.post_message, name="post_message"),
    path("<str:reference>/documents/", page_views.upload, name="upload"),
]
