"""The engagement-plan API: the workflow for every (status, action, role), edits, versions."""

import pytest
from django.urls import reverse

from accounts.models import EngagementPlan, PlanEvent
from accounts.plans import TRANSITIONS, USER_ACTIONS, PlanAction, PlanStatus
from accounts.trust import CtpatTier
from tests.factories import MembershipFactory, TrustedPartnerFactory

from .builders import plan_fields
from .test_plans import ALLOWED

pytestmark = pytest.mark.django_db

ROLES = ["admin", "filer", "viewer", "ae", "other_ae", "other_trade"]
ACTING_ROLE = {"admin": "importer_admin", "ae": "ae"}
OUTSIDERS = {"other_ae", "other_trade"}


def url(name, **kwargs):
    return reverse(f"api:engagement-plan-{name}", kwargs=kwargs)


def as_user(api_client, user):
    api_client.force_authenticate(user)
    return api_client


def expected_answer(status, action, role):
    if role in OUTSIDERS:
        return 404
    return 200 if (status, action, ACTING_ROLE.get(role)) in ALLOWED else 409


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", USER_ACTIONS)
@pytest.mark.parametrize("status", PlanStatus.values)
def test_workflow_action_by_role(api_client, account, make_plan, status, action, role):
    plan = make_plan(status)
    events_before = plan.events.count()
    response = as_user(api_client, account.role(role)).post(
        url("action", pk=plan.pk, action=action),
        {"comment": "Please lower the baseline."},
        format="json",
    )
    assert response.status_code == expected_answer(status, action, role), response.data
    plan.refresh_from_db()
    if response.status_code == 200:
        assert response.data["status"] == plan.status == TRANSITIONS[action].target
        assert response.data["id"] == plan.pk
        assert plan.events.count() == events_before + 1
    else:
        assert plan.status == status
        assert plan.events.count() == events_before
    if response.status_code == 409:
        assert set(response.data) == {"detail", "status", "allowed_actions"}
        assert response.data["status"] == status
        assert response.data["allowed_actions"] == [
            a for a in USER_ACTIONS if (status, a, ACTING_ROLE.get(role)) in ALLOWED
        ]


def test_an_unknown_or_system_action_is_not_found(api_client, account, make_plan):
    plan = make_plan(PlanStatus.ACTIVE)
    client = as_user(api_client, account.ae)
    for action in ("launch", PlanAction.SUPERSEDE):
        response = client.post(url("action", pk=plan.pk, action=action), {}, format="json")
        assert response.status_code == 404


def test_the_state_is_checked_before_the_body(api_client, account, make_plan):
    client = as_user(api_client, account.ae)
    draft = make_plan(PlanStatus.DRAFT)
    response = client.post(url("action", pk=draft.pk, action="request_changes"), {}, format="json")
    assert response.status_code == 409
    submitted = make_plan(PlanStatus.SUBMITTED)
    response = client.post(
        url("action", pk=submitted.pk, action="request_changes"), {}, format="json"
    )
    assert response.status_code == 400
    assert "comment" in response.data


def test_requested_changes_show_as_comments(api_client, account, make_plan):
    plan = make_plan(PlanStatus.SUBMITTED)
    response = as_user(api_client, account.ae).post(
        url("action", pk=plan.pk, action="request_changes"),
        {"comment": "Add a goal for chapter 84."},
        format="json",
    )
    assert response.status_code == 200
    comment = response.data["comments"][-1]
    assert comment["body"] == "Add a goal for chapter 84."
    assert comment["author"] == {
        "id": account.ae.pk,
        "username": account.ae.username,
        "name": account.ae.get_full_name(),
    }
    assert comment["created_at"]


def test_the_representation_is_the_contract(api_client, account, make_plan):
    plan = make_plan(PlanStatus.DRAFT)
    data = as_user(api_client, account.admin).get(url("detail", pk=plan.pk)).data
    assert list(data) == [
        "id",
        "importer",
        "ae",
        "status",
        "version",
        "period_start",
        "period_end",
        "review_cadence",
        "goals",
        "touch_points",
        "benefits",
        "comments",
        "allowed_actions",
    ]
    fields = plan_fields()
    assert data["importer"] == account.importer.pk
    assert data["ae"]["id"] == account.ae.pk
    assert (data["status"], data["version"]) == ("draft", 0)
    assert (data["period_start"], data["period_end"]) == ("2027-01-01", "2027-12-31")
    assert data["goals"] == fields["goals"]
    assert data["touch_points"] == [{**p, "done_on": None} for p in fields["touch_points"]]
    assert data["benefits"] == fields["benefits"]
    assert (data["comments"], data["allowed_actions"]) == ([], ["submit"])


# Creating ------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["admin", "ae"])
def test_admins_and_the_ae_create_drafts(api_client, account, role):
    body = {"importer": account.importer.pk, **plan_fields()}
    response = as_user(api_client, account.role(role)).post(url("list"), body, format="json")
    assert response.status_code == 201, response.data
    assert response.data["status"] == "draft"
    assert response.data["ae"]["id"] == account.ae.pk
    assert EngagementPlan.objects.get(pk=response.data["id"]).created_by == account.role(role)


@pytest.mark.parametrize(
    ("role", "answer"), [("filer", 403), ("viewer", 403), ("other_ae", 400), ("other_trade", 400)]
)
def test_others_cannot_create(api_client, account, role, answer):
    body = {"importer": account.importer.pk, **plan_fields()}
    response = as_user(api_client, account.role(role)).post(url("list"), body, format="json")
    assert response.status_code == answer
    assert not EngagementPlan.objects.exists()


@pytest.mark.parametrize(
    ("inputs", "criterion"),
    [
        ({"ctpat_tier": CtpatTier.TIER1}, "C-TPAT tier 3"),
        ({"ctpat_tier": CtpatTier.TIER3, "isa_member": False}, "ISA / CTPAT Trade Compliance"),
        ({"financially_compliant": False}, "financial compliance"),
    ],
)
def test_a_plan_for_a_non_eligible_importer_is_refused_naming_the_criterion(
    api_client, inputs, criterion
):
    importer = TrustedPartnerFactory(**inputs)
    admin = MembershipFactory(importer=importer, role="admin").user
    body = {"importer": importer.pk, **plan_fields()}
    response = as_user(api_client, admin).post(url("list"), body, format="json")
    assert response.status_code == 400
    assert criterion in response.data["importer"][0]


@pytest.mark.parametrize(
    "change",
    [
        {"review_cadence": "weekly"},
        {"benefits": ["free_lunch"]},
        {"goals": [{"area": "valuation", "measure": "x", "baseline": "1"}]},
        {"touch_points": [{"kind": "party", "planned_on": "2027-02-01", "purpose": "x"}]},
        {"touch_points": [{"kind": "visit", "planned_on": "soon", "purpose": "x"}]},
        {"period_end": "2026-12-31"},
        {"period_start": None},
    ],
)
def test_bad_content_is_a_400(api_client, account, change):
    body = {"importer": account.importer.pk, **plan_fields(), **change}
    response = as_user(api_client, account.admin).post(url("list"), body, format="json")
    assert response.status_code == 400
    assert set(response.data) <= {*change, "period_end"}


# Editing -------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("status", PlanStatus.values)
def test_edit_by_role_and_status(api_client, account, make_plan, status, role):
    plan = make_plan(status)
    response = as_user(api_client, account.role(role)).patch(
        url("detail", pk=plan.pk), {"review_cadence": "monthly"}, format="json"
    )
    editable = status in ("draft", "changes_requested") and role in ACTING_ROLE
    expected = 404 if role in OUTSIDERS else 200 if editable else 409
    assert response.status_code == expected
    plan.refresh_from_db()
    assert plan.review_cadence == ("monthly" if editable else "quarterly")
    if expected == 409:
        assert set(response.data) == {"detail", "status", "allowed_actions"}


def test_a_patch_changes_only_the_given_fields(api_client, account, make_plan):
    plan = make_plan(PlanStatus.CHANGES_REQUESTED)
    goals = plan_fields()["goals"][:1]
    response = as_user(api_client, account.ae).patch(
        url("detail", pk=plan.pk),
        {"goals": goals, "benefits": ["other", "other"]},
        format="json",
    )
    assert response.status_code == 200
    assert response.data["goals"] == goals
    assert response.data["benefits"] == ["other"]
    assert response.data["touch_points"][1]["purpose"] == "Classification sample"


def test_an_edit_is_checked_before_its_body(api_client, account, make_plan):
    plan = make_plan(PlanStatus.SUBMITTED)
    client = as_user(api_client, account.admin)
    assert (
        client.patch(
            url("detail", pk=plan.pk), {"review_cadence": "weekly"}, format="json"
        ).status_code
        == 409
    )
    draft = make_plan(PlanStatus.DRAFT)
    assert (
        client.patch(
            url("detail", pk=draft.pk), {"review_cadence": "weekly"}, format="json"
        ).status_code
        == 400
    )
    assert client.patch(
        url("detail", pk=draft.pk), {"period_end": "2026-01-01"}, format="json"
    ).data == {"period_end": ["The period must not end before it starts."]}


@pytest.mark.parametrize("body", [b"[1, 2, 3]", b"[]", b'"x"', b"5", b"null", b"true"])
def test_a_body_that_is_not_a_json_object_is_refused_whole(api_client, account, make_plan, body):
    plan = make_plan(PlanStatus.DRAFT)
    client = as_user(api_client, account.admin)
    before = (EngagementPlan.objects.count(), PlanEvent.objects.count())
    for method, path in (
        ("post", url("list")),
        ("patch", url("detail", pk=plan.pk)),
        ("post", url("action", pk=plan.pk, action="submit")),
    ):
        response = getattr(client, method)(path, body, content_type="application/json")
        assert response.status_code == 400, (method, path)
        assert response.json() == {"detail": "The body must be a JSON object."}
    assert (EngagementPlan.objects.count(), PlanEvent.objects.count()) == before
    plan.refresh_from_db()
    assert (plan.status, plan.goals) == (PlanStatus.DRAFT, plan_fields()["goals"])


def test_a_form_sent_to_a_plan_write_answers_415(api_client, account, make_plan):
    plan = make_plan(PlanStatus.DRAFT)
    client = as_user(api_client, account.admin)
    before = (EngagementPlan.objects.count(), PlanEvent.objects.count())
    for method, path, fields in (
        (
            "post",
            url("list"),
            {
                "importer": account.importer.pk,
                "period_start": "2027-01-01",
                "period_end": "2027-12-31",
            },
        ),
        ("patch", url("detail", pk=plan.pk), {"review_cadence": "monthly"}),
        ("post", url("action", pk=plan.pk, action="submit"), {"comment": "Ready."}),
    ):
        response = getattr(client, method)(path, fields, format="multipart")
        assert response.status_code == 415, (method, path)
    assert (EngagementPlan.objects.count(), PlanEvent.objects.count()) == before
    plan.refresh_from_db()
    assert (plan.status, plan.review_cadence) == (PlanStatus.DRAFT, "quarterly")


@pytest.mark.parametrize(
    "change",
    [
        {"goals": [{"area": "valuation", "measure": "x", "baseline": "1"}]},
        {"touch_points": [{"kind": "visit", "purpose": "x"}]},
        {"period_start": None},
        {"benefits": "other"},
    ],
)
def test_a_patch_validates_whole_items(api_client, account, make_plan, change):
    plan = make_plan()
    response = as_user(api_client, account.admin).patch(
        url("detail", pk=plan.pk), change, format="json"
    )
    assert response.status_code == 400
    assert set(response.data) == set(change)
    plan.refresh_from_db()
    assert plan.goals == plan_fields()["goals"]


def test_a_plan_is_not_replaced_with_put(api_client, account, make_plan):
    plan = make_plan()
    response = as_user(api_client, account.admin).put(
        url("detail", pk=plan.pk), plan_fields(), format="json"
    )
    assert response.status_code == 405


# Versions and their comparison ---------------------------------------------------------


def _two_versions(api_client, account, make_plan):
    plan = make_plan(PlanStatus.CHANGES_REQUESTED)
    fields = plan_fields()
    fields["goals"][1]["target"] = "2 a year"
    fields["goals"].append(
        {"area": "country of origin marking", "measure": "findings", "baseline": "3", "target": "0"}
    )
    fields["touch_points"][0]["planned_on"] = "2027-01-22"
    client = as_user(api_client, account.admin)
    changes = {k: fields[k] for k in ("goals", "touch_points")}
    assert client.patch(url("detail", pk=plan.pk), changes, format="json").status_code == 200
    submitted = client.post(url("action", pk=plan.pk, action="submit"), {}, format="json")
    assert submitted.status_code == 200
    return plan, fields


def test_versions_are_listed_with_their_snapshots(api_client, account, make_plan):
    plan, fields = _two_versions(api_client, account, make_plan)
    data = as_user(api_client, account.viewer).get(url("versions", pk=plan.pk)).data
    assert [v["number"] for v in data["results"]] == [1, 2]
    assert data["results"][0]["submitted_by"]["id"] == account.ae.pk
    assert data["results"][1]["submitted_by"]["id"] == account.admin.pk
    assert data["results"][0]["snapshot"]["goals"] == plan_fields()["goals"]
    assert data["results"][1]["snapshot"]["goals"] == fields["goals"]
    detail = api_client.get(url("detail", pk=plan.pk)).data
    assert (detail["version"], detail["status"]) == (2, "submitted")


def test_comparing_versions_shows_exactly_the_changed_goals_and_touch_points(
    api_client, account, make_plan
):
    plan, fields = _two_versions(api_client, account, make_plan)
    original = plan_fields()
    response = as_user(api_client, account.filer).get(url("diff", pk=plan.pk, a=1, b=2))
    assert response.status_code == 200
    assert response.data == {
        "from": 1,
        "to": 2,
        "changes": [
            {"field": "goals[1]", "before": original["goals"][1], "after": fields["goals"][1]},
            {"field": "goals[2]", "before": None, "after": fields["goals"][2]},
            {
                "field": "touch_points[0]",
                "before": {**original["touch_points"][0], "done_on": None},
                "after": {**fields["touch_points"][0], "done_on": None},
            },
        ],
    }
    backwards = api_client.get(url("diff", pk=plan.pk, a=2, b=1)).data["changes"]
    assert [(c["field"], c["before"], c["after"]) for c in backwards] == [
        (c["field"], c["after"], c["before"]) for c in response.data["changes"]
    ]
    assert api_client.get(url("diff", pk=plan.pk, a=2, b=2)).data["changes"] == []
    assert api_client.get(url("diff", pk=plan.pk, a=1, b=3)).status_code == 404


# Who sees a plan -----------------------------------------------------------------------


def _every_url(plan):
    return {
        "detail": ("get", url("detail", pk=plan.pk)),
        "edit": ("patch", url("detail", pk=plan.pk)),
        "versions": ("get", url("versions", pk=plan.pk)),
        "diff": ("get", url("diff", pk=plan.pk, a=1, b=1)),
        **{f"action {a}": ("post", url("action", pk=plan.pk, action=a)) for a in USER_ACTIONS},
    }


@pytest.mark.parametrize("role", ["other_ae", "other_trade"])
@pytest.mark.parametrize("status", [PlanStatus.SUBMITTED, PlanStatus.ACTIVE])
def test_outsiders_get_404_everywhere_and_no_list_entry(
    api_client, account, make_plan, status, role
):
    plan = make_plan(status)
    client = as_user(api_client, account.role(role))
    for name, (method, path) in _every_url(plan).items():
        response = getattr(client, method)(path, {"comment": "x"}, format="json")
        assert response.status_code == 404, name
    assert client.get(url("list")).data["results"] == []


@pytest.mark.parametrize("role", ["admin", "filer", "viewer", "ae"])
def test_the_account_sees_its_plans(api_client, account, make_plan, role):
    plan = make_plan(PlanStatus.SUBMITTED)
    client = as_user(api_client, account.role(role))
    assert [p["id"] for p in client.get(url("list")).data["results"]] == [plan.pk]
    for name in ("detail", "versions", "diff"):
        method, path = _every_url(plan)[name]
        assert getattr(client, method)(path).status_code == 200, name


def test_delegates_read_until_their_grant_expires(api_client, account, make_plan):
    from datetime import timedelta

    from django.utils import timezone

    from accounts.models import ImporterDelegation
    from accounts.services import delegate_importer
    from tests.factories import UserFactory

    plan = make_plan(PlanStatus.DRAFT)
    broker = UserFactory()
    delegate_importer(
        account.importer,
        broker=broker,
        role="filer",
        by=account.admin,
        expires_at=timezone.now() + timedelta(days=1),
    )
    client = as_user(api_client, broker)
    data = client.get(url("detail", pk=plan.pk)).data
    assert data["allowed_actions"] == []
    response = client.post(url("action", pk=plan.pk, action="submit"), {}, format="json")
    assert response.status_code == 409
    assert client.patch(url("detail", pk=plan.pk), {}, format="json").status_code == 409
    ImporterDelegation.objects.filter(user=broker).update(
        expires_at=timezone.now() - timedelta(minutes=1)
    )
    assert client.get(url("detail", pk=plan.pk)).status_code == 404


def test_a_former_ae_no_longer_sees_the_plan(api_client, account, make_plan):
    from accounts.services import assign_account_executive
    from tests.factories import UserFactory

    plan = make_plan(PlanStatus.SUBMITTED)
    successor = UserFactory(is_account_executive=True)
    assign_account_executive(account.importer, ae=successor, by=None)
    assert as_user(api_client, account.ae).get(url("detail", pk=plan.pk)).status_code == 404
    data = as_user(api_client, successor).get(url("detail", pk=plan.pk)).data
    assert data["allowed_actions"] == ["request_changes", "approve"]


def test_superusers_see_every_plan_but_do_not_act(api_client, account, make_plan):
    from tests.factories import UserFactory

    plan = make_plan(PlanStatus.SUBMITTED)
    client = as_user(api_client, UserFactory(is_superuser=True, is_staff=True))
    assert client.get(url("detail", pk=plan.pk)).data["allowed_actions"] == []
    response = client.post(url("action", pk=plan.pk, action="approve"), {}, format="json")
    assert response.status_code == 409


def test_without_credentials_the_api_answers_401(api_client, make_plan):
    plan = make_plan()
    assert api_client.get(url("list")).status_code == 401
    assert api_client.get(url("detail", pk=plan.pk)).status_code == 401


def test_the_list_costs_the_same_queries_for_one_plan_or_many(
    api_client, account, make_plan, django_assert_max_num_queries
):
    make_plan(PlanStatus.SUBMITTED)
    client = as_user(api_client, account.ae)
    with django_assert_max_num_queries(4):
        client.get(url("list"))
    for status in (PlanStatus.CHANGES_REQUESTED, PlanStatus.ACTIVE, PlanStatus.CLOSED):
        make_plan(status)
    with django_assert_max_num_queries(4):
        assert len(client.get(url("list")).data["results"]) == 4


def test_activating_through_the_api_closes_the_previous_plan(api_client, account, make_plan):
    first = make_plan(PlanStatus.ACTIVE)
    second = make_plan(PlanStatus.APPROVED)
    response = as_user(api_client, account.ae).post(
        url("action", pk=second.pk, action="activate"), {}, format="json"
    )
    assert response.status_code == 200
    assert response.data["status"] == "active"
    first.refresh_from_db()
    assert first.status == "closed"
    assert PlanEvent.objects.filter(plan=first, action="supersede").count() == 1


def test_the_plan_api_joins_the_schema_without_warnings(tmp_path):
    from django.core.management import call_command

    schema = tmp_path / "schema.yml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(schema))
    text = schema.read_text()
    assert "/api/v1/engagement-plans/{id}/versions/{a}/diff/{b}/:" in text
    assert "PlanStatusEnum:" in text
