"""Trade pages: dashboard, filing chooser and forms, inquiry list, inbox, entries, accounts."""

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.models import Importer, Membership, TradeRole
from cee_portal.templatetags.portal import days_phrase
from entries.models import Entry, LiquidationStatus
from inquiries import services
from inquiries.models import Inquiry, Notification
from inquiries.trade_views import TYPE_GROUPS
from inquiries.types import SPECS, Requirement
from tests.factories import (
    CenterStaffFactory,
    EntryFactory,
    EntryLineFactory,
    ImporterFactory,
    MembershipFactory,
    TrustedPartnerFactory,
    UserFactory,
    center,
    entry_number,
)

pytestmark = pytest.mark.django_db


@dataclass
class Trade:
    """Two accounts of one admin, a filer, a viewer, a stranger, and entries of every kind."""

    pharma: Importer
    sme: Importer
    other: Importer
    today: date
    users: dict = field(default_factory=dict)
    entries: dict = field(default_factory=dict)

    def __getattr__(self, name):
        users = self.__dict__.get("users", {})
        if name in users:
            return users[name]
        raise AttributeError(name)


def add_entry(importer, serial: int, **fields) -> Entry:
    entry = EntryFactory(importer=importer, entry_number=entry_number(serial, "NRX"), **fields)
    EntryLineFactory(entry=entry, line_number=1)
    return entry


def make_trade(today: date | None = None, *, serial: int = 4_310_000) -> Trade:
    today = today or timezone.localdate()
    pharma = TrustedPartnerFactory(
        name="Pharma Alpha Inc.", ior_number="123-45-6789", center=center("PHC"), center_pinned=True
    )
    sme = ImporterFactory(name="Beta Gadgets LLC", center=center("EL"), center_pinned=True)
    other = ImporterFactory(name="Gamma Other Corp.", center=center("EL"))
    trade = Trade(pharma=pharma, sme=sme, other=other, today=today)
    u = trade.users
    u["admin"] = MembershipFactory(
        importer=pharma, role=TradeRole.ADMIN, user=UserFactory(username="alpha-admin")
    ).user
    MembershipFactory(importer=sme, role=TradeRole.FILER, user=u["admin"])
    u["filer"] = MembershipFactory(importer=pharma, role=TradeRole.FILER).user
    u["viewer"] = MembershipFactory(importer=pharma, role=TradeRole.VIEWER).user
    u["stranger"] = MembershipFactory(importer=other, role=TradeRole.ADMIN).user
    u["staff"] = CenterStaffFactory(center=center("PHC")).user
    liquidated = LiquidationStatus.LIQUIDATED
    e = trade.entries
    e["old"] = add_entry(
        pharma,
        serial,
        entry_date=today - timedelta(days=520),
        liquidation_status=liquidated,
        liquidation_date=today - timedelta(days=200),
    )
    e["closing"] = add_entry(
        pharma,
        serial + 1,
        entry_date=today - timedelta(days=480),
        liquidation_status=liquidated,
        liquidation_date=today - timedelta(days=170),
    )
    e["recent"] = add_entry(
        pharma,
        serial + 2,
        entry_date=today - timedelta(days=330),
        liquidation_status=liquidated,
        liquidation_date=today - timedelta(days=20),
    )
    e["psc"] = add_entry(pharma, serial + 3, entry_date=today - timedelta(days=290))
    e["new"] = add_entry(pharma, serial + 4, entry_date=today - timedelta(days=10))
    e["other"] = add_entry(other, serial + 5, entry_date=today - timedelta(days=10))
    return trade


def file_cf28(trade, *, by=None, importer=None, entry="recent", issued_days_ago=5, now=None):
    entry = trade.entries[entry]
    return services.file_inquiry(
        importer or trade.pharma,
        by=by or trade.admin,
        type="cf28",
        subject="Help with our CF-28",
        entry_number=entry.entry_number,
        details={"cf28_issue_date": (trade.today - timedelta(days=issued_days_ago)).isoformat()},
        now=now,
    )


@pytest.fixture
def trade():
    return make_trade()


def get(client, user, name, *args, **params):
    client.force_login(user)
    return client.get(reverse(name, args=args), params)


def html(response) -> str:
    return response.content.decode()


# --- Access -----------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["portal:dashboard", "portal:file", "portal:inquiries"])
def test_trade_pages_are_404_for_cbp_staff_and_ask_anonymous_visitors_to_sign_in(
    client, trade, name
):
    assert get(client, trade.staff, name).status_code == 404
    client.logout()
    response = client.get(reverse(name))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_another_importers_entry_and_account_answer_404(client, trade):
    client.force_login(trade.admin)
    other_entry = trade.entries["other"]
    assert (
        client.get(reverse("entries:detail", args=[other_entry.display_number])).status_code == 404
    )
    assert client.get(reverse("entries:detail", args=["not-a-number"])).status_code == 404
    assert client.get(reverse("accounts:detail", args=[trade.other.pk])).status_code == 404
    assert client.get(reverse("accounts:detail", args=[trade.pharma.pk])).status_code == 200


# --- Dashboard --------------------------------------------------------------------------


def test_dashboard_shows_accounts_with_service_level_trust_center_and_role(client, trade):
    page = html(get(client, trade.admin, "portal:dashboard"))
    assert "Pharma Alpha Inc." in page and "Beta Gadgets LLC" in page
    assert "Gamma Other Corp." not in page
    assert "ISA / CTPAT Trade Compliance" in page and "Standard" in page
    assert "Trusted partner" in page and "Trusted trader" in page
    assert "Pharmaceuticals, Health &amp; Chemicals" in page and "Electronics" in page
    assert "123-45-6789" in page  # the account's own admin sees the SSN-form number
    assert reverse("accounts:detail", args=[trade.pharma.pk]) in page


def test_the_ssn_form_ior_number_is_masked_for_a_member_who_is_not_admin(client, trade):
    page = html(get(client, trade.filer, "portal:dashboard"))
    assert "***-**-6789" in page and "123-45-6789" not in page


def test_dashboard_lists_open_inquiries_with_status_due_date_and_overdue_mark(client, trade):
    current = file_cf28(trade)
    late = services.file_inquiry(
        trade.pharma,
        by=trade.admin,
        type="policy_clarification",
        subject="An old question",
        now=timezone.now() - timedelta(days=40),
    )
    page = html(get(client, trade.admin, "portal:dashboard"))
    for inquiry in (current, late):
        assert reverse("inquiries:detail", kwargs={"reference": inquiry.reference}) in page
    assert "Received" in page
    assert "Help answering a CF-28 Request for Information" in page
    assert "Overdue" in page and "overdue by" in page
    assert days_phrase((current.due - trade.today).days) in page


def test_dashboard_lists_statutory_deadlines_protest_windows_and_psc_deadlines(client, trade):
    inquiry = file_cf28(trade)
    page = html(get(client, trade.admin, "portal:dashboard"))
    deadlines = page[page.index("Upcoming statutory deadlines") :]
    assert "CF-28 response due" in deadlines and inquiry.reference in deadlines
    assert "Protest window closes" in deadlines
    assert trade.entries["closing"].display_number in deadlines
    assert "Post-summary correction deadline" in deadlines
    assert trade.entries["psc"].display_number in deadlines
    # Out of the 30-day horizon: a window that closed, one that closes in five months.
    assert trade.entries["old"].display_number not in deadlines
    assert trade.entries["new"].display_number not in deadlines
    assert "?deadline=soon" in deadlines


def _dashboard_queries(client, user) -> int:
    client.force_login(user)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("portal:dashboard")).status_code == 200
    return len(queries)


def _grow(trade, n: int, start: int) -> None:
    for i in range(start, start + n):
        importer = ImporterFactory()
        MembershipFactory(importer=importer, user=trade.admin, role=TradeRole.FILER)
        entry = add_entry(
            importer,
            4_400_000 + i * 10,
            entry_date=trade.today - timedelta(days=290),
            liquidation_status=LiquidationStatus.UNLIQUIDATED,
        )
        services.file_inquiry(
            importer,
            by=trade.admin,
            type="cf28",
            subject=f"CF-28 {i}",
            entry_number=entry.entry_number,
            details={"cf28_issue_date": trade.today.isoformat()},
        )
        add_entry(
            importer,
            4_400_000 + i * 10 + 1,
            entry_date=trade.today - timedelta(days=400),
            liquidation_status=LiquidationStatus.LIQUIDATED,
            liquidation_date=trade.today - timedelta(days=165),
        )


def test_dashboard_queries_do_not_grow_with_the_data(client, trade):
    _grow(trade, 2, 0)
    small = _dashboard_queries(client, trade.admin)
    _grow(trade, 12, 2)
    assert _dashboard_queries(client, trade.admin) == small


# --- Filing: chooser --------------------------------------------------------------------


def test_the_chooser_groups_cover_each_type_exactly_once():
    codes = [code for _heading, _intro, group in TYPE_GROUPS for code in group]
    assert sorted(codes) == sorted(SPECS) and len(codes) == len(set(codes))


def test_the_chooser_offers_all_twelve_types_and_explains_gated_ones(client, trade):
    MembershipFactory(importer=trade.sme, role=TradeRole.FILER, user=trade.filer)
    page = html(get(client, trade.filer, "portal:file"))
    for spec in SPECS.values():
        assert str(spec.label).replace("&", "&amp;") in page
        assert reverse("portal:file_type", args=[spec.code.value]) in page
    assert "Not for Beta Gadgets LLC:" in page
    assert "offered to C-TPAT and ISA members only" in page
    assert "for trusted partners only" in page


def test_a_viewer_is_told_why_they_cannot_file_and_offered_no_form(client, trade):
    response = get(client, trade.viewer, "portal:file")
    assert response.status_code == 200
    page = html(response)
    assert "You cannot file inquiries yet" in page
    assert reverse("portal:file_type", args=["cf28"]) not in page
    response = get(client, trade.viewer, "portal:file_type", "cf28")
    assert (
        response.status_code == 200 and "<form" not in html(response).split('id="main-content"')[1]
    )
    client.post(
        reverse("portal:file_type", args=["cf28"]),
        {
            "subject": "Sneaky",
            "entry_number": trade.entries["recent"].entry_number,
            "cf28_issue_date": trade.today.isoformat(),
        },
    )
    assert not Inquiry.objects.exists()


def test_a_gated_type_shows_why_no_account_qualifies(client, trade):
    user = MembershipFactory(importer=trade.sme, role=TradeRole.FILER).user
    response = get(client, user, "portal:file_type", "penalty_petition")
    page = html(response)
    assert response.status_code == 200
    assert "None of your accounts can file this inquiry" in page
    assert "Beta Gadgets LLC" in page and "offered to C-TPAT and ISA members only" in page


def test_an_unknown_type_is_404(client, trade):
    assert get(client, trade.admin, "portal:file_type", "nope").status_code == 404


# --- Filing: forms ----------------------------------------------------------------------


@pytest.mark.parametrize("code", list(SPECS))
def test_each_filing_form_is_built_from_its_type_declaration(client, trade, code):
    spec = SPECS[code]
    page = html(get(client, trade.admin, "portal:file_type", code))
    for detail in spec.fields:
        assert f'name="{detail.name}"' in page
        assert str(detail.label) in page
        if detail.help_text:
            assert str(detail.help_text).replace("'", "&#x27;") in page
        for value, _label in detail.choices:
            assert f'value="{value}"' in page
    assert ('name="entry_number"' in page) == (spec.needs_entry != Requirement.NO)
    assert 'name="subject"' in page and 'name="description"' in page


def test_the_importer_is_a_select_of_filing_accounts_or_hidden_when_one(client, trade):
    page = html(get(client, trade.admin, "portal:file_type", "policy_clarification"))
    select = re.search(r'<select name="importer".*?</select>', page, re.S).group(0)
    assert "Pharma Alpha Inc." in select and "Beta Gadgets LLC" in select
    assert "Gamma Other Corp." not in select
    MembershipFactory(importer=trade.sme, role=TradeRole.VIEWER, user=trade.filer)
    page = html(get(client, trade.filer, "portal:file_type", "policy_clarification"))
    assert f'<input type="hidden" name="importer" value="{trade.pharma.pk}"' in page
    assert "You are filing for <strong>Pharma Alpha Inc.</strong>" in page


def test_the_entry_query_parameter_preselects_the_entry_and_its_account(client, trade):
    entry = trade.entries["recent"]
    page = html(get(client, trade.admin, "portal:file_type", "protest", entry=entry.display_number))
    assert f'value="{entry.display_number}"' in page
    assert re.search(rf'<option value="{trade.pharma.pk}" selected>', page)


def test_filing_calls_the_service_and_redirects_to_the_inquiry(client, trade):
    client.force_login(trade.filer)
    entry = trade.entries["recent"]
    response = client.post(
        reverse("portal:file_type", args=["cf28"]),
        {
            "importer": trade.pharma.pk,
            "subject": "Help with a CF-28",
            "entry_number": entry.display_number,
            "cf28_issue_date": (trade.today - timedelta(days=3)).isoformat(),
            "description": "The CF-28 asks for the formula.",
        },
    )
    inquiry = Inquiry.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("inquiries:detail", kwargs={"reference": inquiry.reference})
    assert inquiry.entry == entry and inquiry.filed_by == trade.filer
    assert inquiry.details == {"cf28_issue_date": (trade.today - timedelta(days=3)).isoformat()}
    followed = client.get(response.url)
    assert f"Inquiry {inquiry.reference} is filed" in html(followed)


def test_a_protest_after_180_days_shows_the_refusal_on_the_entry_field(client, trade):
    client.force_login(trade.admin)
    entry = trade.entries["old"]
    last_day = entry.liquidation_date + timedelta(days=180)
    response = client.post(
        reverse("portal:file_type", args=["protest"]),
        {
            "importer": trade.pharma.pk,
            "subject": "Protest of liquidation",
            "entry_number": entry.display_number,
            "protest_kind": "liquidation",
            "grounds": "The goods were classified under the wrong heading.",
        },
    )
    page = html(response)
    assert response.status_code == 200
    assert "There is a problem" in page
    error = re.search(r'id="id_entry_number-error"[^>]*>(.*?)</span></span>', page, re.S)
    assert error and f"ended on {last_day.isoformat()}" in error.group(1)
    assert 'aria-describedby="id_entry_number-hint id_entry_number-error"' in page
    assert not Inquiry.objects.exists()


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"entry_number": entry_number(9_999_999, "NRX")}, "entry_number", "not an entry of"),
        ({"entry_number": "12"}, "entry_number", ""),
        ({"hts": "30a4"}, "hts", "4 to 10 digits"),
        (
            {"cf28_issue_date": (date.today() + timedelta(days=30)).isoformat()},
            "cf28_issue_date",
            "cannot be in the future",
        ),
        ({"cf28_issue_date": "2999-01-01"}, "cf28_issue_date", "is not between 1990-01-01 and"),
        ({"cf28_issue_date": "yesterday"}, "cf28_issue_date", "valid date"),
        ({"subject": ""}, "subject", "required"),
    ],
)
def test_every_refusal_lands_on_its_field_and_writes_nothing(client, trade, data, field, message):
    client.force_login(trade.filer)
    post = {
        "importer": trade.pharma.pk,
        "subject": "CF-28",
        "entry_number": trade.entries["recent"].entry_number,
        "cf28_issue_date": trade.today.isoformat(),
        **data,
    }
    page = html(client.post(reverse("portal:file_type", args=["cf28"]), post))
    error = re.search(rf'id="id_{field}-error"[^>]*>(.*?)</span></span>', page, re.S)
    assert error, page
    assert message in error.group(1)
    assert not Inquiry.objects.exists()


def test_an_account_that_fails_the_gate_is_explained_and_not_offered(client, trade):
    client.force_login(trade.admin)
    page = html(client.get(reverse("portal:file_type", args=["exam_location"])))
    assert (
        "Beta Gadgets LLC cannot file this inquiry: A preferred exam location is for "
        "trusted partners only" in page
    )
    assert f'<input type="hidden" name="importer" value="{trade.pharma.pk}"' in page
    response = client.post(
        reverse("portal:file_type", args=["exam_location"]),
        {"importer": trade.sme.pk, "subject": "Exam at Newark", "port": "4601"},
    )
    assert "Select a valid choice" in html(response)
    assert not Inquiry.objects.exists()


# --- Inquiry list -----------------------------------------------------------------------


def test_the_inquiry_list_shows_open_ones_by_default_and_finished_on_request(client, trade):
    open_one = file_cf28(trade)
    withdrawn = services.file_inquiry(
        trade.pharma, by=trade.admin, type="policy_clarification", subject="Never mind"
    )
    services.perform_action(withdrawn, "withdraw", by=trade.admin)
    page = html(get(client, trade.admin, "portal:inquiries"))
    assert open_one.reference in page and withdrawn.reference not in page
    page = html(get(client, trade.admin, "portal:inquiries", state="finished"))
    assert withdrawn.reference in page and open_one.reference not in page
    page = html(get(client, trade.stranger, "portal:inquiries", state="all"))
    assert open_one.reference not in page


# --- Inbox ------------------------------------------------------------------------------


def test_inbox_lists_notifications_newest_first_marks_unread_and_marks_read(client, trade):
    first = file_cf28(trade, by=trade.filer)
    second = services.file_inquiry(
        trade.pharma, by=trade.filer, type="policy_clarification", subject="Second"
    )
    page = html(get(client, trade.admin, "portal:inbox"))
    assert page.index(second.reference) < page.index(first.reference)
    assert "2 unread notifications" in page and page.count(">Unread<") == 2
    note = Notification.objects.get(recipient=trade.admin, inquiry=first)
    response = client.post(reverse("portal:inbox_read"), {"notification": note.pk})
    assert response.status_code == 302 and response.url == reverse("portal:inbox")
    note.refresh_from_db()
    assert note.read_at is not None
    response = client.post(reverse("portal:inbox_read"), {"next": "https://evil.example/"})
    assert response.url == reverse("portal:inbox")
    assert not Notification.objects.filter(recipient=trade.admin, read_at__isnull=True).exists()
    page = html(client.get(reverse("portal:inbox")))
    assert "0 unread notifications" in page and ">Unread<" not in page


def test_someone_elses_notification_cannot_be_marked_read(client, trade):
    file_cf28(trade, by=trade.filer)
    note = Notification.objects.filter(recipient=trade.admin).first()
    client.force_login(trade.stranger)
    assert client.post(reverse("portal:inbox_read"), {"notification": note.pk}).status_code == 404
    assert client.post(reverse("portal:inbox_read"), {"notification": "x"}).status_code == 404
    response = client.get(reverse("portal:inbox_read"))
    assert response.status_code == 302 and response.url == reverse("portal:inbox")
    note.refresh_from_db()
    assert note.read_at is None


def test_the_inbox_paginates(client, trade):
    for n in range(23):
        Notification.objects.create(recipient=trade.admin, subject=f"Note {n:02d}", body="")
    page = html(get(client, trade.admin, "portal:inbox"))
    assert "Note 22" in page and "Note 02" not in page and "page=2" in page
    page = html(get(client, trade.admin, "portal:inbox", page=2))
    assert "Note 02" in page and "Note 22" not in page
    assert get(client, trade.admin, "portal:inbox", page="x").status_code == 200
    assert get(client, trade.admin, "portal:inbox", page=10**30).status_code == 200


# --- Entries ----------------------------------------------------------------------------


def test_entries_list_shows_liquidation_protest_window_and_psc(client, trade):
    page = html(get(client, trade.admin, "entries:list"))
    for key in ("old", "closing", "recent", "psc", "new"):
        assert trade.entries[key].display_number in page
    assert trade.entries["other"].display_number not in page
    assert "Closed" in page and "Liquidated" in page and "Unliquidated" in page
    assert days_phrase(10) in page  # liquidated 170 days ago


def test_entries_list_filters_by_status_importer_and_closing_deadlines(client, trade):
    page = html(get(client, trade.admin, "entries:list", status="unliquidated"))
    assert trade.entries["psc"].display_number in page
    assert trade.entries["old"].display_number not in page
    page = html(get(client, trade.admin, "entries:list", deadline="soon"))
    assert trade.entries["closing"].display_number in page
    assert trade.entries["psc"].display_number in page
    assert trade.entries["old"].display_number not in page
    assert trade.entries["new"].display_number not in page
    page = html(get(client, trade.admin, "entries:list", importer=trade.sme.pk))
    assert trade.entries["psc"].display_number not in page
    response = get(client, trade.admin, "entries:list", importer=trade.other.pk, status="bad")
    assert response.status_code == 200 and "Select a valid choice" in html(response)


def test_entries_list_paginates(client, trade):
    for n in range(26):
        add_entry(trade.sme, 4_500_000 + n, entry_date=trade.today - timedelta(days=3))
    page = html(get(client, trade.admin, "entries:list"))
    assert "page=2" in page
    page = html(get(client, trade.admin, "entries:list", page=2))
    assert "Previous page" in page and trade.entries["old"].display_number in page


def _entries_queries(client, user) -> int:
    client.force_login(user)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("entries:list")).status_code == 200
    return len(queries)


def test_entries_list_queries_do_not_grow_with_the_data(client, trade):
    small = _entries_queries(client, trade.admin)
    for n in range(20):
        add_entry(
            trade.sme if n % 2 else trade.pharma,
            4_600_000 + n,
            entry_date=trade.today - timedelta(days=n),
        )
    assert _entries_queries(client, trade.admin) == small


def test_entry_detail_shows_lines_inquiries_and_what_may_be_filed(client, trade):
    entry = trade.entries["recent"]
    inquiry = file_cf28(trade)
    page = html(get(client, trade.admin, "entries:detail", entry.entry_number))
    assert entry.display_number in page and "3004.90.9290" in page
    assert inquiry.reference in page
    protest_url = reverse("portal:file_type", args=["protest"]) + f"?entry={entry.display_number}"
    assert protest_url in page
    page = html(get(client, trade.admin, "entries:detail", trade.entries["old"].display_number))
    assert "Not open now:" in page and "The protest period for entry" in page
    assert reverse("portal:file_type", args=["protest"]) + "?entry=" not in page


def test_entry_detail_offers_no_filing_to_viewers_and_cbp_staff(client, trade):
    entry = trade.entries["recent"]
    for user in (trade.viewer, trade.staff):
        response = get(client, user, "entries:detail", entry.display_number)
        assert response.status_code == 200
        assert reverse("portal:file_type", args=["cf28"]) not in html(response)


# --- Accounts ---------------------------------------------------------------------------


def test_account_list_and_page_show_trust_and_why(client, trade):
    page = html(get(client, trade.filer, "accounts:list"))
    assert "Pharma Alpha Inc." in page and "Filer" in page
    page = html(get(client, trade.filer, "accounts:detail", trade.pharma.pk))
    assert "The account is a member of ISA / CTPAT Trade Compliance." in page
    assert "may have an Account Executive" in page
    assert "Members" not in page and "Broker access" not in page  # not an admin
    page = html(get(client, trade.admin, "accounts:detail", trade.sme.pk))
    assert "Not yet: C-TPAT tier 3 is required" in page


def test_cbp_staff_see_the_summary_of_their_centers_accounts_only(client, trade):
    page = html(get(client, trade.staff, "accounts:detail", trade.pharma.pk))
    assert "123-45-6789" in page and "Broker access" not in page
    assert get(client, trade.staff, "accounts:detail", trade.sme.pk).status_code == 404


def test_the_inbox_leaves_out_inquiries_the_user_no_longer_sees(client, trade):
    inquiry = file_cf28(trade, by=trade.filer)
    assert inquiry.reference in html(get(client, trade.viewer, "portal:inbox"))
    Membership.objects.filter(user=trade.viewer).delete()
    page = html(get(client, trade.viewer, "portal:inbox"))
    assert inquiry.reference not in page and "0 unread notifications" in page
    assert "0 unread notifications" in html(get(client, trade.staff, "portal:inbox"))
