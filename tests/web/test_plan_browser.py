"""Issue 5's acceptance in Chromium: an engagement plan from draft to active, axe on every page.

The importer admin drafts and submits a plan; the Account Executive requests changes; the
importer revises and resubmits; the AE compares the versions, approves, activates and records
a review.
"""

from pathlib import Path

import pytest

from accounts.models import EngagementPlan, PlanReview, TradeRole
from accounts.plans import PlanStatus
from accounts.services import assign_account_executive
from centers.models import Center, PartnerAgency, Port
from centers.reference import load_reference_data
from tests.factories import MembershipFactory, TrustedPartnerFactory, UserFactory

from .conftest import axe_check, sign_in

SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"


def _shot(page, name):
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"plans-{name}.png"), full_page=True)


def _success(page, text):
    assert page.locator(".usa-alert--success").filter(has_text=text).is_visible()


def _fill_goal(page, index, area, measure, baseline, target):
    for key, value in (
        ("area", area),
        ("measure", measure),
        ("baseline", baseline),
        ("target", target),
    ):
        page.fill(f"#id_goals-{index}-{key}", value)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_plan_goes_from_draft_to_active_between_importer_and_ae(live_server, browser, page):
    # Another transactional test may have flushed the migration-loaded reference data.
    load_reference_data(Center, Port, PartnerAgency)
    importer = TrustedPartnerFactory(name="Northfield Pharmaceuticals USA, Inc.")
    admin = MembershipFactory(
        importer=importer,
        role=TradeRole.ADMIN,
        user=UserFactory(username="trade-pharma", first_name="Laura", last_name="Bennett"),
    ).user
    ae = UserFactory(
        username="ae-pharma", first_name="Thomas", last_name="Greer", is_account_executive=True
    )
    assign_account_executive(importer, ae=ae, by=None)
    ae_page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    sign_in(page, live_server, admin)
    sign_in(ae_page, live_server, ae)

    # The importer admin drafts a plan: two goals (the second row added without script).
    page.goto(live_server.url + "/plans/")
    axe_check(page)
    page.get_by_role("link", name=f"Start a new plan for {importer.name}").click()
    axe_check(page)
    # USWDS draws its own checkbox; people click the label.
    page.locator("label", has_text="Reduced examinations").click()
    page.locator("label", has_text="Preferred exam location").click()
    _fill_goal(
        page, 0, "classification accuracy, chapter 30", "lines reclassified per 1,000", "4.2", "2.0"
    )
    page.get_by_role("button", name="Add another goal").click()
    _fill_goal(page, 1, "PGA (FDA) data quality", "FDA rejections per 100 entries", "1.8", "0.5")
    page.select_option("#id_touch_points-0-kind", "meeting")
    page.fill("#id_touch_points-0-planned_on", "2027-01-15")
    page.fill("#id_touch_points-0-purpose", "Kick-off with the compliance team")
    page.get_by_role("button", name="Save the draft").click()
    _success(page, "The draft plan was saved.")
    axe_check(page)
    page.get_by_role("button", name="Submit for review").click()
    _success(page, "submitted for review")
    plan = EngagementPlan.objects.get()
    assert (plan.status, plan.version, len(plan.goals)) == (PlanStatus.SUBMITTED, 1, 2)
    assert plan.benefits == ["reduced_examinations", "preferred_exam_location"]

    # The AE finds it on the dashboard and sends it back with a comment.
    ae_page.goto(live_server.url + "/ae/")
    axe_check(ae_page)
    ae_page.get_by_role("region", name="Plans waiting for your review").get_by_role(
        "link", name=importer.name
    ).click()
    ae_page.fill("#id_request_changes-comment", "Please aim lower on FDA rejections.")
    ae_page.get_by_role("button", name="Request changes").click()
    _success(ae_page, "Changes were requested")
    axe_check(ae_page)

    # The importer sees the comment, revises the second goal and resubmits.
    page.reload()
    assert page.get_by_text("Please aim lower on FDA rejections.").is_visible()
    page.get_by_role("link", name="Edit the plan").click()
    axe_check(page)
    page.fill("#id_goals-1-target", "0.3")
    page.get_by_role("button", name="Save the plan").click()
    _success(page, "The plan was saved.")
    page.get_by_role("button", name="Submit for review").click()
    _success(page, "submitted for review")

    # The AE compares the two versions, approves and activates.
    ae_page.reload()
    ae_page.get_by_role("link", name="Version 1 and 2").click()
    assert ae_page.get_by_role("heading", name="Changes from version 1 to version 2").is_visible()
    assert ae_page.locator("table[data-changes=goals] tbody tr").count() == 1
    axe_check(ae_page)
    ae_page.get_by_role("link", name="Back to the plan").click()
    ae_page.get_by_role("button", name="Approve the plan").click()
    _success(ae_page, "The plan was approved.")
    ae_page.get_by_role("button", name="Activate the plan").click()
    _success(ae_page, "The plan is active.")
    axe_check(ae_page)
    plan.refresh_from_db()
    assert (plan.status, plan.version) == (PlanStatus.ACTIVE, 2)

    # A first periodic review; the dashboard charts the touch points.
    ae_page.get_by_role("link", name="Record a review").click()
    axe_check(ae_page)
    ae_page.get_by_role("textbox", name="Goal 1").fill("3.0")
    ae_page.get_by_role("textbox", name="Goal 2").fill("1.1")
    ae_page.get_by_role("button", name="Record the review").click()
    _success(ae_page, "The review was recorded.")
    assert PlanReview.objects.filter(plan=plan).count() == 1
    axe_check(ae_page)
    _shot(ae_page, "plan-page-ae")
    page.reload()
    assert page.get_by_role("heading", name="Reviews").is_visible()
    assert page.get_by_text("Active", exact=True).first.is_visible()
    axe_check(page)
    _shot(page, "plan-page-importer")
    ae_page.goto(live_server.url + "/ae/")
    assert ae_page.locator("figure[data-chart-table] canvas").count() == 1
    axe_check(ae_page)
    _shot(ae_page, "ae-dashboard")
    ae_page.context.close()
