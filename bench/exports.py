"""Open-data benchmark: the HSDS export, the CSV and the listings API at 1,000 to 100,000 services.

    .venv/bin/python bench/exports.py                        # 1,000 and 10,000 services
    .venv/bin/python bench/exports.py --sizes 1000,10000,100000
    .venv/bin/python bench/exports.py --reuse                 # keep the content of the last run

Each size has its own SQLite file, build/bench/exports-<size>.sqlite3 (the dev database is never
touched), copied from one migrated empty database (build/bench/exports-empty.sqlite3, made
once: migrating takes minutes on a loaded machine). It holds <size> English listings of the
four kinds, each with two needs, two areas, two languages, an organization and two opening
ranges, half closed on holidays; the needs, areas and languages also have Spanish names.
FOR THE BENCHMARK ONLY, the listing pages are inserted in bulk: the rows of wagtailcore_page
and of each page type's table, with the tree paths treebeard would give them, are written
directly (saving 100,000 pages one by one through Wagtail would take hours). No revisions
are made; every page is live.

Each export is then fetched once through Django's test client (every middleware, the
request's memo), in a process of its own, after one small untimed request: time to the first
byte, total time, bytes, SQL queries (counted, not kept) and peak memory (the growth of the
process's peak resident set, getrusage's ru_maxrss, over what it was before the export).
Not a test: figures depend on the machine and its load (printed with them).
"""

import argparse
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BENCH_DIR = ROOT / "build" / "bench"
EMPTY = BENCH_DIR / "exports-empty.sqlite3"
RESULT = "RESULT "
INSERT_BATCH = 500
EXPORTS = {
    "json en": "/open-data/directory.json",
    "json es": "/open-data/directory.json?locale=es",
    "csv en": "/open-data/directory.csv",
    "api p1": "/open-data/api/listings/?per_page=200",
    "api last": "/open-data/api/listings/?per_page=200&page={last}",
    "api filtered": "/open-data/api/listings/?need=need-0&language=es&per_page=200",
}


def report(line):
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def database(size):
    return BENCH_DIR / f"exports-{size}.sqlite3"


def setup_django(path):
    import django

    os.environ["DATABASE_URL"] = f"sqlite:///{path}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
    django.setup()


def peak_rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


# --- Content (bench only: direct inserts) -----------------------------------------------------
def insert_pages(parent, pages):
    """Page rows first (for their ids), then each table of the page type's inheritance chain,
    with the paths treebeard would give them under `parent`."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection

    from wagtail.models import Page

    start = parent.numchild
    for step, page in enumerate(pages, start=start + 1):
        page.depth = parent.depth + 1
        page.path = Page._get_path(parent.path, page.depth, step)
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.draft_title = page.title
        page.content_type_id = ContentType.objects.get_for_model(type(page)).pk
        page.live, page.has_unpublished_changes = True, False
        page.translation_key = uuid.uuid4()
    page_fields = [f for f in Page._meta.concrete_fields if not f.primary_key]
    model = type(pages[0])
    for first in range(0, len(pages), INSERT_BATCH):
        batch = pages[first : first + INSERT_BATCH]
        rows = [Page(**{f.attname: getattr(p, f.attname) for f in page_fields}) for p in batch]
        Page.objects.bulk_create(rows)
        for page, row in zip(batch, rows, strict=True):
            for parent_model in model._meta.get_parent_list():
                if parent_model is not Page:
                    setattr(page, parent_model._meta.pk.attname, row.pk)
            page.pk = page.page_ptr_id = row.pk
        for table in reversed([model, *model._meta.get_parent_list()]):
            if table is not Page:
                # Django's bulk_create refuses multi-table inheritance; its insert does not.
                fields = table._meta.local_concrete_fields
                table._base_manager._insert(batch, fields=fields, using=connection.alias)
    parent.numchild = start + len(pages)
    Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild)


def build(size):
    from django.db import transaction
    from django.utils import timezone

    from wagtail.models import Locale, Page, Site

    from directory.factories import DirectoryIndexPageFactory
    from directory.models import (
        Area,
        ExternalFormPage,
        GroupPage,
        Holiday,
        HotlinePage,
        Language,
        ListingPage,
        ListingPhone,
        Need,
        OpeningHours,
        Organization,
        ResourcePage,
    )
    from home.factories import HomePageFactory

    rng = random.Random(11)
    now = timezone.now()
    english, spanish = (Locale.objects.get_or_create(language_code=c)[0] for c in ("en", "es"))

    def terms(model, count, value, **extra):
        made = [
            model.objects.create(locale=english, name=f"{model.__name__} {n}", **value(n), **extra)
            for n in range(count)
        ]
        for item in made:
            copy = item.copy_for_translation(spanish)
            copy.name = f"{item.name} (es)"
            copy.save()
        return made

    with transaction.atomic():
        home = HomePageFactory(parent=Page.get_first_root_node(), slug="bench-home")
        Site.objects.filter(is_default_site=True).update(root_page=home)
        directory = DirectoryIndexPageFactory(parent=home)
        needs = terms(Need, 20, lambda n: {"slug": f"need-{n}"})
        areas = terms(Area, 30, lambda n: {"slug": f"area-{n}"})
        languages = terms(Language, 8, lambda n: {"code": f"l{n}" if n else "es"})
        orgs = [
            Organization.objects.create(locale=english, name=f"Org {n}", slug=f"org-{n}")
            for n in range(max(10, size // 20))
        ]
        Holiday.objects.create(date="2026-12-25", name="Christmas")
        kinds = {
            GroupPage: {"how_to_join": "Come to a Sunday meeting."},
            HotlinePage: {"call_about": "Food, rent and health questions."},
            ResourcePage: {"resource_kind": "fund", "how_to_take_part": "Give what you can."},
            ExternalFormPage: {"purpose": "request_support"},
        }
        by_kind = {model: [] for model in kinds}
        for n in range(size):
            model = list(kinds)[n % len(kinds)]
            page = model(
                title=f"Listing {n:06}",
                slug=f"listing-{n}",
                summary="Groceries delivered to your door, once a week.",
                description="<p>Neighbours bring food to neighbours.</p><p>Ask us.</p>",
                locale=english,
                website=f"https://listing-{n}.example.org/",
                organization=rng.choice(orgs),
                closed_on_holidays=n % 2 == 0,
                last_verified_on=now.date(),
                first_published_at=now,
                last_published_at=now,
                **kinds[model],
            )
            page.kind = page.listing_kind
            page.chosen = {
                "needs": rng.sample(needs, 2),
                "areas": rng.sample(areas, 2),
                "languages": rng.sample(languages, 2),
            }
            by_kind[model].append(page)
        for pages in by_kind.values():
            insert_pages(directory, pages)
        listings = [page for pages in by_kind.values() for page in pages]
        for name in ("needs", "areas", "languages"):
            through = getattr(ListingPage, name).through
            target = through._meta.get_field(name[:-1]).attname  # needs -> need_id
            rows = [
                through(listingpage_id=page.pk, **{target: item.pk})
                for page in listings
                for item in page.chosen[name]
            ]
            through.objects.bulk_create(rows, batch_size=INSERT_BATCH * 2)
        hours = [
            OpeningHours(page_id=page.pk, weekday=(n + day) % 7, opens=opens, closes=closes)
            for n, page in enumerate(listings)
            for day, (opens, closes) in enumerate([("09:00", "17:00"), ("18:00", "20:00")])
        ]
        OpeningHours.objects.bulk_create(hours, batch_size=INSERT_BATCH * 2)
        # One fictional phone per listing, as the export carries them (issue 12).
        phones = [
            ListingPhone(page_id=page.pk, number="+12065550100", locale=english, sort_order=0)
            for page in listings
        ]
        ListingPhone.objects.bulk_create(phones, batch_size=INSERT_BATCH * 2)


# --- Measuring --------------------------------------------------------------------------------
def measure(url):
    """One request for `url`, read to its end piece by piece as a server would send it."""
    from django.db import connection
    from django.test import Client

    client = Client()
    client.get("/open-data/api/listings/?per_page=1")  # imports, URL resolver, site root paths
    if "{last}" in url:
        total = client.get("/open-data/api/listings/?per_page=200").json()["total_pages"]
        url = url.format(last=total)
    queries = 0

    def count(execute, sql, params, many, context):
        nonlocal queries
        queries += 1
        return execute(sql, params, many, context)

    before = peak_rss_mb()
    with connection.execute_wrapper(count):
        start = time.perf_counter()
        response = client.get(url)
        assert response.status_code == 200, response.status_code
        first_byte, size = None, 0
        for piece in response.streaming_content if response.streaming else [response.content]:
            first_byte = first_byte or time.perf_counter() - start
            size += len(piece)
        total_s = time.perf_counter() - start
    return {
        "first_byte_s": round(first_byte, 3),
        "total_s": round(total_s, 2),
        "mb": round(size / 1e6, 1),
        "streamed": response.streaming,
        "queries": queries,
        "peak_mb": round(peak_rss_mb() - before, 1),
        "rss_mb": round(peak_rss_mb(), 1),
    }


def child(mode, size, name=None):
    if mode == "migrate":
        setup_django(EMPTY)
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        return
    setup_django(database(size))
    if mode == "build":
        start = time.perf_counter()
        build(size)
        report(RESULT + json.dumps({"build_s": round(time.perf_counter() - start, 1)}))
    else:
        report(RESULT + json.dumps(measure(EXPORTS[name])))


def run_child(*args):
    """Run this script in a child process (one Django per process); its RESULT line."""
    command = [sys.executable, __file__, "--child", *map(str, args)]
    output = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    if output.returncode:
        sys.exit(f"{' '.join(command)} failed:\n{output.stdout}\n{output.stderr}")
    lines = [line for line in output.stdout.splitlines() if line.startswith(RESULT)]
    return json.loads(lines[-1][len(RESULT) :]) if lines else {}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--only", nargs="*", choices=list(EXPORTS), default=list(EXPORTS))
    parser.add_argument("--reuse", action="store_true", help="keep the last run's content")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        mode, size, name = [*args.child, None, None][:3]
        return child(mode, int(size) if size else None, name)

    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    # Migrated once, then brought up to date (a no-op unless a migration was added since).
    report(f"migrating the empty database: {EMPTY.relative_to(ROOT)} ...")
    start = time.perf_counter()
    run_child("migrate")
    report(f"  migrated in {time.perf_counter() - start:.0f} s")
    rows = []
    for size in [int(s) for s in args.sizes.split(",")]:
        path = database(size)
        if not (args.reuse and path.exists()):
            shutil.copyfile(EMPTY, path)
            report(f"[{size}] building {size} listings ...")
            report(f"[{size}] built in {run_child('build', size)['build_s']} s")
        for name in args.only:
            figures = run_child("measure", size, name)
            report(f"[{size}] {name}: {figures}")
            rows.append((size, name, figures))
    report(f"\nload average (1, 5, 15 min): {os.getloadavg()}")
    header = f"{'services':>9} {'export':<13}{'1st byte s':>11}{'total s':>9}{'MB':>7}"
    report(header + f"{'queries':>8}{'peak +MB':>9}{'streamed':>9}")
    for size, name, f in rows:
        report(
            f"{size:>9} {name:<13}{f['first_byte_s']:>11}{f['total_s']:>9}{f['mb']:>7}"
            f"{f['queries']:>8}{f['peak_mb']:>9}{f['streamed']!s:>9}"
        )


if __name__ == "__main__":
    main()
