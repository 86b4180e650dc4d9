"""The inquiry page shared by every role that sees the inquiry, and its forms."""

app_name = "inquiries"

urlpatterns: list = []
