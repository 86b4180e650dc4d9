"""Trade pages: dashboard, filing, inbox."""

from django.urls import path

from . import trade_views

app_name = "portal"

urlpatterns = [
    path("dashboard/", trade_views.dashboard, name="dashboard"),
    path("dashboard/inquiries/", trade_views.inquiry_list, name="inquiries"),
    path("file/", trade_views.file_chooser, name="file"),
    path("file/<str:type>/", trade_views.file_type, name="file_type"),
    path("inbox/", trade_views.inbox, name="inbox"),
    path("inbox/read/", trade_views.inbox_read, name="inbox_read"),
]
