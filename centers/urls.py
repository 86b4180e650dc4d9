"""Public pages: home, Centers, rulings."""

from django.urls import path

from . import views

app_name = "centers"

urlpatterns = [
    path("", views.home, name="home"),
]
