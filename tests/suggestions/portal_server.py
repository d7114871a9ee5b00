"""A real portal for tests that need several processes: gunicorn, production settings, its own
database (a SQLite file, or a database on the PostgreSQL server DATABASE_URL names).

Set up once per module, then served by as many gunicorn instances as a test needs, each with
its own environment (rate limit, cache, workers). Its database is a copy of the test database
pytest-django has already migrated, so the portal need not run `migrate` (tens of seconds).
"""

import json
import os
import secrets
import socket
import sqlite3
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from django.db import connection

import requests
from bs4 import BeautifulSoup

REPO = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
SECRET_KEY = secrets.token_urlsafe(40)
EDITOR = ("editor", secrets.token_urlsafe(16))

# Runs in `manage.py shell`: the database cache's table (the test database was migrated with
# the locmem cache, so it has none), the static files, the smallest site the forms need, and an
# editor: one process instead of three.
SEED = """
import json
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Page, Site
from directory.factories import AreaFactory, NeedFactory
from home.factories import HomePageFactory
from suggestions.factories import SuggestListingPageFactory

call_command("createcachetable", verbosity=0)
call_command("collectstatic", interactive=False, verbosity=0)
home = HomePageFactory(parent=Page.get_first_root_node(), slug="portal-home")
site = Site.objects.get(is_default_site=True)
site.root_page = home
site.save()
page = SuggestListingPageFactory(parent=home)
get_user_model().objects.create_superuser({username!r}, "editor@example.org", {password!r})
print(json.dumps({{
    "page_id": page.pk,
    "path": page.url,
    "needs": [NeedFactory(slug=s, name=s.title()).pk for s in ("food", "housing")],
    "areas": [AreaFactory(slug=s, name=s.title()).pk for s in ("seattle", "kent")],
}}))
"""


def is_postgres(url):
    return url.startswith(("postgres://", "postgresql://", "pgsql://"))


def database_is_as_migrated():
    """False once a transactional test has flushed it (the root page, locales... are gone)."""
    from wagtail.models import Locale, Page

    return Page.objects.filter(depth=1).exists() and Locale.objects.exists()


@contextmanager
def portal_database(tmp_dir):
    """(DATABASE_URL, migrated) for the portal's own database, removed afterwards.

    A copy of the test database pytest-django migrated, when it is still as migrations left it:
    the portal need not run `migrate` (tens of seconds). Otherwise an empty database, to
    migrate. Call it between tests, outside their transactions, with database access allowed.
    """
    migrated = database_is_as_migrated()
    url = os.environ.get("DATABASE_URL", "")
    if not is_postgres(url):
        path = tmp_dir / "portal.sqlite3"
        if migrated:
            with sqlite3.connect(path) as copy:
                connection.connection.backup(copy)
        yield f"sqlite:///{path}", migrated
        return
    import psycopg

    parts = urlsplit(url)
    name = f"portal_concurrency_{secrets.token_hex(4)}"
    server = urlunsplit(parts._replace(path="/postgres"))
    # PostgreSQL copies a template database only while nobody is connected to it.
    template = f' TEMPLATE "{connection.settings_dict["NAME"]}"' if migrated else ""
    connection.close()
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"{template}')
        try:
            yield urlunsplit(parts._replace(path=f"/{name}")), migrated
        finally:
            admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


class Portal:
    """The database, static files and environment every server of one test module shares."""

    def __init__(self, database_url, tmp_dir, migrated=False):
        self.tmp_dir = tmp_dir
        self.env = {
            key: value
            for key, value in os.environ.items()
            if key not in {"SEARCH_URL", "DJANGO_SETTINGS_MODULE", "PYTEST_XDIST_WORKER"}
        } | {
            "DJANGO_SETTINGS_MODULE": "portal.settings.production",
            "SECRET_KEY": SECRET_KEY,
            "ALLOWED_HOSTS": "127.0.0.1",
            "SECURE_SSL_REDIRECT": "false",
            "DATABASE_URL": database_url,
            "CACHE_URL": "db://portal_cache",
            "STATIC_ROOT": str(tmp_dir / "static"),
            "MEDIA_ROOT": str(tmp_dir / "media"),
        }
        if not migrated:
            self.manage("migrate", "--no-input", "-v0")
        self.site = json.loads(self.shell(SEED.format(username=EDITOR[0], password=EDITOR[1])))

    def manage(self, *args, **env):
        done = subprocess.run(
            [BIN / "python", "manage.py", *args],
            cwd=REPO,
            env=self.env | env,
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert done.returncode == 0, done.stderr[-3000:]
        return done.stdout

    def shell(self, code):
        """What `code` prints, run by `manage.py shell` against this portal's database."""
        return self.manage("shell", "--no-imports", "-c", code)

    @contextmanager
    def serve(self, workers=2, threads=1, **env):
        """gunicorn on a free port of 127.0.0.1; yields its base URL and access log."""
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        log = self.tmp_dir / f"gunicorn-{port}.log"
        access = self.tmp_dir / f"access-{port}.log"
        command = [
            BIN / "gunicorn",
            "portal.wsgi",
            f"--bind=127.0.0.1:{port}",
            f"--workers={workers}",
            f"--threads={threads}",
            "--timeout=120",
            f"--access-logfile={access}",
            # The worker's pid first: tests check which workers answered.
            '--access-logformat=%(p)s %(s)s "%(r)s"',
        ]
        with open(log, "w") as output:
            server = subprocess.Popen(
                command, cwd=REPO, env=self.env | env, stdout=output, stderr=subprocess.STDOUT
            )
        base = f"http://127.0.0.1:{port}"
        try:
            wait_until_serving(base + self.site["path"], server, log)
            yield Served(base, access, log)
        finally:
            server.terminate()
            server.wait(timeout=30)


class Served:
    def __init__(self, base, access_log, error_log):
        self.base, self.access_log, self.error_log = base, access_log, error_log

    def workers_by_status(self, method="POST"):
        """{status: set of worker pids} for the requests with this method so far."""
        answered = {}
        for line in self.access_log.read_text().splitlines():
            pid, status, request = line.split(" ", 2)
            if request.startswith(f'"{method} '):
                answered.setdefault(int(status), set()).add(pid)
        return answered


def wait_until_serving(url, server, log, seconds=90):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert server.poll() is None, f"gunicorn exited:\n{log.read_text()[-3000:]}"
        try:
            if requests.get(url, timeout=30).status_code == 200:
                return
        except (requests.ConnectionError, requests.Timeout):
            pass
        time.sleep(0.3)
    raise AssertionError(f"gunicorn did not answer {url} in {seconds}s:\n{log.read_text()}")


class Browser:
    """Cookies kept by hand: production marks them Secure, and this server speaks plain HTTP,
    so `requests` would (rightly) not send them back by itself."""

    def __init__(self, base, cookies=None):
        self.base = base
        self.cookies = dict(cookies or {})

    def request(self, method, path, **kwargs):
        response = requests.request(
            method,
            self.base + path,
            cookies=self.cookies,
            allow_redirects=False,
            timeout=120,
            **kwargs,
        )
        self.cookies.update(response.cookies.get_dict())
        return response

    def form(self, path, selector="form"):
        """The fields a browser would send from the page's form, as (name, value) pairs."""
        html = BeautifulSoup(self.request("GET", path).text, "html.parser")
        form = html.select_one(selector)
        # Fields may sit outside the form element and join it by its id (Wagtail's side panels).
        outside = html.select(f'[form="{form["id"]}"]') if form.get("id") else []
        return form_fields(form.find_all(["input", "textarea", "select"]) + outside)


def form_fields(elements):
    fields = []
    for field in elements:
        name = field.get("name")
        kind = field.get("type", "text")
        if not name or field.has_attr("disabled"):
            continue
        if field.name == "textarea":
            fields.append((name, field.text))
        elif field.name == "select":
            fields += [
                (name, o.get("value", o.text)) for o in field.find_all("option", selected=True)
            ]
        elif kind in {"checkbox", "radio"}:
            if field.has_attr("checked"):
                fields.append((name, field.get("value", "on")))
        elif kind not in {"submit", "button", "file", "image", "reset"}:
            fields.append((name, field.get("value", "")))
    return fields
