"""Every route of the URLconf, as every demo role and anonymously, against the access policy.

The routes are read from the URL resolver, so a new page or API path cannot escape this test:
a route it does not know how to fill in fails it until it is described below.

For each signed-in person and each route (GET; POST-only routes get an empty POST):
- a role page (decorated in cee_portal.pages) answers 404 unless the page's predicate holds;
- an object route answers for an object the person may not see exactly as for an object that
  does not exist (its existence is not revealed), and answers for an object they see;
- a list never names an inquiry, entry or importer that the access policy hides from them;
- nothing answers 500.
Anonymous visitors reach only the explicit public list; pages send them to sign in, the API
answers 401.
"""

from dataclasses import dataclass

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.shortcuts import resolve_url
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

import access
from accounts.demo import PEOPLE, seed
from accounts.models import EngagementPlan, Importer, User
from centers.models import Ruling
from entries.models import Entry
from inquiries.documents import upload_document
from inquiries.models import Inquiry

# Routes anyone may open, signed in or not.
PUBLIC = {
    "healthz",
    "schema",
    "api-docs",
    "login",
    "logout",
    "password_reset",
    "password_reset_done",
    "password_reset_confirm",
    "password_reset_complete",
    "api:token",
    "api:center-list",
    "api:center-detail",
}
PUBLIC_NAMESPACES = {"centers"}
# API routes that only some roles may use at all (a 403 for the rest, as the API answers a
# write outside the lifecycle; the route itself is public knowledge in the schema).
# Routes that answer 404 to some people who see the object or page, by a finer rule of their
# own (only a plan's editors edit it, only its AE records a review; a drill-down needs its
# query): for them the test checks only that a refusal reveals nothing.
NARROWER = {"ae:plan_edit", "ae:plan_review", "reports:uniformity_cell"}
API_ROLES = {"api:entry-batch": lambda user: user.is_service_account or user.is_superuser}
SKIPPED_NAMESPACES = {"admin"}  # the Django admin has its own staff-only gate

MISSING = "missing"


@dataclass
class Route:
    name: str
    pattern: str  # for failure messages
    kwargs: tuple[str, ...]
    view: object

    @property
    def is_api(self) -> bool:
        return self.name.startswith("api:")

    @property
    def predicate(self):
        return getattr(self.view, "page_predicate", None) or API_ROLES.get(self.name)


def _walk(patterns, prefix="", namespace=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = namespace
            if entry.namespace:
                inner = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
            if inner in SKIPPED_NAMESPACES:
                continue
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern), inner)
        elif isinstance(entry, URLPattern) and entry.name:
            keys = tuple(entry.pattern.regex.groupindex)
            if "format" in keys:  # DRF's suffix variants of the same views
                continue
            name = f"{namespace}:{entry.name}" if namespace else entry.name
            yield Route(name, prefix + str(entry.pattern), keys, entry.callback)


def routes() -> list[Route]:
    seen, unique = set(), []
    for route in _walk(get_resolver().url_patterns):
        if (route.name, route.kwargs) not in seen:
            seen.add((route.name, route.kwargs))
            unique.append(route)
    return unique


def is_public(route: Route) -> bool:
    return route.name in PUBLIC or route.name.split(":")[0] in PUBLIC_NAMESPACES


# --- The objects a route names, and who sees them -----------------------------------------


def _kind(route: Route, kwarg: str) -> str:
    """Which model a URL keyword names on this route."""
    fixed = {
        "reference": "inquiry",
        "entry_number": "entry",
        "code": "center",
        "number": "ruling",
        "type": "inquiry_type",
        "action": "action",
        "a": "version",
        "b": "version",
        "uidb64": "reset",
        "token": "reset",
    }
    if kwarg in fixed:
        return fixed[kwarg]
    if kwarg in {"pk", "id", "importer_id", "plan_id", "document_id"}:
        for word, kind in (
            ("document", "document"),
            ("plan", "plan"),
            ("importer", "importer"),
            ("accounts:", "importer"),
        ):
            if word in route.name or word in kwarg:
                return kind
    raise AssertionError(
        f"{route.name} ({route.pattern}): describe its keyword {kwarg!r} "
        "in tests/portal/test_access_matrix.py"
    )


@dataclass
class World:
    samples: dict  # kind -> list of objects (each a sample to request)
    ruling: str

    def value(self, kind: str, obj, route: Route):
        if obj is MISSING:
            return {
                "inquiry": "CEE-1999-999999",
                "entry": "ZZZ99999990",
                "document": 999999999,
                "plan": 999999999,
                "importer": 999999999,
            }[kind]
        return {
            "inquiry": lambda: obj.reference,
            "entry": lambda: obj.entry_number,
            "document": lambda: obj.pk,
            "plan": lambda: obj.pk,
            "importer": lambda: obj.pk,
        }[kind]()

    def fixed_value(self, kind: str, route: Route):
        if kind == "center":
            return "PHC"
        if kind == "ruling":
            return self.ruling
        if kind == "inquiry_type":
            return "cf28"
        if kind == "action":
            return "submit" if "plan" in route.name else "claim"
        if kind == "version":
            return 1
        if kind == "reset":
            return "x"
        raise AssertionError(kind)


def visible(user, kind: str, obj) -> bool:
    policy = {
        "inquiry": access.inquiries,
        "entry": access.entries,
        "importer": access.importers,
        "plan": access.plans,
    }.get(kind)
    if kind == "document":
        return access.inquiries.visible(user).filter(pk=obj.inquiry_id).exists()
    return policy.visible(user).filter(pk=obj.pk).exists()


def build_world() -> World:
    today = timezone.localdate()
    cast = seed(today).cast
    pharma, sme, new = cast.pharma, cast.sme, cast.newcomer
    inquiries = Inquiry.objects.select_related("importer")
    samples = {
        "inquiry": [
            inquiries.filter(importer=pharma, center__isnull=False).order_by("pk").first(),
            inquiries.filter(importer=sme).order_by("pk").first(),
            inquiries.filter(center__isnull=True).first(),
            inquiries.filter(referrals__agency__code="FDA").first(),
        ],
        "entry": [
            Entry.objects.filter(importer=pharma).first(),
            Entry.objects.filter(importer=sme).first(),
        ],
        "importer": [pharma, sme, new],
        "plan": list(EngagementPlan.objects.all()[:2]),
    }
    open_pharma = inquiries.filter(importer=pharma, status="in_review").first()
    uploader = User.objects.get(username="staff-pharma")
    document = upload_document(
        open_pharma,
        by=uploader,
        uploaded=SimpleUploadedFile(
            "invoice.pdf", b"%PDF-1.4\n%demo\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"
        ),
    )
    samples["document"] = [document]
    for kind, objects in samples.items():
        assert all(objects), f"the demo seed lacks a sample {kind}"
    return World(samples, Ruling.objects.values_list("number", flat=True).first())


# --- Requests ------------------------------------------------------------------------------


def fetch(client: Client, route: Route, kwargs: dict):
    url = reverse(route.name, kwargs=kwargs)
    headers = {"HTTP_ACCEPT": "application/json"} if route.is_api else {}
    return url, client.get(url, **headers)


def sent_to_sign_in(response) -> bool:
    return response.status_code == 302 and response["Location"].startswith(
        resolve_url(settings.LOGIN_URL)
    )


def refused_anonymous(route: Route, response) -> bool:
    if route.is_api:
        return response.status_code in (401, 405)  # 405: POST-only, no secret either way
    return sent_to_sign_in(response)


def answered(response) -> bool:
    """The person reached the page: not refused, not a server error."""
    return (
        response.status_code not in (401, 403, 404)
        and response.status_code < 500
        and not (sent_to_sign_in(response))
    )


def body(response) -> str:
    if getattr(response, "streaming", False):
        return ""
    return response.content.decode("utf-8", "replace")


def hidden_markers(user) -> set[str]:
    """Strings that name inquiries, entries and importers the user may not see."""
    markers = set(
        Inquiry.objects.exclude(pk__in=access.inquiries.visible(user)).values_list(
            "reference", flat=True
        )
    )
    for entry in Entry.objects.exclude(pk__in=access.entries.visible(user)):
        markers |= {entry.entry_number, entry.display_number}
    markers |= set(
        Importer.objects.exclude(pk__in=access.importers.visible(user)).values_list(
            "name", flat=True
        )
    )
    return markers


PEOPLE_NAMES = [name for name in PEOPLE if name != "admin"]


@pytest.mark.django_db
def test_anonymous_visitors_reach_only_the_public_routes(client, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    world = build_world()
    problems = []
    for route in routes():
        if route.name == "logout":  # POST-only sign-out
            continue
        kwargs_sets = _kwargs_sets(world, route)
        for kwargs, _obj, _kinds in kwargs_sets:
            url, response = fetch(client, route, kwargs)
            if response.status_code >= 500:
                problems.append(f"{url}: {response.status_code}")
            elif is_public(route):
                if not answered(response):
                    problems.append(f"{url}: public, answered {response.status_code}")
            elif not refused_anonymous(route, response):
                problems.append(f"{url}: anonymous got {response.status_code}")
    assert not problems, "\n".join(problems)


def _kwargs_sets(world: World, route: Route):
    """(kwargs, object or MISSING or None, kind) for each sample the route should be tried with."""
    object_kinds = {}
    fixed = {}
    for kwarg in route.kwargs:
        kind = _kind(route, kwarg)
        if kind in {"inquiry", "entry", "document", "plan", "importer"}:
            object_kinds[kwarg] = kind
        else:
            fixed[kwarg] = world.fixed_value(kind, route)
    if not object_kinds:
        return [(fixed, None, None)]
    assert len(object_kinds) == 1, f"{route.name}: one object keyword expected"
    ((kwarg, kind),) = object_kinds.items()
    sets = [
        ({**fixed, kwarg: world.value(kind, obj, route)}, obj, kind) for obj in world.samples[kind]
    ]
    sets.append(({**fixed, kwarg: world.value(kind, MISSING, route)}, MISSING, kind))
    return sets


def policy_allows(user, route: Route, obj, kind) -> bool:
    """Whether the access policy lets the person reach this route (and object)."""
    allowed = route.predicate(user) if route.predicate else True
    if obj is not None:
        allowed = allowed and visible(user, kind, obj)
    return allowed


def refusal_problem(route: Route, obj, status: int, missing_answer) -> str | None:
    """What is wrong with how a refused person was answered, if anything."""
    if obj is not None:
        if status != missing_answer:
            return f"a hidden object answered {status}, a missing one {missing_answer}"
        return None
    if status == 404 or (status == 403 and route.is_api):
        return None
    return f"a route of another role answered {status}"


def check_route(client, user, world, route, markers) -> list[str]:
    """What is wrong with the answers of one route to one signed-in person."""
    problems = []
    kwargs_sets = _kwargs_sets(world, route)
    missing_answer = None
    if kwargs_sets[-1][1] is MISSING:
        missing_answer = fetch(client, route, kwargs_sets.pop()[0])[1].status_code
    for kwargs, obj, kind in kwargs_sets:
        url, response = fetch(client, route, kwargs)
        status = response.status_code
        if status >= 500:
            problems.append(f"{url}: {status}")
        elif not policy_allows(user, route, obj, kind):
            problem = refusal_problem(route, obj, status, missing_answer)
            if problem:
                problems.append(f"{url}: {problem}")
        elif not answered(response) and route.name not in NARROWER:
            problems.append(f"{url}: refused ({status}) though the policy allows it")
        if status == 200:
            leaked = [marker for marker in markers if marker in body(response)]
            if leaked:
                problems.append(f"{url}: names what {user.username} may not see: {leaked[:3]}")
    return problems


@pytest.mark.django_db
@pytest.mark.parametrize("username", PEOPLE_NAMES)
def test_every_route_answers_each_person_as_the_access_policy_says(username, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    world = build_world()
    user = User.objects.get(username=username)
    client = Client()
    client.force_login(user)
    markers = hidden_markers(user)
    problems = []
    for route in routes():
        # The ACE feed holds no page session (the sign-in form refuses it, test_sign_in.py).
        if route.name != "logout" and (route.is_api or not user.is_service_account):
            problems += check_route(client, user, world, route, markers)
    assert not problems, f"{username}:\n" + "\n".join(problems)


def check_post_route(client, user, world, route) -> list[str]:
    """POST-only routes: a hidden object answers as a missing one; nothing answers 500."""
    kwargs_sets = _kwargs_sets(world, route)
    problems = []
    missing_answer = None
    if kwargs_sets[-1][1] is MISSING:
        url = reverse(route.name, kwargs=kwargs_sets.pop()[0])
        missing_answer = client.post(url, {}).status_code
    for kwargs, obj, kind in kwargs_sets:
        url = reverse(route.name, kwargs=kwargs)
        status = client.post(url, {}).status_code
        if status >= 500:
            problems.append(f"POST {url}: {status}")
        elif (
            obj is not None
            and not policy_allows(user, route, obj, kind)
            and (status != missing_answer)
        ):
            problems.append(
                f"POST {url}: a hidden object answered {status}, a missing one {missing_answer}"
            )
    return problems


def post_only(client, world, route) -> bool:
    if getattr(route.view, "form_page", None):  # a form target (cee_portal.pages.form_target)
        return True
    kwargs = _kwargs_sets(world, route)[-1][0]
    return fetch(client, route, kwargs)[1].status_code == 405


@pytest.mark.django_db
@pytest.mark.parametrize("username", PEOPLE_NAMES)
def test_every_form_target_reveals_nothing_to_each_person(username, settings):
    """Empty POSTs to every POST-only route (actions, messages, uploads, bulk assign …)."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    world = build_world()
    user = User.objects.get(username=username)
    client = Client()
    client.force_login(user)
    problems, checked = [], set()
    for route in routes():
        if route.name in {"logout", "api:token"} or is_public(route):
            continue
        if (route.is_api or not user.is_service_account) and post_only(client, world, route):
            checked.add(route.name)
            problems += check_post_route(client, user, world, route)
    if not user.is_service_account:  # the form targets of the inquiry page, at least
        assert {"inquiries:act", "inquiries:post_message", "inquiries:upload"} <= checked
    assert not problems, f"{username}:\n" + "\n".join(problems)


def test_every_route_is_described():
    """A route with a keyword this test cannot fill in fails here first, with the reason."""
    world = World(
        {kind: [] for kind in ("inquiry", "entry", "document", "plan", "importer")}, "N000000"
    )
    for route in routes():
        for kwarg in route.kwargs:
            kind = _kind(route, kwarg)
            if kind not in world.samples:
                world.fixed_value(kind, route)
