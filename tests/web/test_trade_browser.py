"""The trade pages in Chromium: filing by keyboard alone, inline refusals, axe-core on each page."""

import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.urls import reverse

from accounts.models import TradeRole
from centers.models import Center, PartnerAgency, Port
from centers.reference import load_reference_data
from inquiries.models import Inquiry
from tests.factories import MembershipFactory, UserFactory

from .conftest import axe_check, sign_in
from .test_trade_pages import file_cf28, make_trade

SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"
MAX_TABS = 80

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def trade():
    # Another transactional test may have flushed the migration-loaded reference data.
    load_reference_data(Center, Port, PartnerAgency)
    return make_trade()


def _shot(page, name):
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"trade-{name}.png"), full_page=True)


def tab_to(page, selector: str) -> None:
    """Press Tab until the focused element matches `selector` (keyboard only, no clicks)."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_a_trade_admin_files_a_cf28_with_the_keyboard_alone(live_server, page, trade):
    laura = MembershipFactory(
        importer=trade.pharma, role=TradeRole.ADMIN, user=UserFactory(username="laura")
    ).user
    entry = trade.entries["recent"]
    issued = trade.today - timedelta(days=4)
    sign_in(page, live_server, laura)
    page.goto(live_server.url + reverse("portal:dashboard"))

    tab_to(page, f'main a[href="{reverse("portal:file")}"]')
    page.keyboard.press("Enter")
    page.wait_for_url(live_server.url + reverse("portal:file"))
    tab_to(page, f'a[href="{reverse("portal:file_type", args=["cf28"])}"]')
    page.keyboard.press("Enter")
    page.wait_for_url(live_server.url + reverse("portal:file_type", args=["cf28"]))

    tab_to(page, "#id_subject")
    page.keyboard.type("Help answering the CF-28 on our March shipment")
    tab_to(page, "#id_entry_number")
    page.keyboard.type(entry.display_number)
    tab_to(page, "#id_cf28_issue_date")
    page.keyboard.type(issued.strftime("%m%d%Y"))
    tab_to(page, "#id_description")
    page.keyboard.type("CBP asks for the formula of the product.")
    tab_to(page, 'button[type="submit"]')
    page.keyboard.press("Enter")

    page.wait_for_url(re.compile(r"/inquiries/CEE-\d{4}-\d{6,}/$"))
    inquiry = Inquiry.objects.get()
    assert page.url == live_server.url + reverse(
        "inquiries:detail", kwargs={"reference": inquiry.reference}
    )
    assert inquiry.importer == trade.pharma and inquiry.entry == entry
    assert inquiry.details == {"cf28_issue_date": issued.isoformat()}
    assert page.get_by_text(f"Inquiry {inquiry.reference} is filed").is_visible()


def test_a_protest_181_days_after_liquidation_shows_the_last_valid_day_inline(
    live_server, page, trade
):
    entry = trade.entries["old"]  # liquidated 200 days ago
    last_day = entry.liquidation_date + timedelta(days=180)
    sign_in(page, live_server, trade.admin)
    page.goto(
        live_server.url
        + reverse("portal:file_type", args=["protest"])
        + f"?entry={entry.display_number}"
    )
    assert page.get_by_label("Entry number").input_value() == entry.display_number
    page.get_by_label("Subject").fill("Protest of the liquidation")
    page.get_by_label("Grounds of the protest").fill(
        "The goods belong under heading 3004, not 3006, as the ruling N312345 holds."
    )
    page.get_by_role("button", name="File the inquiry").click()

    error = page.locator("#id_entry_number-error")
    assert f"ended on {last_day.isoformat()}" in error.inner_text()
    summary = page.locator("[data-error-summary]")
    assert summary.is_visible()
    assert page.evaluate("document.activeElement.hasAttribute('data-error-summary')")
    summary.get_by_role("link").first.press("Enter")
    assert page.evaluate("document.activeElement.id") == "id_entry_number"
    assert not Inquiry.objects.exists()
    axe_check(page)
    _shot(page, "file-form-errors")


def test_every_trade_page_passes_axe(live_server, page, trade):
    inquiry = file_cf28(trade)
    viewer_page = page.context.browser.new_context().new_page()
    sign_in(page, live_server, trade.admin)
    pages = [
        ("dashboard", reverse("portal:dashboard")),
        ("chooser", reverse("portal:file")),
        ("file-form", reverse("portal:file_type", args=["protest"])),
        ("inquiries", reverse("portal:inquiries")),
        ("inbox", reverse("portal:inbox")),
        ("entries", reverse("entries:list")),
        ("entry", reverse("entries:detail", args=[trade.entries["recent"].display_number])),
        ("accounts", reverse("accounts:list")),
        ("account-admin", reverse("accounts:detail", args=[trade.pharma.pk])),
    ]
    for name, path in pages:
        page.goto(live_server.url + path)
        assert page.get_by_role("heading", level=1).count() == 1, name
        if name in ("dashboard", "inquiries", "inbox", "entry"):
            assert (
                page.get_by_role("link", name=inquiry.subject).count()
                + page.get_by_role("link", name=inquiry.reference).count()
                > 0
            ), name
        axe_check(page)
        if name in ("dashboard", "file-form", "entry", "account-admin", "chooser", "inbox"):
            _shot(page, name)

    page.goto(live_server.url + reverse("accounts:detail", args=[trade.pharma.pk]))
    page.locator("#id_add-member-person").fill("nobody-at-all")
    page.get_by_role("button", name="Add member").click()
    assert page.get_by_text("There is a problem").is_visible()
    axe_check(page)
    _shot(page, "account-admin-errors")

    sign_in(viewer_page, live_server, trade.viewer)
    viewer_page.goto(live_server.url + reverse("portal:file_type", args=["cf28"]))
    assert viewer_page.get_by_text("You cannot file inquiries yet").is_visible()
    axe_check(viewer_page)
    viewer_page.context.close()
