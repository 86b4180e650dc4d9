"""Peak memory of one nightly report run, in a process of its own (bench/run.py calls it).

    .venv/bin/python bench/report_memory.py risk 2026-12-02

Prints one JSON object: `rss_mb`, the process's peak resident set size (everything a report
worker holds: the interpreter, Django, the database driver's buffers and the report's own
data), and `baseline_mb`, the same process's peak before the report ran (Django set up, one
query made). The Python heap's own peak is measured by bench/run.py with tracemalloc, which
would inflate the resident size here.
"""

import json
import os
import resource
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402

from reports.runs import run_report  # noqa: E402


def peak_rss_mb() -> float:
    # ru_maxrss is in kilobytes on Linux.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main():
    kind, day = sys.argv[1], date.fromisoformat(sys.argv[2])
    connection.ensure_connection()
    baseline = peak_rss_mb()
    run_report(kind, day)
    print(json.dumps({"rss_mb": peak_rss_mb(), "baseline_mb": baseline}))


if __name__ == "__main__":
    main()
