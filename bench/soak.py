"""Soak driver: N simulated people use a running portal for T seconds; errors and p95.

Importers file inquiries, read their list and an inquiry, post messages and open their
dashboard; Center staff read the queue, claim what is submitted, post messages and open the
queue page. Each person is a thread with its own HTTP session (a token for the API, a signed-in
session for pages). Any 5xx, connection failure or unexpected status counts as an error; a
409 on a claim someone else won is expected.

    python bench/soak.py --url http://127.0.0.1:8001 --users 100 --seconds 600 \
        --importer trade-pharma:demo-pass-2026:<importer id> --staff staff-pharma:demo-pass-2026

Run the server with the API throttles lifted (API_THROTTLE_USER, API_THROTTLE_TOKEN), as
one simulated person's throttle would otherwise cap the run (DESIGN.md §13).
"""

import argparse
import json
import random
import re
import sys
import threading
import time
from dataclasses import dataclass, field

import requests

EXPECTED = {200, 201, 302, 409}


@dataclass
class Person:
    role: str  # "importer" or "staff"
    username: str
    password: str
    importer_id: int | None = None


@dataclass
class Stats:
    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    requests: int = 0
    retried: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def retry(self):
        with self.lock:
            self.retried += 1

    def record(self, what: str, started: float, status: int | None, error: str = ""):
        elapsed = time.perf_counter() - started
        with self.lock:
            self.requests += 1
            self.latencies.append(elapsed)
            if error or status not in EXPECTED:
                self.errors.append(f"{what}: {status} {error}"[:300])

    def summary(self, seconds: float) -> dict:
        ordered = sorted(self.latencies) or [0.0]

        def pct(p: float) -> float:
            return round(ordered[min(len(ordered) - 1, int(p * len(ordered)))] * 1000, 1)

        return {
            "requests": self.requests,
            "errors": len(self.errors),
            "retried": self.retried,
            "error_samples": self.errors[:10],
            "p50_ms": pct(0.50),
            "p95_ms": pct(0.95),
            "p99_ms": pct(0.99),
            "max_ms": round(ordered[-1] * 1000, 1),
            "requests_per_second": round(self.requests / max(seconds, 0.001), 1),
        }


class Session:
    """One simulated person: an API token and a signed-in page session."""

    def __init__(self, base: str, person: Person, stats: Stats):
        self.base, self.person, self.stats = base, person, stats
        self.api = requests.Session()
        self.pages = requests.Session()
        token = self.api.post(
            f"{base}/api/v1/auth/token/",
            json={"username": person.username, "password": person.password},
            timeout=30,
        )
        token.raise_for_status()
        self.api.headers["Authorization"] = f"Token {token.json()['token']}"
        login = self.pages.get(f"{base}/accounts/login/", timeout=30)
        self.pages.post(
            f"{base}/accounts/login/",
            data={
                "username": person.username,
                "password": person.password,
                "csrfmiddlewaretoken": self.pages.cookies.get("csrftoken", ""),
            },
            headers={"Referer": login.url},
            timeout=30,
            allow_redirects=False,
        )
        self.mine: list[str] = []

    def call(self, what: str, method: str, path: str, *, pages=False, **kw):
        http = self.pages if pages else self.api
        started = time.perf_counter()
        try:
            answer = http.request(method, self.base + path, timeout=60, **kw)
        except requests.ConnectionError as exc:
            # A reused keep-alive connection the server closed at that moment: like browsers
            # (RFC 9112 §9.3.1), retry an idempotent request once on a new connection, and
            # count it. Writes are never retried.
            if method != "GET":
                self.stats.record(what, started, None, f"{type(exc).__name__}: {exc}")
                return None
            self.stats.retry()
            try:
                answer = http.request(method, self.base + path, timeout=60, **kw)
            except requests.RequestException as again:
                self.stats.record(what, started, None, f"{type(again).__name__}: {again}")
                return None
        except requests.RequestException as exc:
            self.stats.record(what, started, None, f"{type(exc).__name__}: {exc}")
            return None
        self.stats.record(what, started, answer.status_code)
        return answer

    def importer_step(self, n: int):
        choice = random.random()  # noqa: S311 (load mix, not security)
        if choice < 0.25 or not self.mine:
            answer = self.call(
                "file",
                "POST",
                "/api/v1/inquiries/",
                json={
                    "importer": self.person.importer_id,
                    "type": "policy_clarification",
                    "subject": f"Soak question {n}",
                    "description": "How does the rule apply?",
                },
            )
            if answer is not None and answer.status_code == 201:
                self.mine.append(answer.json()["reference"])
        elif choice < 0.45:
            self.call("list", "GET", "/api/v1/inquiries/?page_size=20")
        elif choice < 0.65:
            self.call("detail", "GET", f"/api/v1/inquiries/{random.choice(self.mine)}/")  # noqa: S311
        elif choice < 0.8:
            self.call(
                "message",
                "POST",
                f"/api/v1/inquiries/{random.choice(self.mine)}/messages/",  # noqa: S311
                json={"body": "Any news?"},
            )
        else:
            self.call("dashboard page", "GET", "/dashboard/", pages=True)

    def staff_step(self, n: int):
        choice = random.random()  # noqa: S311
        if choice < 0.35:
            answer = self.call("queue", "GET", "/api/v1/inquiries/?status=submitted&page_size=20")
            if answer is not None and answer.status_code == 200:
                waiting = [row["reference"] for row in answer.json()["results"]]
                if waiting:
                    reference = random.choice(waiting)  # noqa: S311
                    claimed = self.call(
                        "claim", "POST", f"/api/v1/inquiries/{reference}/actions/claim/", json={}
                    )
                    if claimed is not None and claimed.status_code == 200:
                        self.mine.append(reference)
        elif choice < 0.6 and self.mine:
            self.call(
                "message",
                "POST",
                f"/api/v1/inquiries/{random.choice(self.mine)}/messages/",  # noqa: S311
                json={"body": f"Looking into it ({n})."},
            )
        elif choice < 0.8:
            self.call("queue page", "GET", "/staff/queue/", pages=True)
        else:
            self.call("mine", "GET", "/api/v1/inquiries/?status=assigned&page_size=20")


def run_soak(base: str, people: list[Person], *, seconds: float, think: float = 0.05) -> dict:
    """Drive every person in its own thread for `seconds`; return the summary."""
    stats = Stats()
    stop_at = time.monotonic() + seconds
    sessions: list[Session] = []
    for person in people:
        sessions.append(Session(base, person, stats))

    def drive(session: Session):
        step = session.importer_step if session.person.role == "importer" else session.staff_step
        n = 0
        while time.monotonic() < stop_at:
            n += 1
            step(n)
            time.sleep(random.uniform(0, think * 2))  # noqa: S311

    started = time.monotonic()
    threads = [threading.Thread(target=drive, args=(s,), daemon=True) for s in sessions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=seconds + 120)
    summary = stats.summary(time.monotonic() - started)
    summary.update({"users": len(people), "seconds": seconds})
    return summary


def _person(role: str, text: str) -> Person:
    match = re.fullmatch(r"([^:]+):([^:]+)(?::(\d+))?", text)
    if not match:
        raise argparse.ArgumentTypeError(f"expected user:password[:importer id], got {text!r}")
    username, password, importer = match.groups()
    return Person(role, username, password, int(importer) if importer else None)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:8001")
    parser.add_argument("--users", type=int, default=100)
    parser.add_argument("--seconds", type=float, default=600)
    parser.add_argument(
        "--importer", action="append", default=[], help="user:password:importer id (repeatable)"
    )
    parser.add_argument("--staff", action="append", default=[], help="user:password")
    args = parser.parse_args(argv)
    importers = [_person("importer", text) for text in args.importer]
    staff = [_person("staff", text) for text in args.staff]
    if not importers or not staff:
        parser.error("give at least one --importer and one --staff")
    # Two importers for each member of staff, cycling over the accounts given.
    people = [
        importers[i % len(importers)] if i % 3 else staff[i % len(staff)] for i in range(args.users)
    ]
    summary = run_soak(args.url, people, seconds=args.seconds)
    json.dump(summary, sys.stdout, indent=2)
    print()
    return 1 if summary["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
