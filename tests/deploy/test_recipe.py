"""deploy/ is a recipe that works: every setting is in env.example, gunicorn's configuration
loads the portal with production settings and sizes itself from the cores, nginx accepts its
configuration, and a bucket name moves uploads to S3 while documents stay private."""

import json
import multiprocessing
import os
import re
import runpy
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import skip_or_fail_in_ci

REPO = Path(__file__).resolve().parents[2]
DEPLOY = REPO / "deploy"
PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "portal.settings.production",
    "SECRET_KEY": "recipe-test-only-key",
    "DATABASE_URL": "sqlite:///:memory:",
}


def run_python(code, **env):
    """Run code in a fresh interpreter with production settings (they are read at import)."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "DJANGO_"))}
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=REPO,
        env={**clean, **PRODUCTION, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def settings_read():
    source = (REPO / "portal" / "settings" / "base.py").read_text()
    return set(re.findall(r"env\.\w+\(\s*\"([A-Z_]+)\"", source))


def test_env_example_names_every_variable_the_settings_read():
    read = settings_read()
    example = (DEPLOY / "env.example").read_text()
    listed = set(re.findall(r"^([A-Z_0-9]+)=", example, flags=re.MULTILINE))
    assert {"SECRET_KEY", "DATABASE_URL", "TASKS_BACKEND"} <= read
    assert read - listed == set()
    # Placeholders only: no value that looks like a real secret is committed.
    assert re.search(r"^SECRET_KEY=<", example, flags=re.MULTILINE)
    assert re.search(r"^# AWS_SECRET_ACCESS_KEY=<", example, flags=re.MULTILINE)


def test_the_laptop_example_names_every_variable_too():
    """`.env.example`, a newcomer's overrides, explains every setting as well (set or shown in
    a comment): a new setting is documented in both places."""
    example = (REPO / ".env.example").read_text()
    listed = set(re.findall(r"^(?:# )?([A-Z_0-9]+)=", example, flags=re.MULTILINE))
    assert settings_read() - listed == set()


def test_the_settings_load_from_env_example_as_it_stands():
    """The example's values (placeholders aside) are valid: what systemd passes them in."""
    example = (DEPLOY / "env.example").read_text()
    values = dict(re.findall(r"^([A-Z_0-9]+)=(.*)$", example, flags=re.MULTILINE))
    usable = {k: v for k, v in values.items() if "<" not in v}
    report = run_python(
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.TASKS['default']['BACKEND'])",
        **usable,
    )
    assert report.strip() == "django_tasks_db.DatabaseBackend"


def test_gunicorn_sizes_itself_from_the_cores(monkeypatch):
    monkeypatch.delenv("WEB_CONCURRENCY", raising=False)
    monkeypatch.delenv("FORWARDED_ALLOW_IPS", raising=False)
    config = runpy.run_path(str(DEPLOY / "gunicorn.conf.py"))
    assert config["workers"] == multiprocessing.cpu_count() * 2 + 1
    assert config["forwarded_allow_ips"] == "127.0.0.1"
    assert config["bind"] == "127.0.0.1:8000"
    assert "%({x-request-id}o)s" in config["access_log_format"]

    monkeypatch.setenv("WEB_CONCURRENCY", "3")
    assert runpy.run_path(str(DEPLOY / "gunicorn.conf.py"))["workers"] == 3


def test_gunicorn_loads_the_portal_with_production_settings():
    gunicorn = Path(sys.executable).parent / "gunicorn"
    result = subprocess.run(
        [str(gunicorn), "--check-config", "-c", "deploy/gunicorn.conf.py"],
        cwd=REPO,
        env={**os.environ, **PRODUCTION},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr


def test_nginx_accepts_the_configuration(tmp_path):
    if not shutil.which("nginx"):
        skip_or_fail_in_ci("nginx is not installed: apt-get install nginx-light")
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"]
        + [
            "-subj",
            "/CN=localhost",
            "-keyout",
            tmp_path / "key.pem",
            "-out",
            tmp_path / "cert.pem",
        ],
        check=True,
        capture_output=True,
    )
    site = (DEPLOY / "nginx" / "portal.conf").read_text()
    site = site.replace(
        "/etc/letsencrypt/live/<aid.example.org>/fullchain.pem", str(tmp_path / "cert.pem")
    )
    site = site.replace(
        "/etc/letsencrypt/live/<aid.example.org>/privkey.pem", str(tmp_path / "key.pem")
    )
    site = site.replace("<aid.example.org>", "aid.example.org")
    (tmp_path / "portal.conf").write_text(site)
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path}/nginx.pid; error_log stderr;\n"
        f"events {{}}\nhttp {{ access_log off; include {tmp_path}/portal.conf; }}\n"
    )
    result = subprocess.run(
        ["nginx", "-t", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


STORAGE_REPORT = """
import django, json
django.setup()
from django.conf import settings
from django.core.files.storage import storages
print(json.dumps({
    "storage": type(storages["default"]).__name__,
    "image_url": storages["default"].url("images/soup.width-400.jpg"),
    "documents": getattr(settings, "WAGTAILDOCS_SERVE_METHOD", None),
}))
"""


def test_a_bucket_holds_the_uploads_and_documents_stay_private():
    report = json.loads(
        run_python(
            STORAGE_REPORT,
            AWS_STORAGE_BUCKET_NAME="portal-media",
            AWS_S3_ENDPOINT_URL="http://127.0.0.1:9",
            AWS_S3_CUSTOM_DOMAIN="media.aid.example.org",
        )
    )
    assert report["storage"] == "S3Storage"
    # Unsigned: a cached page may embed it for an hour.
    assert report["image_url"] == "https://media.aid.example.org/images/soup.width-400.jpg"
    # Documents go through Wagtail's view (privacy checked), never to a bucket URL.
    assert report["documents"] == "serve_view"


def test_without_a_bucket_uploads_stay_on_disk():
    report = json.loads(run_python(STORAGE_REPORT))
    assert report["storage"] == "FileSystemStorage"
    assert report["documents"] is None
