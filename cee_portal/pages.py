"""Role pages: who may open a page is decided here, from the access policy.

A signed-in user whose roles do not include the page's role gets 404, as for an object they
may not see (DESIGN.md §1), so the page's existence is not revealed; anonymous users are sent
to sign in.

Also what every page shares about a person's way through the portal (DESIGN.md §16): each
role's home, where a sign-in lands; form targets, which answer a GET or an expired session by
leading back to the form's page with what was typed; and the question asked before an
irreversible action.
"""

import time
from collections.abc import Callable
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import LogoutView, redirect_to_login
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

import access


def for_users(predicate: Callable) -> Callable:
    """Decorate a view so that only signed-in users with predicate(user) true reach it."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not predicate(request.user):
                raise Http404
            return view(request, *args, **kwargs)

        wrapped.page_predicate = predicate  # read by the access-matrix test
        return login_required(wrapped)

    return decorator


def is_person(user) -> bool:
    """Any signed-in person; service accounts (the ACE feed) never use pages."""
    return user.is_active and not user.is_service_account


def is_center_staff(user) -> bool:
    return access.roles.center_staff(user) is not None


def is_account_executive(user) -> bool:
    return bool(user.is_account_executive)


def reads_referrals(user) -> bool:
    """HQ reviewers (referrals and the triage queue) and PGA liaisons (their agency's)."""
    return bool(user.is_hq_reviewer) or access.roles.pga_liaison(user) is not None


def is_administrator(user) -> bool:
    return bool(user.is_superuser)


trade_page = for_users(access.roles.is_trade_user)
staff_page = for_users(is_center_staff)
ae_page = for_users(is_account_executive)
referrals_page = for_users(reads_referrals)
reports_page = for_users(access.roles.reads_as_cbp)
person_page = for_users(is_person)


# --- Each role's home ----------------------------------------------------------------------

# Where each role's work starts, in the order tried for a person who holds several roles.
# Administrators come before the trade rule, which every person without a CBP or partner
# agency role meets.
ROLE_HOMES = (
    (is_center_staff, gettext_lazy("Queue"), "staff:queue"),
    (reads_referrals, gettext_lazy("Referrals"), "staff:referrals"),
    (is_account_executive, gettext_lazy("AE dashboard"), "ae:dashboard"),
    (is_administrator, gettext_lazy("Administration"), "admin:index"),
    (access.roles.is_trade_user, gettext_lazy("Dashboard"), "portal:dashboard"),
)


def role_home(user) -> tuple[str, str]:
    """(label, URL) of the page where the person's work starts; the public home otherwise."""
    for holds, label, url_name in ROLE_HOMES:
        if holds(user):
            return str(label), reverse(url_name)
    return _("Home"), reverse("centers:home")


@person_page
def home(request):
    """Send a signed-in person to their role's home: where a sign-in without `next` lands."""
    return redirect(role_home(request.user)[1])


# --- Form targets ---------------------------------------------------------------------------

KEPT_FORM = "kept_form"  # session key of what was typed when the session had expired
KEPT_SECONDS = 3600
KEPT_FIELD_CHARS = 20_000
KEPT_FIELDS = 50
CONFIRM = "confirm"
NOT_CARRIED = {"csrfmiddlewaretoken", CONFIRM}
FORM_METHODS = ("GET", "HEAD", "POST")


def form_target(
    page_name: str, *, keys: tuple[str, ...] = (), anchor: str = "", check: Callable | None = None
) -> Callable:
    """Decorate a view that a form posts to, above its role decorator (DESIGN.md §16).

    The form's page is `page_name` reversed with the URL keywords `keys`. A GET (a reload, a
    bookmark, the return from signing in) goes there, never to a bare 405: for a person of
    the view's role for whom `check(request, **kwargs)` raises no Http404 (so a hidden object
    answers 404 like a missing one). Someone no longer signed in (an expired session) signs
    in and comes back to that page, and what they typed is kept for its form.
    """

    def decorator(view):
        predicate = getattr(view, "page_predicate", is_person)

        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method not in FORM_METHODS:
                return HttpResponseNotAllowed(FORM_METHODS)
            page = reverse(page_name, kwargs={key: kwargs[key] for key in keys})
            if not request.user.is_authenticated:
                if request.method == "POST":
                    keep_typed_text(request, page)
                return redirect_to_login(page)
            if request.method == "POST":
                return view(request, *args, **kwargs)
            if not predicate(request.user):
                raise Http404
            if check is not None:
                check(request, **kwargs)
            return redirect(page + anchor)

        wrapped.form_page = page_name  # read by the access-matrix test: a POST-only target
        return wrapped

    return decorator


def keeps_typed_text(view):
    """Decorate a page that posts to itself, above its role decorator: what was typed into a
    form sent after the session expired is kept for the page, shown again after sign-in."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method == "POST" and not request.user.is_authenticated:
            keep_typed_text(request, request.path)
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    return wrapped


def keep_typed_text(request, page: str) -> None:
    """Keep the fields of a form posted without a session, until its page is shown again."""
    fields = {}
    for name in list(request.POST)[:KEPT_FIELDS]:
        values = request.POST.getlist(name)
        if name not in NOT_CARRIED and sum(len(value) for value in values) <= KEPT_FIELD_CHARS:
            fields[name] = values
    request.session[KEPT_FORM] = {"page": page, "fields": fields, "at": time.time()}


def restore_typed_text(request, forms) -> None:
    """Put what the person typed before signing in again back into this page's forms.

    Only unbound forms are filled (as initial values, so nothing is checked or sent), and
    only on the page the form was posted from, once, within the hour.
    """
    kept = request.session.get(KEPT_FORM)
    if not isinstance(kept, dict) or kept.get("page") != request.path:
        return
    del request.session[KEPT_FORM]
    if time.time() - kept.get("at", 0) > KEPT_SECONDS:
        return
    restored = False
    for form in forms:
        if form is None or form.is_bound:
            continue
        for name, field in form.fields.items():
            values = kept["fields"].get(form.add_prefix(name))
            if values:
                multiple = getattr(field.widget, "allow_multiple_selected", False)
                form.initial[name] = values if multiple else values[0]
                restored = True
    if restored:
        messages.info(
            request,
            _(
                "You were signed out before your form was sent, so nothing was changed. What you "
                "typed is below: check it and send it again."
            ),
        )


# --- Irreversible actions -------------------------------------------------------------------


def confirmed(request) -> bool:
    """Whether the person answered yes on the confirmation page of the action they post."""
    return request.POST.get(CONFIRM) == "yes"


def confirmation_page(
    request,
    *,
    heading: str,
    consequences: list[str],
    button: str,
    cancel_url: str,
    details: list[tuple[str, str]] = (),
    crumbs=(),
):
    """Ask before an irreversible action: what will happen, the typed values, yes or cancel.

    The posted fields ride along hidden, so "yes" posts the same form again with
    `confirm=yes`; nothing is changed until then. Works without script.
    """
    carried = [
        (name, value)
        for name in request.POST
        if name not in NOT_CARRIED
        for value in request.POST.getlist(name)
    ]
    return render(
        request,
        "portal/confirm.html",
        {
            "heading": heading,
            "consequences": consequences,
            "details": [(label, value) for label, value in details if value],
            "button": button,
            "cancel_url": cancel_url,
            "action_url": request.path,
            "carried": carried,
            "confirm_name": CONFIRM,
            "crumbs": list(crumbs),
        },
    )


class SignOutView(LogoutView):
    """Sign out by POST (the header's button, CSRF-checked); a GET of the address (a bookmark,
    a reload after signing out) leads to a page instead of a bare 405."""

    http_method_names = ["get", "post", "options"]

    def get(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            return redirect("home")
        return redirect("centers:home")
