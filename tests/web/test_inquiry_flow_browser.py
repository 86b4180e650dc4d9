"""An inquiry worked end to end in Chromium: answering and resolving by keyboard alone, axe on
every page each role reaches, and screenshots of the staff queue and the workbench."""

from pathlib import Path

import pytest
from django.utils import timezone

from centers.models import Center, PartnerAgency, Port
from centers.reference import load_reference_data
from inquiries import services
from inquiries.models import Inquiry, Message
from inquiries.workflow import Action, Status
from tests.inquiries.builders import drive_to, file_policy_question, make_world

from .conftest import axe_check, sign_in

SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"


def _shot(page, name):
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"staff-{name}.png"), full_page=True)


def _page_for(browser, live_server, user):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    return sign_in(context.new_page(), live_server, user)


def _tab_to(page, selector, limit=150):
    """Press Tab until the focused element matches `selector` (the keyboard's only way)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(
            "s => !!document.activeElement && document.activeElement.matches(s)", selector
        ):
            return
    raise AssertionError(f"Tab never reached {selector}")


def _success(page):
    return page.locator(".usa-alert--success").inner_text()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_inquiry_flow_with_the_keyboard_and_axe_for_every_role(live_server, browser):
    # Another transactional test may have flushed the migration-loaded reference data.
    load_reference_data(Center, Port, PartnerAgency)
    world = make_world()
    inquiry = file_policy_question(
        world,
        subject="How does the marking rule apply to kits?",
        description="We import kits of vials and syringes.",
    )
    detail = f"{live_server.url}/inquiries/{inquiry.reference}/"

    # Staff claim, start the review, ask for information and leave an internal note.
    staff = _page_for(browser, live_server, world.assignee)
    staff.goto(detail)
    axe_check(staff)
    staff.get_by_role("button", name="Claim").click()
    assert "Claim: done." in _success(staff)
    staff.get_by_role("button", name="Start review").click()
    assert "Under review" in _success(staff)
    staff.get_by_label("What the importer should send").fill(
        "Please send the kit's bill of materials."
    )
    staff.get_by_role("button", name="Request information").click()
    assert "Additional information required" in _success(staff)
    staff.locator("#id_message-body").fill("SECRET-NOTE: the account had a similar case.")
    staff.locator("label[for='id_message-internal']").click()
    staff.get_by_role("button", name="Send").click()
    assert "Internal note posted." in _success(staff)
    axe_check(staff)

    # The importer answers with the keyboard alone.
    trade = _page_for(browser, live_server, world.filer)
    trade.goto(detail)
    axe_check(trade)
    assert "Please send the kit's bill of materials." in trade.content()
    _tab_to(trade, "#id_respond-message")
    trade.keyboard.type("The bill of materials is attached: 12 vials, 12 syringes.")
    _tab_to(trade, "form[action$='/actions/respond/'] button[type=submit]")
    trade.keyboard.press("Enter")
    trade.wait_for_url(detail)
    assert "Respond: done." in _success(trade)
    assert Inquiry.objects.get(pk=inquiry.pk).status == Status.IN_REVIEW
    axe_check(trade)

    # Staff resolve with the keyboard alone.
    staff.goto(detail)
    _tab_to(staff, "#id_resolve-outcome")
    staff.keyboard.type("Answered")
    _tab_to(staff, "#id_resolve-resolution")
    staff.keyboard.type("Kits are marked on the outer box; no marking of each vial is needed.")
    _tab_to(staff, "form[action$='/actions/resolve/'] button[type=submit]")
    staff.keyboard.press("Enter")
    staff.wait_for_url(detail)
    assert "Resolve: done." in _success(staff)
    fresh = Inquiry.objects.get(pk=inquiry.pk)
    assert fresh.status == Status.RESOLVED and fresh.outcome == "answered"
    axe_check(staff)
    _shot(staff, "workbench")

    # The importer reads the resolution and never the internal note.
    trade.goto(detail)
    body = trade.content()
    assert "no marking of each vial is needed" in body
    assert "SECRET-NOTE" not in body
    assert Message.objects.filter(inquiry=inquiry, internal=True).exists()
    axe_check(trade)

    # Supervisor: the queue with its bulk-assign form; the header box selects every row.
    others = [file_policy_question(world, subject=f"Queued question {i}") for i in range(3)]
    supervisor = _page_for(browser, live_server, world.supervisor)
    supervisor.goto(f"{live_server.url}/staff/queue/")
    supervisor.locator("#select-all").focus()
    supervisor.keyboard.press("Space")
    assert supervisor.locator("input[name='bulk-inquiries']:checked").count() == 4
    axe_check(supervisor)
    _shot(supervisor, "queue")
    supervisor.get_by_label("Assign the selected inquiries to").select_option(str(world.staff.pk))
    supervisor.get_by_role("button", name="Assign selected").click()
    assert "Assigned:" in _success(supervisor)
    assert "was not assigned" in supervisor.locator(".usa-alert--error").first.inner_text()
    assert all(Inquiry.objects.get(pk=o.pk).assignee == world.staff for o in others)
    axe_check(supervisor)
    supervisor.goto(f"{live_server.url}/staff/my-work/")
    axe_check(supervisor)

    # AE: the inquiry page of an assigned account.
    ae = _page_for(browser, live_server, world.ae)
    ae.goto(detail)
    assert "SECRET-NOTE" in ae.content()  # CBP roles read internal notes
    axe_check(ae)

    # HQ reviewer: referrals, then the referred inquiry returned with a decision.
    to_hq = file_policy_question(world, subject="Is a kit one article?")
    drive_to(to_hq, world, "in_review", today=timezone.localdate())
    services.perform_action(
        to_hq,
        Action.REFER,
        by=world.assignee,
        data={"target": "hq", "note": "Ruling on kits, please."},
    )
    hq = _page_for(browser, live_server, world.hq)
    hq.goto(f"{live_server.url}/staff/referrals/")
    axe_check(hq)
    hq.get_by_role("link", name=to_hq.reference).click()
    hq.get_by_role("textbox", name="Decision").fill("A kit is classified as a set under GRI 3(b).")
    hq.get_by_role("button", name="Return with a decision").click()
    assert "Return with a decision: done." in _success(hq)
    axe_check(hq)

    # PGA liaison: referrals and the inquiry referred to the agency.
    to_fda = file_policy_question(world, subject="Are the syringes devices?")
    drive_to(to_fda, world, "referred", today=timezone.localdate())
    services.post_message(to_fda, by=world.assignee, body="SECRET-NOTE two", internal=True)
    fda = _page_for(browser, live_server, world.fda)
    fda.goto(f"{live_server.url}/staff/referrals/")
    axe_check(fda)
    fda.get_by_role("link", name=to_fda.reference).click()
    assert "FDA?" in fda.content() and "SECRET-NOTE" not in fda.content()
    axe_check(fda)
