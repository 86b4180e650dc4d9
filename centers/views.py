"""Public pages."""

from django.shortcuts import render

from .models import Center


def home(request):
    """The public home page: what the Centers are, and the ten of them."""
    return render(request, "centers/home.html", {"centers": Center.objects.order_by("name")})
