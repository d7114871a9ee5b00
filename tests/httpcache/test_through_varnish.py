"""Through the real cache: Varnish (deploy/varnish/default.vcl) in front of gunicorn with
production settings. A page is served from the cache; an editor publishes a change in the
admin; within 2 s every language's URL of it shows the change through the cache.

Runs with the other multi-process tests (`-m concurrency`); needs Debian's varnish
(`sudo scripts/varnish/varnish.sh install`), which CI installs.
"""

import json
import os
import shutil
import socket
import subprocess
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

from django.urls import reverse

import pytest
import requests

from tests.conftest import skip_or_fail_in_ci
from tests.suggestions.portal_server import EDITOR, Browser, Portal, portal_database

pytestmark = [pytest.mark.concurrency, pytest.mark.django_db]

REPO = Path(__file__).resolve().parents[2]
VARNISH = REPO / "scripts" / "varnish" / "varnish.sh"
LANGUAGES = ["en", "es", "vi", "am", "ti"]
VISIBLE_WITHIN = 2.0  # seconds, the goal
NEW_TITLE = "Rainier Community Pantry"

# Runs in `manage.py shell` against the portal's database: five languages, a directory
# translated into Spanish, and one English listing that every language shows (Spanish in its
# translated directory, the others through the English stand-in under their own prefix).
SITE = """
import json
from wagtail.models import Locale, Page, Site
from directory.factories import DirectoryIndexPageFactory, GroupPageFactory
from tests.helpers import translate
for code in {languages!r}:
    Locale.objects.get_or_create(language_code=code)
site = Site.objects.get(is_default_site=True)
home = site.root_page.specific
directory = DirectoryIndexPageFactory(parent=home, slug="directory")
translate(home, "es")
translate(directory, "es", slug="directorio")
listing = GroupPageFactory(parent=directory, slug="pantry", title="Rainier Pantry")
print(json.dumps({{"listing_id": listing.pk}}))
"""

# The Site names the address readers use (the cache's), so purges name the URLs it keeps.
SITE_ADDRESS = """
from wagtail.models import Site
site = Site.objects.get(is_default_site=True)
site.hostname, site.port = "127.0.0.1", {port}
site.save()  # save(), not update(): Wagtail then forgets the site root paths it cached
"""


@pytest.fixture(scope="module")
def portal(tmp_path_factory, django_db_setup, django_db_blocker):
    if not (shutil.which("varnishd") or Path("/usr/sbin/varnishd").exists()):
        skip_or_fail_in_ci("varnishd is missing: run `sudo scripts/varnish/varnish.sh install`")
    tmp_dir = tmp_path_factory.mktemp("httpcache")
    with django_db_blocker.unblock(), portal_database(tmp_dir) as (database_url, migrated):
        with django_db_blocker.block():
            portal = Portal(database_url, tmp_dir, migrated)
            portal.site |= json.loads(portal.shell(SITE.format(languages=LANGUAGES)))
            yield portal


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def varnish_in_front(portal, port, backend_base):
    """Varnish on `port`, fronting `backend_base`, with the deployable VCL; yields its URL."""
    # Not under pytest's private temporary folder: as root, varnishd works as the `varnish` user.
    work_dir = Path(tempfile.mkdtemp(prefix="portal-varnish-"))
    work_dir.chmod(0o755)
    env = os.environ | {
        "VARNISH_DIR": str(work_dir),
        "VARNISH_PORT": str(port),
        "VARNISH_BACKEND": backend_base.removeprefix("http://"),
    }
    started = subprocess.run(
        [VARNISH, "start"], env=env, capture_output=True, text=True, timeout=60
    )
    assert started.returncode == 0, started.stderr
    try:
        assert started.stdout.strip() == f"http://127.0.0.1:{port}", "the port was taken"
        yield started.stdout.strip()
    finally:
        subprocess.run([VARNISH, "stop"], env=env, timeout=60, check=True)
        shutil.rmtree(work_dir, ignore_errors=True)


@contextmanager
def cached_portal(portal):
    """gunicorn (production settings, purging the cache) behind Varnish; yields the cache's URL."""
    port = free_port()
    portal.shell(SITE_ADDRESS.format(port=port))
    purging = {"FRONTEND_CACHE_URL": f"http://127.0.0.1:{port}", "TASKS_BACKEND": "immediate"}
    with portal.serve(workers=2, threads=2, **purging) as served:
        with varnish_in_front(portal, port, served.base) as cache:
            yield cache


def reader_get(cache, path, **headers):
    return requests.get(cache + path, headers=headers, allow_redirects=False, timeout=30)


def test_pages_are_served_from_the_cache_whatever_cookies_a_reader_carries(portal):
    with cached_portal(portal) as cache:
        first = reader_get(cache, "/en/directory/pantry/")
        again = reader_get(cache, "/en/directory/pantry/")
        # A reader whose browser holds a CSRF cookie (from a form) or someone else's cookie.
        with_cookies = reader_get(
            cache, "/en/directory/pantry/", Cookie="csrftoken=abc; _ga=GA1.2.3"
        )
        etag = {"If-None-Match": first.headers["ETag"]}
        revalidated = reader_get(cache, "/en/directory/pantry/", **etag)

    assert "Rainier Pantry" in first.text
    assert first.headers["X-Cache"] == "MISS"
    assert again.headers["X-Cache"] == "HIT"
    assert again.text == first.text
    assert int(again.headers["Age"]) >= 0
    assert with_cookies.headers["X-Cache"] == "HIT"
    assert revalidated.status_code == 304


def test_the_admin_and_the_forms_pass_through_to_the_portal(portal):
    path = portal.site["path"]
    with cached_portal(portal) as cache:
        form = [reader_get(cache, path) for _ in range(2)]
        login = [reader_get(cache, reverse("wagtailadmin_login")) for _ in range(2)]
        # A reader who read cached pages first, then sends the form: their CSRF token holds.
        reader = Browser(cache)
        reader.request("GET", "/en/directory/pantry/")
        fields = dict(reader.form(path, "form.public-form"))
        fields |= {"name": "Beacon Hill Pantry", "kind": "group", "summary": "Free groceries."}
        sent = reader.request("POST", path, data=fields)

    # Never a stored copy: the portal marked the form private, the VCL passes the admin.
    assert [r.headers["X-Cache"] for r in form] == ["PASS", "PASS"]
    # Each reader gets their own CSRF token: the form page was not shared.
    tokens = {r.cookies.get("csrftoken") for r in form}
    assert len(tokens) == 2 and None not in tokens
    assert [r.headers["X-Cache"] for r in login] == ["PASS", "PASS"]
    assert sent.status_code == 302, sent.text[-2000:]
    assert sent.headers["Location"].endswith("/thanks/")


def test_a_published_change_shows_in_every_language_through_the_cache_within_2s(portal):
    # The listing is English only: each language serves it under its own prefix.
    listings = [f"/{code}/directory/pantry/" for code in LANGUAGES]
    directories = [f"/{code}/directory/" for code in LANGUAGES if code != "es"]
    # A query-string variant too: the purge of /en/directory/ bans it along (the VCL).
    paths = listings + directories + ["/es/directorio/", "/en/directory/?page=1"]
    edit_path = reverse("wagtailadmin_pages:edit", args=[portal.site["listing_id"]])
    with cached_portal(portal) as cache:
        for path in paths:  # fill the cache, then check every copy is a hit
            assert "Rainier Pantry" in reader_get(cache, path).text, path
        hits = {path: reader_get(cache, path).headers["X-Cache"] for path in paths}
        assert hits == dict.fromkeys(paths, "HIT")

        editor = Browser(cache)  # the editor goes through the cache too (it passes them on)
        login = dict(editor.form(reverse("wagtailadmin_login")))
        login |= {"username": EDITOR[0], "password": EDITOR[1]}
        assert editor.request("POST", reverse("wagtailadmin_login"), data=login).status_code == 302
        fields = editor.form(edit_path, "form#page-edit-form")
        fields = [(n, NEW_TITLE if n == "title" else v) for n, v in fields]
        published = editor.request("POST", edit_path, data=fields + [("action-publish", "1")])
        assert published.status_code == 302, published.text[-2000:]
        done = time.monotonic()

        stale = set(paths)
        while stale and time.monotonic() - done < VISIBLE_WITHIN:
            stale = {p for p in stale if NEW_TITLE not in reader_get(cache, p).text}
        seconds = time.monotonic() - done
        cached_again = {path: reader_get(cache, path).headers["X-Cache"] for path in paths}

    assert stale == set(), f"still old after {seconds:.2f}s: {sorted(stale)}"
    assert set(cached_again.values()) == {"HIT"}  # and cached again afterwards
