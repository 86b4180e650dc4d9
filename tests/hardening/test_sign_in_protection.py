"""Sign-in protection: lockout, password rules, sessions, CSRF on every form, headers.

django-axes is off in the test settings (the client's login() would need a request); these
tests switch it on. The deploy check runs in a subprocess under production variables, as CI
does.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.api.factories import make_world
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "a-test-password-1"


@pytest.fixture
def axes_on(settings):
    from axes.handlers.proxy import AxesProxyHandler

    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 5
    AxesProxyHandler.implementation = None  # re-read the settings
    yield settings
    AxesProxyHandler.implementation = None


def _sign_in(client, username, password):
    return client.post(
        reverse("login"), {"username": username, "password": password}, REMOTE_ADDR="10.0.0.7"
    )


def test_five_failed_sign_ins_lock_the_account_even_against_the_right_password(axes_on):
    user = UserFactory(username="locked-out")
    client = Client()
    for _ in range(4):
        assert _sign_in(client, user.username, "wrong-password").status_code == 200
    assert _sign_in(client, user.username, "wrong-password").status_code == 429
    locked = _sign_in(client, user.username, PASSWORD)
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session
    # Another account from the same address is not locked (username and address together).
    other = UserFactory(username="not-locked")
    assert _sign_in(Client(), other.username, PASSWORD).status_code == 302


def test_a_successful_sign_in_resets_the_failure_count(axes_on):
    user = UserFactory(username="forgetful")
    client = Client()
    for _ in range(4):
        _sign_in(client, user.username, "wrong-password")
    assert _sign_in(client, user.username, PASSWORD).status_code == 302
    for _ in range(4):
        assert _sign_in(Client(), user.username, "wrong-password").status_code == 200


def test_the_token_endpoint_locks_out_too(axes_on, api_client):
    user = UserFactory(username="api-user")
    for _ in range(5):
        api_client.post(
            "/api/v1/auth/token/",
            {"username": user.username, "password": "bad"},
            format="json",
            REMOTE_ADDR="10.0.0.8",
        )
    answer = api_client.post(
        "/api/v1/auth/token/",
        {"username": user.username, "password": PASSWORD},
        format="json",
        REMOTE_ADDR="10.0.0.8",
    )
    assert answer.status_code in (400, 403, 429), answer.status_code
    assert "token" not in answer.json()


@pytest.mark.parametrize(
    "password", ["short-1", "password1234", "123456789012345", "pat.user-examplecom"]
)
def test_weak_passwords_are_refused(password):
    user = UserFactory.build(username="pat.user", email="pat.user@example.com")
    with pytest.raises(ValidationError):
        validate_password(password, user)


def test_a_long_unusual_password_is_accepted():
    validate_password("correct horse battery staple 2026", UserFactory.build())


def test_sessions_expire_and_their_cookies_are_locked_down():
    assert django_settings.SESSION_COOKIE_AGE <= 8 * 60 * 60
    assert django_settings.SESSION_EXPIRE_AT_BROWSER_CLOSE is True
    assert django_settings.SESSION_COOKIE_HTTPONLY is True
    assert django_settings.CSRF_COOKIE_HTTPONLY is True
    assert django_settings.SESSION_COOKIE_SECURE is True  # DEBUG is off in the tests
    assert django_settings.CSRF_COOKIE_SECURE is True


def test_sign_in_cookies_are_secure_http_only_and_session_scoped():
    UserFactory(username="cookie-user")
    answer = _sign_in(Client(), "cookie-user", PASSWORD)
    assert answer.status_code == 302
    session = answer.cookies[django_settings.SESSION_COOKIE_NAME]
    assert session["secure"] and session["httponly"]
    assert not session["expires"], "the session cookie ends with the browser"
    assert session["samesite"] == "Lax"


# --- CSRF on every form ----------------------------------------------------------------


def _page_routes(resolver=None, namespace=""):
    """(name, {argument: converter}) of every page route (not the API or the admin)."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            ns = entry.namespace or ""
            if ns == "admin" or str(entry.pattern).startswith("api/"):
                continue
            full_ns = f"{namespace}:{ns}" if namespace and ns else ns or namespace
            yield from _page_routes(entry, full_ns)
        elif isinstance(entry, URLPattern) and entry.name:
            name = f"{namespace}:{entry.name}" if namespace else entry.name
            converters = dict(entry.pattern.converters)
            for argument in entry.pattern.regex.groupindex:
                converters.setdefault(argument, None)
            yield name, converters


def _fill(name, converters, world):
    known = {
        "reference": world.inquiries["a"].reference,
        "action": "claim",
        "type": "cf28",
        "code": "PHC",
        "uidb64": "MQ",
        "token": "set-password",
        "entry_number": world.entries["a"].entry_number,
    }
    kwargs = {}
    for argument, converter in converters.items():
        if type(converter).__name__ == "IntConverter":
            kwargs[argument] = 1
        else:
            kwargs[argument] = known.get(argument, "x")
    return reverse(name, kwargs=kwargs)


def test_every_page_form_refuses_a_post_without_a_csrf_token():
    world = make_world()
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.supervisor_phc)
    routes = dict(_page_routes())
    assert len(routes) >= 30, sorted(routes)
    for needed in (
        "login",
        "inquiries:act",
        "inquiries:upload",
        "inquiries:post_message",
        "portal:file_type",
        "staff:bulk_assign",
        "ae:plan_edit",
        "ae:plan_action",
    ):
        assert needed in routes, needed
    accepted = []
    for name, converters in sorted(routes.items()):
        url = _fill(name, converters, world)
        answer = client.post(url, {"anything": "1"})
        if answer.status_code != 403:
            accepted.append((name, answer.status_code))
    assert accepted == []


def test_the_same_form_with_its_token_is_not_refused_by_csrf():
    world = make_world()
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.admin_a)
    url = reverse("inquiries:post_message", args=[world.inquiries["a"].reference])
    client.get(reverse("inquiries:detail", args=[world.inquiries["a"].reference]))
    token = client.cookies[django_settings.CSRF_COOKIE_NAME].value
    answer = client.post(url, {"message-body": "Thanks", "csrfmiddlewaretoken": token})
    assert answer.status_code != 403


def test_the_api_with_a_browser_session_enforces_csrf_and_with_a_token_does_not_need_it():
    world = make_world()
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.admin_a)
    url = f"/api/v1/inquiries/{world.inquiries['a'].reference}/messages/"
    assert client.post(url, {"body": "hi"}, content_type="application/json").status_code == 403
    assert world.client("admin_a").post(url, {"body": "hi"}, format="json").status_code == 201


# --- Headers and the deploy check --------------------------------------------------------


def test_pages_send_hsts_csp_and_the_other_security_headers():
    answer = Client().get("/", secure=True)
    assert answer.status_code == 200
    assert answer["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert answer["X-Frame-Options"] == "DENY"
    assert answer["X-Content-Type-Options"] == "nosniff"
    assert answer["Referrer-Policy"] == "same-origin"
    assert answer["Cross-Origin-Opener-Policy"] == "same-origin"


def _csp(answer) -> dict[str, list[str]]:
    policy = answer["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


@pytest.mark.parametrize(
    "who,url",
    [
        (None, "/"),
        (None, "/accounts/login/"),
        ("admin_a", "/dashboard/"),
        ("supervisor_phc", "/staff/queue/"),
        ("ae_a", "/ae/"),
        (None, "/api/docs/"),
    ],
)
def test_csp_allows_only_the_portals_own_assets(who, url):
    world = make_world()
    client = Client()
    if who:
        client.force_login(world.users[who])
    answer = client.get(url, secure=True)
    assert answer.status_code == 200, (url, answer.status_code)
    policy = _csp(answer)
    assert policy["default-src"] == ["'self'"]
    for directive in ("script-src", "style-src", "font-src", "connect-src"):
        assert policy[directive] == ["'self'"], (directive, policy[directive])
    assert policy["img-src"] == ["'self'", "data:"]
    assert policy["object-src"] == ["'none'"] and policy["frame-ancestors"] == ["'none'"]
    html = answer.content.decode()
    # No inline script and no asset from another host: the policy would block it anyway.
    assert "<script>" not in html
    for attr in ('src="http', "src='http", 'href="http://', 'src="//'):
        assert attr not in html, (url, attr)


def production_env(**changes) -> dict:
    """The variables a production deployment sets, with `changes` (None removes one)."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cee_portal.settings",
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": "x" * 30 + "production-like-secret-for-the-deploy-check-0123",
        "DJANGO_ALLOWED_HOSTS": "cee.example.gov",
        "DATABASE_URL": os.environ.get(
            "DATABASE_URL", "postgres://cee:cee@127.0.0.1:5432/cee_portal"
        ),
        "REDIS_URL": django_settings.TEST_REDIS_URL,  # this worker's own DB
    }
    env.pop("DJANGO_SECURE_SSL_REDIRECT", None)
    # Set for the browser tests of this process (tests/web/conftest.py), never in production.
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    for name, value in changes.items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    return env


def run_check_deploy(env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_under_production_variables():
    result = run_check_deploy(production_env())
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.mark.parametrize(
    "key", [None, "", "embedded-default-key-only-for-local-development-never-in-production"]
)
def test_production_without_its_own_secret_key_refuses_to_start(key):
    result = run_check_deploy(production_env(DJANGO_SECRET_KEY=key))
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set (or is the development key)" in result.stderr


def test_debug_on_runs_with_the_development_key():
    result = run_check_deploy(production_env(DJANGO_SECRET_KEY=None, DJANGO_DEBUG="true"))
    # Debug on is a developer's machine: it starts; check --deploy then warns about debug.
    assert "DJANGO_SECRET_KEY is not set" not in result.stderr
    assert "DEBUG" in result.stdout + result.stderr
