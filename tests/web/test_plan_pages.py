"""Engagement-plan pages: who sees and does what, drafting, actions, versions and reviews."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts import plan_services
from accounts.models import EngagementPlan, PlanReview, TradeRole
from accounts.plans import PlanAction, PlanStatus
from accounts.services import assign_account_executive
from accounts.trust import CtpatTier
from tests.factories import (
    CenterStaffFactory,
    ImporterFactory,
    MembershipFactory,
    TrustedPartnerFactory,
    UserFactory,
)
from tests.plans.builders import PATH_TO, advance, create_draft, make_account, plan_fields

pytestmark = pytest.mark.django_db


@pytest.fixture
def account():
    return make_account()


@pytest.fixture
def make_plan(account):
    def make(status=PlanStatus.DRAFT, **overrides):
        plan = create_draft(account.importer, by=account.admin, **overrides)
        return advance(plan, PATH_TO[status], by=account.ae)

    return make


def as_user(client, user):
    client.force_login(user)
    return client


def html(response) -> str:
    return response.content.decode()


def two_versions(account, make_plan) -> EngagementPlan:
    """A plan submitted twice: goal 2's target and touch point 1's purpose changed between."""
    plan = make_plan(PlanStatus.CHANGES_REQUESTED)
    fields = plan_fields()
    fields["goals"][1]["target"] = "2 a year"
    fields["touch_points"][0]["purpose"] = "Kick-off with the broker"
    plan_services.update_plan(
        plan,
        by=account.admin,
        changes={"goals": fields["goals"], "touch_points": fields["touch_points"]},
    )
    plan_services.submit_plan(plan, by=account.admin)
    return EngagementPlan.objects.get(pk=plan.pk)


def plan_form_data(*, importer=None, goals=None, touch_points=None, **fields) -> dict:
    """The POST body of the plan form with its two formsets."""
    content = plan_fields()
    goals = content["goals"] if goals is None else goals
    touch_points = content["touch_points"] if touch_points is None else touch_points
    data = {
        "period_start": content["period_start"],
        "period_end": content["period_end"],
        "review_cadence": content["review_cadence"],
        "benefits": content["benefits"],
        "goals-TOTAL_FORMS": str(len(goals)),
        "goals-INITIAL_FORMS": "0",
        "touch_points-TOTAL_FORMS": str(len(touch_points)),
        "touch_points-INITIAL_FORMS": "0",
    }
    if importer is not None:
        data["importer"] = str(importer.pk)
    for index, goal in enumerate(goals):
        data.update({f"goals-{index}-{key}": value for key, value in goal.items()})
    for index, point in enumerate(touch_points):
        data.update({f"touch_points-{index}-{key}": value for key, value in point.items()})
    data.update(fields)
    return data


def plan_urls(plan) -> list[tuple[str, str]]:
    """Every page of one plan, with the method it answers."""
    return [
        ("get", reverse("ae:plan_detail", args=[plan.pk])),
        ("get", reverse("ae:plan_edit", args=[plan.pk])),
        ("post", reverse("ae:plan_edit", args=[plan.pk])),
        ("get", reverse("ae:plan_review", args=[plan.pk])),
        ("get", reverse("ae:plan_diff", args=[plan.pk, 1, 2])),
        ("get", reverse("ae:plan_compare", args=[plan.pk]) + "?a=1&b=2"),
        *[("post", reverse("ae:plan_action", args=[plan.pk, action])) for action in PlanAction],
    ]


# Who may open the pages ------------------------------------------------------------------


@pytest.mark.parametrize("role", ["other_ae", "other_trade"])
def test_every_plan_page_is_404_for_another_account_s_people(client, account, make_plan, role):
    plan = two_versions(account, make_plan)
    as_user(client, account.role(role))
    for method, url in plan_urls(plan):
        assert getattr(client, method)(url).status_code == 404, url
    plan.refresh_from_db()
    assert plan.status == PlanStatus.SUBMITTED and plan.version == 2


def test_plan_pages_are_404_for_center_staff_and_send_anonymous_users_to_sign_in(
    client, account, make_plan
):
    plan = make_plan()
    for url in (reverse("ae:plans"), reverse("ae:plan_detail", args=[plan.pk])):
        response = client.get(url)
        assert response.status_code == 302 and response.url.startswith(reverse("login"))
    as_user(client, CenterStaffFactory().user)
    for url in (
        reverse("ae:plans"),
        reverse("ae:plan_detail", args=[plan.pk]),
        reverse("ae:plan_create"),
    ):
        assert client.get(url).status_code == 404


@pytest.mark.parametrize("role", ["viewer", "filer"])
def test_viewers_and_filers_read_the_plan_but_cannot_edit_or_submit(
    client, account, make_plan, role
):
    plan = make_plan()
    as_user(client, account.role(role))
    page = client.get(reverse("ae:plan_detail", args=[plan.pk]))
    assert page.status_code == 200
    assert "classification accuracy, chapter 85" in html(page)
    assert reverse("ae:plan_edit", args=[plan.pk]) not in html(page)
    assert reverse("ae:plan_action", args=[plan.pk, PlanAction.SUBMIT]) not in html(page)
    assert client.get(reverse("ae:plan_edit", args=[plan.pk])).status_code == 404
    assert (
        client.post(
            reverse("ae:plan_edit", args=[plan.pk]), plan_form_data(period_end="2027-06-30")
        ).status_code
        == 404
    )
    response = client.post(
        reverse("ae:plan_action", args=[plan.pk, PlanAction.SUBMIT]), follow=True
    )
    assert "You may not submit this plan now" in html(response)
    plan.refresh_from_db()
    assert plan.status == PlanStatus.DRAFT and plan.period_end == date(2027, 12, 31)
    assert client.get(reverse("ae:plan_create")).status_code == 200
    assert not client.get(reverse("ae:plan_create")).context["form"].fields["importer"].choices


# The list and eligibility ----------------------------------------------------------------


def test_plan_list_shows_the_user_s_plans_and_lets_an_admin_start_one(client, account, make_plan):
    mine = make_plan()
    response = as_user(client, account.admin).get(reverse("ae:plans"))
    assert response.status_code == 200
    assert list(response.context["plans"]) == [mine]
    assert f"{reverse('ae:plan_create')}?importer={account.importer.pk}" in html(response)
    response = as_user(client, account.other_trade).get(reverse("ae:plans"))
    assert list(response.context["plans"]) == []


def test_an_importer_that_is_not_a_trusted_partner_sees_the_failing_criterion(client):
    importer = ImporterFactory(ctpat_tier=CtpatTier.TIER2, isa_member=True)
    admin = MembershipFactory(importer=importer, role=TradeRole.ADMIN).user
    response = as_user(client, admin).get(reverse("ae:plans"))
    page = html(response)
    assert "Not eligible for an engagement plan." in page
    assert "C-TPAT tier 3 is required." in page
    assert "ISA / CTPAT Trade Compliance is required" not in page
    assert reverse("ae:plan_create") not in page
    create = client.get(reverse("ae:plan_create"))
    assert "C-TPAT tier 3 is required" in html(create)
    assert "None of your accounts can start an engagement plan now." in html(create)
    response = client.post(reverse("ae:plan_create"), plan_form_data(importer=importer))
    assert response.status_code == 400
    assert not EngagementPlan.objects.exists()


# Drafting and editing --------------------------------------------------------------------


def test_an_importer_admin_drafts_a_plan_with_goals_and_touch_points(client, account):
    response = as_user(client, account.admin).post(
        reverse("ae:plan_create"), plan_form_data(importer=account.importer)
    )
    plan = EngagementPlan.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("ae:plan_detail", args=[plan.pk])
    assert plan.status == PlanStatus.DRAFT and plan.ae == account.ae
    assert plan.goals == plan_fields()["goals"]
    assert [p["purpose"] for p in plan.touch_points] == ["Kick-off", "Classification sample"]
    assert plan.benefits == ["reduced_examinations", "preferred_exam_location"]
    assert "The draft plan was saved." in html(client.get(response.url))


def test_adding_a_row_saves_nothing_and_shows_one_more_empty_goal(client, account, make_plan):
    plan = make_plan()
    data = plan_form_data(add_goal="1", period_end="2027-06-30")
    response = as_user(client, account.admin).post(reverse("ae:plan_edit", args=[plan.pk]), data)
    assert response.status_code == 200
    assert len(response.context["goal_rows"].forms) == 3
    assert 'name="goals-2-area"' in html(response)
    plan.refresh_from_db()
    assert plan.period_end == date(2027, 12, 31)


def test_removing_a_row_and_editing_a_draft(client, account, make_plan):
    plan = make_plan()
    data = plan_form_data(**{"goals-0-DELETE": "on", "goals-1-target": "3 a year"})
    response = as_user(client, account.admin).post(reverse("ae:plan_edit", args=[plan.pk]), data)
    assert response.status_code == 302
    plan.refresh_from_db()
    assert [goal["target"] for goal in plan.goals] == ["3 a year"]


def test_bad_input_shows_errors_on_the_fields_and_writes_nothing(client, account, make_plan):
    plan = make_plan()
    data = plan_form_data(
        period_end="2026-01-01", **{"goals-1-target": "", "touch_points-0-planned_on": "soon"}
    )
    response = as_user(client, account.ae).post(reverse("ae:plan_edit", args=[plan.pk]), data)
    assert response.status_code == 400
    page = html(response)
    assert "There is a problem" in page
    assert "The period must not end before it starts." in page
    assert "Goal 2: Target: This field is required." in page
    assert "Touch point 1: Planned on: Enter a valid date." in page
    assert 'href="#id_goals-1-target"' in page
    plan.refresh_from_db()
    assert plan.period_end == date(2027, 12, 31) and plan.goals[1]["target"] == "4 a year"


def test_a_broken_formset_is_a_form_error_not_a_crash(client, account, make_plan):
    plan = make_plan()
    data = plan_form_data()
    data["goals-TOTAL_FORMS"] = "many"
    response = as_user(client, account.admin).post(reverse("ae:plan_edit", args=[plan.pk]), data)
    assert response.status_code == 400
    assert "There is a problem" in html(response)


@pytest.mark.parametrize(
    "status", [PlanStatus.SUBMITTED, PlanStatus.APPROVED, PlanStatus.ACTIVE, PlanStatus.CLOSED]
)
def test_editing_is_refused_outside_draft_and_changes_requested(client, account, make_plan, status):
    plan = make_plan(status)
    as_user(client, account.admin)
    response = client.post(
        reverse("ae:plan_edit", args=[plan.pk]),
        plan_form_data(period_end="2027-06-30"),
        follow=True,
    )
    assert response.redirect_chain[-1][0] == reverse("ae:plan_detail", args=[plan.pk])
    assert "can be changed only while it is a draft" in html(response)
    assert reverse("ae:plan_edit", args=[plan.pk]) not in html(response)
    plan.refresh_from_db()
    assert plan.period_end == date(2027, 12, 31) and plan.status == status


# Workflow actions ------------------------------------------------------------------------


def test_the_plan_page_offers_exactly_the_allowed_actions(client, account, make_plan):
    plan = make_plan(PlanStatus.SUBMITTED)
    response = as_user(client, account.ae).get(reverse("ae:plan_detail", args=[plan.pk]))
    offered = [item["action"] for item in response.context["action_forms"]]
    assert offered == [PlanAction.REQUEST_CHANGES, PlanAction.APPROVE]
    response = as_user(client, account.admin).get(reverse("ae:plan_detail", args=[plan.pk]))
    assert response.context["action_forms"] == []


def test_request_changes_needs_a_comment(client, account, make_plan):
    plan = make_plan(PlanStatus.SUBMITTED)
    url = reverse("ae:plan_action", args=[plan.pk, PlanAction.REQUEST_CHANGES])
    response = as_user(client, account.ae).post(url, {"request_changes-comment": "  "})
    assert response.status_code == 400
    assert "Say what should change." in html(response)
    plan.refresh_from_db()
    assert plan.status == PlanStatus.SUBMITTED
    response = client.post(url, {"request_changes-comment": "Lower the baseline."}, follow=True)
    plan.refresh_from_db()
    assert plan.status == PlanStatus.CHANGES_REQUESTED
    assert "Lower the baseline." in html(response)
    assert "Changes were requested" in html(response)


def test_an_action_not_open_now_is_a_clear_error(client, account, make_plan):
    plan = make_plan()
    url = reverse("ae:plan_action", args=[plan.pk, PlanAction.APPROVE])
    response = as_user(client, account.ae).post(url, follow=True)
    assert response.status_code == 200
    assert "You may not approve this plan now: it is Draft." in html(response)
    plan.refresh_from_db()
    assert plan.status == PlanStatus.DRAFT
    assert client.post(reverse("ae:plan_action", args=[plan.pk, "supersede"])).status_code == 404
    response = client.get(reverse("ae:plan_action", args=[plan.pk, "submit"]))
    assert response.status_code == 302
    assert response.url == reverse("ae:plan_detail", args=[plan.pk])


def test_the_ae_approves_and_activates_through_the_page(client, account, make_plan):
    plan = make_plan(PlanStatus.SUBMITTED)
    as_user(client, account.ae)
    for action in (PlanAction.APPROVE, PlanAction.ACTIVATE):
        response = client.post(reverse("ae:plan_action", args=[plan.pk, action]))
        assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.status == PlanStatus.ACTIVE


# Versions --------------------------------------------------------------------------------


def test_version_compare_shows_exactly_the_changed_goals_and_touch_points(
    client, account, make_plan
):
    plan = two_versions(account, make_plan)
    detail = as_user(client, account.filer).get(reverse("ae:plan_detail", args=[plan.pk]))
    assert reverse("ae:plan_diff", args=[plan.pk, 1, 2]) in html(detail)
    response = client.get(reverse("ae:plan_diff", args=[plan.pk, 1, 2]))
    assert response.status_code == 200
    groups = response.context["groups"]
    assert [row["label"] for row in groups["goals"]] == ["Goal 2"]
    assert [row["label"] for row in groups["touch_points"]] == ["Touch point 1"]
    assert groups["fields"] == []
    page = html(response)
    assert "12 a year" in page and "4 a year" in page and "2 a year" in page
    assert "Kick-off with the broker" in page
    assert "classification accuracy, chapter 85" not in page  # goal 1 did not change
    assert "Classification sample" not in page  # nor did touch point 2
    same = client.get(reverse("ae:plan_diff", args=[plan.pk, 2, 2]))
    assert "The two versions are the same." in html(same)
    assert client.get(reverse("ae:plan_diff", args=[plan.pk, 1, 3])).status_code == 404
    compare = client.get(reverse("ae:plan_compare", args=[plan.pk]) + "?a=2&b=1")
    assert compare.url == reverse("ae:plan_diff", args=[plan.pk, 2, 1])
    for query in ("?a=x", "?a=-1&b=2", "?a=0&b=1"):
        bad = client.get(reverse("ae:plan_compare", args=[plan.pk]) + query)
        assert bad.url == reverse("ae:plan_detail", args=[plan.pk])


def test_compare_names_a_changed_scalar_field_in_words(client, account, make_plan):
    plan = make_plan(PlanStatus.CHANGES_REQUESTED)
    plan_services.update_plan(plan, by=account.ae, changes={"review_cadence": "monthly"})
    plan_services.submit_plan(plan, by=account.ae)
    response = as_user(client, account.ae).get(reverse("ae:plan_diff", args=[plan.pk, 1, 2]))
    rows = response.context["groups"]["fields"]
    assert [(r["label"], r["before"], r["after"]) for r in rows] == [
        ("Review cadence", [(None, "Quarterly")], [(None, "Monthly")])
    ]


# Reviews ---------------------------------------------------------------------------------


def test_the_ae_records_a_review_of_an_active_plan(client, account, make_plan):
    plan = make_plan(PlanStatus.ACTIVE)
    url = reverse("ae:plan_review", args=[plan.pk])
    as_user(client, account.ae)
    form = client.get(url)
    assert form.status_code == 200
    today = timezone.localdate()
    response = client.post(
        url,
        {
            "reviewed_on": today.isoformat(),
            "goal_0_actual": "2%",
            "goal_1_actual": "6 a year",
            "touch_point_0_done_on": today.isoformat(),
            "notes": "On track.",
        },
    )
    assert response.status_code == 302
    review = PlanReview.objects.get(plan=plan)
    assert [row["actual"] for row in review.progress] == ["2%", "6 a year"]
    assert (review.touch_points_used, review.touch_points_planned) == (1, 2)
    page = html(client.get(reverse("ae:plan_detail", args=[plan.pk])))
    assert "6 a year" in page and "Touch points used: 1 of 2 planned." in page
    late = client.post(
        url,
        {
            "reviewed_on": (today + timedelta(days=1)).isoformat(),
            "goal_0_actual": "1%",
            "goal_1_actual": "5",
        },
    )
    assert late.status_code == 400
    assert "A review falls between the activation and today." in html(late)
    assert PlanReview.objects.filter(plan=plan).count() == 1


def test_only_the_ae_reviews_and_only_an_active_plan(client, account, make_plan):
    active = make_plan(PlanStatus.ACTIVE)
    url = reverse("ae:plan_review", args=[active.pk])
    assert as_user(client, account.admin).get(url).status_code == 404
    detail = client.get(reverse("ae:plan_detail", args=[active.pk]))
    assert url not in html(detail)
    approved = create_draft(account.importer, by=account.admin)
    approved = advance(approved, PATH_TO[PlanStatus.APPROVED], by=account.ae)
    response = as_user(client, account.ae).get(reverse("ae:plan_review", args=[approved.pk]))
    assert response.url == reverse("ae:plan_detail", args=[approved.pk])


# Query counts ----------------------------------------------------------------------------


def _importers_with_plans(admin, count: int) -> None:
    for _ in range(count):
        importer = TrustedPartnerFactory()
        MembershipFactory(importer=importer, user=admin, role=TradeRole.ADMIN)
        assign_account_executive(importer, ae=UserFactory(is_account_executive=True), by=None)
        create_draft(importer, by=admin)
    MembershipFactory(user=admin, role=TradeRole.VIEWER)  # an account that is not eligible


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_plan_list_makes_as_many_queries_for_many_plans_as_for_few(client):
    admin = UserFactory()
    as_user(client, admin)
    _importers_with_plans(admin, 2)
    few = _queries(client, reverse("ae:plans"))
    _importers_with_plans(admin, 20)
    assert _queries(client, reverse("ae:plans")) == few


def test_the_plan_page_makes_as_many_queries_for_a_long_plan_as_for_a_short_one(
    client, account, make_plan
):
    short = two_versions(account, make_plan)
    goals = plan_fields()["goals"] * 10
    long = make_plan(PlanStatus.CHANGES_REQUESTED, goals=goals)
    for _ in range(5):
        plan_services.submit_plan(long, by=account.ae)
        plan_services.request_plan_changes(long, by=account.ae, comment="Again.")
    as_user(client, account.ae)
    assert _queries(client, reverse("ae:plan_detail", args=[long.pk])) == _queries(
        client, reverse("ae:plan_detail", args=[short.pk])
    )


def test_closing_a_plan_asks_first(client, account, make_plan):
    plan = make_plan(PlanStatus.ACTIVE)
    url = reverse("ae:plan_action", args=[plan.pk, PlanAction.CLOSE])
    response = as_user(client, account.ae).post(url, {"close-comment": "Goals met."})
    assert response.status_code == 200
    text = html(response)
    assert f"Close the engagement plan of {account.importer.name}?" in text
    assert "cannot be reopened" in text and 'value="Goals met."' in text
    plan.refresh_from_db()
    assert plan.status == PlanStatus.ACTIVE
    response = client.post(url, {"close-comment": "Goals met.", "confirm": "yes"})
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.status == PlanStatus.CLOSED
