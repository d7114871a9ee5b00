"""Fault test under load: the search node dies mid-run and comes back; readers never notice.

A real deployment in miniature: gunicorn with production settings and two workers, sharing
Django's database cache (where the search circuit breaker lives), in front of an OpenSearch
node of this test's own (scripts/search-node/node.sh with SEARCH_NODE_INSTANCE, so the shared
test node is never touched). Threads search the JSON API for a bounded time while the node is
stopped, a page is unpublished during the outage, and the node is started again. Then:

- no search failed: every answer is a 200 with results;
- the page unpublished during the outage is never in an answer to a search begun after it;
- within RECOVERY_SECONDS of the node answering again, every worker answers from the cluster
  (workers are told apart by gunicorn's access log, which logs each request's pid);
- the index itself healed: the missed unpublish was replayed, not only filtered out.
"""

import itertools
import json
import os
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import pytest

from .conftest import require_cluster

pytestmark = pytest.mark.cluster

ROOT = Path(__file__).resolve().parents[2]
NODE_SCRIPT = ROOT / "scripts" / "search-node" / "node.sh"
PYTHON = Path(sys.executable)
GUNICORN = PYTHON.parent / "gunicorn"
QUERY = "food"
COOL_DOWN = 1  # SEARCH_COOL_DOWN for the workers
RECOVERY_SECONDS = 5  # every worker is back on the cluster this soon after the node answers
THREADS = 4

SEED = """
import json
from django.core.management import call_command
from wagtail.models import Page, Site
from directory.factories import DirectoryIndexPageFactory, GroupPageFactory, NeedFactory
from home.factories import HomePageFactory

home = HomePageFactory(parent=Page.get_first_root_node(), slug="portal-home")
site = Site.objects.get(is_default_site=True)
site.root_page = home
site.save()
directory = DirectoryIndexPageFactory(parent=home)
food = NeedFactory(slug="food", name="Food")
pages = {}
for title in ("Food bank on Rainier", "Community food pantry", "Hot food delivery"):
    page = GroupPageFactory(
        parent=directory, title=title, summary=f"{title}: free food for neighbours.", needs=[food]
    )
    page.save_revision().publish()
    pages[title] = page.pk
call_command("search_rebuild", verbosity=0)
print(json.dumps(pages))
"""

UNPUBLISH = """
from wagtail.models import Page
from search.models import PendingIndexUpdate
Page.objects.get(pk={pk}).specific.unpublish()
print(PendingIndexUpdate.objects.filter(page_id={pk}).count())
"""


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Node:
    """A search node of this test's own, on the shared installation."""

    def __init__(self):
        self.name = f"fault-{uuid.uuid4().hex[:8]}"
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {
            **os.environ,
            "SEARCH_NODE_INSTANCE": self.name,
            "SEARCH_NODE_PORT": str(self.port),
            "SEARCH_NODE_HEAP": "256m",
        }

    def run(self, command, timeout=240):
        done = subprocess.run(
            [str(NODE_SCRIPT), command],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        assert done.returncode == 0, f"node.sh {command} failed:\n{done.stderr[-3000:]}"
        return done

    def start_in_background(self):
        return subprocess.Popen(
            [str(NODE_SCRIPT), "start"],
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    def remove(self):
        """Stop it and delete its folder (data, logs, config)."""
        self.run("clean")


@pytest.fixture
def node():
    require_cluster()  # where no node can run (no Java), skip locally; CI always has one
    node = Node()
    yield node
    node.remove()


@pytest.fixture
def site_env(tmp_path, node):
    """The environment of a production deployment on a throwaway SQLite database."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DATABASE_", "CACHE_", "SEARCH_", "DJANGO_"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY="fault-test-" + uuid.uuid4().hex,
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="false",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        MEDIA_ROOT=str(tmp_path / "media"),
        STATIC_ROOT=str(tmp_path / "static"),
        SEARCH_URL=node.url,
        SEARCH_INDEX_PREFIX=f"fault-{uuid.uuid4().hex[:8]}",
        SEARCH_COOL_DOWN=str(COOL_DOWN),
    )
    return env


def manage(env, *args, script=None, timeout=300):
    done = subprocess.run(
        [str(PYTHON), "manage.py", *args],
        input=script,
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert done.returncode == 0, f"manage.py {' '.join(args)} failed:\n{done.stderr[-3000:]}"
    return done.stdout


@pytest.fixture
def server(tmp_path, site_env, node):
    """Migrated and seeded site, indexed on the node, served by gunicorn (2 workers)."""
    starting = node.start_in_background()  # ~15 s: migrate meanwhile
    manage(site_env, "migrate", "--no-input")
    _out, err = starting.communicate(timeout=240)
    assert starting.returncode == 0, f"the search node did not start:\n{err[-3000:]}"
    pages = json.loads(manage(site_env, "shell", script=SEED).strip().splitlines()[-1])

    port = free_port()
    access_log = tmp_path / "access.log"
    errors = open(tmp_path / "gunicorn.log", "w")
    gunicorn = subprocess.Popen(
        [
            str(GUNICORN),
            "portal.wsgi",
            "--workers=2",
            f"--bind=127.0.0.1:{port}",
            f"--access-logfile={access_log}",
            "--access-logformat=%(p)s %(q)s %(s)s",
            "--timeout=60",
        ],
        env=site_env,
        cwd=ROOT,
        stdout=errors,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                if search(base, 0)["status"] == 200:
                    break
            except OSError:
                pass
            assert time.monotonic() < deadline, (tmp_path / "gunicorn.log").read_text()[-3000:]
            time.sleep(0.5)
        yield {"url": base, "pages": pages, "access_log": access_log, "env": site_env}
    finally:
        gunicorn.terminate()
        gunicorn.wait(timeout=30)
        errors.close()


def search(base, seq):
    """One API search; `n` tells requests apart in the access log (the form ignores it)."""
    url = f"{base}/api/v1/search/?q={QUERY}&n={seq}"
    try:
        with urllib.request.urlopen(url, timeout=20) as response:
            return {"status": response.status, **json.load(response)}
    except urllib.error.HTTPError as error:
        return {"status": error.code}


def worker_of_request(access_log):
    """seq -> gunicorn worker pid, from the access log lines "<pid> q=food&n=<seq> 200"."""
    workers = {}
    for line in access_log.read_text().splitlines():
        match = re.match(r"<?(\d+)>? \S*\bn=(\d+)", line)
        if match:
            workers[int(match.group(2))] = int(match.group(1))
    return workers


def test_search_survives_the_node_dying_and_returns_to_it(server, node, record_property):
    answers, stop, counter = [], threading.Event(), itertools.count(1)

    def reader():
        while not stop.is_set():
            seq, started = next(counter), time.monotonic()
            try:
                answer = search(server["url"], seq)
            except OSError as error:  # refused, reset, timed out: all count as failures
                answer = {"status": f"error: {error}"}
            answers.append({**answer, "seq": seq, "started": started})

    threads = [threading.Thread(target=reader) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    try:
        time.sleep(3)
        node.run("stop")
        time.sleep(2)
        hidden_title, hidden_pk = next(iter(server["pages"].items()))
        queued = manage(server["env"], "shell", script=UNPUBLISH.format(pk=hidden_pk))
        unpublished_at = time.monotonic()
        node.run("start")
        healthy_at = time.monotonic()
        time.sleep(RECOVERY_SECONDS + 4)
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=30)

    failed = [a for a in answers if a["status"] != 200 or not a.get("results")]
    assert failed == [], f"{len(failed)} of {len(answers)} searches failed, e.g. {failed[:3]}"
    assert int(queued.strip().splitlines()[-1]) == 1  # the outage's unpublish was queued

    def titles(answer):
        return {result["title"] for result in answer["results"]}

    leaked = [
        a["seq"] for a in answers if a["started"] > unpublished_at and hidden_title in titles(a)
    ]
    assert leaked == [], f"the page unpublished during the outage came back in {leaked}"
    # The fault really happened: the cluster answered before, the database during the outage.
    assert {a["backend"] for a in answers if a["started"] < unpublished_at} == {
        "cluster",
        "database",
    }

    workers = worker_of_request(server["access_log"])
    off_cluster = [a["started"] for a in answers if a["backend"] != "cluster"]
    summary = {
        "searches": len(answers),
        "database_answers": len(off_cluster),
        "back_on_cluster_after_s": round(max(off_cluster) - healthy_at, 1),
        "workers": len(set(workers.values())),
    }
    record_property("fault_summary", summary)
    sys.stderr.write(f"fault test: {summary}\n")
    after = [a for a in answers if a["started"] > healthy_at + RECOVERY_SECONDS]
    late = [(a["seq"], a["backend"]) for a in after if a["backend"] != "cluster"]
    assert late == [], f"still off the cluster {RECOVERY_SECONDS} s after it was back: {late}"
    back_on_cluster = {workers.get(a["seq"]) for a in after} - {None}
    assert len(back_on_cluster) == 2, f"answers after recovery came from workers {back_on_cluster}"

    # The index healed: the missed unpublish was replayed, not just filtered at query time.
    prefix = server["env"]["SEARCH_INDEX_PREFIX"]
    with pytest.raises(urllib.error.HTTPError) as missing:
        urllib.request.urlopen(f"{node.url}/{prefix}-pages/_doc/{hidden_pk}", timeout=10)
    assert missing.value.code == 404
