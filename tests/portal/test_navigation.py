"""Each demo person's pages, crawled from the navigation: every link works, every page is reached.

Starting from the home page, the crawler follows the portal's own links (two samples per
route, so a list of hundreds of inquiries costs two requests) and checks that
- no link the person is shown leads to a 404 or a server error (no dead links), and
- every page of the person's roles is reachable from the navigation.
"""

import re
from collections import deque
from urllib.parse import urldefrag, urlsplit

import pytest
from django.test import Client
from django.urls import Resolver404, resolve, reverse
from django.utils import timezone

from accounts.demo import PEOPLE, seed
from accounts.models import User

from .test_access_matrix import routes

HREF = re.compile(r'href="([^"]+)"')
# Not pages of the portal's templates: the admin, the API and its docs, static assets.
NOT_CRAWLED = ("/admin/", "/api/", "/static/", "/accounts/logout/")
SAMPLES_PER_ROUTE = 2
MAX_PAGES = 250


def internal_links(html: str) -> list[str]:
    links = []
    for href in HREF.findall(html):
        href = urldefrag(href.replace("&amp;", "&"))[0]
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or not href.startswith("/"):
            continue
        if href.startswith(NOT_CRAWLED):
            continue
        links.append(href)
    return links


def route_name(url: str) -> str | None:
    try:
        match = resolve(urlsplit(url).path)
    except Resolver404:
        return None
    return match.view_name


def crawl(client: Client) -> tuple[set[str], list[str]]:
    """Follow links from "/"; return the route names reached and the broken links."""
    queue, seen, per_route = deque([("/", "/")]), {"/"}, {}
    reached, broken = set(), []
    while queue and len(seen) <= MAX_PAGES:
        url, found_on = queue.popleft()
        response = client.get(url)
        name = route_name(url)
        if response.status_code == 404 or response.status_code >= 500:
            broken.append(f"{url} (linked from {found_on}): {response.status_code}")
            continue
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        reached.add(name)
        for link in internal_links(response.content.decode()):
            link_route = route_name(link)
            if link in seen:
                continue
            if link_route is None:
                broken.append(f"{link} (linked from {url}): no such route")
                seen.add(link)
                continue
            if per_route.get(link_route, 0) >= SAMPLES_PER_ROUTE:
                continue
            per_route[link_route] = per_route.get(link_route, 0) + 1
            seen.add(link)
            queue.append((link, url))
    return reached, broken


# Pages offered only to some accounts of a role (a plan is started only for a trusted
# partner): reached when offered, which the plan pages' own tests check.
OFFERED_WHEN_ELIGIBLE = {"ae:plan_create"}


def role_pages_of(user, client: Client) -> set[str]:
    """HTML pages without URL keywords that the user's roles open (cee_portal.pages)."""
    pages = set()
    for route in routes():
        if (
            route.kwargs
            or not route.predicate
            or route.is_api
            or not route.predicate(user)
            or route.name in OFFERED_WHEN_ELIGIBLE
        ):
            continue
        response = client.get(reverse(route.name))
        if response.status_code == 200 and "text/html" in response.get("Content-Type", ""):
            pages.add(route.name)  # not a POST-only form target or a CSV export
    return pages


@pytest.mark.django_db
@pytest.mark.parametrize("username", [name for name in PEOPLE if name != "ace-feed"])
def test_every_link_works_and_every_role_page_is_reached(username, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    seed(timezone.localdate())
    user = User.objects.get(username=username)
    client = Client()
    client.force_login(user)
    reached, broken = crawl(client)
    assert not broken, f"{username} is shown dead links:\n" + "\n".join(broken)
    unreached = role_pages_of(user, client) - reached
    assert not unreached, f"{username} cannot reach {sorted(unreached)} from the navigation"


@pytest.mark.django_db
def test_the_public_pages_have_no_dead_links(client):
    seed(timezone.localdate())
    reached, broken = crawl(client)
    assert not broken, "\n".join(broken)
    assert {"centers:home", "centers:list", "centers:detail", "centers:rulings"} <= reached


# Each demo person's home after signing in (DESIGN.md §16): their role's own page.
HOMES = {
    "trade-pharma": "portal:dashboard",
    "trade-sme": "portal:dashboard",
    "broker": "portal:dashboard",
    "trade-new": "portal:dashboard",
    "staff-pharma": "staff:queue",
    "supervisor-pharma": "staff:queue",
    "staff-electronics": "staff:queue",
    "ae-pharma": "ae:dashboard",
    "hq-reviewer": "staff:referrals",
    "fda-liaison": "staff:referrals",
    "admin": "admin:index",
}


@pytest.mark.django_db
def test_each_person_lands_on_their_role_home_and_finds_password_change_in_the_menu():
    seed(timezone.localdate())
    assert set(HOMES) == set(PEOPLE) - {"ace-feed"}
    for username, home in HOMES.items():
        client = Client()
        client.force_login(User.objects.get(username=username))
        response = client.get(reverse("home"))
        assert (response.status_code, response.url) == (302, reverse(home)), username
        page = client.get("/").content.decode()
        assert f'href="{reverse("password_change")}"' in page, username
        change = client.get(reverse("password_change"))
        assert change.status_code == 200 and 'id="main-content"' in change.content.decode()
