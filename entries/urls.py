"""Entry pages: list and detail."""

app_name = "entries"

urlpatterns: list = []
