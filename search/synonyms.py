"""Synonym sets, as the database backend and the cluster each need them: the editors' sets, and
one set per need (search/need_words.py): its name in every language, its slug, and the
everyday words readers type for it ("rent" for financial help).
"""

from django.core.cache import cache

from home.request_memo import forget as forget_request_memo
from home.request_memo import remember

from .need_words import need_sets
from .text import fold, words

CACHE_KEY = "search:synonym-groups"
CACHE_SECONDS = 300


def groups():
    """Every synonym set's terms, cached (saving a set clears the cache, see signals.py); read
    once per request, however many parts of the search ask."""
    return remember(CACHE_KEY, _cached_groups)


def _cached_groups():
    cached = cache.get(CACHE_KEY)
    if cached is None:
        from .models import SynonymSet

        cached = [terms for s in SynonymSet.objects.all() if len(terms := s.term_list()) > 1]
        cached += [terms for terms in need_sets() if len(terms) > 1]
        cache.set(CACHE_KEY, cached, CACHE_SECONDS)
    return cached


def forget():
    cache.delete(CACHE_KEY)
    forget_request_memo()  # a set saved in this request: its analyzers read the new terms


def contains(haystack, needle):
    """True if the folded words of `needle` occur, in order and together, in `haystack`."""
    n = len(needle)
    return n > 0 and any(haystack[i : i + n] == needle for i in range(len(haystack) - n + 1))


def expansions(query):
    """Terms to search besides the query: the other members of every set the query names.

    "groceries near me" -> ["food", "meals", "comida", ...]; multi-word terms count when all
    their words appear in order ("thuc pham" names "thực phẩm").
    """
    query_words = [fold(w) for w in words(query)]
    extra = []
    for terms in groups():
        if any(contains(query_words, [fold(w) for w in words(term)]) for term in terms):
            extra.extend(t for t in terms if t not in extra)
    # Word by word: "sewing" names the set that holds "sew", which is still searched.
    return [t for t in extra if not contains(query_words, [fold(w) for w in words(t)])]


def solr_rules():
    """The sets in the Solr format `synonym_graph` reads: one line of equivalent terms each."""
    rules = []
    for terms in groups():
        clean = [" ".join(words(t)) for t in terms]
        clean = [t for t in clean if t]
        if len(clean) > 1:
            rules.append(", ".join(clean))
    return rules
