"""The embedded backend: Wagtail's database search (SQLite FTS5 here, PostgreSQL full text there).

Wagtail keeps its database index current by itself; this module turns a SearchQuery into a
filtered page queryset, expands synonyms into the query, computes facet counts with the ORM
and highlights matches in Python. It reads at most MAX_MATCHES ranked matches: enough for
facet counts and every page a reader will open, and it bounds the work on a huge result set.
"""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType

from wagtail.models import Locale, Page
from wagtail.search.query import Or, Phrase, PlainText

from articles.models import ArticlePage
from directory.facets import FACETS_BY_NAME, facet_counts
from directory.models import ListingPage
from home.querysets import reader_pages
from home.request_memo import locales_by_code

from . import fts, kinds, synonyms
from .query import BackendResults, Hit
from .text import words

MAX_MATCHES = 500
BACKEND_NAME = "database"


class DatabaseBackend:
    name = BACKEND_NAME

    def candidates(self, query):
        """Pages the reader may see (see `home.querysets`), narrowed by the chosen facets."""
        locale = locales_by_code().get(query.language)  # the request's locales, no query
        pages = reader_pages(locale or Locale.get_default()).filter(depth__gt=2)  # not home
        for name, value in query.filters.items():
            if name == "kind":
                pages = pages.filter(pk__in=kinds.page_ids_of_kind(value))
            else:
                listings = FACETS_BY_NAME[name].filter(ListingPage.objects.all(), value)
                pages = pages.filter(pk__in=listings.values("pk"))
        return pages

    def search_expression(self, text):
        """The reader's words OR any synonym of them; None when nothing searchable is left.

        Only word characters reach the backend, so quotes, operators and query syntax are
        plain text here, never syntax.
        """
        terms = " ".join(words(text))
        if not terms:
            return None
        parts = [PlainText(terms, operator="or")]
        for synonym in synonyms.expansions(text):
            synonym_words = words(synonym)
            if len(synonym_words) > 1:
                parts.append(Phrase(" ".join(synonym_words)))
            elif synonym_words:
                parts.append(PlainText(synonym_words[0]))
        return parts[0] if len(parts) == 1 else Or(parts)

    def matches(self, query):
        """(page id, language code) of the ranked matches, the reader's language first."""
        expression = self.search_expression(query.text)
        if expression is None and not query.filters:
            return []
        # Only what ranking needs: building full Page objects for 1,000 matches is slow.
        pages = self.candidates(query).only("pk", "locale_id", "title")
        codes = {loc.pk: code for code, loc in locales_by_code().items()}
        if expression is None:  # browsing by filters alone
            found = pages.order_by("title")[:MAX_MATCHES]
        elif fts.available():
            return self.matches_fts(query, pages, codes)
        else:
            found = pages.search(expression, backend=wagtail_database_backend())[:MAX_MATCHES]
        ranked = [(page.pk, codes.get(page.locale_id, "")) for page in found]
        # Stable: within each language the backend's ranking stays.
        ranked.sort(key=lambda item: item[1] != query.language)
        return ranked

    def matches_fts(self, query, pages, codes):
        """The same ranking through SQLite's FTS5 directly (see search/fts.py)."""
        alternatives = [(words(query.text), False)]
        alternatives += [(words(t), len(words(t)) > 1) for t in synonyms.expansions(query.text)]
        content_types = ContentType.objects.get_for_models(
            *[m for m in apps.get_models() if issubclass(m, Page)]
        ).values()
        # Ask FTS for more than we keep: the candidate filters drop some (other languages...).
        ids = fts.ranked_ids(alternatives, [ct.pk for ct in content_types], MAX_MATCHES * 3)
        position = {pk: rank for rank, pk in enumerate(ids)}
        found = pages.filter(pk__in=ids).values_list("pk", "locale_id")
        ranked = sorted(found, key=lambda row: position[row[0]])[:MAX_MATCHES]
        ranked = [(pk, codes.get(locale_id, "")) for pk, locale_id in ranked]
        ranked.sort(key=lambda item: item[1] != query.language)
        return ranked

    def facets(self, page_ids):
        counts = facet_counts(page_ids)
        articles = ArticlePage.objects.filter(pk__in=page_ids).count()
        others = len(page_ids) - sum(counts["kind"].values()) - articles
        counts["kind"].update({kinds.ARTICLE: articles, kinds.PAGE: others})
        return counts

    def search(self, query):
        ranked = self.matches(query)
        page_ids = [page_id for page_id, _code in ranked]
        window = ranked[query.offset : query.offset + query.per_page]
        return BackendResults(
            total=len(ranked),
            hits=[Hit(page_id=pid, language=code) for pid, code in window],
            facets=self.facets(page_ids),
            backend=self.name,
        )

    def autocomplete(self, query, limit):
        text = " ".join(words(query.text))
        if not text:
            return []
        found = self.candidates(query).autocomplete(text, backend=wagtail_database_backend())
        codes = {loc.pk: code for code, loc in locales_by_code().items()}
        ranked = [(page.pk, codes.get(page.locale_id, "")) for page in found[: limit * 3]]
        ranked.sort(key=lambda item: item[1] != query.language)
        return [Hit(page_id=pid, language=code) for pid, code in ranked[:limit]]


def wagtail_database_backend():
    """Wagtail's name for its database backend: "default" unless a cluster serves the admin."""
    from django.conf import settings

    backends = settings.WAGTAILSEARCH_BACKENDS
    for name, config in backends.items():
        if config["BACKEND"].endswith(".database"):
            return name
    return "default"
