"""Synonym sets, as the database backend and the cluster each need them: the editors' sets, and
one set per need and per area (search/need_words.py): its name in every language, its slug,
and the everyday words readers type for it ("rent" for financial help). An editors' set that names
a need or an area gets its names in every language.
"""

from django.core.cache import cache

from home.request_memo import forget as forget_request_memo
from home.request_memo import remember

from .need_words import area_sets, need_names, need_sets
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

        names = need_names() + area_sets()
        cached = [with_names(s.term_list(), names) for s in SynonymSet.objects.all()]
        cached += need_sets() + area_sets()
        cached = [terms for terms in cached if len(terms) > 1]
        cache.set(CACHE_KEY, cached, CACHE_SECONDS)
    return cached


def with_names(terms, name_sets):
    """An editors' set with the names of every need or area it names, in every language: the
    editors' Food set says "food" and "ምግቢ", the need is called "መግቢ" in Tigrinya, so each
    spelling finds the other's pages (a synonym filter does not chain two rules). Only the
    names join, not the need's everyday words: "sewing" must not bring every "n95"."""
    keys = {fold(t) for t in terms}
    found = list(terms)
    for names in name_sets:
        if keys & {fold(n) for n in names}:
            found += [n for n in names if n not in found]
    return found


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
