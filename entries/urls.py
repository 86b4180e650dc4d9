"""Entry pages: list and detail."""

from django.urls import path

from . import views

app_name = "entries"

urlpatterns = [
    path("", views.entry_list, name="list"),
    path("<str:entry_number>/", views.entry_detail, name="detail"),
]
