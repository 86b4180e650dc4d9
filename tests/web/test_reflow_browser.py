"""Reflow (WCAG 2.1, 1.4.10): no page of any role is wider than a 320 px window.

The demo world is seeded, and each person walks the main pages of their roles in Chromium at
320 px; a page that scrolls sideways fails, naming the elements that stick out.
"""

from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.demo import seed
from accounts.models import EngagementPlan, User
from centers.models import Ruling
from entries.models import Entry
from inquiries.models import Inquiry

from .conftest import sign_in

SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"
WIDTH = 320

# The widest element boxes past the right edge, to say what to fix.
OVERFLOW = """width => {
  const wide = [];
  for (const element of document.querySelectorAll("body *")) {
    const box = element.getBoundingClientRect();
    if (box.width > 0 && box.right > width + 0.5) {
      wide.push(`${element.tagName.toLowerCase()}.${String(element.className).trim()
        .replace(/\\s+/g, ".")} (right edge ${Math.round(box.right)} px)`);
    }
  }
  return {width: document.documentElement.scrollWidth, wide: wide.slice(0, 5)};
}"""


def _pages(cast) -> dict:
    """The main pages of each demo person (None: a visitor who is not signed in)."""
    inquiry = (
        Inquiry.objects.filter(importer=cast.pharma, center__isnull=False)
        .exclude(status__in=["closed", "withdrawn"])
        .order_by("pk")
        .first()
    )
    referred = Inquiry.objects.filter(referrals__agency__code="FDA").first()
    plan = EngagementPlan.objects.filter(importer=cast.pharma).order_by("pk").first()
    revised = EngagementPlan.objects.filter(version__gte=2).order_by("pk").first()
    ruling = Ruling.objects.order_by("number").first()
    entry = Entry.objects.filter(importer=cast.pharma).order_by("entry_number").first()
    detail = reverse("inquiries:detail", args=[inquiry.reference])
    documented = Inquiry.objects.filter(importer=cast.pharma, documents__isnull=False).first()
    with_documents = reverse("inquiries:detail", args=[(documented or inquiry).reference])
    return {
        None: [
            reverse("centers:home"),
            reverse("centers:list"),
            reverse("centers:detail", args=["PHC"]),
            reverse("centers:rulings"),
            reverse("centers:ruling", args=[ruling.number]),
            reverse("login"),
            reverse("password_reset"),
            "/no-such-page/",
        ],
        "trade-pharma": [
            reverse("portal:dashboard"),
            reverse("portal:inquiries"),
            reverse("portal:file"),
            reverse("portal:file_type", args=["cf28"]),
            detail,
            with_documents,
            reverse("entries:list"),
            reverse("entries:detail", args=[entry.display_number]),
            reverse("accounts:list"),
            reverse("accounts:detail", args=[cast.pharma.pk]),
            reverse("ae:plans"),
            reverse("ae:plan_detail", args=[plan.pk]),
            reverse("portal:inbox"),
            reverse("password_change"),
        ],
        "supervisor-pharma": [
            reverse("staff:queue"),
            reverse("staff:my_work"),
            detail,
            reverse("reports:index"),
            reverse("reports:center_dashboard"),
            reverse("reports:risk"),
            reverse("reports:uniformity"),
            reverse("reports:performance"),
        ],
        "ae-pharma": [
            reverse("ae:dashboard"),
            reverse("ae:plan_detail", args=[plan.pk]),
            reverse("ae:plan_compare", args=[revised.pk]),
            reverse("ae:plan_diff", args=[revised.pk, 1, 2]),
            detail,
        ],
        "hq-reviewer": [reverse("staff:referrals")],
        "fda-liaison": [
            reverse("staff:referrals"),
            reverse("inquiries:detail", args=[referred.reference]),
        ],
    }


def _shot(page, name):
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"reflow-{name}.png"))


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_no_page_of_any_role_is_wider_than_a_320px_window(live_server, browser, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    cast = seed(timezone.localdate()).cast
    too_wide = []
    for username, paths in _pages(cast).items():
        context = browser.new_context(viewport={"width": WIDTH, "height": 640})
        page = context.new_page()
        if username:
            sign_in(page, live_server, User.objects.get(username=username))
        for path in paths:
            page.goto(live_server.url + path)
            assert page.locator("h1").count() >= 1, f"{username} {path} did not render"
            found = page.evaluate(OVERFLOW, WIDTH)
            if found["width"] > WIDTH:
                too_wide.append(
                    f"{username or 'visitor'} {path}: {found['width']} px, {found['wide']}"
                )
        _shot(page, username or "visitor")
        context.close()
    assert not too_wide, "\n".join(too_wide)
