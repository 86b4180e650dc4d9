"""Public pages: home, Centers, rulings."""

from django.db.models import Q
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .forms import RulingSearchForm
from .models import Center, Event, Port, Publication, Ruling

RULINGS_PER_PAGE = 25
CENTER_RULINGS = 5

PUBLICATION_GROUPS = (
    (Publication.Kind.INFORMED_COMPLIANCE, gettext_lazy("Informed Compliance Publications")),
    (Publication.Kind.GUIDANCE, gettext_lazy("Guidance")),
    (Publication.Kind.PGA_LINK, gettext_lazy("Partner agency links")),
)


def _ranges(numbers: list[str]) -> list[str]:
    """Collapse runs of three or more: ["28", "29", "30", "39", "40"] -> ["28–30", "39", "40"]."""
    runs: list[list[str]] = []
    for number in sorted(numbers):
        if runs and int(number) == int(runs[-1][-1]) + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    words = []
    for run in runs:
        words += [f"{run[0]}–{run[-1]}"] if len(run) > 2 else run
    return words


def coverage_summary(prefixes: list[str]) -> str:
    """Describe HTS prefixes in words: "Chapters 28–38; headings 9018–9022"."""
    chapters = [prefix for prefix in prefixes if len(prefix) == 2]
    headings = [prefix for prefix in prefixes if len(prefix) == 4]
    finer = [prefix for prefix in prefixes if len(prefix) > 4]
    parts = []
    for numbers, one, many in (
        (chapters, _("Chapter"), _("Chapters")),
        (headings, _("heading"), _("headings")),
        (finer, _("subheading"), _("subheadings")),
    ):
        if numbers:
            word = one if len(numbers) == 1 else many
            parts.append(f"{word} {', '.join(_ranges(numbers))}")
    text = "; ".join(parts)
    return text[:1].upper() + text[1:]


def _crumbs(*pairs):
    """The public pages' breadcrumbs: Home, then (label, url) pairs."""
    return [(_("Home"), reverse("centers:home")), *pairs]


def home(request):
    """The public home page: what the Centers are, and the ten of them."""
    centers = list(Center.objects.order_by("name"))
    for center in centers:
        center.coverage = coverage_summary(center.hts_prefixes)
    return render(request, "centers/home.html", {"centers": centers})


def center_list(request):
    """Table of the ten Centers with office, host port and HTS coverage."""
    centers = list(Center.objects.order_by("name"))
    ports = Port.objects.in_bulk([center.host_port for center in centers])
    for center in centers:
        center.port = ports.get(center.host_port)
        center.coverage = coverage_summary(center.hts_prefixes)
    return render(
        request,
        "centers/center_list.html",
        {
            "centers": centers,
            "crumbs": _crumbs((_("Centers"), "")),
        },
    )


def _publication_groups(center):
    publications = Publication.objects.filter(Q(center=center) | Q(center__isnull=True))
    by_kind: dict[str, list[Publication]] = {}
    for publication in publications:
        by_kind.setdefault(publication.kind, []).append(publication)
    return [
        {"kind": kind, "heading": heading, "publications": by_kind[kind]}
        for kind, heading in PUBLICATION_GROUPS
        if kind in by_kind
    ]


def center_detail(request, code):
    """One Center's public page: industry, contacts, coverage, publications, rulings, events."""
    center = get_object_or_404(Center, code=code)
    chapters = sorted(prefix for prefix in center.hts_prefixes if len(prefix) == 2)
    headings = sorted(prefix for prefix in center.hts_prefixes if len(prefix) > 2)
    return render(
        request,
        "centers/center_detail.html",
        {
            "center": center,
            "port": Port.objects.filter(code=center.host_port).first(),
            "coverage": coverage_summary(center.hts_prefixes),
            "chapters": chapters,
            "headings": headings,
            "publication_groups": _publication_groups(center),
            "partner_agencies": center.partner_agencies.order_by("name"),
            "rulings": center.rulings.order_by("-ruling_date", "number")[:CENTER_RULINGS],
            "events": Event.objects.filter(center=center, starts_at__gte=timezone.now()),
            "crumbs": _crumbs((_("Centers"), reverse("centers:list")), (center.name, "")),
        },
    )


def _page_number(request) -> int:
    try:
        return max(1, int(request.GET.get("page", "1")))
    except ValueError:
        return 1


def _page_url(request, page: int) -> str:
    query = request.GET.copy()
    query["page"] = str(page)
    return f"{request.path}?{query.urlencode()}"


def ruling_search(request):
    """Search rulings by number, HTS prefix and full text; 25 a page, newest first."""
    form = RulingSearchForm(request.GET or None)
    rulings = None
    previous_url = next_url = ""
    searched = form.is_bound and form.is_valid() and form.has_criteria()
    if not form.is_bound or form.is_valid():
        queryset = Ruling.objects.select_related("center").order_by("-ruling_date", "number")
        if searched:
            queryset = queryset.search(**form.cleaned_data)
        page = _page_number(request)
        start = (page - 1) * RULINGS_PER_PAGE
        rulings = list(queryset[start : start + RULINGS_PER_PAGE + 1])
        if len(rulings) > RULINGS_PER_PAGE:
            rulings = rulings[:RULINGS_PER_PAGE]
            next_url = _page_url(request, page + 1)
        if page > 1:
            previous_url = _page_url(request, page - 1)
    return render(
        request,
        "centers/ruling_search.html",
        {
            "form": form,
            "rulings": rulings,
            "searched": searched,
            "previous_url": previous_url,
            "next_url": next_url,
            "crumbs": _crumbs((_("Rulings"), "")),
        },
    )


def ruling_detail(request, number):
    """One ruling with its full text."""
    ruling = get_object_or_404(Ruling.objects.select_related("center"), number=number)
    return render(
        request,
        "centers/ruling_detail.html",
        {
            "ruling": ruling,
            "crumbs": _crumbs((_("Rulings"), reverse("centers:rulings")), (ruling.number, "")),
        },
    )
