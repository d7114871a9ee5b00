"""Search benchmark: 10,000 listings and 1,000 articles across the five locales.

    .venv/bin/python bench/search.py                  # database backend only
    SEARCH_URL=http://127.0.0.1:9200 .venv/bin/python bench/search.py   # and the cluster
    BENCH_REUSE=1 ...                                   # keep the content of the last run

Builds a synthetic directory in its own SQLite file (build/bench/search.sqlite3, recreated
each run; the dev database is never touched), then prints, per backend available, the
indexing time and p50/p95 latency of the public search service (`search.service.search`,
i.e. query + facets + highlights + result shapes) over a mix of queries in every language.
Not a test: figures depend on the machine.
"""

import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DB_FILE = ROOT / "build" / "bench" / "search.sqlite3"
sys.path.insert(0, str(ROOT))
os.environ["DATABASE_URL"] = f"sqlite:///{DB_FILE}"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")

LISTINGS = int(os.environ.get("BENCH_LISTINGS", 10_000))
ARTICLES = int(os.environ.get("BENCH_ARTICLES", 1_000))
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


def report(line):
    """Figures go to stdout as they come (this is a script, not library code)."""
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def setup_django(reuse):
    import django

    DB_FILE.parent.mkdir(parents=True, exist_ok=True)
    if not reuse:
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{DB_FILE}{suffix}").unlink(missing_ok=True)
    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def sentence(rng, locale, words):
    return " ".join(rng.choice(VOCABULARY[locale]) for _ in range(words)).capitalize() + "."


def build_content():
    # Wagtail's database index is refreshed per save (and SQLite's title norms with it), which
    # is quadratic at this size; build first, then index once with `update_index`, timed.
    from django.db.models.signals import post_delete, post_save

    from modelsearch import index, signal_handlers
    from wagtail.models import Locale, Page, Site

    from articles.factories import ArticleIndexPageFactory
    from articles.models import ArticleKind, ArticlePage
    from directory.factories import AreaFactory, DirectoryIndexPageFactory, NeedFactory
    from directory.models import GroupPage, HotlinePage, Language
    from home.factories import HomePageFactory

    for model in index.get_indexed_models():
        post_save.disconnect(signal_handlers.post_save_signal_handler, sender=model)
        post_delete.disconnect(signal_handlers.post_delete_signal_handler, sender=model)

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
    per_locale = LISTINGS // len(LOCALES)
    for code in LOCALES:
        directory, articles = homes[code]
        for i in range(per_locale):
            model = GroupPage if i % 3 else HotlinePage
            extra = {"call_about": sentence(rng, code, 6)} if model is HotlinePage else {}
            page = model(
                title=sentence(rng, code, 4)[:-1],
                slug=f"listing-{i}",
                summary=sentence(rng, code, 12),
                description=f"<p>{sentence(rng, code, 40)}</p>",
                locale=locales[code],
                **extra,
            )
            page.needs = rng.sample(needs, 2)
            page.areas = rng.sample(areas, 1)
            page.languages = rng.sample(languages, 2)
            directory.add_child(instance=page)
        for i in range(ARTICLES // len(LOCALES)):
            articles.add_child(
                instance=ArticlePage(
                    title=sentence(rng, code, 5)[:-1],
                    slug=f"article-{i}",
                    kind=ArticleKind.EXPLAINER,
                    summary=sentence(rng, code, 15),
                    body=[("paragraph", f"<p>{sentence(rng, code, 120)}</p>")],
                    locale=locales[code],
                )
            )


def latencies(backend_name):
    from django.conf import settings

    from search import service

    settings.SEARCH_BACKEND = backend_name
    timings = []
    for _ in range(ROUNDS):
        for code, queries in QUERIES.items():
            for text in queries:
                for filters in ({}, {"need": "food"}):
                    query = service.make_query(text, language=code, filters=filters)
                    start = time.perf_counter()
                    results = service.search(query)
                    timings.append((time.perf_counter() - start) * 1000)
                    assert results.backend == backend_name, results.backend
    cuts = statistics.quantiles(timings, n=100)
    return cuts[49], cuts[94], len(timings)


def main():
    # BENCH_REUSE=1 keeps the content of the previous run (building it takes minutes).
    reuse = os.environ.get("BENCH_REUSE") == "1" and DB_FILE.exists()
    setup_django(reuse)
    from django.conf import settings
    from django.core.management import call_command

    if reuse:
        report(f"Reusing the content in {DB_FILE}")
    else:
        report(f"Building {LISTINGS} listings and {ARTICLES} articles in {DB_FILE} ...")
        start = time.perf_counter()
        build_content()
        report(f"  content built in {time.perf_counter() - start:.1f} s")

    start = time.perf_counter()
    call_command("update_index", verbosity=0)
    report(f"database backend: indexed (update_index) in {time.perf_counter() - start:.1f} s")
    p50, p95, n = latencies("database")
    report(f"database backend: p50 {p50:.1f} ms, p95 {p95:.1f} ms over {n} queries")

    url = os.environ.get("SEARCH_URL")
    if not url:
        report("cluster: skipped (set SEARCH_URL to include it)")
        return
    from search.cluster.backend import ClusterBackend

    settings.SEARCH_URL = url
    settings.SEARCH_INDEX_PREFIX = "bench"
    backend = ClusterBackend(prefix="bench")
    start = time.perf_counter()
    count = backend.rebuild()
    report(f"cluster: indexed {count} pages in {time.perf_counter() - start:.1f} s")
    latencies("cluster")  # warm the caches once
    p50, p95, n = latencies("cluster")
    report(f"cluster: p50 {p50:.1f} ms, p95 {p95:.1f} ms over {n} queries")
    backend.drop()


if __name__ == "__main__":
    main()
