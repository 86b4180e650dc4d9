"""The portal's URLs plus the floor views the benchmark measures against."""

from django.urls import include, path

from . import views

urlpatterns = [
    path("bench/floor/page/", views.floor_page),
    path("bench/floor/api/", views.FloorList.as_view()),
    path("bench/floor/write/", views.FloorWrite.as_view()),
    path("", include("cee_portal.urls")),
]
