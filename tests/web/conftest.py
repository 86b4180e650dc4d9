"""Playwright fixtures for the browser tests of the public pages, and an axe-core check."""

import os

# Playwright's sync API keeps an asyncio loop running in the main thread; Django then refuses
# ORM work (test database setup, ORM calls in tests) unless this is set.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

import pytest  # noqa: E402
from axe_playwright_python.sync_playwright import Axe  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    new_page = context.new_page()
    yield new_page
    context.close()


def axe_check(page):
    """Assert that axe-core finds no WCAG 2.1 A/AA violation on the page; print them if any."""
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    violations = results.response["violations"]
    if violations:
        print(f"axe violations on {page.url}:")
        for violation in violations:
            targets = [node["target"] for node in violation["nodes"]]
            print(f"  {violation['id']} ({violation['impact']}): {violation['help']} {targets}")
    assert not violations, f"{len(violations)} accessibility violation(s) on {page.url}"


def sign_in(page, live_server, user):
    """Give the browser page a signed-in session of `user` (no login form round trip)."""
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": live_server.url}]
    )
    return page
