"""PostgreSQL going away under a running portal (serial: a private throwaway cluster).

A cluster of this test only (initdb + pg_ctl on a free port) holds a migrated portal
database; gunicorn serves the portal from it. With the cluster stopped, /healthz and pages
answer a clear 503 (never a 500 or a hang); once it starts again the same gunicorn recovers
with no restart. The shared PostgreSQL on 5432 is never touched.
"""

import subprocess
import sys
import time

import pytest
import requests

from .conftest import private_cluster, wait_for
from .servers import ROOT, Gunicorn, server_env

pytestmark = pytest.mark.serial

PAGES = ["/centers/", "/centers/PHC/", "/rulings/?q=tariff"]


def _answers(url: str) -> requests.Response:
    return requests.get(url, timeout=15)


def _all_ok(server) -> bool:
    try:
        return _answers(server.url + "/healthz").status_code == 200 and all(
            _answers(server.url + page).status_code == 200 for page in PAGES
        )
    except requests.RequestException:
        return False


def test_a_stopped_database_answers_503_and_the_portal_recovers_on_its_own(tmp_path):
    with private_cluster() as cluster:
        cluster.create_database("cee_private")
        env = server_env(cluster.url("cee_private"), DATABASE_CONN_MAX_AGE=60)
        migrate = subprocess.run(
            [sys.executable, "manage.py", "migrate", "--noinput"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert migrate.returncode == 0, migrate.stderr[-3000:]
        server = Gunicorn(env, workers=1, threads=2, log=tmp_path / "gunicorn.log")
        try:
            assert wait_for(lambda: _all_ok(server), timeout=30)
            assert _answers(server.url + "/healthz").json()["database"] == "ok"

            cluster.stop()
            started = time.monotonic()
            health = _answers(server.url + "/healthz")
            assert health.status_code == 503
            assert health.json()["database"] == "down"
            for page in PAGES:
                answer = _answers(server.url + page)
                assert answer.status_code == 503, (page, answer.status_code)
                assert answer.headers.get("Retry-After") == "30"
                assert "text/html" in answer.headers["Content-Type"]
                assert "Traceback" not in answer.text
            api = _answers(server.url + "/api/v1/centers/")
            assert api.status_code == 503, api.status_code
            assert time.monotonic() - started < 60, "answers came quickly, no hang"

            cluster.start()
            assert wait_for(lambda: _all_ok(server), timeout=60), "recovered with no restart"
            assert server.process.poll() is None
        finally:
            server.stop()
    log = (tmp_path / "gunicorn.log").read_text()
    assert "WORKER TIMEOUT" not in log
