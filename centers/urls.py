"""Public pages: home, Centers, rulings."""

from django.urls import path

from . import views

app_name = "centers"

urlpatterns = [
    path("", views.home, name="home"),
    path("centers/", views.center_list, name="list"),
    path("centers/<str:code>/", views.center_detail, name="detail"),
    path("rulings/", views.ruling_search, name="rulings"),
    path("rulings/<str:number>/", views.ruling_detail, name="ruling"),
]
