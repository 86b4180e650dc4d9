"""Account Executive dashboard and engagement-plan pages (DESIGN.md §6, §8).

Thin views: every read goes through the access policy's `visible_to` querysets, every
change through `accounts.plan_services`; the workflow table says which actions to offer.
"""

from datetime import date

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from cee_portal import access
from cee_portal.pages import ae_page, for_users
from inquiries.models import Inquiry, Referral

from . import plan_forms, plan_services, plans
from .models import (
    AccountExecutiveAssignment,
    EngagementPlan,
    Importer,
    PlanVersion,
    RiskSegment,
    plan_role_annotations,
)
from .plans import Benefit, PlanAction, PlanConflict, PlanStatus, ReviewCadence, TouchPointKind

PER_PAGE = 25

# Trade users see their importers' plans, Account Executives their accounts' plans.
plan_page = for_users(lambda user: access.is_trade_user(user) or bool(user.is_account_executive))

ACTION_DONE = {
    PlanAction.SUBMIT: gettext_lazy("The plan was submitted for review."),
    PlanAction.REQUEST_CHANGES: gettext_lazy(
        "Changes were requested; the plan went back to the importer."
    ),
    PlanAction.APPROVE: gettext_lazy("The plan was approved."),
    PlanAction.ACTIVATE: gettext_lazy("The plan is active."),
    PlanAction.CLOSE: gettext_lazy("The plan was closed."),
}

# The button of each action on the plan page.
ACTION_BUTTONS = {
    PlanAction.SUBMIT: gettext_lazy("Submit for review"),
    PlanAction.REQUEST_CHANGES: gettext_lazy("Request changes"),
    PlanAction.APPROVE: gettext_lazy("Approve the plan"),
    PlanAction.ACTIVATE: gettext_lazy("Activate the plan"),
    PlanAction.CLOSE: gettext_lazy("Close the plan"),
}

# Colours of components/usa_tag.html for a plan's status and an account's risk segment.
STATUS_TAGS = {
    PlanStatus.SUBMITTED: "info",
    PlanStatus.CHANGES_REQUESTED: "warning",
    PlanStatus.APPROVED: "accent",
    PlanStatus.ACTIVE: "success",
}
RISK_TAGS = {RiskSegment.LOW: "success", RiskSegment.MEDIUM: "warning", RiskSegment.HIGH: "error"}


# Helpers ---------------------------------------------------------------------------------


def _page(request, queryset, param: str, per_page: int = PER_PAGE):
    """One page of `queryset` from the query parameter `param`, with neighbour links."""
    page = Paginator(queryset, per_page).get_page(request.GET.get(param))

    def link(number):
        query = request.GET.copy()
        query[param] = number
        return f"?{query.urlencode()}"

    page.previous_url = link(page.previous_page_number()) if page.has_previous() else ""
    page.next_url = link(page.next_page_number()) if page.has_next() else ""
    return page


def _url_exists(name: str, **kwargs) -> bool:
    """Whether another part of the portal has wired the page `name` yet."""
    try:
        reverse(name, kwargs=kwargs)
    except NoReverseMatch:
        return False
    return True


def _day(value):
    return date.fromisoformat(value) if isinstance(value, str) and value else value or None


def _label(choices, value) -> str:
    try:
        return str(choices(value).label)
    except ValueError:
        return str(value)


def goal_rows(goals) -> list[dict]:
    return [dict(goal, number=index) for index, goal in enumerate(goals, start=1)]


def touch_point_rows(points) -> list[dict]:
    """Touch points with their kind in words and their dates as dates."""
    return [
        {
            "number": index,
            "kind": _label(TouchPointKind, point.get("kind")),
            "planned_on": _day(point.get("planned_on")),
            "purpose": point.get("purpose", ""),
            "done_on": _day(point.get("done_on")),
        }
        for index, point in enumerate(points, start=1)
    ]


def benefit_labels(benefits) -> list[str]:
    return [_label(Benefit, value) for value in benefits]


def _crumbs(*pairs):
    return [{"label": label, "url": url} for label, url in pairs]


def _plans_crumb():
    return (_("Engagement plans"), reverse("ae:plans"))


def _tagged(plans_shown):
    """Give each plan the colour of its status tag."""
    for plan in plans_shown:
        plan.status_tag = STATUS_TAGS.get(plan.status, "")
    return plans_shown


def _visible_plan(request, pk: int) -> EngagementPlan:
    """The plan if the user sees it (404 otherwise), with their roles and its comments."""
    plans_seen = (
        EngagementPlan.objects.visible_to(request.user)
        .with_roles(request.user)
        .with_comments()
        .select_related("importer", "ae")
    )
    return _tagged([get_object_or_404(plans_seen, pk=pk)])[0]


def _risk_trend(importer: Importer) -> str:
    if importer.risk_score is None or importer.risk_previous_score is None:
        return ""
    change = importer.risk_score - importer.risk_previous_score
    if change > 0:
        return _("up %(points)s") % {"points": change}
    if change < 0:
        return _("down %(points)s") % {"points": -change}
    return _("unchanged")


# AE dashboard ----------------------------------------------------------------------------


def _dashboard_accounts(request, today: date):
    importers = (
        Importer.objects.filter(access.ae_importer_q(request.user))
        .prefetch_related(
            Prefetch(
                "engagement_plans",
                queryset=EngagementPlan.objects.active(),
                to_attr="active_plans",
            )
        )
        .order_by("name", "pk")
    )
    page = _page(request, importers, "accounts_page")
    for importer in page:
        importer.risk_trend = _risk_trend(importer)
        importer.risk_tag = RISK_TAGS.get(importer.risk_segment, "")
        plan = importer.active_plans[0] if importer.active_plans else None
        importer.active_plan = plan
        if plan is not None:
            importer.touch_points_planned = len(plan.touch_points)
            importer.touch_points_used = plans.touch_points_used(plan.touch_points, on=today)
    return page


def _dashboard_inquiries(request, today: date):
    inquiries = (
        Inquiry.objects.visible_to(request.user)
        .open()
        .filter(access.ae_importer_q(request.user, "importer_id"))
        .select_related("importer", "center")
        .prefetch_related(Prefetch("referrals", queryset=Referral.objects.order_by("id")))
        .queue_order()
    )
    page = _page(request, inquiries, "inquiries_page")
    for inquiry in page:
        inquiry.days_left = (inquiry.due - today).days if inquiry.due else None
        inquiry.is_overdue = inquiry.days_left is not None and inquiry.days_left < 0
        inquiry.days_late = -inquiry.days_left if inquiry.is_overdue else 0
    return page


@ae_page
def dashboard(request):
    """An Account Executive's accounts, their open inquiries, plans to review, touch points."""
    today = timezone.localdate()
    accounts = _dashboard_accounts(request, today)
    waiting = (
        EngagementPlan.objects.for_ae(request.user)
        .awaiting_approval()
        .select_related("importer")
        .order_by("updated_at", "pk")
    )
    return render(
        request,
        "ae/dashboard.html",
        {
            "today": today,
            "accounts": accounts,
            "charted": [a for a in accounts if a.active_plan is not None],
            "inquiries": _dashboard_inquiries(request, today),
            "inquiry_links": _url_exists("inquiries:detail", reference="CEE-2026-000001"),
            "account_links": _url_exists("accounts:detail", pk=1),
            "waiting": _tagged(_page(request, waiting, "waiting_page")),
            "reviews_due": plan_services.plans_with_review_due(request.user, today),
        },
    )


# Plan list -------------------------------------------------------------------------------


def _accounts_for_plans(request):
    """The user's accounts with what they may do about plans, or why they may not."""
    has_ae = Exists(AccountExecutiveAssignment.objects.active().filter(importer=OuterRef("pk")))
    importers = (
        Importer.objects.visible_to(request.user)
        .annotate(has_ae=has_ae, **plan_role_annotations(request.user, "pk"))
        .order_by("name", "pk")
    )
    page = _page(request, importers, "accounts_page")
    for importer in page:
        roles = plans.roles_from(
            is_importer_admin=importer.user_is_importer_admin, is_ae=importer.user_is_ae
        )
        importer.failures = importer.trusted_partner_failures
        importer.may_start = bool(roles & plans.CREATOR_ROLES)
    return page


@plan_page
def plan_list(request):
    """The plans the user sees and, per account, a new plan or why there can be none."""
    visible = (
        EngagementPlan.objects.visible_to(request.user)
        .select_related("importer", "ae")
        .order_by("importer__name", "-created_at", "-id")
    )
    return render(
        request,
        "plans/list.html",
        {
            "plans": _tagged(_page(request, visible, "page")),
            "accounts": _accounts_for_plans(request),
            "crumbs": _crumbs((_("Engagement plans"), "")),
        },
    )


# Plan page and workflow actions ----------------------------------------------------------


def _action_forms(plan, bound=None):
    """A form per action open to the user now; `bound` replaces the one that was posted."""
    forms = []
    for action in plan.user_allowed_actions:
        if bound is not None and bound.prefix == action:
            form = bound
        else:
            form = plan_forms.PlanActionForm(
                action=action,
                comment_required=plans.TRANSITIONS[action].comment_required,
                action_label=ACTION_BUTTONS[action],
            )
        forms.append({"action": action, "label": ACTION_BUTTONS[action], "form": form})
    return forms


def _render_detail(request, plan, *, bound=None, status=200):
    versions = list(plan.versions.select_related("submitted_by").order_by("number"))
    reviews = list(plan.reviews.select_related("reviewed_by"))
    for review in reviews:
        review.rows = [dict(row, number=row["goal"] + 1) for row in review.progress]
    roles = plan.user_roles
    context = {
        "plan": plan,
        "goals": goal_rows(plan.goals),
        "touch_points": touch_point_rows(plan.touch_points),
        "touch_points_used": plans.touch_points_used(plan.touch_points, on=timezone.localdate()),
        "benefits": benefit_labels(plan.benefits),
        "comments": plan.comment_events,
        "versions": versions,
        "reviews": reviews,
        "action_forms": _action_forms(plan, bound),
        "can_edit": plans.can_edit(plan.status, roles),
        "can_review": bool(roles & plans.REVIEWER_ROLES) and plan.status == PlanStatus.ACTIVE,
        "crumbs": _crumbs(_plans_crumb(), (plan.importer.name, "")),
    }
    return render(request, "plans/detail.html", context, status=status)


@plan_page
def plan_detail(request, pk: int):
    """One plan: content, comments, versions, reviews and the actions open to the user."""
    return _render_detail(request, _visible_plan(request, pk))


@plan_page
@require_POST
def plan_action(request, pk: int, action: str):
    """Take a workflow action on the plan through its service."""
    plan = _visible_plan(request, pk)
    if action not in plans.USER_ACTIONS:
        raise Http404
    if action not in plan.user_allowed_actions:
        messages.error(
            request,
            _("You may not %(action)s this plan now: it is %(status)s.")
            % {"action": PlanAction(action).label.lower(), "status": plan.get_status_display()},
        )
        return redirect("ae:plan_detail", pk=plan.pk)
    form = plan_forms.PlanActionForm(
        request.POST,
        action=action,
        comment_required=plans.TRANSITIONS[action].comment_required,
        action_label=ACTION_BUTTONS[action],
    )
    if form.is_valid():
        try:
            plan_services.ACTION_SERVICES[action](
                plan, by=request.user, comment=form.cleaned_data["comment"]
            )
        except PlanConflict as exc:
            messages.error(request, str(exc))
            return redirect("ae:plan_detail", pk=plan.pk)
        except ValidationError as exc:
            plan_forms.add_service_errors(form, exc)
        else:
            messages.success(request, ACTION_DONE[action])
            return redirect("ae:plan_detail", pk=plan.pk)
    return _render_detail(request, plan, bound=form, status=400)


# Drafting and editing --------------------------------------------------------------------


def _plan_fields(form, goals, touch_points) -> dict:
    fields = {name: form.cleaned_data[name] for name in plan_forms.PlanForm.base_fields}
    fields["goals"] = plan_forms.rows(goals)
    fields["touch_points"] = plan_forms.rows(touch_points)
    return fields


def _render_edit(request, *, form, goals, touch_points, plan=None, ineligible=(), status=200):
    problems = plan_forms.plan_problems(form, goals, touch_points) if form.is_bound else []
    title = _("Edit the plan") if plan else _("Start an engagement plan")
    crumbs = [_plans_crumb()]
    if plan is not None:
        crumbs.append((plan.importer.name, reverse("ae:plan_detail", args=[plan.pk])))
    crumbs.append((title, ""))
    context = {
        "plan": plan,
        "form": form,
        "goal_rows": goals,
        "touch_point_rows": touch_points,
        "problems": problems,
        "ineligible": ineligible,
        "title": title,
        "buttons": {"add_goal": plan_forms.ADD_GOAL, "add_touch_point": plan_forms.ADD_TOUCH_POINT},
        "crumbs": _crumbs(*crumbs),
    }
    status = 400 if problems else status
    return render(request, "plans/edit.html", context, status=status)


def _ready(request, form, goals, touch_points) -> bool:
    """Whether the posted forms are to be saved: not an added row, and all valid."""
    if plan_forms.adds_row(request.POST):
        return False
    # Evaluate each so that every form shows its errors.
    return all([form.is_valid(), goals.is_valid(), touch_points.is_valid()])


def _creators_importers(request):
    """Accounts the user may draw up plans for, split into eligible and not."""
    importers = (
        Importer.objects.visible_to(request.user)
        .annotate(**plan_role_annotations(request.user, "pk"))
        .filter(Q(user_is_importer_admin=True) | Q(user_is_ae=True))
        .order_by("name", "pk")
    )
    eligible, ineligible = [], []
    for importer in importers:
        (ineligible if importer.trusted_partner_failures else eligible).append(importer)
    return eligible, ineligible


@plan_page
def plan_create(request):
    """Draft a new plan for a trusted-partner account (its admins or its AE)."""
    eligible, ineligible = _creators_importers(request)
    if request.method == "POST":
        form = plan_forms.PlanCreateForm(request.POST, importers=eligible)
        goals, touch_points = plan_forms.row_formsets(request.POST)
        if _ready(request, form, goals, touch_points):
            fields = _plan_fields(form, goals, touch_points)
            try:
                plan = plan_services.create_plan(
                    form.cleaned_data["importer"], by=request.user, **fields
                )
            except (ValidationError, PermissionDenied) as exc:
                error = exc if isinstance(exc, ValidationError) else ValidationError(str(exc))
                plan_forms.add_service_errors(form, error)
            else:
                messages.success(request, _("The draft plan was saved."))
                return redirect("ae:plan_detail", pk=plan.pk)
    else:
        today = timezone.localdate()
        form = plan_forms.PlanCreateForm(
            importers=eligible,
            initial={
                "importer": request.GET.get("importer"),
                "period_start": today,
                "period_end": plans.add_months(today, 12),
                "review_cadence": ReviewCadence.QUARTERLY,
            },
        )
        goals, touch_points = plan_forms.row_formsets()
    return _render_edit(
        request, form=form, goals=goals, touch_points=touch_points, ineligible=ineligible
    )


@plan_page
def plan_edit(request, pk: int):
    """Change a draft, or a plan sent back for changes (its importer's admins or its AE)."""
    plan = _visible_plan(request, pk)
    if not plan.user_roles & plans.EDITOR_ROLES:
        raise Http404
    if not plans.can_edit(plan.status, plan.user_roles):
        messages.error(
            request,
            _(
                "This plan is %(status)s. A plan can be changed only while it is a draft "
                "or after changes were requested."
            )
            % {"status": plan.get_status_display().lower()},
        )
        return redirect("ae:plan_detail", pk=plan.pk)
    if request.method == "POST":
        form = plan_forms.PlanForm(request.POST)
        goals, touch_points = plan_forms.row_formsets(request.POST)
        if _ready(request, form, goals, touch_points):
            try:
                plan_services.update_plan(
                    plan, by=request.user, changes=_plan_fields(form, goals, touch_points)
                )
            except PlanConflict as exc:
                messages.error(request, str(exc))
                return redirect("ae:plan_detail", pk=plan.pk)
            except ValidationError as exc:
                plan_forms.add_service_errors(form, exc)
            else:
                messages.success(request, _("The plan was saved."))
                return redirect("ae:plan_detail", pk=plan.pk)
    else:
        form = plan_forms.PlanForm(initial=plan.editable_fields())
        goals, touch_points = plan_forms.row_formsets(
            goals=plan.goals, touch_points=plan.touch_points
        )
    return _render_edit(request, form=form, goals=goals, touch_points=touch_points, plan=plan)


# Versions --------------------------------------------------------------------------------


def _describe(field: str, value):
    """A changed value as label/value pairs for the page (None: not in that version)."""
    if value is None and field in plans.LIST_FIELDS:
        return None
    if field == "goals":
        return [
            (plan_forms.GoalForm.base_fields[k].label, value.get(k, "")) for k in plans.GOAL_KEYS
        ]
    if field == "touch_points":
        row = touch_point_rows([value])[0]
        return [
            (plan_forms.TouchPointForm.base_fields[k].label, row[k]) for k in plans.TOUCH_POINT_KEYS
        ]
    if field == "benefits":
        return [(None, ", ".join(benefit_labels(value or [])) or _("None"))]
    if field == "review_cadence":
        return [(None, _label(ReviewCadence, value))]
    return [(None, _day(value))]


def change_rows(changes) -> list[dict]:
    """The diff service's changes, labelled, grouped as scalar fields, goals, touch points."""
    groups = {"fields": [], "goals": [], "touch_points": []}
    names = {"goals": _("Goal %(number)s"), "touch_points": _("Touch point %(number)s")}
    for change in changes:
        field, _sep, index = change["field"].partition("[")
        if index:
            label = names[field] % {"number": int(index.rstrip("]")) + 1}
            group = field
        else:
            label, group = plan_forms.PlanForm.base_fields[field].label, "fields"
        groups[group].append(
            {
                "label": label,
                "before": _describe(field, change["before"]),
                "after": _describe(field, change["after"]),
            }
        )
    return groups


@plan_page
def plan_diff(request, pk: int, a: int, b: int):
    """Two submitted versions side by side: the scalar fields, goals and touch points changed."""
    plan = _visible_plan(request, pk)
    found = {
        v.number: v
        for v in PlanVersion.objects.filter(plan=plan, number__in=[a, b]).select_related(
            "submitted_by"
        )
    }
    if a not in found or b not in found:
        raise Http404
    changes = plans.diff_snapshots(found[a].snapshot, found[b].snapshot)
    detail_url = reverse("ae:plan_detail", args=[plan.pk])
    title = _("Version %(a)s and version %(b)s") % {"a": a, "b": b}
    return render(
        request,
        "plans/diff.html",
        {
            "plan": plan,
            "before": found[a],
            "after": found[b],
            "groups": change_rows(changes),
            "changed": bool(changes),
            "crumbs": _crumbs(_plans_crumb(), (plan.importer.name, detail_url), (title, "")),
            "title": title,
        },
    )


@plan_page
def plan_compare(request, pk: int):
    """Send the compare form (two version numbers) to the side-by-side page."""
    plan = _visible_plan(request, pk)
    try:
        a, b = int(request.GET["a"]), int(request.GET["b"])
    except (KeyError, ValueError):
        messages.error(request, _("Choose two versions to compare."))
        return redirect("ae:plan_detail", pk=plan.pk)
    return redirect("ae:plan_diff", pk=plan.pk, a=a, b=b)


# Periodic reviews ------------------------------------------------------------------------


@plan_page
def plan_review(request, pk: int):
    """The AE records a periodic review of an active plan: progress per goal, touch points."""
    plan = _visible_plan(request, pk)
    if not plan.user_roles & plans.REVIEWER_ROLES:
        raise Http404
    if plan.status != PlanStatus.ACTIVE:
        messages.error(request, _("Only an active plan is reviewed."))
        return redirect("ae:plan_detail", pk=plan.pk)
    form = plan_forms.PlanReviewForm(request.POST or None, plan=plan)
    if request.method == "POST" and form.is_valid():
        try:
            plan_services.record_plan_review(plan, by=request.user, **form.service_arguments())
        except PlanConflict as exc:
            messages.error(request, str(exc))
            return redirect("ae:plan_detail", pk=plan.pk)
        except ValidationError as exc:
            plan_forms.add_service_errors(form, exc)
        else:
            messages.success(request, _("The review was recorded."))
            return redirect("ae:plan_detail", pk=plan.pk)
    detail_url = reverse("ae:plan_detail", args=[plan.pk])
    return render(
        request,
        "plans/review.html",
        {
            "plan": plan,
            "form": form,
            "crumbs": _crumbs(
                _plans_crumb(), (plan.importer.name, detail_url), (_("Record a review"), "")
            ),
        },
        status=400 if form.errors else 200,
    )
