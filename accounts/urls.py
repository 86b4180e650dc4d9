"""Account pages: the user's importers, their members and delegations."""

from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("", views.importer_list, name="list"),
    path("<int:pk>/", views.importer_detail, name="detail"),
    path("<int:pk>/members/", views.member_add, name="member_add"),
    path("<int:pk>/members/role/", views.member_role, name="member_role"),
    path("<int:pk>/members/remove/", views.member_remove, name="member_remove"),
    path("<int:pk>/brokers/", views.delegation_add, name="delegation_add"),
    path("<int:pk>/brokers/revoke/", views.delegation_revoke, name="delegation_revoke"),
]
