"""The public pages in Chromium: they render, work, and pass axe-core's WCAG 2.1 AA rules."""

import datetime
from pathlib import Path

import pytest
from django.utils import timezone

from centers.models import Center, PartnerAgency, Port, Publication
from centers.reference import load_reference_data

from .conftest import axe_check
from .helpers import make_event, make_publication, make_ruling

SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"


def _shot(page, name):
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"public-{name}.png"), full_page=True)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_public_pages_render_and_pass_axe(live_server, page):
    # Another transactional test may have flushed the migration-loaded reference data.
    load_reference_data(Center, Port, PartnerAgency)
    make_ruling(
        "N312345",
        hts=["8471300100", "8471410150"],
        subject="Tariff classification of a laptop computer",
        text="The merchandise is a portable automatic data processing machine.\n\n"
        "The applicable subheading is 8471.30.0100, HTSUS.",
    )
    make_ruling("N312346", hts=["8507600020"], subject="Lithium-ion battery pack")
    make_publication(
        "What every member of the trade community should know: laptops",
        kind=Publication.Kind.INFORMED_COMPLIANCE,
        url="https://www.cbp.gov/",
    )
    make_publication("Reasonable care", center=None, url="https://www.cbp.gov/")
    make_publication(
        "FCC equipment authorization", kind=Publication.Kind.PGA_LINK, url="https://www.fcc.gov/"
    )
    PartnerAgency.objects.get_or_create(code="FCC", defaults={"name": "FCC"})[0].centers.add(
        Center.objects.get(code="EL")
    )
    make_event(
        "Classifying electronics: a primer",
        location="Webinar",
        starts_at=timezone.now() + datetime.timedelta(days=7),
        for_small_business=True,
    )

    page.goto(live_server.url + "/")
    assert page.get_by_role("heading", level=1).inner_text() == (
        "Centers of Excellence and Expertise"
    )
    axe_check(page)
    _shot(page, "home")

    page.get_by_role("link", name="Centers", exact=True).first.click()
    assert page.locator("tbody tr").count() == 10
    axe_check(page)
    _shot(page, "centers")
    page.set_viewport_size({"width": 390, "height": 844})  # the table stacks on phones
    axe_check(page)
    _shot(page, "centers-phone")
    page.set_viewport_size({"width": 1280, "height": 900})

    page.get_by_role("link", name="Electronics").click()
    assert page.get_by_text("For small and mid-size importers").is_visible()
    axe_check(page)
    _shot(page, "center-electronics")

    page.goto(live_server.url + "/rulings/")
    page.get_by_label("HTS number or prefix").fill("8471.30")
    page.get_by_role("button", name="Search").click()
    assert page.get_by_role("link", name="N312345").is_visible()
    assert page.get_by_role("link", name="N312346").count() == 0
    axe_check(page)
    _shot(page, "rulings-results")

    page.get_by_label("HTS number or prefix").fill("84ab")
    page.get_by_role("button", name="Search").click()
    assert page.get_by_text("There is a problem").is_visible()
    axe_check(page)
    _shot(page, "rulings-error")

    page.goto(live_server.url + "/rulings/N312345/")
    assert page.get_by_text("The applicable subheading is 8471.30.0100, HTSUS.").is_visible()
    axe_check(page)
    _shot(page, "ruling")
