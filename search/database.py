"""The embedded backend: Wagtail's database search (SQLite FTS5 here, PostgreSQL full text there).

Wagtail keeps its database index current by itself; this module turns a SearchQuery into the
pages the reader may see (narrowed by facets), expands synonyms into the query, and asks one
statement per database to match, filter, rank and cut (the reader's language, then the
fallbacks if the cut has room); facet counts come from the ORM, highlights from Python. It
reads at most MAX_MATCHES ranked matches: enough for facet counts and every page a reader
will open, and it bounds the work on a huge result set.
"""

from django.db.models import Count, Q

from wagtail.models import Locale, Page
from wagtail.search.query import Or, Phrase, PlainText

from directory.facets import FACETS_BY_NAME, facet_counts
from directory.models import ListingPage
from directory.near import nearest_matches_first
from home.querysets import reader_pages
from home.request_memo import locales_by_code

from . import fts, fts_postgres, geez, kinds, ranking, synonyms, typos_postgres, vocabulary
from .fts_common import ANY, EVERY, PHRASE
from .query import BackendResults, Hit
from .spellings import vietnamese_spellings
from .text import words

MAX_MATCHES = 500
BACKEND_NAME = "database"
VIETNAMESE = "vi"


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
        """(page id, language code) of the ranked matches in their groups (ways to get help
        first, the reader's language first), nearest first within each for near me."""
        expression = self.search_expression(query.text)
        if expression is None and not query.filters:
            return []
        locales = locales_by_code()  # the request's locales, no query
        codes = {loc.pk: code for code, loc in locales.items()}
        reader = locales.get(query.language) or Locale.get_default()
        pages = self.candidates(query)
        ranked_pages = ranked_statement()
        if expression is None:  # browsing by filters alone
            found = pages.order_by("title").values_list("pk", "locale_id")[:MAX_MATCHES]
        elif ranked_pages is not None:
            # Each statement matches, keeps the candidates, ranks and cuts. The reader's
            # language first, on its own: when it fills the cut, the fallbacks (the default
            # language's untranslated pages) are never ranked at all.
            spelled = self.reader_spellings(query.text)
            alternatives = self.alternatives(query.text, query.language, spelled)
            title = title_words(spelled)
            found = ranked_pages(
                alternatives, pages.filter(locale_id=reader.pk), MAX_MATCHES, title
            )
            if len(found) < MAX_MATCHES and query.language != query.default_language:
                fallbacks = pages.exclude(locale_id=reader.pk)
                found += ranked_pages(alternatives, fallbacks, MAX_MATCHES - len(found), title)
        else:  # another database: Wagtail's own search, then the language sort here
            found = (
                searchable(pages)
                .only("pk", "locale_id", "title")
                .search(expression, backend=wagtail_database_backend())[:MAX_MATCHES]
            )
            found = [(page.pk, page.locale_id) for page in found]
        ranked = [(pk, codes.get(locale_id, "")) for pk, locale_id in found]
        # Stable: within each language (and tier) the order above stays.
        group_of = ranking.group_key(query, ranked)
        if query.near is not None:  # near me: by distance, then area (near.py), within groups
            return nearest_matches_first(ranked, query.near, group_of)
        ranked.sort(key=lambda item: group_of(item[0]))
        return ranked

    def reader_spellings(self, text):
        """Each reader's word with its spellings (accented Vietnamese, and on SQLite the
        index's words it stands for: search/vocabulary.py), one list per word."""
        typed = words(text)
        others = stands_for(typed)
        return [word_spellings(word, others) for word in typed]

    def alternatives(self, text, language, spelled=None):
        """What to match, as search/fts_common.py describes it: the reader's words, and each
        synonym (a phrase when it has several).

        Each reader's word counts with its spellings (`reader_spellings`). Any of the words
        may match, except for a Vietnamese reader's words: a Vietnamese word is often two or
        three syllables, each a word of its own elsewhere ("vô gia cư", homeless; "nhập cư",
        immigration), so every syllable typed must be there."""
        if spelled is None:
            spelled = self.reader_spellings(text)
        if language == VIETNAMESE and len(spelled) > 1:
            found = [(spelled, EVERY)]
        else:
            found = [([s for spellings in spelled for s in spellings], ANY)]
        for synonym in synonyms.expansions(text):
            synonym_words = words(synonym)
            if synonym_words:
                found.append((synonym_words, PHRASE if len(synonym_words) > 1 else ANY))
        return found

    def facets(self, page_ids):
        """The listings' facets, and search's own kinds from the same page rows in one query:
        an article is a page with an article row, a "page" one with neither an article nor a
        listing row, as `kinds.page_ids_of_kind` filters them (the tests hold the two to it)."""
        counts = facet_counts(page_ids)
        own = Page.objects.filter(pk__in=page_ids).aggregate(
            **{
                kinds.ARTICLE: Count("pk", filter=Q(articlepage__isnull=False)),
                kinds.PAGE: Count(
                    "pk", filter=Q(articlepage__isnull=True, listingpage__isnull=True)
                ),
            }
        )
        counts["kind"].update(own)
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
            total_exact=len(ranked) < MAX_MATCHES,
        )

    def autocomplete(self, query, limit):
        typed = words(query.text)
        if not typed:
            return []
        locales = locales_by_code()  # the request's locales, no query
        codes = {loc.pk: code for code, loc in locales.items()}
        candidates = self.candidates(query)
        statement = autocomplete_statement()
        if statement is not None:
            # Each typed word, or a spelling of it with accents, starts a word of the title:
            # "thuc" suggests "Giao thực phẩm". The reader's language first, then fallbacks.
            spellings = [vietnamese_spellings(word.casefold()) for word in typed]
            reader = locales.get(query.language) or Locale.get_default()
            found = statement(spellings, candidates.filter(locale_id=reader.pk), limit)
            if len(found) < limit and query.language != query.default_language:
                fallbacks = candidates.exclude(locale_id=reader.pk)
                found += statement(spellings, fallbacks, limit - len(found))
        else:  # another database: Wagtail's own autocomplete, then the language sort here
            found = searchable(candidates).autocomplete(
                " ".join(typed), backend=wagtail_database_backend()
            )
            found = [(page.pk, page.locale_id) for page in found[: limit * 3]]
        ranked = [(pk, codes.get(locale_id, "")) for pk, locale_id in found]
        ranked.sort(key=lambda item: item[1] != query.language)
        return [Hit(page_id=pid, language=code) for pid, code in ranked[:limit]]


def title_words(spelled):
    """The reader's words a title must all hold to come first (each any of its spellings),
    or None for a single word: several words that are all in a title are what its page is
    about ("historia ayuda mutua", "give blood"), however often other pages repeat a common
    one of them; one word in a title is no such sign, and bm25's title weight serves it."""
    return spelled if len(spelled) > 1 else None


def stands_for(typed):
    """{word: the index's words it may stand for, though spelled otherwise}: on SQLite, those
    of the same stem, number or a close spelling (search/vocabulary.py: FTS5 neither stems
    nor forgives typos); on PostgreSQL, which stems, the closest words for a misspelt one
    (search/typos_postgres.py), except for a Ge'ez word (every spelling of its stem serves,
    see `word_spellings`) and a plain Vietnamese syllable (its accented spellings serve)."""
    if fts.available():
        return vocabulary.other_forms(typed)
    if fts_postgres.available():
        plain = [
            w for w in typed if not geez.is_geez(w) and len(vietnamese_spellings(w.casefold())) == 1
        ]
        return typos_postgres.closest_words(plain, fts_postgres.text_search_config())
    return {}


def word_spellings(word, stands_for):
    """A reader's word and the other spellings it is searched under: the accented spellings
    of a Vietnamese syllable typed without accents (search/spellings.py: the database folds
    neither), and the index's words it may stand for (`stands_for`); on PostgreSQL, whose
    english configuration stems plurals but not Ge'ez, every spelling of a Ge'ez word's
    stem."""
    found = list(vietnamese_spellings(word.casefold()))
    if not fts.available() and geez.is_geez(word):  # no vocabulary to ask: every spelling
        return geez.forms(word)
    found += [f for f in stands_for.get(word.casefold(), []) if f not in found]
    return found


def searchable(pages):
    """The same pages as a filter modelsearch can read: it translates only plain field
    lookups, not the visibility rule's correlated EXISTS (home/querysets.py)."""
    return Page.objects.filter(pk__in=pages.values("pk"))


def ranked_statement():
    """This database's one-statement ranked match (search/fts.py, search/fts_postgres.py), or
    None where Wagtail's own query serves (MySQL, SQLite without FTS5)."""
    if fts.available():
        return fts.ranked_pages
    if fts_postgres.available():
        return fts_postgres.ranked_pages
    return None


def autocomplete_statement():
    """This database's one-statement autocomplete (search/fts.py, search/fts_postgres.py), or
    None where Wagtail's own autocomplete serves."""
    if fts.available():
        return fts.autocomplete_pages
    if fts_postgres.available():
        return fts_postgres.autocomplete_pages
    return None


def wagtail_database_backend():
    """Wagtail's name for its database backend: "default" unless a cluster serves the admin."""
    from django.conf import settings

    backends = settings.WAGTAILSEARCH_BACKENDS
    for name, config in backends.items():
        if config["BACKEND"].endswith(".database"):
            return name
    return "default"
