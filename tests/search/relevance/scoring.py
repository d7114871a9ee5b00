"""Run the relevance set on whichever backend search is set to, and score it (success@3)."""

from collections import defaultdict

from django.conf import settings

from wagtail.models import Page

from search import service

TOP = 3


def top_pages(query):
    """The first TOP results the reader gets for `query`: (slug, language of the page shown)."""
    page = service.search(service.make_query(query.text, language=query.language))
    results = page.results[:TOP]
    slugs = dict(Page.objects.filter(pk__in=[r["id"] for r in results]).values_list("pk", "slug"))
    return page.backend, [(slugs[r["id"]], r["language"]) for r in results]


def run(queries):
    """{query.key: (backend that answered, top pages, hit)} for every query."""
    outcome = {}
    for query in queries:
        backend, top = top_pages(query)
        found = (query.slug, query.page_language) in top
        false_match = any(slug == query.not_slug for slug, _ in top)
        outcome[query.key] = (backend, top, found and not false_match)
    return outcome


def success_by_language(queries, outcome):
    """{language: (found in the top 3, queries)}, in the portal's language order."""
    counts = defaultdict(lambda: [0, 0])
    for query in queries:
        counts[query.language][0] += outcome[query.key][2]
        counts[query.language][1] += 1
    order = [code for code, _ in settings.LANGUAGES]
    return {code: tuple(counts[code]) for code in order if code in counts}


def table(rows):
    """rows: {backend: {language: (hits, total)}} -> a text table of success@3."""
    languages = [code for code, _ in settings.LANGUAGES]
    lines = [f"{'success@3':<12}" + "".join(f"{code:>10}" for code in [*languages, "all"])]
    for backend, by_language in rows.items():
        hits = sum(h for h, _ in by_language.values())
        total = sum(t for _, t in by_language.values())
        cells = [by_language.get(code, (0, 0)) for code in languages] + [(hits, total)]
        lines.append(f"{backend:<12}" + "".join(f"{f'{h}/{t}':>10}" for h, t in cells))
    return "\n".join(lines)
