"""Many writers at once, on a real server: nothing half-saved, no "database is locked".

gunicorn with production settings and the shared database cache serves a database of its own
(SQLite here; PostgreSQL when DATABASE_URL names one, as in CI's second run):
- 200 simultaneous suggestions with needs and areas give 200 complete rows and no 5xx;
- an editor publishes while autosave keeps saving drafts of the same page: no 5xx, and the
  page is live with what was published;
- the rate limit is one count for all workers, invalid posts included.

Select these with `-m concurrency`.
"""

import json
import os
import random
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

from django.urls import reverse

import pytest

from .portal_server import EDITOR, Browser, Portal, portal_database

# django_db: pytest-django then runs these tests with the other non-transactional ones, before
# any transactional test flushes the test database, which the portal's database is a copy of.
pytestmark = [pytest.mark.concurrency, pytest.mark.django_db]

SIMULTANEOUS = 200
# The database cache always; Redis too when CACHE_URL names one (.ci/run starts one).
SHARED_CACHES = ["db://portal_cache"]
if os.environ.get("CACHE_URL", "").startswith("redis://"):
    SHARED_CACHES.append(os.environ["CACHE_URL"])

SUGGESTION = {
    "kind": "group",
    "summary": "Free groceries on Saturdays.",
    "website": "https://pantry.example.org/",
    "how_to_reach": "",
    "contact_email": "",
    "nickname": "",
}

# Runs in `manage.py shell` against the server's database.
STORED = """
import json
from suggestions.models import ListingSuggestion
rows = ListingSuggestion.objects.filter(name__startswith="Pantry ")
rows = rows.prefetch_related("needs", "areas")
print(json.dumps({
    s.name: [sorted(n.pk for n in s.needs.all()), sorted(a.pk for a in s.areas.all())] for s in rows
}))
"""


@pytest.fixture(scope="module")
def portal(tmp_path_factory, django_db_setup, django_db_blocker):
    tmp_dir = tmp_path_factory.mktemp("portal")
    with django_db_blocker.unblock(), portal_database(tmp_dir) as (database_url, migrated):
        with django_db_blocker.block():  # the tests talk to the portal, not to this database
            yield Portal(database_url, tmp_dir, migrated)


def suggestion_form(served, path):
    """The CSRF cookie and token, fetched once the way a browser would."""
    browser = Browser(served.base)
    token = dict(browser.form(path, "form.public-form"))["csrfmiddlewaretoken"]
    return browser.cookies, token


def post_all(served, path, posts, cookies, headers=None):
    """Send every post at the same moment, one thread each; returns the responses."""
    start = threading.Barrier(len(posts))

    def send(data):
        start.wait()
        return Browser(served.base, cookies).request("POST", path, data=data, headers=headers or {})

    with ThreadPoolExecutor(max_workers=len(posts)) as pool:
        return list(pool.map(send, posts))


def test_simultaneous_suggestions_are_all_stored_whole(portal):
    site = portal.site
    with portal.serve(workers=3, threads=4, SUGGESTIONS_RATE_LIMIT="1000") as served:
        cookies, token = suggestion_form(served, site["path"])
        posts = [
            SUGGESTION
            | {
                "name": f"Pantry {n}",
                "needs": site["needs"],
                "areas": site["areas"],
                "csrfmiddlewaretoken": token,
            }
            for n in range(SIMULTANEOUS)
        ]
        statuses = Counter(r.status_code for r in post_all(served, site["path"], posts, cookies))
        errors = served.error_log.read_text()

    assert statuses == {302: SIMULTANEOUS}, (statuses, errors[-3000:])
    stored = json.loads(portal.shell(STORED))
    assert sorted(stored) == sorted(f"Pantry {n}" for n in range(SIMULTANEOUS))
    complete = [sorted(site["needs"]), sorted(site["areas"])]
    assert [name for name, related in stored.items() if related != complete] == []


def test_publish_while_autosave_saves_drafts(portal):
    edit_path = reverse("wagtailadmin_pages:edit", args=[portal.site["page_id"]])
    with portal.serve(workers=2, threads=4) as served:
        editor = Browser(served.base)
        login = dict(editor.form(reverse("wagtailadmin_login")))
        login |= {"username": EDITOR[0], "password": EDITOR[1]}
        signed_in = editor.request("POST", reverse("wagtailadmin_login"), data=login)
        assert signed_in.headers["Location"] == reverse("wagtailadmin_home")

        answers, stop = [], threading.Event()
        autosave = threading.Thread(
            target=autosave_until, args=(editor, edit_path, stop, answers), daemon=True
        )
        autosave.start()
        published = []
        try:
            for attempt in range(3):
                wait_for_more(answers, 2)  # autosave is running
                title = f"Suggest a listing, published {attempt}"
                fields = with_title(editor.form(edit_path, "form#page-edit-form"), title)
                response = editor.request(
                    "POST", edit_path, data=fields + [("action-publish", "action-publish")]
                )
                published.append((title, response.status_code))
                public = editor.request("GET", portal.site["path"]).text
                assert f"<h1>{title}</h1>" in public, response.text[-2000:]
        finally:
            stop.set()
            autosave.join(timeout=60)

    assert [status for _, status in published] == [302, 302, 302]
    assert [status for status in answers if status >= 500] == []
    assert answers.count(200) >= 6  # the drafts really were saved alongside


def autosave_until(editor, edit_path, stop, answers):
    """What Wagtail's autosave does: post the edit form as JSON, overwriting its own revision."""
    fields, own_revision, n = None, None, 0
    while not stop.is_set():
        n += 1
        if fields is None:  # (re)load the editor, as after a conflict
            fields, own_revision = editor.form(edit_path, "form#page-edit-form"), None
        data = with_title(fields, f"Draft {n}")
        if own_revision:
            data.append(("overwrite_revision_id", own_revision))
        response = editor.request(
            "POST", edit_path, data=data, headers={"Accept": "application/json"}
        )
        answers.append(response.status_code)
        if response.status_code == 200 and response.json().get("success"):
            own_revision = str(response.json()["revision_id"])
        else:  # a newer revision was published: Wagtail refuses to overwrite it
            fields = None


def with_title(fields, title):
    return [(name, title if name == "title" else value) for name, value in fields]


def wait_for_more(answers, count, seconds=60):
    """Until `count` more answers have arrived."""
    target, deadline = len(answers) + count, time.monotonic() + seconds
    while len(answers) < target:
        assert time.monotonic() < deadline, "autosave stopped answering"
        time.sleep(0.05)


@pytest.mark.parametrize("cache_url", SHARED_CACHES)
def test_rate_limit_is_shared_by_all_workers(portal, cache_url):
    """Limit 5: three invalid and two valid posts use it up, then every worker answers 429."""
    site = portal.site
    limit = {"SUGGESTIONS_RATE_LIMIT": "5", "TRUSTED_PROXY_COUNT": "1", "CACHE_URL": cache_url}
    with portal.serve(workers=2, threads=1, **limit) as served:
        cookies, token = suggestion_form(served, site["path"])
        valid = SUGGESTION | {"name": "Limited", "csrfmiddlewaretoken": token}
        # Behind one trusted proxy the client is the address it forwarded: a new one each run,
        # since a Redis server outlives the test.
        address = f"198.18.{random.randrange(256)}.{random.randrange(1, 255)}"
        client = {"X-Forwarded-For": address}
        first = post_all(
            served, site["path"], [valid | {"name": ""}] * 3 + [valid] * 2, cookies, client
        )
        assert sorted(r.status_code for r in first) == [302, 302, 400, 400, 400]

        refused = []
        for _ in range(10):  # until both workers have refused some
            refused += post_all(served, site["path"], [valid] * 6, cookies, client)
            if len(served.workers_by_status().get(429, ())) == 2:
                break
        another_client = post_all(
            served,
            site["path"],
            [valid],
            cookies,
            {"X-Forwarded-For": address.replace("198.18.", "198.19.")},
        )
        by_status = served.workers_by_status()

    assert {r.status_code for r in refused} == {429}
    assert "Please wait an hour" in refused[0].text
    assert len(by_status[429]) == 2, by_status
    assert another_client[0].status_code == 302
