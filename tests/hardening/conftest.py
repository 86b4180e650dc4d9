"""Hardening fixtures: private Redis and PostgreSQL instances, service binaries, figures.

Fault tests never touch the shared PostgreSQL (5432) or Redis (6379): they start their own
instances on free ports and stop them by PID. A missing binary skips locally and fails under
REQUIRE_SERVICES=1.
"""

import glob
import json
import os
import shutil
import socket
import subprocess
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

REQUIRE_SERVICES = os.environ.get("REQUIRE_SERVICES") == "1"
FIGURES: dict[str, int | float | str] = {}


def record_figure(name: str, value) -> None:
    """Keep a figure (requests fuzzed, races run, p95…) for the terminal summary."""
    FIGURES[name] = value
    target = os.environ.get("HARDENING_FIGURES")
    if target:
        path = Path(target)
        known = json.loads(path.read_text()) if path.exists() else {}
        known[name] = value
        path.write_text(json.dumps(known, indent=2, sort_keys=True))


def pytest_terminal_summary(terminalreporter):
    if FIGURES:
        terminalreporter.section("hardening figures")
        for name, value in sorted(FIGURES.items()):
            terminalreporter.write_line(f"{name}: {value}")


def need_binary(name: str) -> str:
    """The path of a server binary (PATH or the PostgreSQL folders); fail or skip if absent."""
    found = shutil.which(name)
    if not found:
        candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
        found = candidates[-1] if candidates else None
    if not found:
        if REQUIRE_SERVICES:
            pytest.fail(f"{name} is not installed (REQUIRE_SERVICES=1)")
        pytest.skip(f"{name} is not installed")
    return found


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(condition, timeout: float = 20.0, step: float = 0.1) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(step)
    return condition()


def port_answers(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


# --- Redis ----------------------------------------------------------------------------


class PrivateRedis:
    """A redis-server of one test, on a free port; start and stop it by PID."""

    def __init__(self, binary: str):
        self.binary = binary
        self.port = free_port()
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def _pong(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as sock:
                sock.sendall(b"PING\r\n")
                return sock.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def start(self) -> None:
        self.process = subprocess.Popen(
            [
                self.binary,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--daemonize",
                "no",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        if not wait_for(self._pong, timeout=10):
            self.stop()
            pytest.fail(f"a private redis-server did not start on port {self.port}")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)
        self.process = None


@pytest.fixture
def private_redis():
    server = PrivateRedis(need_binary("redis-server"))
    server.start()
    yield server
    server.stop()


# --- PostgreSQL -----------------------------------------------------------------------


def _as_postgres_user(command: list[str]) -> list[str]:
    """initdb and postgres refuse root: run them as the `postgres` system user then."""
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *command]
    return command


class PrivateCluster:
    """A throwaway PostgreSQL cluster (initdb + pg_ctl) on a free port, trust auth."""

    def __init__(self):
        self.initdb = need_binary("initdb")
        self.pg_ctl = need_binary("pg_ctl")
        self.port = free_port()
        self.root = Path(tempfile.mkdtemp(prefix="cee-private-pg-"))
        self.data = self.root / "data"
        self.socket_dir = self.root / "sockets"
        self.socket_dir.mkdir()
        if os.geteuid() == 0:
            shutil.chown(self.root, "postgres")
            shutil.chown(self.socket_dir, "postgres")

    def url(self, name: str = "cee_private") -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{name}"

    def init(self) -> None:
        subprocess.run(
            _as_postgres_user(
                [
                    self.initdb,
                    "-D",
                    str(self.data),
                    "-U",
                    "postgres",
                    "--auth=trust",
                    "--no-sync",
                    "-E",
                    "UTF8",
                    "--locale=C.UTF-8",
                ]
            ),
            check=True,
            capture_output=True,
            timeout=120,
        )

    def start(self) -> None:
        options = (
            f"-p {self.port} -c listen_addresses=127.0.0.1 "
            f"-c unix_socket_directories={self.socket_dir} -c fsync=off "
            "-c max_connections=40"
        )
        subprocess.run(
            _as_postgres_user(
                [
                    self.pg_ctl,
                    "-D",
                    str(self.data),
                    "-o",
                    options,
                    "-l",
                    str(self.root / "server.log"),
                    "-w",
                    "-t",
                    "60",
                    "start",
                ]
            ),
            check=True,
            capture_output=True,
            timeout=90,
        )

    def pid(self) -> int | None:
        pid_file = self.data / "postmaster.pid"
        if not pid_file.exists():
            return None
        return int(pid_file.read_text().splitlines()[0])

    def stop(self) -> None:
        """Stop this cluster's postmaster (fast shutdown) by its own PID."""
        pid = self.pid()
        if pid is None:
            return
        subprocess.run(
            _as_postgres_user(
                [self.pg_ctl, "-D", str(self.data), "-m", "fast", "-w", "-t", "60", "stop"]
            ),
            capture_output=True,
            timeout=90,
        )

    def create_database(self, name: str) -> None:
        import psycopg2

        conn = psycopg2.connect(
            host="127.0.0.1", port=self.port, user="postgres", dbname="postgres"
        )
        conn.autocommit = True
        with conn.cursor() as cursor:
            cursor.execute(f'CREATE DATABASE "{name}"')
        conn.close()

    def remove(self) -> None:
        self.stop()
        shutil.rmtree(self.root, ignore_errors=True)


@contextmanager
def private_cluster():
    cluster = PrivateCluster()
    try:
        cluster.init()
        cluster.start()
        yield cluster
    finally:
        cluster.remove()
