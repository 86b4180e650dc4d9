"""Center staff, HQ reviewer and PGA liaison pages: queue, my work, referrals."""

from django.urls import path

from . import staff_views

app_name = "staff"

urlpatterns = [
    path("queue/", staff_views.queue, name="queue"),
    path("queue/assign/", staff_views.bulk_assign, name="bulk_assign"),
    path("my-work/", staff_views.my_work, name="my_work"),
    path("referrals/", staff_views.referrals, name="referrals"),
]
