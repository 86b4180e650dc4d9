"""Account Executive dashboard and engagement-plan pages."""

app_name = "ae"

urlpatterns: list = []
