"""Center staff, HQ reviewer and PGA liaison pages: queue, my work, referrals."""

app_name = "staff"

urlpatterns: list = []
