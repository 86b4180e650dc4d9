"""Trade pages: dashboard, filing, inbox."""

app_name = "portal"

urlpatterns: list = []
