"""Production settings must refuse to run insecurely and pass Django's deployment checks."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "website.settings.production",
    "SECRET_KEY": "x7Gq2-production-test-key-Vb9LmZr4TcWp1sHdJfK8nQeYuA3oI6",
    "ALLOWED_HOSTS": "partizipation.example.org",
    "CSRF_TRUSTED_ORIGINS": "https://partizipation.example.org",
    "DATABASE_URL": "sqlite:///:memory:",
}


def run_manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    # The test settings set DJANGO_ALLOW_ASYNC_UNSAFE for Playwright; production never has it.
    dropped = {*PRODUCTION_ENV, "DJANGO_ALLOW_ASYNC_UNSAFE"}
    clean = {key: value for key, value in os.environ.items() if key not in dropped}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_production_refuses_to_start_without_secret_key():
    env = {**PRODUCTION_ENV, "SECRET_KEY": ""}
    result = run_manage("check", env=env)
    assert result.returncode != 0
    assert "Set SECRET_KEY in the environment" in result.stderr


def test_production_refuses_a_short_secret_key():
    result = run_manage("check", env={**PRODUCTION_ENV, "SECRET_KEY": "short"})
    assert result.returncode != 0
    assert "at least 50 characters" in result.stderr


@pytest.mark.parametrize(
    "weak_key",
    ["x" * 60, "ab" * 30, "django-insecure-" + "Vb9LmZr4TcWp1sHdJfK8nQeYuA3oI6xyz0123456789"],
)
def test_production_refuses_a_long_but_weak_secret_key(weak_key):
    result = run_manage("check", env={**PRODUCTION_ENV, "SECRET_KEY": weak_key})
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr
    assert "distinct characters" in result.stderr


def test_check_deploy_is_clean_under_production_settings():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_base_settings_keep_debug_off():
    from website.settings import base

    assert base.DEBUG is False


def test_no_asset_is_loaded_from_another_origin():
    """Every template and stylesheet refers only to the site's own files."""
    offenders = []
    for folder in ("templates", "website"):
        for path in (ROOT / folder).rglob("*"):
            if path.suffix in {".html", ".css", ".js"}:
                text = path.read_text(encoding="utf-8")
                if 'src="http' in text or 'href="http' in text or "url(http" in text:
                    offenders.append(str(path))
    assert offenders == []


def test_suite_runs_on_the_database_the_environment_names(db):
    """`make test-postgres` must really test PostgreSQL, not fall back to SQLite."""
    from django.db import connection

    expected = (
        "postgresql" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "sqlite"
    )
    assert connection.vendor == expected
