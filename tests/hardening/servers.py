"""Real processes for hardening tests: gunicorn and a Celery worker, stopped by their PID."""

import os
import signal
import subprocess
import sys
from pathlib import Path

import requests

from .conftest import free_port, wait_for

ROOT = Path(__file__).resolve().parents[2]
VENV_BIN = Path(sys.executable).parent


def server_env(database_url: str, **extra) -> dict:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("REDIS_URL", "CELERY_BROKER_URL", "PYTEST_XDIST_WORKER")
    }
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "tests.hardening.server_settings",
            "DJANGO_DEBUG": "false",
            "DJANGO_SECURE_SSL_REDIRECT": "false",
            "DJANGO_SECRET_KEY": "hardening-test-server-key-not-secret-0123456789abcdef",
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DATABASE_URL": database_url,
            "DATABASE_CONN_MAX_AGE": "60",
            "LOG_LEVEL": "WARNING",
            "PYTHONPATH": str(ROOT),
        }
    )
    env.update({key: str(value) for key, value in extra.items()})
    return env


class Gunicorn:
    """gunicorn serving the portal on a free port of 127.0.0.1."""

    def __init__(self, env: dict, *, workers: int = 2, threads: int = 4, log: Path):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = log
        self.process = subprocess.Popen(
            [
                str(VENV_BIN / "gunicorn"),
                "cee_portal.wsgi:application",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                str(workers),
                "--threads",
                str(threads),
                "--no-control-socket",
                "--timeout",
                "60",
                "--graceful-timeout",
                "5",
                # Idle connections outlive the clients' pauses: a close racing a client's next
                # request on a reused connection would count as a lost request.
                "--keep-alive",
                "30",
            ],
            cwd=ROOT,
            env=env,
            stdout=log.open("ab"),
            stderr=subprocess.STDOUT,
        )
        if not wait_for(self._answers, timeout=60, step=0.25):
            self.stop()
            raise RuntimeError(f"gunicorn did not start: {log.read_text()[-2000:]}")

    def _answers(self) -> bool:
        if self.process.poll() is not None:
            return False
        try:
            requests.get(self.url + "/healthz", timeout=2)
            return True
        except requests.RequestException:
            return False

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)


class Worker:
    """A Celery worker process on the given queues (prefork of one, so a kill is real)."""

    def __init__(self, env: dict, *, queues: str, log: Path):
        self.process = subprocess.Popen(
            [
                str(VENV_BIN / "celery"),
                "-A",
                "cee_portal",
                "worker",
                "-Q",
                queues,
                "--pool",
                "solo",
                "--concurrency",
                "1",
                "--without-heartbeat",
                "--without-gossip",
                "--without-mingle",
                "--loglevel",
                "INFO",
            ],
            cwd=ROOT,
            env=env,
            stdout=log.open("ab"),
            stderr=subprocess.STDOUT,
        )

    def kill(self) -> None:
        """SIGKILL: the worker dies mid-task, as on a lost machine."""
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill()
