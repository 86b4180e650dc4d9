"""Report pages and the Center dashboard."""

app_name = "reports"

urlpatterns: list = []
