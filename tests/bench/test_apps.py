"""The bench app (the load generator and its TRUNCATE-ing command) is installed only by
bench.settings: production settings carry no bench app and `manage.py help` lists no
`generate_load` there (DESIGN.md §14)."""

import os
import subprocess
import sys
from pathlib import Path

from django.apps import apps
from django.core.management import find_commands, get_commands

from cee_portal import settings as production

ROOT = Path(__file__).resolve().parents[2]


def _is_bench(app: str) -> bool:
    return app == "bench" or app.startswith("bench.")


def _help_commands(settings_module: str) -> list[str]:
    """The command names `manage.py help --commands` lists under these settings."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": settings_module,
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": os.environ.get("DJANGO_SECRET_KEY") or "x" * 50,
    }
    done = subprocess.run(
        [sys.executable, "manage.py", "help", "--commands"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout.split()


def test_production_installed_apps_hold_no_bench_app():
    assert not [app for app in production.INSTALLED_APPS if _is_bench(app)]
    # The test settings install the production apps: no bench app here either.
    assert not apps.is_installed("bench")
    assert "generate_load" not in get_commands()


def test_the_bench_app_brings_the_command():
    assert "generate_load" in find_commands(str(ROOT / "bench" / "management"))


def test_manage_py_help_lists_generate_load_under_bench_settings_only():
    assert "generate_load" not in _help_commands("cee_portal.settings")
    assert "generate_load" in _help_commands("bench.settings")
