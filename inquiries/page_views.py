"""The inquiry page, one for every person who sees the inquiry, and the forms it posts.

Trade users, Center staff, AEs, HQ reviewers and PGA liaisons all read the same page; what
each sees comes from the access policy, and the forms offered are exactly the actions the
lifecycle table allows this user now. Every POST calls one service and redirects.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

import access
from cee_portal.pages import (
    confirmation_page,
    confirmed,
    form_target,
    person_page,
    restore_typed_text,
    role_home,
)

from . import services
from .action_forms import (
    CONFIRMATIONS,
    DocumentForm,
    MessageForm,
    add_service_errors,
    build_action_form,
    choices_for,
)
from .documents import DocumentTooLarge, UnsupportedDocument, renamed_because, upload_document
from .models import Document, Inquiry, Referral
from .presentation import STATUS_VARIANTS
from .types import StatutoryClock
from .workflow import Action, Status

# Event names that are not lifecycle actions.
EVENT_LABELS = {
    "file": gettext_lazy("Filed"),
    "message": gettext_lazy("Message posted"),
    "note": gettext_lazy("Internal note posted"),
    "document": gettext_lazy("Document added"),
}


def page_queryset(user):
    """Inquiries the user sees, with everything the page shows fetched in a fixed number."""
    referrals = Referral.objects.select_related("agency", "referred_by", "returned_by")
    return (
        access.inquiries.visible(user)
        .select_related("importer", "center", "assignee", "entry", "filed_by")
        .prefetch_related(Prefetch("referrals", queryset=referrals))
    )


def get_inquiry(request, reference: str) -> Inquiry:
    """The inquiry if this user sees it; 404 otherwise (its existence is not revealed)."""
    inquiry = page_queryset(request.user).filter(reference=reference).first()
    if inquiry is None:
        raise Http404
    return inquiry


class Viewer:
    """What the signed-in user may see and do on one inquiry, asked once per request."""

    def __init__(self, user, inquiry):
        self.user = user
        self.is_cbp = access.roles.reads_as_cbp(user)
        self.actions = [Action(a) for a in services.allowed_actions_for(inquiry, user)]
        self.may_upload = access.inquiries.may_upload(user, inquiry)
        self.may_external = access.inquiries.may_post_message(user, inquiry, internal=False)
        self.may_internal = self.is_cbp and access.inquiries.may_post_message(
            user, inquiry, internal=True
        )


def _clocks(inquiry, today):
    due = inquiry.due if inquiry.is_open else None
    return {
        "today": today,
        "sla_due": inquiry.sla_due,
        "sla_paused": inquiry.is_open and inquiry.sla_paused,
        "first_response_due": inquiry.first_response_due if not inquiry.first_response_at else None,
        "first_response_at": inquiry.first_response_at,
        "resolution_due": inquiry.resolution_due if inquiry.is_open else None,
        "reply_due": inquiry.reply_due,
        "statutory_deadline": inquiry.statutory_deadline if inquiry.is_open else None,
        "statutory_clock": StatutoryClock(inquiry.statutory_clock).label
        if inquiry.statutory_clock
        else "",
        "due": due,
        "days_left": (due - today).days if due else None,
        "overdue": bool(due and due < today),
        "days_late": (today - due).days if due and due < today else 0,
    }


def _details(inquiry):
    """The type's own fields as (label, shown value) pairs, choice values by their label."""
    rows = []
    for field in inquiry.spec.fields:
        value = inquiry.details.get(field.name)
        if value in (None, ""):
            continue
        rows.append((field.label, dict(field.choices).get(value, value)))
    return rows


def _timeline(inquiry, viewer):
    events = access.inquiries.events_seen(viewer.user, inquiry).select_related("actor")
    rows = list(events.order_by("sequence"))
    labels = dict(Action.choices) | EVENT_LABELS
    statuses = dict(Status.choices)
    for event in rows:
        event.label = labels.get(event.action, event.action)
        event.from_label = statuses.get(event.from_status, "")
        event.to_label = statuses.get(event.to_status, "")
    return rows


def _crumbs(user, inquiry):
    """Back to the list the user works from: their role's home."""
    label, url = role_home(user)
    return [{"label": label, "url": url}, {"label": inquiry.reference, "url": ""}]


def _action_forms(inquiry, viewer, bound=None):
    extra = choices_for(inquiry, viewer.actions)
    forms = []
    for action in viewer.actions:
        if bound is not None and bound.action == action:
            forms.append(bound)
        else:
            forms.append(build_action_form(action, inquiry, extra=extra))
    return forms


def render_page(
    request,
    inquiry,
    *,
    bound=None,
    message_form=None,
    document_form=None,
    conflict=None,
    status=200,
):
    """Render the inquiry page, with a bound form (and its errors) where one was posted."""
    viewer = Viewer(request.user, inquiry)
    today = timezone.localdate()
    conversation = access.inquiries.messages_seen(request.user, inquiry).select_related("author")
    action_forms = _action_forms(inquiry, viewer, bound)
    message_form = message_form or (
        MessageForm(may_external=viewer.may_external, may_internal=viewer.may_internal)
        if viewer.may_external or viewer.may_internal
        else None
    )
    restore_typed_text(request, [*action_forms, message_form])
    context = {
        "inquiry": inquiry,
        "status_variant": STATUS_VARIANTS.get(inquiry.status, ""),
        "crumbs": _crumbs(request.user, inquiry),
        "viewer": viewer,
        "clocks": _clocks(inquiry, today),
        "details": _details(inquiry),
        "timeline": _timeline(inquiry, viewer),
        "conversation": list(conversation.order_by("created_at", "id")),
        "documents": list(
            Document.objects.filter(inquiry=inquiry)
            .select_related("uploaded_by")
            .order_by("uploaded_at", "id")
        ),
        "referrals": access.inquiries.referrals_seen(request.user, inquiry),
        "routings": list(
            access.inquiries.routings_seen(request.user, inquiry).select_related(
                "center", "routed_by"
            )
        ),
        "action_forms": action_forms,
        "message_form": message_form,
        "document_form": document_form or (DocumentForm() if viewer.may_upload else None),
        "conflict": conflict,
        "has_errors": bool(
            conflict
            or (bound and bound.errors)
            or (message_form and message_form.errors)
            or (document_form and document_form.errors)
        ),
    }
    return render(request, "inquiries/detail.html", context, status=status)


@person_page
def inquiry_detail(request, reference):
    """The inquiry: header, clocks, timeline, messages, documents and the allowed actions."""
    return render_page(request, get_inquiry(request, reference))


def _conflict(inquiry, action):
    return _(
        "%(action)s is not open to you on %(ref)s now: someone may have acted first, or "
        "a time window has closed. The inquiry is now: %(status)s."
    ) % {"action": Action(action).label, "ref": inquiry.reference, "status": inquiry.status_label}


def _check_seen(request, reference, **_url_keywords) -> None:
    """404 unless the user sees the inquiry, as its page answers."""
    if not access.inquiries.visible(request.user).filter(reference=reference).exists():
        raise Http404


# The inquiry page's forms: a GET of their URL, or a post after the session expired, leads
# back to the inquiry page.
inquiry_form = form_target("inquiries:detail", keys=("reference",), check=_check_seen)


def _confirmation(request, inquiry, action, form):
    """Ask before an irreversible action, showing what was typed for it."""
    heading, consequences, button = CONFIRMATIONS[action]
    ref = {"ref": inquiry.reference}
    typed = [(str(field.label), form.cleaned_data.get(name)) for name, field in form.fields.items()]
    return confirmation_page(
        request,
        heading=heading % ref,
        consequences=[str(line) for line in consequences],
        button=button % ref,
        cancel_url=reverse("inquiries:detail", args=[inquiry.reference]),
        details=[(_("Inquiry"), f"{inquiry.reference}: {inquiry.subject}"), *typed],
        crumbs=_crumbs(request.user, inquiry)[:1]
        + [
            {
                "label": inquiry.reference,
                "url": reverse("inquiries:detail", args=[inquiry.reference]),
            },
            {"label": action.label, "url": ""},
        ],
    )


def _page_after(request, inquiry):
    """The inquiry page if the user still sees the inquiry, else their role's home.

    An action can take the inquiry out of the actor's sight: an HQ reviewer who reroutes an
    inquiry from triage to a Center no longer sees it.
    """
    if access.inquiries.visible(request.user).filter(pk=inquiry.pk).exists():
        return redirect("inquiries:detail", reference=inquiry.reference)
    return redirect(role_home(request.user)[1])


def _refused(request, inquiry, action):
    """The conflict on the page as it stands, or on the home page if it is now out of sight."""
    fresh = page_queryset(request.user).filter(pk=inquiry.pk).first()
    if fresh is not None:
        return render_page(request, fresh, conflict=_conflict(inquiry, action), status=409)
    messages.error(request, _conflict(inquiry, action))
    return _page_after(request, inquiry)


@inquiry_form
@person_page
def take_action(request, reference, action):
    """Take one lifecycle action through the service; conflicts and bad bodies re-render."""
    inquiry = get_inquiry(request, reference)
    if action not in Action.values:
        raise Http404
    action = Action(action)
    viewer_actions = services.allowed_actions_for(inquiry, request.user)
    if action not in viewer_actions:
        return render_page(request, inquiry, conflict=_conflict(inquiry, action), status=409)
    form = build_action_form(
        action, inquiry, data=request.POST, extra=choices_for(inquiry, [action])
    )
    if not form.is_valid():
        return render_page(request, inquiry, bound=form, status=400)
    if action in CONFIRMATIONS and not confirmed(request):
        return _confirmation(request, inquiry, action, form)
    try:
        services.perform_action(inquiry, action, by=request.user, data=form.body())
    except services.ActionNotAllowed as refused:
        return _refused(request, refused.inquiry, action)
    except ValidationError as exc:
        add_service_errors(form, exc)
        return render_page(request, inquiry, bound=form, status=400)
    # The inquiry as the action left it: the actor may no longer see it (a reroute).
    messages.success(
        request,
        _("%(action)s: done. %(ref)s is now: %(status)s.")
        % {"action": action.label, "ref": inquiry.reference, "status": inquiry.status_label},
    )
    return _page_after(request, inquiry)


@inquiry_form
@person_page
def post_message(request, reference):
    """Post an external message or an internal note through the service."""
    inquiry = get_inquiry(request, reference)
    viewer = Viewer(request.user, inquiry)
    if not (viewer.may_external or viewer.may_internal):
        raise PermissionDenied
    form = MessageForm(
        request.POST, may_external=viewer.may_external, may_internal=viewer.may_internal
    )
    if form.is_valid():
        try:
            message = services.post_message(
                inquiry,
                by=request.user,
                body=form.cleaned_data["body"],
                internal=form.cleaned_data.get("internal", False),
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request, _("Internal note posted.") if message.internal else _("Message sent.")
            )
            return redirect("inquiries:detail", reference=inquiry.reference)
    return render_page(request, inquiry, message_form=form, status=400)


@inquiry_form
@person_page
def upload(request, reference):
    """Add a document through the service: type by content, 20 MB, who may upload."""
    inquiry = get_inquiry(request, reference)
    if not access.inquiries.may_upload(request.user, inquiry):
        raise PermissionDenied
    form = DocumentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            document = upload_document(inquiry, by=request.user, uploaded=form.cleaned_data["file"])
        except (DocumentTooLarge, UnsupportedDocument) as exc:
            form.add_error("file", str(exc))
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _added(form.cleaned_data["file"].name, document))
            return redirect("inquiries:detail", reference=inquiry.reference)
    return render_page(request, inquiry, document_form=form, status=400)


def _added(uploaded_name: str, document) -> str:
    """The confirmation of an upload, saying so when the stored name differs from the file's."""
    why = renamed_because(uploaded_name, document)
    if why:
        return _("%(uploaded)s was added as %(name)s: %(why)s") % {
            "uploaded": uploaded_name,
            "name": document.filename,
            "why": why,
        }
    return _("%(name)s was added.") % {"name": document.filename}


@person_page
def document_download(request, pk):
    """The stored file as an attachment, only if the user sees its inquiry (as the API)."""
    visible = access.inquiries.visible(request.user).values("pk")
    document = Document.objects.filter(pk=pk, inquiry__in=visible).first()
    if document is None:
        raise Http404
    try:
        handle = document.file.open("rb")
    except (FileNotFoundError, OSError):
        raise Http404 from None
    response = FileResponse(
        handle, as_attachment=True, filename=document.filename, content_type=document.content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
