"""Sign-in, password reset and change, the error pages and the confirmation of irreversible
actions in Chromium: axe-core finds no WCAG 2.1 AA violation, and they fit a 320 px window."""

import re
from pathlib import Path

import pytest
from django.urls import reverse

from accounts.models import EngagementPlan, Membership, TradeRole
from accounts.plans import PlanStatus
from centers.models import Center, PartnerAgency, Port
from centers.reference import load_reference_data
from inquiries.models import Inquiry
from inquiries.workflow import Status
from tests.factories import MembershipFactory, UserFactory
from tests.inquiries.builders import file_policy_question, make_world
from tests.plans.builders import PATH_TO, advance, create_draft, make_account

from .conftest import axe_check, sign_in

SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"
PASSWORD = "a-test-password-1"  # tests.factories.UserFactory's
NEW_PASSWORD = "a-brand-new-password-2027"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture(autouse=True)
def reference_data():
    # Another transactional test may have flushed the migration-loaded reference data.
    load_reference_data(Center, Port, PartnerAgency)


def _shot(page, name):
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"auth-{name}.png"), full_page=True)


def _narrow(browser, **options):
    return browser.new_context(viewport={"width": 320, "height": 640}, **options).new_page()


def _fits_320(page):
    assert page.evaluate("document.documentElement.scrollWidth") <= 320, page.url


def test_sign_in_and_password_reset_pages_pass_axe(live_server, page, mailoutbox):
    MembershipFactory(user=UserFactory(username="pat", email="pat@example.com"))
    page.goto(live_server.url + reverse("login"))
    axe_check(page)
    page.get_by_label("Username").fill("pat")
    page.get_by_label("Password").fill("not the password")
    page.get_by_role("button", name="Sign in").click()
    assert page.get_by_text("There is a problem").is_visible()
    axe_check(page)

    page.get_by_role("link", name="Forgot your password?").click()
    axe_check(page)
    page.get_by_label("Email").fill("pat@example.com")
    page.get_by_role("button", name="Send reset link").click()
    page.wait_for_url(re.compile(r"/accounts/password_reset/done/$"))
    axe_check(page)

    path = re.search(r"/accounts/reset/[^/\s]+/[^/\s]+/", mailoutbox[0].body).group(0)
    page.goto(live_server.url + path)
    assert page.get_by_role("heading", name="Choose a new password").is_visible()
    axe_check(page)
    page.locator("#id_new_password1").fill(NEW_PASSWORD)
    page.locator("#id_new_password2").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Change password").click()
    page.wait_for_url(re.compile(r"/accounts/reset/done/$"))
    axe_check(page)

    page.goto(live_server.url + "/accounts/reset/MQ/not-a-valid-token/")
    assert page.get_by_role("heading", name="This link no longer works").is_visible()
    axe_check(page)

    # Signing in lands on the trade dashboard, not the public home page.
    page.goto(live_server.url + reverse("login"))
    page.get_by_label("Username").fill("pat")
    page.get_by_label("Password").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(live_server.url + reverse("portal:dashboard"))


def test_password_change_is_a_portal_page_from_the_user_menu_and_passes_axe(
    live_server, page, browser
):
    user = MembershipFactory(user=UserFactory(username="pat")).user
    sign_in(page, live_server, user)
    page.goto(live_server.url + reverse("portal:dashboard"))
    page.get_by_role("link", name="Change password").click()
    page.wait_for_url(live_server.url + reverse("password_change"))
    assert page.get_by_role("heading", level=1).inner_text() == "Change your password"
    axe_check(page)
    page.locator("#id_old_password").fill(PASSWORD)
    page.locator("#id_new_password1").fill(NEW_PASSWORD)
    page.locator("#id_new_password2").fill("something else")
    page.get_by_role("button", name="Change password").click()
    assert page.get_by_text("There is a problem").is_visible()
    axe_check(page)
    page.locator("#id_old_password").fill(PASSWORD)
    page.locator("#id_new_password1").fill(NEW_PASSWORD)
    page.locator("#id_new_password2").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Change password").click()
    page.wait_for_url(live_server.url + reverse("password_change_done"))
    axe_check(page)
    page.get_by_role("link", name="Continue to your home page").click()
    page.wait_for_url(live_server.url + reverse("portal:dashboard"))

    user.refresh_from_db()  # a session of the old password no longer holds
    narrow = sign_in(_narrow(browser), live_server, user)
    narrow.goto(live_server.url + reverse("password_change"))
    assert narrow.get_by_role("heading", level=1).inner_text() == "Change your password"
    _fits_320(narrow)
    _shot(narrow, "password-change-320")
    narrow.context.close()


def test_error_pages_pass_axe(live_server, page, settings):
    settings.ROOT_URLCONF = "tests.web.error_urls"
    for path, status, heading in (
        ("/no-such-page/", 404, "Page not found"),
        ("/test-errors/500/", 500, "Something went wrong"),
        ("/test-errors/503/", 503, "The portal is temporarily unavailable"),
    ):
        response = page.goto(live_server.url + path)
        assert response.status == status, path
        assert page.get_by_role("heading", level=1).inner_text() == heading
        axe_check(page)
        page.set_viewport_size({"width": 320, "height": 640})
        _fits_320(page)
        _shot(page, f"error-{status}-320")
        page.set_viewport_size({"width": 1280, "height": 900})


def test_withdrawing_asks_first_without_script(live_server, browser):
    world = make_world()
    inquiry = file_policy_question(world, subject="How does the marking rule apply to kits?")
    detail = live_server.url + reverse("inquiries:detail", args=[inquiry.reference])
    page = sign_in(_narrow(browser, java_script_enabled=False), live_server, world.filer)
    page.goto(detail)
    page.get_by_label("Reason (optional)").fill("We found the answer in a ruling.")
    page.get_by_role("button", name="Withdraw").click()

    heading = f"Withdraw inquiry {inquiry.reference}?"
    assert page.get_by_role("heading", level=1).inner_text() == heading
    assert page.get_by_text("We found the answer in a ruling.").is_visible()
    _fits_320(page)
    _shot(page, "withdraw-confirm-320")
    page.get_by_role("link", name="No, go back").click()
    page.wait_for_url(detail)
    assert Inquiry.objects.get(pk=inquiry.pk).status == Status.SUBMITTED

    page.get_by_label("Reason (optional)").fill("We found the answer in a ruling.")
    page.get_by_role("button", name="Withdraw").click()
    page.get_by_role("button", name=f"Yes, withdraw {inquiry.reference}").click()
    page.wait_for_url(detail)
    assert page.locator(".usa-alert--success").inner_text().startswith("Withdraw: done.")
    inquiry.refresh_from_db()
    assert inquiry.status == Status.WITHDRAWN
    assert inquiry.events.get(action="withdraw").reason == "We found the answer in a ruling."
    page.context.close()


def test_the_confirmation_pages_pass_axe(live_server, page, browser):
    world = make_world()
    inquiry = file_policy_question(world)
    sign_in(page, live_server, world.filer)
    page.goto(live_server.url + reverse("inquiries:detail", args=[inquiry.reference]))
    page.get_by_role("button", name="Withdraw").click()
    assert page.get_by_role("button", name=f"Yes, withdraw {inquiry.reference}").is_visible()
    axe_check(page)

    member = Membership.objects.get(importer=world.importer, role=TradeRole.VIEWER)
    admin = sign_in(_narrow(browser), live_server, world.admin)
    admin.goto(live_server.url + reverse("accounts:detail", args=[world.importer.pk]))
    admin.get_by_role("button", name=f"Remove {member.user.display_name}").click()
    assert admin.get_by_role("heading", level=1).inner_text().startswith("Remove ")
    axe_check(admin)
    _fits_320(admin)
    _shot(admin, "remove-member-confirm-320")
    admin.get_by_role("button", name=f"Yes, remove {member.user.display_name}").click()
    assert admin.locator(".usa-alert--success").is_visible()
    assert not Membership.objects.filter(pk=member.pk).exists()
    admin.context.close()


def test_closing_a_plan_asks_first_and_fits_320(live_server, browser):
    account = make_account()
    plan = advance(
        create_draft(account.importer, by=account.admin), PATH_TO[PlanStatus.ACTIVE], by=account.ae
    )
    page = sign_in(_narrow(browser), live_server, account.ae)
    page.goto(live_server.url + reverse("ae:plan_detail", args=[plan.pk]))
    page.locator("#id_close-comment").fill("All goals met; the account moves to a new plan.")
    page.get_by_role("button", name="Close the plan").click()
    assert page.get_by_role("button", name="Yes, close the plan").is_visible()
    axe_check(page)
    _fits_320(page)
    _shot(page, "plan-close-confirm-320")
    page.get_by_role("button", name="Yes, close the plan").click()
    assert page.locator(".usa-alert--success").is_visible()
    assert EngagementPlan.objects.get(pk=plan.pk).status == PlanStatus.CLOSED
    page.context.close()
