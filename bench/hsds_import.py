"""Import benchmark: `import_hsds` of 10,000 generated HSDS 3.0 services into an empty directory.

    .venv/bin/python bench/hsds_import.py                  # 10,000 services
    .venv/bin/python bench/hsds_import.py --size 1000      # another size
    .venv/bin/python bench/hsds_import.py --again          # then the same file a second time

Runs in its own SQLite file, build/bench/hsds-import.sqlite3 (the dev database is never
touched), copied from a migrated empty database (bench/exports.py's, or made here once, which
takes minutes), with a home page, a directory, four needs, three areas and three languages.
Each service has a phone, two weekly opening ranges, a location, two needs, an area, a
language and one of 500 organizations, half of them named by this portal's own taxonomies
(the kind, the cost) as its export writes them.

The import goes through the command (`call_command("import_hsds", path)`): read, check, plan
and write, as an editor runs it. Wall time is printed for the whole and for each step, then
the result is checked: every listing a Wagtail draft (not live, a latest revision holding its
phones and hours, its place in the tree valid per treebeard's `find_problems`).
`--again` imports the same file a second time: every listing is matched and gets a new draft
revision (written in bulk, as Wagtail's `save_revision` would store it).
Not a test: figures depend on the machine and its load (printed with them).
"""

import argparse
import json
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BENCH_DIR = ROOT / "build" / "bench"
EMPTY = BENCH_DIR / "exports-empty.sqlite3"  # bench/exports.py's migrated empty database
DATABASE = BENCH_DIR / "hsds-import.sqlite3"
NEEDS = ["food", "health", "rides", "rent"]
AREAS = ["seattle", "kent", "renton"]
LANGUAGES = ["en", "es", "vi"]
KINDS = ["group", "hotline", "fund", "way_to_help"]


def report(line):
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def setup_django():
    import django

    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    if not EMPTY.exists():
        report(f"Making {EMPTY.name} (migrate, once)...")
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{DATABASE}{suffix}").unlink(missing_ok=True)
    if EMPTY.exists():
        shutil.copyfile(EMPTY, DATABASE)
    os.environ["DATABASE_URL"] = f"sqlite:///{DATABASE}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)  # the copy may be older than the code


def site():
    from wagtail.models import Locale, Page, Site

    from directory.factories import DirectoryIndexPageFactory
    from directory.models import Area, Language, Need
    from home.factories import HomePageFactory

    english = Locale.objects.get_or_create(language_code="en")[0]
    home = HomePageFactory(parent=Page.get_first_root_node(), slug="bench-home", locale=english)
    Site.objects.update_or_create(
        is_default_site=True, defaults={"root_page": home, "hostname": "localhost"}
    )
    DirectoryIndexPageFactory(parent=home, locale=english)
    for slug in NEEDS:
        Need.objects.create(locale=english, slug=slug, name=slug.title())
    for slug in AREAS:
        Area.objects.create(locale=english, slug=slug, name=slug.title())
    for code in LANGUAGES:
        Language.objects.create(locale=english, code=code, name=code, native_name=code)


def term(taxonomy, code):
    return {"id": f"{taxonomy}-{code}", "code": code, "name": code, "taxonomy": taxonomy}


def services(size):
    rng = random.Random(14)
    own = "mutual-aid-king-county-"
    entries = []
    for number in range(size):
        sid = f"7e1f0000-0000-4000-8000-{number:012d}"
        attributes = [
            {"id": f"{sid}-n{code}", "taxonomy_term": term(f"{own}needs", code)}
            for code in rng.sample(NEEDS, 2)
        ]
        if number % 2:
            attributes += [
                {"id": f"{sid}-k", "taxonomy_term": term(f"{own}listing-kinds", KINDS[number % 4])},
                {"id": f"{sid}-c", "taxonomy_term": term(f"{own}costs", "free")},
            ]
        org = number % 500
        entries.append(
            {
                "id": sid,
                "name": f"Mutual aid {number} {rng.choice(NEEDS)}",
                "description": "Neighbors helping neighbors with groceries, rides and rent. "
                * rng.randint(1, 8),
                "email": f"hello{number}@example.org",
                "url": f"https://example.org/aid/{number}",
                "eligibility_description": "Anyone in King County.",
                "organization": {"id": f"0a000000-0000-4000-8000-{org:012d}", "name": f"Org {org}"},
                "phones": [{"id": f"{sid}-p", "number": f"+1 206 555 {number % 10000:04d}"}],
                "schedules": [
                    {
                        "id": f"{sid}-s1",
                        "freq": "WEEKLY",
                        "byday": "MO,WE",
                        "opens_at": "09:00",
                        "closes_at": "12:00",
                    },
                    {
                        "id": f"{sid}-s2",
                        "freq": "WEEKLY",
                        "byday": "SA",
                        "opens_at": "10:00",
                        "closes_at": "14:00-08:00",
                    },
                ],
                "service_areas": [{"id": f"{sid}-a", "name": rng.choice(AREAS).title()}],
                "languages": [{"id": f"{sid}-l", "code": rng.choice(LANGUAGES)}],
                "service_at_locations": [
                    {
                        "id": f"{sid}-sal",
                        "location": {
                            "id": f"{sid}-loc",
                            "location_type": "physical",
                            "name": "Community hall",
                            "latitude": 47.5 + rng.random() / 10,
                            "longitude": -122.3 + rng.random() / 10,
                            "addresses": [
                                {
                                    "id": f"{sid}-ad",
                                    "address_1": f"{number} Main St",
                                    "city": "Seattle",
                                    "state_province": "WA",
                                    "postal_code": "98118",
                                    "country": "US",
                                    "address_type": "physical",
                                }
                            ],
                        },
                    }
                ],
                "attributes": attributes,
            }
        )
    return entries


def timed_import(path, index=True):
    """The command's wall and CPU time, with the search indexing task queued, not run (as
    with TASKS_BACKEND=database, where a worker runs it); then the task's own time, run on
    every listing and organization."""
    import io

    from django.core.management import call_command
    from django.test import override_settings

    from directory.models import ListingPage, Organization
    from opendata.importer.tasks import index_imported

    out = io.StringIO()
    dummy = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    with override_settings(TASKS=dummy):
        wall, cpu = time.perf_counter(), time.process_time()
        call_command("import_hsds", str(path), stdout=out, stderr=io.StringIO(), verbosity=0)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    indexing = None
    if index:
        start = time.perf_counter()
        index_imported.call(
            list(ListingPage.objects.values_list("pk", flat=True)),
            list(Organization.objects.values_list("pk", flat=True)),
        )
        indexing = time.perf_counter() - start
    return wall, cpu, indexing, out.getvalue().strip().splitlines()[-1]


def steps(path):
    """The import's steps timed one by one (in a transaction rolled back after)."""
    from django.db import transaction

    from opendata.importer import apply, make_plan, read

    figures = {}
    start = time.perf_counter()
    data, label = read(path)
    figures["read"] = time.perf_counter() - start
    start = time.perf_counter()
    plan = make_plan(data, label)
    figures["check and plan"] = time.perf_counter() - start
    with transaction.atomic():
        start = time.perf_counter()
        apply(plan)
        figures["write"] = time.perf_counter() - start
        transaction.set_rollback(True)
    return figures


def check(size):
    from wagtail.models import Page

    from directory.models import ListingPage

    listings = ListingPage.objects.all()
    assert listings.count() == size, listings.count()
    assert not listings.filter(live=True).exists()
    assert not listings.filter(latest_revision=None).exists()
    sample = listings.order_by("?").first().get_latest_revision_as_object()
    assert sample.phones.all() and sample.opening_hours.all() and sample.locations.all()
    problems = [found for found in Page.find_problems() if found]
    assert not problems, problems
    return sample


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--again", action="store_true", help="import the same file again")
    parser.add_argument("--steps", action="store_true", help="first time each step alone")
    args = parser.parse_args()
    setup_django()
    site()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "services.json"
        path.write_text(json.dumps({"services": services(args.size)}))
        report(f"{args.size} services, {path.stat().st_size / 1e6:.1f} MB of JSON")
        report(
            f"load average: {' '.join(f'{x:.1f}' for x in os.getloadavg())} ({os.cpu_count()} cpus)"
        )
        if args.steps:
            for name, seconds in steps(path).items():
                report(f"  {name}: {seconds:.1f} s")
        wall, cpu, indexing, summary = timed_import(path)
        report(f"import_hsds: {wall:.1f} s wall, {cpu:.1f} s CPU -> {summary}")
        report(f"then the search indexing task (a worker's job): {indexing:.1f} s")
        sample = check(args.size)
        report(f"checked: {args.size} draft listings with revisions; e.g. {sample.title!r}")
        if args.again:
            wall, cpu, _indexing, summary = timed_import(path, index=False)
            report(
                f"import_hsds again (all matched): {wall:.1f} s wall, {cpu:.1f} s CPU -> {summary}"
            )


if __name__ == "__main__":
    main()
