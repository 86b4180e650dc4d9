"""Hostile values in every route's path, query and body never answer 500 (DESIGN.md §9).

The routes come from the access matrix's walk of the URL resolver, so a new page or API
path is swept as soon as it exists. Each path parameter in turn gets control characters
(NUL first), far dates, overflowing numbers and over-long text while the others keep a value
that exists; every route also gets a query string of hostile filter values, unlisted methods,
and (API routes) JSON bodies that are not objects.
"""

import re
from urllib.parse import quote, urlencode

import pytest
from django.test import Client

from accounts.models import User

from .test_access_matrix import Route, World, _kwargs_sets, build_world, routes

pytestmark = pytest.mark.django_db

PATH_VALUES = [
    "\x00",
    "CEE-2026-000002\x00",
    "PHC\x00",
    "1\x00",
    "\x01",
    "\x1f",
    "\x7f",
    "a\tb",
    "9999-12-31",
    "0001-01-01",
    "99999999999999999999999",
    "-1",
    "0",
    "x" * 2000,
]
QUERY_VALUES = ["\x00", "9999-12-31", "0000-00-00", "-1", "99999999999999999999", "%"]
QUERY_NAMES = [
    "date",
    "cursor",
    "page",
    "status",
    "type",
    "center",
    "importer",
    "assignee",
    "overdue",
    "risk_segment",
    "liquidation_status",
    "liquidated_after",
    "q",
    "number",
    "hts",
    "order",
    "segment",
    "next",
    "port",
    "heading",
    "outcome",
    "service_level",
]
NON_OBJECT_BODIES = ["[1, 2, 3]", '"x"', "5", "null", "true", "[]"]
PLACEHOLDER = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")


def path_with(route: Route, good: dict, name: str, value: str) -> str:
    """The route's path with `value` in parameter `name` and good values elsewhere."""

    def fill(match):
        text = value if match["name"] == name else str(good[match["name"]])
        return quote(text, safe="")

    return "/" + PLACEHOLDER.sub(fill, route.pattern.lstrip("^"))


def good_values(world: World, route: Route) -> dict:
    """Values that exist for each parameter (the first sample of the access matrix)."""
    return _kwargs_sets(world, route)[0][0]


def sweep_paths(client: Client, world: World, route: Route) -> list[str]:
    problems = []
    good = good_values(world, route)
    for name in route.kwargs:
        for value in PATH_VALUES:
            url = path_with(route, good, name, value)
            for method in ("get", "post", "trace"):
                status = getattr(client, method)(url).status_code
                if status >= 500:
                    problems.append(f"{method.upper()} {url!r}: {status}")
    return problems


def sweep_query(client: Client, world: World, route: Route) -> list[str]:
    problems = []
    base = path_with(route, good_values(world, route), "", "")
    for value in QUERY_VALUES:
        url = f"{base}?{urlencode(dict.fromkeys(QUERY_NAMES, value))}"
        status = client.get(url).status_code
        if status >= 500:
            problems.append(f"GET {url!r}: {status}")
    return problems


def sweep_methods_and_bodies(client: Client, world: World, route: Route) -> list[str]:
    problems = []
    url = path_with(route, good_values(world, route), "", "")
    for method in ("put", "patch", "delete", "options", "trace"):
        status = getattr(client, method)(url).status_code
        if status >= 500:
            problems.append(f"{method.upper()} {url}: {status}")
    if route.is_api:
        for body in NON_OBJECT_BODIES:
            for method in ("post", "put", "patch"):
                status = getattr(client, method)(
                    url, body, content_type="application/json"
                ).status_code
                if status >= 500:
                    problems.append(f"{method.upper()} {url} {body}: {status}")
    return problems


def sweep(client: Client, world: World) -> list[str]:
    problems = []
    for route in routes():
        if route.name == "logout":
            continue
        problems += sweep_paths(client, world, route)
        problems += sweep_query(client, world, route)
        problems += sweep_methods_and_bodies(client, world, route)
    return problems


@pytest.mark.parametrize("username", [None, "trade-pharma", "staff-pharma", "hq-reviewer"])
def test_no_hostile_path_query_method_or_body_answers_500(username, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    world = build_world()
    client = Client(raise_request_exception=False)
    if username:
        client.force_login(User.objects.get(username=username))
    problems = sweep(client, world)
    assert not problems, f"{username or 'anonymous'}:\n" + "\n".join(problems[:40])


def test_a_nul_in_a_path_answers_404_on_pages_and_in_the_api(client):
    page = client.get("/centers/%00/")
    assert page.status_code == 404
    api = client.get("/api/v1/centers/%00/")
    assert api.status_code == 404 and api.json() == {"detail": "Not found."}
    assert client.get("/inquiries/CEE-2026-000002%00/").status_code == 404


@pytest.mark.parametrize("method", ["trace", "put", "patch", "delete", "options"])
def test_pages_answer_405_to_methods_they_do_not_take(client, method):
    for url in ("/", "/centers/", "/centers/PHC/", "/rulings/", "/accounts/login/"):
        response = getattr(client, method)(url)
        assert response.status_code == 405, (method, url, response.status_code)
        assert response["Allow"] == "GET, HEAD, POST"
        assert b"<html" not in response.content  # not the page itself
