"""Benchmark of the portal at the scale present in the database; prints a table with budgets.

    DATABASE_URL=postgres://cee:cee@127.0.0.1:5432/cee_bench \\
        .venv/bin/python bench/run.py [--requests 200] [--concurrency 4]

It serves the portal with gunicorn (2 workers, bench.settings: API throttles lifted, floor
views added, a query counter on every response) on a free 127.0.0.1 port, measures each
figure beside its reference in the same run, stops gunicorn by its PID, and writes the table
to bench/results/scale-<importers>.md and .json. Run `manage.py generate_load` (a command
of the bench app: DJANGO_SETTINGS_MODULE=bench.settings) first.
"""

import argparse
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
import tracemalloc
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY  # noqa: E402
from django.contrib.sessions.backends.db import SessionStore  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402
from rest_framework.authtoken.models import Token  # noqa: E402

from accounts.models import Importer, User  # noqa: E402
from bench.loadgen import vacuum_analyze  # noqa: E402
from entries.batch import EntryRecord, LineRecord  # noqa: E402
from entries.formats import check_digit  # noqa: E402
from entries.models import Entry, EntryLine  # noqa: E402
from entries.services import _entry_from_record, import_entry_batch  # noqa: E402
from inquiries.models import Inquiry  # noqa: E402
from inquiries.workflow import Status  # noqa: E402
from reports.models import ReportKind, ReportRun  # noqa: E402
from reports.results import RESULT_MODELS  # noqa: E402
from reports.runs import run_report  # noqa: E402

RESULTS = ROOT / "bench" / "results"


# --- HTTP load ---------------------------------------------------------------------------


class Server:
    """gunicorn with 2 workers on a free local port, stopped by its PID."""

    def __init__(self):
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        gunicorn = Path(sys.executable).with_name("gunicorn")
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings"}
        self.process = subprocess.Popen(
            [
                str(gunicorn),
                "bench.wsgi:application",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                "2",
                "--no-control-socket",
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=env,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                status, _q, _ms, _size = request(self.port, "GET", "/healthz", {})
                if status in (200, 503):
                    return
            except OSError:
                time.sleep(0.3)
        raise RuntimeError("gunicorn did not start")

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)


def request(port, method, path, headers, body=None, conn=None):
    own = conn is None
    conn = conn or http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    started = time.perf_counter()
    conn.request(method, path, body=body, headers=headers)
    answer = conn.getresponse()
    size = len(answer.read())
    elapsed = (time.perf_counter() - started) * 1000
    if own:
        conn.close()
    return answer.status, int(answer.getheader("X-Query-Count") or 0), elapsed, size


def load(port, method, path, headers, *, count, concurrency, body=None):
    """Send `count` requests from `concurrency` keep-alive clients; return the figures."""
    results, lock = [], threading.Lock()
    per_client = [
        count // concurrency + (1 if i < count % concurrency else 0) for i in range(concurrency)
    ]

    def client(n):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        for _i in range(n):
            payload = body() if callable(body) else body
            outcome = request(port, method, path, headers, payload, conn)
            with lock:
                results.append(outcome)
        conn.close()

    request(port, method, path, headers, body() if callable(body) else body)  # warm
    started = time.perf_counter()
    threads = [threading.Thread(target=client, args=(n,)) for n in per_client]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    times = sorted(ms for _s, _q, ms, _b in results)
    bad = [s for s, _q, _ms, _b in results if s >= 400]
    if bad:
        raise RuntimeError(f"{method} {path}: {len(bad)} answers >= 400, e.g. {bad[0]}")
    return {
        "p50": statistics.median(times),
        "p95": times[int(len(times) * 0.95) - 1],
        # The most queries a request ran (kept parts of a page missing from the cache)
        # and the fewest (every kept part in the cache: the steady state).
        "queries": max(q for _s, q, _ms, _b in results),
        "queries_min": min(q for _s, q, _ms, _b in results),
        "rate": len(results) / wall,
        "kb": max(b for _s, _q, _ms, b in results) / 1024,
    }


# --- Who the requests come from --------------------------------------------------------------


def session_cookie(user) -> dict:
    store = SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    return {"Cookie": f"{settings.SESSION_COOKIE_NAME}={store.session_key}"}


def token_header(user) -> dict:
    token, _created = Token.objects.get_or_create(user=user)
    return {"Authorization": f"Token {token.key}"}


def people():
    trade = User.objects.get(username="load-trade-1-1")
    importer = Importer.objects.get(memberships__user=trade)
    supervisor = User.objects.get(username=f"load-staff-{importer.center_id.lower()}-1")
    return trade, importer, supervisor


def deep_cursor(port, headers, path, pages=20) -> str:
    for _page in range(pages):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        conn.request("GET", path, headers=headers)
        body = json.loads(conn.getresponse().read())
        conn.close()
        if not body.get("next"):
            break
        path = body["next"].split(f"127.0.0.1:{port}", 1)[-1].split("testserver", 1)[-1]
    return path


# --- Measurements ------------------------------------------------------------------------


# The subject of the inquiries the benchmark files.
BENCH_SUBJECT = "Benchmark question"
# Each budgeted figure and the floor it is judged against; the rest are measured once.
FLOORS = {
    "queue page": "floor page",
    "queue page filtered": "floor page",
    "API list filtered": "floor API",
    "API list deep page": "floor API",
    "inquiry filing": "write floor",
}


def _median_figure(rounds: list[dict]) -> dict:
    """One figure from its rounds: the median of each timing, the most queries and bytes."""
    return {
        "p50": statistics.median(r["p50"] for r in rounds),
        "p95": statistics.median(r["p95"] for r in rounds),
        "rate": statistics.median(r["rate"] for r in rounds),
        "queries": max(r["queries"] for r in rounds),
        "queries_min": min(r["queries_min"] for r in rounds),
        "kb": max(r["kb"] for r in rounds),
    }


def http_figures(server, args) -> dict:
    trade, importer, supervisor = people()
    staff_cookie, trade_cookie = session_cookie(supervisor), session_cookie(trade)
    staff_token, trade_token = token_header(supervisor), token_header(trade)
    port, n, c = server.port, args.requests, args.concurrency
    # The newest generated inquiry in review, not one the benchmark filed: the page shows the
    # forms of the actions its state allows, so the queries are those of a like inquiry at
    # every scale and in every run only for one state (in review: most actions open).
    detail = (
        Inquiry.objects.filter(
            importer=importer, center_id=importer.center_id, status=Status.IN_REVIEW
        )
        .exclude(subject=BENCH_SUBJECT)
        .order_by("-submitted_at")
        .values_list("reference", flat=True)
        .first()
    )
    api_filter = "/api/v1/inquiries/?status=submitted"
    deep = deep_cursor(port, staff_token, api_filter)
    filing = json.dumps(
        {
            "importer": importer.pk,
            "type": "policy_clarification",
            "subject": BENCH_SUBJECT,
            "description": "",
            "details": {},
        }
    )
    writer = {**trade_token, "Content-Type": "application/json"}
    requests = {  # name: (method, headers, path, body)
        "floor page": ("GET", staff_cookie, "/bench/floor/page/", None),
        "queue page": ("GET", staff_cookie, "/staff/queue/", None),
        "queue page filtered": ("GET", staff_cookie, "/staff/queue/?status=in_review", None),
        "floor API": ("GET", staff_token, "/bench/floor/api/", None),
        "API list filtered": ("GET", staff_token, api_filter, None),
        "API list deep page": ("GET", staff_token, deep, None),
        "trade dashboard": ("GET", trade_cookie, "/dashboard/", None),
        "inquiry page": ("GET", staff_cookie, f"/inquiries/{detail}/", None),
        "inquiry API detail": ("GET", staff_token, f"/api/v1/inquiries/{detail}/", None),
        "write floor": ("POST", writer, "/bench/floor/write/", "{}"),
        "inquiry filing": ("POST", writer, "/api/v1/inquiries/", filing),
    }

    def measure(name):
        method, headers, path, body = requests[name]
        return load(port, method, path, headers, count=n, concurrency=c, body=body)

    # The machine is shared: a burst of other work during one measurement would decide a
    # ratio on its own. So each budgeted figure is measured in rounds, each round right
    # after its floor, and judged by the median over the rounds of its ratio to the floor
    # of the same round.
    rounds: dict[str, list[dict]] = {}
    ratios: dict[str, list[float]] = {}
    for _round in range(args.rounds):
        for floor in dict.fromkeys(FLOORS.values()):
            base = measure(floor)
            rounds.setdefault(floor, []).append(base)
            for name in (name for name, of in FLOORS.items() if of == floor):
                figure = measure(name)
                rounds.setdefault(name, []).append(figure)
                # A page's p95 over its floor's; a write's rate over its floor's.
                measured = "rate" if requests[name][0] == "POST" else "p95"
                ratios.setdefault(name, []).append(_ratio(figure[measured], base[measured]))
    figures = {}
    for name in requests:
        if name in rounds:
            figures[name] = _median_figure(rounds[name])
        elif name not in args.skip:
            figures[name] = measure(name)
        if name in ratios:
            figures[name]["ratio"] = statistics.median(ratios[name])
    return figures


def _batch(importer, entries=1000, lines=5):
    today = timezone.localdate()
    records = []
    for n in range(entries):
        base = f"Z9Z{n + 1:07d}"
        record = EntryRecord(
            row=n + 1,
            entry_number=base + str(check_digit(base)),
            importer_ior=importer.ior_number,
            entry_type="01",
            port="1001",
            entry_date=today - timedelta(days=30),
            release_date=None,
            liquidation_date=None,
            liquidation_status="unliquidated",
        )
        record.lines = [
            LineRecord(
                line_number=k + 1,
                hts="8471300100",
                additional_hts=[],
                country_of_origin="CN",
                value=Decimal("1000.00"),
                duty=Decimal("0.00"),
            )
            for k in range(lines)
        ]
        records.append(record)
    return records


class Rollback(Exception):
    pass


def timed_and_rolled_back(work) -> float:
    started = time.perf_counter()
    try:
        with transaction.atomic():
            work()
            elapsed = time.perf_counter() - started
            raise Rollback
    except Rollback:
        return elapsed


def batch_figures(importer) -> dict:
    records = _batch(importer)
    lines = sum(len(r.lines) for r in records)

    def bare():
        now = timezone.now()
        entries = Entry.objects.bulk_create(
            [_entry_from_record(r, importer.pk, now) for r in records], batch_size=2000
        )
        EntryLine.objects.bulk_create(
            [
                EntryLine(
                    entry_id=e.pk,
                    line_number=line.line_number,
                    hts=line.hts,
                    additional_hts=line.additional_hts,
                    country_of_origin=line.country_of_origin,
                    value=line.value,
                    duty=line.duty,
                    center_id="EL",
                )
                for e, r in zip(entries, records, strict=True)
                for line in r.lines
            ],
            batch_size=5000,
        )

    service = min(timed_and_rolled_back(lambda: import_entry_batch(records, [])) for _i in range(3))
    floor = min(timed_and_rolled_back(bare) for _i in range(3))
    return {"service": lines / service, "floor": lines / floor}


# Each reference is the hand-written SQL a person would write for the figures the report
# stores, over the same rows and the same window, fetched into Python; the per-row arithmetic
# on them (points, score, segment, rates, z, percentages) would be a Python loop over the
# fetched rows. What the report does beyond it is its bookkeeping, which the 1.5x allows
# for: the run record, deleting the date's previous rows, INSERT with its foreign-key checks
# at commit, and for risk the previous score and the copy onto the importers.
# - risk: per importer, the trust inputs read off the importer; entries entered in the 365
#   days; distinct CF-28/CF-29 notices (type, entry, notice date) submitted in the window;
#   inquiries resolved in the window `unanswered`, CF-29 `action_taken`, protests allowed
#   (in whole or in part) and denied; replies (`respond`) in the window more than 14 days
#   after the `request_info` before them (lag() over the inquiry's requests and replies: a
#   reply is only possible while awaiting the importer, which only a request begins).
# - uniformity: per Center x heading x port x rate (CF-29 / protest), resolved inquiries
#   with an entry and its heading (deemed denials left out) and the hits among them, with
#   the rest of the Center's totals (a window over the cells).
# - performance: per Center x service level x type, inquiries submitted in the 30 days;
#   first responses and resolutions measured and met by the cut-off (met = on or before the
#   due date in the portal zone); the median days to first response and to resolution.
BARE_SQL = {
    "risk": """
        SELECT i.id, i.center_id, i.ctpat_tier, i.isa_member, i.financially_compliant,
               COALESCE(e.n, 0), COALESCE(q.notices, 0), COALESCE(q.missing, 0),
               COALESCE(q.action_taken, 0), COALESCE(q.allowed, 0), COALESCE(q.denied, 0),
               COALESCE(r.late, 0)
        FROM accounts_importer i
        LEFT JOIN (SELECT importer_id, count(*) AS n FROM entries_entry
                   WHERE entry_date > %(first_entry_day)s AND entry_date <= %(day)s
                   GROUP BY importer_id) e ON e.importer_id = i.id
        LEFT JOIN (
            SELECT importer_id,
                   count(DISTINCT (type, entry_id, COALESCE(details ->> 'cf28_issue_date',
                                                            details ->> 'cf29_mailing_date')))
                       FILTER (WHERE type IN ('cf28', 'cf29') AND submitted_at >= %(start)s
                               AND submitted_at < %(end)s) AS notices,
                   count(*) FILTER (WHERE resolved_at >= %(start)s AND resolved_at < %(end)s
                                    AND outcome = 'unanswered') AS missing,
                   count(*) FILTER (WHERE resolved_at >= %(start)s AND resolved_at < %(end)s
                                    AND type = 'cf29' AND outcome = 'action_taken')
                       AS action_taken,
                   count(*) FILTER (WHERE resolved_at >= %(start)s AND resolved_at < %(end)s
                                    AND type = 'protest'
                                    AND outcome IN ('allowed', 'allowed_in_part')) AS allowed,
                   count(*) FILTER (WHERE resolved_at >= %(start)s AND resolved_at < %(end)s
                                    AND type = 'protest' AND outcome = 'denied') AS denied
            FROM inquiries_inquiry
            WHERE (submitted_at >= %(start)s AND submitted_at < %(end)s)
               OR (resolved_at >= %(start)s AND resolved_at < %(end)s)
            GROUP BY importer_id) q ON q.importer_id = i.id
        LEFT JOIN (
            SELECT q.importer_id, count(*) AS late
            FROM (SELECT inquiry_id, action, at,
                         lag(at) OVER (PARTITION BY inquiry_id ORDER BY sequence) AS asked_at
                  FROM inquiries_inquiryevent
                  WHERE action IN ('request_info', 'respond') AND at < %(end)s) ev
            JOIN inquiries_inquiry q ON q.id = ev.inquiry_id
            WHERE ev.action = 'respond' AND ev.at >= %(start)s
              AND ev.at > ev.asked_at + interval '14 days'
            GROUP BY q.importer_id) r ON r.importer_id = i.id""",
    "uniformity": """
        SELECT center_id, heading, port_id, type, n, hits,
               sum(n) OVER rest - n, sum(hits) OVER rest - hits
        FROM (SELECT q.center_id, left(e.principal_hts, 4) AS heading, e.port_id, q.type,
                     count(*) AS n,
                     count(*) FILTER (WHERE (q.type = 'cf29' AND q.outcome = 'action_taken')
                                         OR (q.type = 'protest'
                                             AND q.outcome IN ('allowed', 'allowed_in_part')))
                         AS hits
              FROM inquiries_inquiry q JOIN entries_entry e ON e.id = q.entry_id
              WHERE q.resolved_at >= %(start)s AND q.resolved_at < %(end)s
                AND q.center_id IS NOT NULL AND e.principal_hts <> ''
                AND (q.type = 'cf29' OR (q.type = 'protest' AND q.outcome <> 'deemed_denied'))
              GROUP BY 1, 2, 3, 4) cells
        WINDOW rest AS (PARTITION BY center_id, heading, type)""",
    "performance": """
        SELECT center_id, service_level, type, count(*),
               count(*) FILTER (WHERE first_response_at < %(end)s
                   AND (first_response_at AT TIME ZONE %(zone)s)::date <= first_response_due),
               count(*) FILTER (WHERE first_response_at < %(end)s
                                   OR first_response_due <= %(day)s),
               count(*) FILTER (WHERE resolved_at < %(end)s
                   AND (resolved_at AT TIME ZONE %(zone)s)::date <= resolution_due),
               count(*) FILTER (WHERE resolved_at < %(end)s OR resolution_due <= %(day)s),
               percentile_cont(0.5) WITHIN GROUP (
                   ORDER BY EXTRACT(EPOCH FROM first_response_at - submitted_at) / 86400.0)
                   FILTER (WHERE first_response_at < %(end)s),
               percentile_cont(0.5) WITHIN GROUP (
                   ORDER BY EXTRACT(EPOCH FROM resolved_at - submitted_at) / 86400.0)
                   FILTER (WHERE resolved_at < %(end)s)
        FROM inquiries_inquiry
        WHERE center_id IS NOT NULL AND submitted_at >= %(recent)s AND submitted_at < %(end)s
        GROUP BY 1, 2, 3""",
}


def report_figures(repeat: int = 3) -> dict:
    from reports.sql import day_end, day_start

    day = timezone.localdate() - timedelta(days=1)
    end = day_end(day)
    params = {
        "day": day,
        "first_entry_day": day - timedelta(days=365),
        "start": end - timedelta(days=365),
        "end": end,
        "recent": day_start(day - timedelta(days=29)),
        "zone": settings.TIME_ZONE,
    }
    figures = {}
    for kind, sql in BARE_SQL.items():
        run_report(kind, day)  # warm the cache the same way for both
        seconds = []
        for _i in range(repeat):
            settle_after_reports(kind)
            started = time.perf_counter()
            run_report(kind, day)
            seconds.append(time.perf_counter() - started)
        tracemalloc.start()
        run_report(kind, day)
        heap = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
        memory = report_memory(kind, day)
        bare = []
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            cursor.fetchall()
            for _i in range(repeat):
                started = time.perf_counter()
                cursor.execute(sql, params)
                cursor.fetchall()
                bare.append(time.perf_counter() - started)
        # The fastest of `repeat` runs on each side: the machine is shared and noisy.
        figures[kind] = {
            "seconds": min(seconds),
            "bare": min(bare),
            "peak_mb": memory["rss_mb"],
            "baseline_mb": memory["baseline_mb"],
            "heap_mb": heap,
        }
    return figures


def settle_after_reports(kind: str) -> None:
    """Vacuum what the report's previous runs rewrote (its result rows, the run records and,
    for risk, every importer's score), outside the measured time. A night runs each report
    once and autovacuum tidies up before the next; this machine's PostgreSQL runs without
    autovacuum, and back-to-back runs of one date would otherwise each meet the dead rows
    of the one before (a uniformity run 1.15 s fresh, 1.5 s after ten reruns)."""
    vacuum_analyze(
        [
            RESULT_MODELS[ReportKind(kind)]._meta.db_table,
            ReportRun._meta.db_table,
            Importer._meta.db_table,
        ]
    )


def report_memory(kind: str, day) -> dict:
    """Peak resident memory of a process that runs the report once (bench/report_memory.py):
    what a report worker needs, not only the Python objects tracemalloc sees."""
    probe = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "report_memory.py"), kind, day.isoformat()],
        cwd=ROOT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings"},
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(probe.stdout.strip().splitlines()[-1])


# --- Table and budgets -------------------------------------------------------------------


def _ratio(value, reference):
    return value / reference if reference else float("inf")


# The issue judges the queue's latency and the reports at scale 10; at other scales their
# ratios are printed and not judged.
JUDGED_AT_SCALE = 10


def budgets(http, batch, reports, previous, scale) -> list[tuple[str, str, bool | None]]:
    def at_scale_10(ok):
        return ok if scale >= JUDGED_AT_SCALE else None

    rows = []
    queue_queries = http["queue page"]["queries"]
    rows.append(("queue page queries <= 12", f"{queue_queries}", queue_queries <= 12))
    if previous:
        # The steady state: whether a kept part of a page expired during a figure's
        # requests is chance, and the most queries then differ between runs by one.
        same = all(
            previous["http"][name]["queries_min"] == http[name]["queries_min"]
            for name in http
            if name in previous["http"]
        )
        rows.append((f"queries per page equal to scale {previous['scale']}", "", same))
    else:
        rows.append(("queries per page equal at another scale", "run the other scale", None))
    for name in ("queue page", "queue page filtered"):
        ratio = http[name]["ratio"]
        rows.append(
            (f"{name} p95 <= 3x floor page (at scale 10)", f"{ratio:.2f}x", at_scale_10(ratio <= 3))
        )
    # DESIGN.md §12 holds the API list to the same 3x, against a bare view.
    for name in ("API list filtered", "API list deep page"):
        ratio = http[name]["ratio"]
        rows.append((f"{name} p95 <= 3x floor API", f"{ratio:.2f}x", ratio <= 3))
    ratio = http["inquiry filing"]["ratio"]
    rows.append(("filing >= 0.4x write floor", f"{ratio:.2f}x", ratio >= 0.4))
    ratio = _ratio(batch["service"], batch["floor"])
    rows.append(("batch import >= 0.5x bulk_create", f"{ratio:.2f}x", ratio >= 0.5))
    for kind, figure in reports.items():
        ratio = _ratio(figure["seconds"], figure["bare"])
        rows.append(
            (
                f"{kind} report <= 1.5x bare SQL (at scale 10)",
                f"{ratio:.2f}x",
                at_scale_10(ratio <= 1.5),
            )
        )
        rows.append(
            (
                f"{kind} report peak RSS <= 250 MB (at scale 10)",
                f"{figure['peak_mb']:.0f} MB",
                at_scale_10(figure["peak_mb"] <= 250),
            )
        )
    return rows


def _queries(figure) -> str:
    """ "6" or, when some requests found a kept part of the page expired, "6-7"."""
    low, high = figure["queries_min"], figure["queries"]
    return str(high) if low == high else f"{low}-{high}"


def table(scale_line, http, batch, reports, verdicts) -> str:
    out = [
        scale_line,
        "",
        "| request | p50 ms | p95 ms | queries | req/s | KB |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    out += [
        f"| {name} | {f['p50']:.1f} | {f['p95']:.1f} | {_queries(f)} | {f['rate']:.1f} | "
        f"{f.get('kb', 0):.1f} |"
        for name, f in http.items()
    ]
    out += [
        "",
        "| in process | figure | reference |",
        "|---|---:|---:|",
        f"| entry batch import (lines/s) | {batch['service']:,.0f} | "
        f"{batch['floor']:,.0f} (bare bulk_create) |",
    ]
    out += [
        f"| {kind} report (s; peak RSS, of it before the run; Python heap) | "
        f"{f['seconds']:.2f} s; {f['peak_mb']:.0f} MB, {f['baseline_mb']:.0f} MB; "
        f"{f['heap_mb']:.1f} MB | {f['bare']:.2f} s (bare SQL) |"
        for kind, f in reports.items()
    ]
    out += ["", "| budget | measured | verdict |", "|---|---:|---|"]
    verdict = {True: "pass", False: "FAIL", None: "n/a"}
    out += [f"| {name} | {measured} | {verdict[ok]} |" for name, measured, ok in verdicts]
    return "\n".join(out)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200, help="Requests per figure.")
    parser.add_argument("--concurrency", type=int, default=4, help="Concurrent clients.")
    parser.add_argument(
        "--rounds",
        type=int,
        default=5,
        help="Rounds of each budgeted figure beside its floor; a budget takes "
        "the median of the rounds' ratios.",
    )
    parser.add_argument(
        "--skip",
        action="append",
        default=[],
        metavar="NAME",
        help='Leave out a GET figure no budget uses (e.g. "trade dashboard").',
    )
    args = parser.parse_args()
    counts = {
        "importers": Importer.objects.count(),
        "entries": Entry.objects.count(),
        "inquiries": Inquiry.objects.count(),
    }
    if not User.objects.filter(username="load-trade-1-1").exists():
        sys.exit(
            "No generated data: run `DJANGO_SETTINGS_MODULE=bench.settings "
            "manage.py generate_load --scale N` first."
        )
    scale = round(counts["importers"] / 1000, 3)
    scale_line = (
        f"Scale {scale}: {counts['importers']:,} importers, {counts['entries']:,} "
        f"entries, {counts['inquiries']:,} inquiries; gunicorn 2 workers, "
        f"{args.concurrency} clients, {args.requests} requests a figure; budgeted "
        f"figures: medians of {args.rounds} rounds beside their floors."
    )
    print(scale_line, flush=True)
    # Earlier runs' filings, notifications and report rows, tidied as autovacuum would.
    vacuum_analyze()
    server = Server()
    try:
        http = http_figures(server, args)
    finally:
        server.stop()
    _trade, importer, _supervisor = people()
    batch = batch_figures(importer)
    reports = report_figures()
    RESULTS.mkdir(parents=True, exist_ok=True)
    others = [json.loads(p.read_text()) for p in RESULTS.glob("scale-*.json")]
    previous = next((o for o in others if o["scale"] != scale), None)
    verdicts = budgets(http, batch, reports, previous, scale)
    text = table(scale_line, http, batch, reports, verdicts)
    print(text)
    (RESULTS / f"scale-{scale}.md").write_text(text + "\n")
    (RESULTS / f"scale-{scale}.json").write_text(
        json.dumps({"scale": scale, "http": http, "batch": batch, "reports": reports}, indent=1)
    )


if __name__ == "__main__":
    main()
