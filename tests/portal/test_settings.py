"""Production settings refuse to start without a secret key, and pass Django's deploy checks."""

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def run_manage(*args, **env):
    environment = {
        key: value for key, value in os.environ.items() if key not in {"SECRET_KEY", "DEBUG"}
    }
    environment.update(DJANGO_SETTINGS_MODULE="portal.settings.production", **env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=REPO,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = run_manage("check")
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_production_passes_the_deploy_checklist():
    key = "x" * 20 + "a-long-random-looking-production-key-0123456789"
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", SECRET_KEY=key)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_bad_database_url_is_a_clear_error():
    result = run_manage("check", SECRET_KEY="k" * 60, DATABASE_URL="nonsense://")
    assert result.returncode != 0
    assert "DATABASE_URL" in result.stderr


def test_a_setting_out_of_range_is_a_clear_error_naming_it():
    for variable, value, message in [
        ("FRAGMENT_CACHE_SECONDS", "-1", "greater than or equal to 0"),
        ("SEARCH_ENGINE", "solr", "Must be one of: opensearch, elasticsearch"),
        ("TASKS_BACKEND", "cron", "Must be one of: immediate, database"),
    ]:
        result = run_manage("check", SECRET_KEY="k" * 60, **{variable: value})
        assert result.returncode != 0
        assert variable in result.stderr and message in result.stderr
