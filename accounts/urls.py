"""Account pages: the user's importers, their members and delegations."""

app_name = "accounts"

urlpatterns: list = []
