"""Search benchmark: the public search at 10,000 and 100,000 listings across the five locales.

    .venv/bin/python bench/search.py                          # 10k, database backend, SQLite
    BENCH_SIZES=10000,100000 .venv/bin/python bench/search.py # both sizes, side by side
    BENCH_DATABASES=sqlite,postgres DATABASE_URL=postgres://...   # and PostgreSQL (a server:
        scripts/postgres/server.sh start prints one; the bench makes a database per size on it)
    SEARCH_URL=$(scripts/search-node/node.sh start --nodes 2) ...  # and the cluster
    BENCH_NODE_DOWN=cluster-2 ...   # and searches from 4 threads while that node is killed
    BENCH_REUSE=1 ...               # keep the content and database index of the last run
    BENCH_BACKENDS=cluster ...      # only the cluster (default: database,cluster)
    BENCH_ROUNDS=2 ...              # passes over the query mix (default 5; 46 queries each)
    BENCH_CORPUS=sparse ...         # topic words in a tenth of the text (default dense: all)
    BENCH_REQUEST_CACHE=0 ...       # the cluster's request cache off: every search as if new
    BENCH_DIR=/tmp/mine ...         # the SQLite databases elsewhere (default build/bench)

Each size has its own database (build/bench/search-<size>.sqlite3, or bench_search_<size> on the
PostgreSQL server; the dev database is never touched), holding LISTINGS listings and a tenth as
many articles, spread over the five locales. The pages are inserted in bulk (rows for Page and
each page type's table, and the tree's paths, written directly: the page objects are not
saved one by one, which at 100,000 pages would take an hour), then indexed: Wagtail's
database index with `update_index` on SQLite, and on PostgreSQL with bench/bulk_index.py (the
same entries, the listings' taxonomies prefetched; `BENCH_DB_INDEX=update_index` or `bulk` for
every database), the cluster with `search_rebuild`'s bulk API.

Per backend it reports the indexing time and p50/p95 latency of the public search service
(`search.service.search`: query, facets, highlights, the database check of every hit and the
result shapes), over a mix of queries in every language with and without a facet; for the
cluster also p50/p95 of the `took` the cluster reports, so the portal's own share shows.
Each size and database runs in its own process (Django is set up once per process); the
figures of every run are printed side by side at the end. Not a test: figures depend on
the machine.

It also checks the answers (bench/search_checks.py, issue 13), per backend and size: every
search of the mix whose words are in pages of the reader's language (counted from the rows
the builder wrote) must find something, and its first result must be in that language (each
miss a FAILURE line, then "zero-result queries: N"); each facet count of ten searches must
equal the total of the same search filtered by that value ("facet mismatches: N of M"; at
the database backend's cap of MAX_MATCHES, which its total does not reveal, count <= filtered
total <= cap). A table gives each search's pages holding its words beside each backend's total.
"""

import json
import os
import random
import statistics
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
import bulk_index  # noqa: E402 - bench/bulk_index.py, beside this script
import search_checks  # noqa: E402 - bench/search_checks.py, beside this script

# BENCH_DIR: another folder for the SQLite databases, so two runs at once keep apart.
BENCH_DIR = Path(os.environ.get("BENCH_DIR", ROOT / "build" / "bench"))
NODE_SCRIPT = ROOT / "scripts" / "search-node" / "node.sh"
RESULT = "RESULT "  # a child process's figures, one JSON line

ROUNDS = int(os.environ.get("BENCH_ROUNDS", 5))
LOCALES = ["en", "es", "vi", "am", "ti"]
# Words per locale: enough variety for realistic postings lists and facets.
VOCABULARY = {
    "en": "food groceries meals rides drive health questions masks medicine rent cash "
    "neighbors volunteers delivery pantry clinic elders children shelter laundry phone".split(),
    "es": "comida despensa comidas transporte salud preguntas mascarillas medicinas renta "
    "dinero vecinos voluntarios entrega clínica mayores niños refugio ropa teléfono".split(),
    "vi": "thực phẩm đồ ăn đưa đón sức khỏe câu hỏi khẩu trang thuốc tiền thuê nhà hàng xóm "
    "tình nguyện giao hàng phòng khám người già trẻ em".split(),
    "am": "ምግብ ትራንስፖርት ጤና ጥያቄ ማስክ መድኃኒት ገንዘብ ጎረቤት በጎ ፈቃደኛ አቅርቦት ክሊኒክ አረጋውያን ልጆች መጠለያ ስልክ".split(),
    "ti": "ምግቢ ትራንስፖርት ጥዕና ሕቶ ማስክ መድሃኒት ገንዘብ ጎረቤት ወለንተኛ ኣቕርቦት ክሊኒክ ኣረጋውያን ቆልዑ መዕቆቢ ቴሌፎን".split(),
}
QUERIES = {
    "en": ["food", "groceries", "someone to drive me", "health questions", "masks", "rent cash"],
    "es": ["comida", "transporte", "salud", "mascarillas", "voluntarios entrega"],
    "vi": ["thuc pham", "thực phẩm", "sức khỏe", "khẩu trang", "tình nguyện"],
    "am": ["ምግብ", "ጤና", "ማስክ", "ትራንስፖርት"],
    "ti": ["ምግቢ", "ጥዕና", "ማስክ"],
}
INSERT_BATCH = 200
# "dense": every word of every page from the small topic vocabulary, so nearly every page matches
# every query (the worst case: the whole reader's language is scored); "sparse": one word in
# ten, so a query's words are in a fraction of the pages, as in real text.
CORPUS = os.environ.get("BENCH_CORPUS", "dense")
# How each database's search index is filled: "update_index", or "bulk" (bench/bulk_index.py:
# the same entries with the listings' taxonomies prefetched; update_index takes hours at 100k
# on PostgreSQL). BENCH_DB_INDEX=update_index (or bulk) sets it for every database.
DB_INDEX = {"sqlite": "update_index", "postgres": "bulk"}
if os.environ.get("BENCH_DB_INDEX"):
    DB_INDEX = dict.fromkeys(DB_INDEX, os.environ["BENCH_DB_INDEX"])
# Which backends to index and measure: the cluster one only when SEARCH_URL is set.
BACKENDS = os.environ.get("BENCH_BACKENDS", "database,cluster").split(",")


def report(line):
    """Figures go to stdout as they come (this is a script, not library code)."""
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def database_url(kind, size):
    name = f"search-{size}" if CORPUS == "dense" else f"search-{size}-{CORPUS}"
    if kind == "sqlite":
        return f"sqlite:///{BENCH_DIR / f'{name}.sqlite3'}"
    server = os.environ.get("DATABASE_URL", "")
    if not server.startswith("postgres"):
        sys.exit("BENCH_DATABASES=postgres needs DATABASE_URL=postgres://... (a server to use)")
    return urlunsplit(urlsplit(server)._replace(path=f"/bench_{name.replace('-', '_')}"))


def fresh_database(url, reuse):
    """Drop and create the bench's database, unless reusing it; True if it must be built."""
    parts = urlsplit(url)
    if parts.scheme == "sqlite":
        path = Path(parts.path)
        if reuse and path.exists():
            return False
        path.parent.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        return True
    import psycopg

    name = parts.path.lstrip("/")
    server = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(server, autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if reuse and exists:
            return False
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')
    return True


# --- Content ----------------------------------------------------------------------------------
def sentence(rng, locale, words):
    return " ".join(word(rng, locale) for _ in range(words)).capitalize() + "."


def word(rng, locale):
    """A word of the topic vocabulary; in the sparse corpus only one word in ten is, the others
    are filler words (5,000 per language), so a topic word is in a fraction of the pages."""
    if CORPUS == "sparse" and rng.random() >= 0.1:
        return f"{locale}{rng.randrange(5000)}"
    return rng.choice(VOCABULARY[locale])


def insert_pages(parent, pages):
    """Insert specific pages under `parent` in bulk: Page rows first (for their ids), then each
    table of the page type's inheritance chain, with the tree paths treebeard would give them."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection

    from wagtail.models import Page

    start = parent.numchild
    for step, page in enumerate(pages, start=start + 1):
        page.depth = parent.depth + 1
        page.path = Page._get_path(parent.path, page.depth, step)
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.draft_title = page.title
        page.content_type_id = ContentType.objects.get_for_model(type(page)).pk  # cached
        page.live, page.has_unpublished_changes = True, False
        page.translation_key = uuid.uuid4()
    page_fields = [f for f in Page._meta.concrete_fields if not f.primary_key]
    for first in range(0, len(pages), INSERT_BATCH):
        batch = pages[first : first + INSERT_BATCH]
        rows = [Page(**{f.attname: getattr(p, f.attname) for f in page_fields}) for p in batch]
        Page.objects.bulk_create(rows)
        for page, row in zip(batch, rows, strict=True):
            for model in type(page)._meta.get_parent_list():
                if model is not Page:
                    setattr(page, model._meta.pk.attname, row.pk)
            page.pk = page.page_ptr_id = row.pk
        for model in reversed([type(batch[0]), *type(batch[0])._meta.get_parent_list()]):
            if model is not Page:
                # Django's bulk_create refuses multi-table inheritance; its insert does not.
                model._base_manager._insert(
                    batch, fields=model._meta.local_concrete_fields, using=connection.alias
                )
    Page.objects.filter(pk=parent.pk).update(numchild=start + len(pages))
    parent.numchild = start + len(pages)


def build_content(listings, articles):
    from wagtail.models import Locale, Page, Site

    from articles.factories import ArticleIndexPageFactory
    from articles.models import ArticleKind, ArticlePage
    from directory.factories import AreaFactory, DirectoryIndexPageFactory, NeedFactory
    from directory.models import GroupPage, HotlinePage, Language, ListingPage
    from home.factories import HomePageFactory

    rng = random.Random(42)
    locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in LOCALES}
    needs = [NeedFactory(slug=s, name=s.title()) for s in ("food", "health", "masks", "rides")]
    areas = [AreaFactory(slug=s, name=s.title()) for s in ("seattle", "kent", "renton")]
    languages = [
        Language.objects.create(code=c, name=c, native_name=c, locale=locales["en"])
        for c in LOCALES
    ]
    root = Page.get_first_root_node()
    homes = {}
    for code in LOCALES:
        home = HomePageFactory(parent=root, slug=f"bench-{code}", locale=locales[code])
        homes[code] = (
            DirectoryIndexPageFactory(parent=home, locale=locales[code]),
            ArticleIndexPageFactory(parent=home, locale=locales[code]),
        )
        if code == "en":
            site = Site.objects.get(is_default_site=True)
            site.root_page = home
            site.save()
    through = {name: getattr(ListingPage, name).through for name in ("needs", "areas", "languages")}
    for code in LOCALES:
        directory, article_index = homes[code]
        per_type = {GroupPage: [], HotlinePage: []}
        for i in range(listings // len(LOCALES)):
            model = GroupPage if i % 3 else HotlinePage
            extra = {"call_about": sentence(rng, code, 6)} if model is HotlinePage else {}
            page = model(
                title=sentence(rng, code, 4)[:-1],
                slug=f"listing-{i}",
                summary=sentence(rng, code, 12),
                description=f"<p>{sentence(rng, code, 40)}</p>",
                locale=locales[code],
                kind=model.listing_kind,
                **extra,
            )
            page.chosen = {
                "needs": rng.sample(needs, 2),
                "areas": rng.sample(areas, 1),
                "languages": rng.sample(languages, 2),
            }
            per_type[model].append(page)
        for pages in per_type.values():
            insert_pages(directory, pages)
        for name, model in through.items():
            target = model._meta.get_field(name[:-1]).attname  # needs -> need_id
            rows = [
                model(listingpage_id=page.pk, **{target: item.pk})
                for pages in per_type.values()
                for page in pages
                for item in page.chosen[name]
            ]
            model.objects.bulk_create(rows, batch_size=INSERT_BATCH * 2)
        insert_pages(
            article_index,
            [
                ArticlePage(
                    title=sentence(rng, code, 5)[:-1],
                    slug=f"article-{i}",
                    kind=ArticleKind.EXPLAINER,
                    summary=sentence(rng, code, 15),
                    body=[("paragraph", f"<p>{sentence(rng, code, 120)}</p>")],
                    locale=locales[code],
                )
                for i in range(articles // len(LOCALES))
            ],
        )


# --- Measuring --------------------------------------------------------------------------------
def percentiles(values):
    cuts = statistics.quantiles(values, n=100)
    return round(cuts[49], 1), round(cuts[94], 1)


def queries():
    for code, texts in QUERIES.items():
        for text in texts:
            for filters in ({}, {"need": "food"}):
                yield code, text, filters


def warm_up():
    """One pass of the query mix, untimed: the first queries pay for connections, caches and
    (on the cluster) loading the index. A cold cluster may take longer than SEARCH_TIMEOUT
    here, so the warm-up waits for it, then the breaker is reset for the timed passes."""
    from django.conf import settings
    from django.core.cache import cache

    from search import service

    timeout, settings.SEARCH_TIMEOUT = settings.SEARCH_TIMEOUT, 30
    for code, text, filters in queries():
        service.search(service.make_query(text, language=code, filters=filters))
    settings.SEARCH_TIMEOUT = timeout
    cache.clear()


def latencies(backend_name, took=None, rounds=ROUNDS):
    """p50/p95 of the search service over `rounds` of the query mix; with `took` (a list the
    recording client appends to), also the cluster's own p50/p95."""
    from search import service

    warm_up()
    if took is not None:
        took.clear()
    timings, empty, fallback_first = [], 0, 0
    for _ in range(rounds):
        for code, text, filters in queries():
            query = service.make_query(text, language=code, filters=filters)
            start = time.perf_counter()
            results = service.search(query)
            timings.append((time.perf_counter() - start) * 1000)
            assert results.backend == backend_name, results.backend
            empty += not results.results
            fallback_first += bool(results.results) and results.results[0]["fallback"]
    p50, p95 = percentiles(timings)
    # `empty`: searches that found nothing (a few are expected: "rent cash" in one language...)
    # `fallback_first`: searches whose first result is a fallback, not in the reader's language
    # (with the dense corpus every query's words are in its language's pages: it must be 0).
    found = {"p50": p50, "p95": p95, "n": len(timings), "empty": empty}
    found["fallback_first"] = fallback_first
    if took:
        found["took_p50"], found["took_p95"] = percentiles(took)
    return found


def recording_client(took):
    """The portal's cluster client, noting the `took` of each search the cluster answers."""
    from search.cluster import backend as backend_module
    from search.cluster.client import ClusterClient

    class RecordingClient(ClusterClient):
        def request(self, method, path, **kwargs):
            answer = super().request(method, path, **kwargs)
            searched = path.endswith(("/_search", "/_msearch"))  # a result page is one _msearch
            if searched and isinstance(answer, dict) and "took" in answer:
                took.append(answer["took"])
            return answer

    backend_module.ClusterClient = RecordingClient


def node_pid(instance):
    status = subprocess.run(
        ["bash", str(NODE_SCRIPT), "status"],
        env={**os.environ, "SEARCH_NODE_INSTANCE": instance},
        capture_output=True,
        text=True,
    ).stdout
    for line in status.splitlines():
        if line.startswith("running: pid "):
            return int(line.split()[2].rstrip(","))
    sys.exit(f"node {instance} is not running (node.sh status: {status.strip()!r})")


def searches_while_a_node_dies(instance, threads=4, seconds=20, kill_after=3):
    """Searches from `threads` threads for `seconds`; `kill_after` seconds in, the node
    `instance` is killed (SIGKILL: a crash, not a polite shutdown). Then it is started again."""
    import signal

    from django.db import connection

    from search import service

    counts = {"searches": 0, "failed": 0, "database": 0, "cluster": 0}
    timings, lock, stop = [], threading.Lock(), threading.Event()
    mix = list(queries())

    def client(n):
        rng = random.Random(n)
        try:
            while not stop.is_set():
                code, text, filters = rng.choice(mix)
                start = time.perf_counter()
                try:
                    answer = service.search(
                        service.make_query(text, language=code, filters=filters)
                    )
                    outcome = answer.backend
                except Exception:  # noqa: BLE001 - a failed search is what we count
                    outcome = "failed"
                with lock:
                    counts["searches"] += 1
                    counts[outcome] += 1
                    timings.append((time.perf_counter() - start) * 1000)
        finally:
            connection.close()

    workers = [threading.Thread(target=client, args=(n,)) for n in range(threads)]
    for worker in workers:
        worker.start()
    time.sleep(kill_after)
    os.kill(node_pid(instance), signal.SIGKILL)
    time.sleep(seconds - kill_after)
    stop.set()
    for worker in workers:
        worker.join()
    counts["p50"], counts["p95"] = percentiles(timings)
    start = time.perf_counter()
    subprocess.run(
        ["bash", str(NODE_SCRIPT), "start", "--nodes", "2"], check=True, capture_output=True
    )
    counts["restart_s"] = round(time.perf_counter() - start, 1)
    return counts


def run_one(kind, size, articles, with_cluster):
    """One size on one database, in this process: build, index, measure; figures as JSON."""
    import logging

    import django

    url = database_url(kind, size)
    must_build = fresh_database(url, os.environ.get("BENCH_REUSE") == "1")
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    from search.database import wagtail_database_backend

    # Not a line per request, nor a traceback per request to a killed node (BENCH_NODE_DOWN).
    logging.getLogger("opensearch").setLevel(logging.ERROR)

    figures = {"database": kind, "listings": size, "articles": articles, "corpus": CORPUS}
    start = time.perf_counter()
    call_command("migrate", verbosity=0)  # a reused database too: its schema may be older
    figures["migrate_s"] = round(time.perf_counter() - start, 1)
    if must_build:
        report(f"[{kind} {size}] building {size} listings and {articles} articles ...")
        start = time.perf_counter()
        build_content(size, articles)
        figures["build_s"] = round(time.perf_counter() - start, 1)
        report(f"[{kind} {size}] content inserted in {figures['build_s']} s")
    else:
        report(f"[{kind} {size}] reusing the content (and database index) of the last run")
    mix = list(queries())
    start = time.perf_counter()
    present = search_checks.present_counts(mix, LOCALES)
    report(
        f"[{kind} {size}] pages holding each query's words counted in "
        f"{time.perf_counter() - start:.1f} s"
    )
    answers = {}  # backend -> one row per search of the mix, for the table of totals
    if "database" in BACKENDS:
        if must_build:
            start = time.perf_counter()
            figures["index_how"] = DB_INDEX.get(kind, "update_index")
            if figures["index_how"] == "bulk":
                bulk_index.fill(wagtail_database_backend())
            else:
                call_command("update_index", verbosity=0)
            figures["index_s"] = round(time.perf_counter() - start, 1)
            report(
                f"[{kind} {size}] database index built in {figures['index_s']} s "
                f"({figures['index_how']})"
            )
        settings.SEARCH_BACKEND = "database"
        figures["db"] = latencies("database")
        report(f"[{kind} {size}] database backend: {figures['db']}")
        figures["db_checks"], answers[f"{kind} database"] = search_checks.run_checks(
            mix, present, "database", report
        )

    if with_cluster:
        from search.cluster.backend import ClusterBackend

        took = []
        recording_client(took)
        settings.SEARCH_URL = os.environ["SEARCH_URL"]
        settings.SEARCH_INDEX_PREFIX = f"bench-{size}-{os.getpid()}"  # runs may overlap
        settings.SEARCH_BACKEND = "cluster"
        backend = ClusterBackend()
        start = time.perf_counter()
        backend.rebuild()
        figures["cluster_index_s"] = round(time.perf_counter() - start, 1)
        if os.environ.get("BENCH_REQUEST_CACHE") == "0":
            # The facet counts (a size-0 search) are kept in the cluster's request cache until
            # the next refresh; the passes repeat the same queries, so they would come from it.
            backend.manage(
                "PUT", f"/{backend.alias}/_settings", body={"index.requests.cache.enable": False}
            )
            figures["request_cache"] = "off"
        figures["cluster"] = latencies("cluster", took)
        report(f"[{kind} {size}] cluster: {figures['cluster']}")
        figures["cluster_checks"], answers["cluster"] = search_checks.run_checks(
            mix, present, "cluster", report
        )
        instance = os.environ.get("BENCH_NODE_DOWN")
        if instance:
            figures["node_down"] = searches_while_a_node_dies(instance)
            report(f"[{kind} {size}] searches while {instance} was killed: {figures['node_down']}")
        backend.drop()
    report(f"[{kind} {size}] totals of each search of the mix:")
    report(search_checks.rows_table(answers))
    figures["load"] = os.getloadavg()[1]  # the machine's 5-minute load: other work skews figures
    report(RESULT + json.dumps(figures))


def checks(run, name):
    """The table's cells for one backend's correctness checks (search_checks.py)."""
    if name not in run:
        return "-", "-"
    found = run[name]
    capped = f" ({found['capped_queries']} at the cap)" if found.get("capped_queries") else ""
    return (
        f"{found['zero']} / {found['fallback_first']} of {found['searches']}",
        f"{found['mismatches']} / {found['checked']}{capped}",
    )


def table(results):
    """The runs side by side: one column per (database, size)."""
    rows = [
        ("listings / articles", lambda r: f"{r['listings']} / {r['articles']}"),
        ("machine load (5 min average, at the end)", lambda r: f"{r['load']:.1f}"),
        (
            "content inserted, in bulk (s, pages/s)",
            lambda r: (
                f"{r['build_s']} ({(r['listings'] + r['articles']) / r['build_s']:.0f}/s)"
                if "build_s" in r
                else "reused"
            ),
        ),
        (
            "database index (s, how)",
            lambda r: f"{r['index_s']} ({r['index_how']})" if "index_s" in r else "-",
        ),
        (
            "database backend p50 / p95 (ms)",
            lambda r: f"{r['db']['p50']} / {r['db']['p95']}" if "db" in r else "-",
        ),
        ("database: zero-result searches / fallback first", lambda r: checks(r, "db_checks")[0]),
        ("database: facet mismatches / checked", lambda r: checks(r, "db_checks")[1]),
        ("cluster index: rebuild, bulk (s)", lambda r: r.get("cluster_index_s", "-")),
        (
            "cluster: service p50 / p95 (ms)",
            lambda r: f"{r['cluster']['p50']} / {r['cluster']['p95']}" if "cluster" in r else "-",
        ),
        (
            "cluster: its own took p50 / p95 (ms)",
            lambda r: (
                f"{r['cluster']['took_p50']} / {r['cluster']['took_p95']}"
                if "cluster" in r
                else "-"
            ),
        ),
        (
            "cluster: zero-result searches / fallback first",
            lambda r: checks(r, "cluster_checks")[0],
        ),
        ("cluster: facet mismatches / checked", lambda r: checks(r, "cluster_checks")[1]),
        (
            "node killed: searches / failed / by database",
            lambda r: (
                "{searches} / {failed} / {database}".format(**r["node_down"])
                if "node_down" in r
                else "-"
            ),
        ),
    ]
    heads = [
        f"{r['database']} {r['listings']} {r['corpus']}"
        + (" (request cache off)" if r.get("request_cache") else "")
        for r in results
    ]
    width = max(len(label) for label, _ in rows)
    lines = [" | ".join([" " * width, *heads])]
    for label, cell in rows:
        lines.append(" | ".join([label.ljust(width), *(str(cell(r)) for r in results)]))
    return "\n".join(lines)


def main():
    if len(sys.argv) == 6 and sys.argv[1] == "--one":
        run_one(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5] == "cluster")
        return
    sizes = [int(s) for s in os.environ.get("BENCH_SIZES", "10000").split(",")]
    kinds = os.environ.get("BENCH_DATABASES", "sqlite").split(",")
    results = []
    for size in sizes:
        articles = int(os.environ.get("BENCH_ARTICLES", size // 10))
        for n, kind in enumerate(kinds):
            # The cluster reads its documents from the first database, once per size.
            with_cluster = os.environ.get("SEARCH_URL") and "cluster" in BACKENDS and n == 0
            cluster = "cluster" if with_cluster else "-"
            child = subprocess.Popen(
                [sys.executable, __file__, "--one", kind, str(size), str(articles), cluster],
                stdout=subprocess.PIPE,
                text=True,
            )
            for line in child.stdout:
                if line.startswith(RESULT):
                    results.append(json.loads(line[len(RESULT) :]))
                else:
                    report(line.rstrip("\n"))
            if child.wait():
                sys.exit(f"the {kind} {size} run failed")
    report("")
    report(table(results))


if __name__ == "__main__":
    main()
