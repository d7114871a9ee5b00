"""Render benchmark: uncached, in-process page renders, as production settings serve them.

    .venv/bin/python bench/render.py                 # demo pages, then the 1,000-listing directory
    .venv/bin/python bench/render.py --rounds 200    # more samples per page
    .venv/bin/python bench/render.py --fresh         # rebuild the databases first

Each page is requested through Django's test client (the whole middleware stack, routing, the
view and its templates) with production settings: DEBUG off, the cached template loader, an
in-memory cache for the application's own caches (labels, site root paths), no HTTP cache in
front; first with every part of the page rendered on each request (the goal), then with
the parts production keeps between requests (home/fragments.py). After two warm-up requests
each page is requested `--rounds` times; the script prints p50 and p95 in milliseconds (wall
time, and this process's CPU time, which a loaded machine disturbs less) and the SQL queries
of one request. Goals (issue 11): p95 <= 30 ms for
home, article, listing and directory with the demo, <= 60 ms for the directory with 1,000
listings (paginated).

Databases (never the dev database): build/bench/render-demo.sqlite3 holds the five-language
demo (migrate + load_demo); build/bench/render-1000.sqlite3 is a copy of it with English
listings added by the directory factories up to 1,000. Both are kept for the next run
(`--fresh` rebuilds them). Each size runs in its own process, because Django reads its
settings once. Not a test: figures depend on the machine; compare runs on the same machine.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # before bench/, whose search.py would shadow the search app
BUILD = ROOT / "build" / "bench"
DEMO_DB = BUILD / "render-demo.sqlite3"
LARGE_DB = BUILD / "render-1000.sqlite3"
LARGE = 1000

DEMO_PAGES = [
    ("home", "/en/"),
    ("home (es)", "/es/"),
    ("article", "/en/articles/what-is-mutual-aid/"),
    ("listing", "/en/directory/seattle-request-support-form/"),
    ("directory", "/en/directory/"),
    ("directory (es)", "/es/directory/"),
]
LARGE_PAGES = [
    ("directory, 1,000 listings", "/en/directory/"),
    ("directory, 1,000, page 50", "/en/directory/?page=50"),
    ("directory, 1,000 (am)", "/am/directory/"),
]


def say(line):
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def environment(database, fragment_seconds=0):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": os.environ.get("SECRET_KEY", "bench-only-not-a-secret"),
        "ALLOWED_HOSTS": "testserver",
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": f"sqlite:///{database}",
        "CACHE_URL": "locmem://",
        # 0: every part rendered on every request (the goal's "uncached"); else the parts kept
        # between requests (home/fragments.py), as production runs.
        "FRAGMENT_CACHE_SECONDS": str(fragment_seconds),
        "STATIC_ROOT": str(BUILD / "static"),
        "LOG_LEVEL": "WARNING",
        "PYTHONPATH": str(ROOT),
    }


def run_step(database, *args, fragment_seconds=0):
    """This script again, in a fresh process set up for `database`."""
    command = [sys.executable, __file__, *args, "--database", str(database)]
    environment_ = environment(database, fragment_seconds)
    subprocess.run(command, check=True, cwd=ROOT, env=environment_)


def build(fresh):
    BUILD.mkdir(parents=True, exist_ok=True)
    if fresh or not DEMO_DB.exists():
        DEMO_DB.unlink(missing_ok=True)
        started = time.perf_counter()
        run_step(DEMO_DB, "--step", "load-demo")
        say(f"built {DEMO_DB.relative_to(ROOT)} in {time.perf_counter() - started:.0f} s")
    if fresh or not LARGE_DB.exists():
        shutil.copyfile(DEMO_DB, LARGE_DB)
        started = time.perf_counter()
        run_step(LARGE_DB, "--step", "add-listings")
        say(f"built {LARGE_DB.relative_to(ROOT)} in {time.perf_counter() - started:.0f} s")
    # Production settings serve static files through their manifest: build it once.
    if fresh or not (BUILD / "static" / "staticfiles.json").exists():
        run_step(DEMO_DB, "--step", "collect-static")


# --- Steps run inside a Django process ------------------------------------------------------


def load_demo():
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0)


def collect_static():
    from django.core.management import call_command

    call_command("collectstatic", interactive=False, verbosity=0)


def add_listings():
    from itertools import cycle

    from wagtail.models import Locale

    from directory.factories import GroupPageFactory
    from directory.models import Area, DirectoryIndexPage, Language, ListingPage, Need

    english = Locale.objects.get(language_code="en")
    directory = DirectoryIndexPage.objects.get(locale=english)
    needs = cycle(Need.objects.filter(locale=english).order_by("slug"))
    areas = cycle(Area.objects.filter(locale=english).order_by("slug"))
    languages = cycle(Language.objects.filter(locale=english).order_by("code"))
    missing = LARGE - ListingPage.objects.filter(locale=english).count()
    for n in range(missing):
        GroupPageFactory(
            parent=directory,
            title=f"Neighbourhood group {n:04}",
            slug=f"neighbourhood-group-{n:04}",
            summary="Neighbours sharing groceries, rides and errands.",
            needs=[next(needs), next(needs)],
            areas=[next(areas)],
            languages=[next(languages), next(languages)],
        )


def measure(pages, rounds):
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    rows = []
    for name, url in pages:
        for _ in range(2):  # warm-up: templates compiled, caches filled, as in a running server
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        count = len(queries.captured_queries)  # now: the next request clears the log
        times, cpu = [], []
        for _ in range(rounds):
            started, started_cpu = time.perf_counter(), time.process_time()
            client.get(url)
            times.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - started_cpu) * 1000)
        rows.append((name, url, *percentiles(times), *percentiles(cpu), count))
    for name, url, p50, p95, cpu50, cpu95, count in rows:
        say(f"{name:28} {p50:7.1f} {p95:7.1f} {cpu50:7.1f} {cpu95:7.1f} {count:8d}   {url}")


def percentiles(values):
    return statistics.median(values), statistics.quantiles(values, n=20)[-1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=100)
    parser.add_argument("--fresh", action="store_true", help="rebuild the bench databases")
    parser.add_argument("--step", help=argparse.SUPPRESS)
    parser.add_argument("--database", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.step:  # inside the process `run_step` started
        import django

        django.setup()
        if args.step == "load-demo":
            load_demo()
        elif args.step == "add-listings":
            add_listings()
        elif args.step == "collect-static":
            collect_static()
        else:
            measure(DEMO_PAGES if args.step == "measure-demo" else LARGE_PAGES, args.rounds)
        return

    build(args.fresh)
    # Wall time, and the CPU time of this process (steadier on a shared, loaded machine).
    columns = ["p50 ms", "p95 ms", "cpu p50", "cpu p95"]
    header = f"{'page':28} " + " ".join(f"{c:>7}" for c in columns) + f" {'queries':>8}   URL"
    for title, seconds in (("Uncached: every part rendered", 0), ("Parts kept (production)", 600)):
        say(f"\n{title}\n{header}")
        for database, step in ((DEMO_DB, "measure-demo"), (LARGE_DB, "measure-large")):
            rounds = ["--rounds", str(args.rounds)]
            run_step(database, "--step", step, *rounds, fragment_seconds=seconds)


if __name__ == "__main__":
    main()
