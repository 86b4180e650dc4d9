"""The public pages: home, Centers, rulings search and ruling pages."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from centers.models import Center, PartnerAgency, Publication
from centers.views import coverage_summary

from .helpers import make_event, make_publication, make_ruling

pytestmark = pytest.mark.django_db


def test_home_explains_the_centers_and_links_each_one(client):
    response = client.get(reverse("centers:home"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Account Executive" in html
    assert "C-TPAT" in html
    for center in Center.objects.all():
        assert reverse("centers:detail", args=[center.code]) in html
    assert reverse("login") in html
    assert reverse("centers:rulings") in html


def test_center_list_shows_every_center_with_host_port_and_coverage(client):
    response = client.get(reverse("centers:list"))
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('<th scope="row"') == 10
    assert "1001 New York, NY" in html
    assert "Chapters 28–38; headings 9018–9022" in html


@pytest.mark.parametrize(
    ("prefixes", "expected"),
    [
        (["28", "29", "30", "9018", "9019", "9020"], "Chapters 28–30; headings 9018–9020"),
        (["84", "8501"], "Chapter 84; heading 8501"),
        (["39", "40", "44"], "Chapters 39, 40, 44"),
        (["8471", "847130"], "Heading 8471; subheading 847130"),
    ],
)
def test_coverage_summary_names_chapters_and_headings(prefixes, expected):
    assert coverage_summary(prefixes) == expected


def test_unknown_center_is_404(client):
    assert client.get(reverse("centers:detail", args=["NOPE"])).status_code == 404


def test_center_page_shows_its_content_and_not_other_centers(client):
    now = timezone.now()
    el, phc = Center.objects.get(code="EL"), Center.objects.get(code="PHC")
    el.director = "Jordan Example"
    el.save()
    make_publication("Classifying laptops", kind=Publication.Kind.INFORMED_COMPLIANCE)
    make_publication("Reasonable care for everyone", center=None)
    make_publication("Drug labelling", center="PHC")
    agency = PartnerAgency.objects.create(code="ZZZ", name="Test Signals Agency")
    agency.centers.add(el)
    make_ruling("N300001", hts=["8471300100"], subject="Tablet computer")
    make_ruling("N300002", hts=["3004909290"], subject="Pain reliever", center="PHC")
    make_event(
        "Export compliance webinar",
        starts_at=now + datetime.timedelta(days=5),
        for_small_business=True,
    )
    make_event("Last year's summit", starts_at=now - datetime.timedelta(days=5))
    make_event("Chemicals day", center="PHC", starts_at=now + datetime.timedelta(days=3))

    response = client.get(reverse("centers:detail", args=["EL"]))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Jordan Example" in html
    assert "Informed Compliance Publications" in html
    assert "Classifying laptops" in html and "Reasonable care for everyone" in html
    assert "Drug labelling" not in html
    assert "Test Signals Agency" in html
    assert "Tablet computer" in html and "Pain reliever" not in html
    assert "Export compliance webinar" in html
    assert "For small and mid-size importers" in html
    assert "Last year&#x27;s summit" not in html and "Chemicals day" not in html
    assert "Chapters 85, 90; headings 8443, 8469–8473" in html
    # A Center-less publication shows on every Center.
    assert (
        "Reasonable care for everyone"
        in client.get(reverse("centers:detail", args=[phc.code])).content.decode()
    )


def test_center_page_hides_an_empty_director(client):
    html = client.get(reverse("centers:detail", args=["AG"])).content.decode()
    assert "Director" not in html


def test_center_page_shows_only_the_latest_five_rulings(client):
    for day in range(1, 8):
        make_ruling(f"N30000{day}", ruling_date=datetime.date(2025, 1, day))
    rulings = client.get(reverse("centers:detail", args=["EL"])).context["rulings"]
    assert [ruling.number for ruling in rulings] == [f"N30000{day}" for day in (7, 6, 5, 4, 3)]


def _fill_center(size):
    now = timezone.now()
    for n in range(size):
        make_ruling(f"H{size:02d}{n:04d}", hts=["8471300100"])
        make_publication(f"Guide {size}-{n}")
        make_publication(f"Shared {size}-{n}", center=None, kind=Publication.Kind.PGA_LINK)
        make_event(
            f"Event {size}-{n}",
            starts_at=now + datetime.timedelta(days=n + 1),
            for_small_business=n % 2 == 0,
        )
        PartnerAgency.objects.create(code=f"Z{size % 10}{n}", name=f"Agency {n}").centers.add(
            Center.objects.get(code="EL")
        )


@pytest.mark.parametrize("size", [2, 9])
def test_center_page_queries_do_not_grow_with_its_content(
    client, size, django_assert_max_num_queries
):
    _fill_center(size)
    # Center, host port, publications, partner agencies, rulings, events.
    with django_assert_max_num_queries(6):
        response = client.get(reverse("centers:detail", args=["EL"]))
    assert response.status_code == 200


@pytest.mark.parametrize("size", [3, 30])
def test_rulings_search_queries_do_not_grow_with_results(
    client, size, django_assert_max_num_queries
):
    for n in range(size):
        make_ruling(f"Q{size:02d}{n:04d}", hts=["8471300100"], subject="Laptop computer")
    with django_assert_max_num_queries(1):  # one page of rulings with their Centers
        response = client.get(reverse("centers:rulings"), {"text": "laptop"})
    assert len(response.context["rulings"]) == min(size, 25)


@pytest.fixture
def rulings():
    return [
        make_ruling(
            "N312345",
            hts=["8471300100", "8471410150"],
            subject="Tariff classification of a laptop computer",
            text="The merchandise is a portable automatic data processing machine.",
        ),
        make_ruling(
            "N312346",
            hts=["8507600020"],
            subject="Lithium-ion battery pack",
            text="A rechargeable battery pack of lithium-ion cells for power tools.",
        ),
        make_ruling(
            "H301234",
            hts=["3004909290"],
            center="PHC",
            subject="Analgesic tablets in retail packages",
            text="Tablets containing ibuprofen put up for retail sale.",
        ),
    ]


def _numbers(response):
    return sorted(ruling.number for ruling in response.context["rulings"])


def test_search_by_number_finds_the_ruling(client, rulings):
    response = client.get(reverse("centers:rulings"), {"number": "n312345"})
    assert response.status_code == 200
    assert _numbers(response) == ["N312345"]


def test_search_by_hts_prefix_with_dots_finds_rulings_of_that_heading(client, rulings):
    response = client.get(reverse("centers:rulings"), {"hts": "8471.30"})
    assert _numbers(response) == ["N312345"]
    response = client.get(reverse("centers:rulings"), {"hts": "8471.41"})
    assert _numbers(response) == ["N312345"]
    response = client.get(reverse("centers:rulings"), {"hts": "85"})
    assert _numbers(response) == ["N312346"]


def test_hts_prefix_matches_only_the_start_of_a_number(client, rulings):
    response = client.get(reverse("centers:rulings"), {"hts": "9290"})
    assert _numbers(response) == []


def test_full_text_search_finds_words_in_subject_and_text(client, rulings):
    assert _numbers(client.get(reverse("centers:rulings"), {"text": "batteries"})) == ["N312346"]
    assert _numbers(client.get(reverse("centers:rulings"), {"text": "ibuprofen"})) == ["H301234"]
    assert _numbers(client.get(reverse("centers:rulings"), {"text": "laptop", "hts": "8507"})) == []


def test_hts_prefix_with_letters_shows_an_inline_error(client, rulings):
    response = client.get(reverse("centers:rulings"), {"hts": "84ab"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "usa-form-group--error" in html
    assert "There is a problem" in html
    assert "digits and dots only" in html
    assert response.context["rulings"] is None


def test_hts_prefix_longer_than_ten_digits_is_refused(client):
    response = client.get(reverse("centers:rulings"), {"hts": "84713001001"})
    assert response.status_code == 200
    assert response.context["form"].errors["hts"]


def test_empty_search_lists_the_latest_rulings(client, rulings):
    response = client.get(reverse("centers:rulings"))
    assert response.status_code == 200
    assert _numbers(response) == ["H301234", "N312345", "N312346"]


def test_search_paginates_25_a_page_and_keeps_the_query(client):
    for n in range(27):
        make_ruling(f"P{n:06d}", hts=["8471300100"], ruling_date=datetime.date(2025, 1, 1))
    first = client.get(reverse("centers:rulings"), {"hts": "8471"})
    assert len(first.context["rulings"]) == 25
    assert first.context["previous_url"] == ""
    assert "hts=8471" in first.context["next_url"] and "page=2" in first.context["next_url"]
    second = client.get(first.context["next_url"])
    assert [ruling.number for ruling in second.context["rulings"]] == ["P000025", "P000026"]
    assert second.context["next_url"] == ""
    assert "page=1" in second.context["previous_url"]
    assert 'rel="prev"' in second.content.decode()


def test_bad_page_number_shows_the_first_page(client, rulings):
    response = client.get(reverse("centers:rulings"), {"page": "x"})
    assert response.status_code == 200
    assert len(response.context["rulings"]) == 3


def test_ruling_page_shows_the_full_text(client, rulings):
    response = client.get(reverse("centers:ruling", args=["H301234"]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Tablets containing ibuprofen put up for retail sale." in html
    assert "3004.90.9290" in html
    assert reverse("centers:detail", args=["PHC"]) in html


def test_unknown_ruling_is_404(client):
    assert client.get(reverse("centers:ruling", args=["N999999"])).status_code == 404
