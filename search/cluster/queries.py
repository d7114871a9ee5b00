"""SearchQuery -> cluster request bodies: relevance, fallbacks, facets, highlights.

A search is sent as one `_msearch` of a few searches, each of them cheap at 100,000 pages
(measured in bench/search.py); with ways to give after ways to get help (`result_groups`),
the first two are made for each of those in turn:

- the reader's language: the best matches in it, by score alone, so the cluster can skip
  pages that cannot reach the top (no sort over every match, no exact count);
- the untranslated default-language pages (for a reader of another language), the same way.
  The reader's language always comes first: the fallbacks fill the page once it runs out;
- the facets and the exact total: counted in filter context (no scores), over the same
  matches as the two searches above.

The typo-tolerant (fuzzy) clause costs more than the rest of the relevance query together,
so it is added only when the exact words find too little (see `FUZZY_BELOW`).
"""

from django.conf import settings

from elasticsearch_dsl import Q, Search

from directory.facets import FACETS, FACETS_BY_NAME

from .. import kinds, ranking
from ..geez import stems
from ..text import words
from .mapping import STEMMED, TEXT_FIELDS

VIETNAMESE = "vi"
GETTING = "getting"  # the facets search's count of matching ways to get help
HIGHLIGHT = {
    "fields": {
        name: {"fragment_size": 180, "number_of_fragments": 1}
        for name in ("summary", "body", "taxonomy", "title")
    },
    "pre_tags": ["<mark>"],
    "post_tags": ["</mark>"],
    "encoder": "html",
    "require_field_match": False,
}
# Fewer exact matches than this (a page of results) and the search is asked again, typos
# forgiven: "grocerys" finds "groceries", while "groceries" is not diluted by "grocer".
FUZZY_BELOW = 10
# What a hit brings back: its page, language and result card (see search/documents.py).
CARD_SOURCE = ["page_id", "locale", "kind", "summary", "published"]


def search_fields(languages):
    fields = []
    for name, boost in TEXT_FIELDS.items():
        fields.append(f"{name}^{boost}")
        fields += [f"{name}.{code}^{boost}" for code in languages if code in STEMMED]
    return fields


def language_filter(query):
    """Pages in the reader's language, and default-language pages not translated into it."""
    if query.language == query.default_language:
        return Q("term", locale=query.language)
    return Q("term", locale=query.language) | untranslated_filter(query)


def untranslated_filter(query):
    """Default-language pages with no translation in the reader's language."""
    return Q("term", locale=query.default_language) & ~Q("term", available_locales=query.language)


def language_groups(query):
    """(filter, language) for each group of results, in the order they are shown: the
    reader's language, then (for readers of another language) the untranslated fallbacks."""
    groups = [(Q("term", locale=query.language), query.language)]
    if query.language != query.default_language:
        groups.append((untranslated_filter(query), query.default_language))
    return groups


def result_groups(query):
    """(filter, language) for each group of results, in the order they are shown: ways to
    get help before ways to give it, or ways to give first when the reader asks to give
    (search/ranking.py: the database orders the same way), each in the reader's language,
    then the fallbacks. An index built before documents carried `giving` puts everything in
    the getting-help groups."""
    groups = language_groups(query)
    giving = Q("term", giving=True)
    getting = [(f & ~giving, code) for f, code in groups]
    given = [(f & giving, code) for f, code in groups]
    return getting + given if ranking.demote_giving(query) else given + getting


def relevance(text, language, fuzzy=False, scored=True):
    """Matches on the analyzed fields (with synonyms, stemmed for `language` where we can),
    plus a phrase bonus in the title; with `fuzzy`, also a weaker typo-tolerant match; and
    the Ge'ez words' stems (search/geez.py) against the stored stems.

    A Vietnamese reader's words are all required (in one field): a Vietnamese word is often
    two or three syllables, each a word elsewhere ("vô gia cư", homeless; "nhập cư").

    Not `scored` (counting): no phrase bonus, since a title holding the phrase holds its
    words, which the first clause matches anyway; phrases are the costly part to check."""
    operator = "and" if language == VIETNAMESE and len(words(text)) > 1 else "or"
    should = [
        Q(
            "multi_match",
            query=text,
            fields=search_fields([language]),
            type="most_fields",
            operator=operator,
        ),
    ]
    if stemmed := stems(text):
        should.append(Q("match", stems={"query": stemmed}))
    if scored:
        should.append(Q("match_phrase", title={"query": text, "analyzer": "folded", "boost": 3}))
    if fuzzy:
        should.append(
            Q(
                "multi_match",
                query=text,
                fields=[f"{name}^{boost}" for name, boost in TEXT_FIELDS.items()],
                analyzer="folded",
                operator=operator,
                fuzziness="AUTO",
                prefix_length=1,
                max_expansions=20,
                boost=0.3,
            )
        )
    return Q("bool", should=should, minimum_should_match=1)


def matching(query, group_filter, language, fuzzy, scored=True):
    """What one group matches: its pages, the reader's words (if any) and chosen facets."""
    text = " ".join(words(query.text))
    filters = [group_filter]
    filters += [
        # `terms`: a nested facet's value also matches the values enclosing it (facets.py).
        Q("terms", **{FACETS_BY_NAME[name].field: FACETS_BY_NAME[name].filter_values(value)})
        for name, value in query.filters.items()
    ]
    must = [relevance(text, language, fuzzy, scored)] if text else []
    return Q("bool", must=must, filter=filters)


def build_searches(query, fuzzy=False):
    """The `_msearch` bodies for one page of results: a hits search per group of results
    (`result_groups`; the first `offset + per_page` of each, which may have to fill the
    page), then the facets search. See `merge_tiers` for putting the page together.

    Plain dicts: building them with elasticsearch-dsl's `Search` (which copies itself at
    every step) cost more of the portal's time than the cluster spent answering."""
    bodies = []
    end = query.offset + query.per_page
    for group_filter, language in result_groups(query):
        # Every group from its first result: `merge_tiers` may merge them by score.
        bodies.append(
            {
                "query": matching(query, group_filter, language, fuzzy).to_dict(),
                "sort": [*nearest_first(query), "_score", {"page_id": "asc"}],
                # Counting stops where this page ends: past it only the best scores matter,
                # so the cluster may skip pages that cannot reach them.
                "track_total_hits": end,
                "from": 0,
                "size": end,
                "_source": CARD_SOURCE,
                "highlight": HIGHLIGHT,
            }
        )
    bodies.append(build_facets(query, fuzzy))
    return bodies


def nearest_first(query):
    """Near me (directory/near.py): the nearest of each listing's located places first, those
    with none after (the cluster sorts a missing point last); an index built before documents
    carried `locations` sorts as if none had one. [] when the reader gave no place."""
    if query.near is None:
        return []
    point = {"lat": query.near.latitude, "lon": query.near.longitude}
    distance = {"locations": point, "order": "asc", "unit": "mi", "mode": "min"}
    return [{"_geo_distance": {**distance, "ignore_unmapped": True}}]


def build_facets(query, fuzzy):
    """Facet counts and the exact total over every group's matches, scored by nobody (the
    aggregations visit every match anyway, so the exact count costs nothing more)."""
    either = Q(
        "bool",
        should=[
            matching(query, group_filter, language, fuzzy, scored=False)
            for group_filter, language in language_groups(query)
        ],
        minimum_should_match=1,
    )
    return {
        "query": Q("bool", filter=[either]).to_dict(),
        "size": 0,
        "track_total_hits": True,
        "aggs": {
            **{facet.name: facet_aggregation(facet) for facet in FACETS},
            # How many ways to get help matched: none, and ways to give keep their rank.
            GETTING: {"filter": getting_filter().to_dict()},
        },
    }


def getting_filter():
    """Listings that are not ways to give (articles and plain pages are no listings)."""
    return ~Q("term", giving=True) & ~Q("terms", kind=[kinds.ARTICLE, kinds.PAGE])


def facet_aggregation(facet):
    """A facet's counts: a `terms` aggregation, or for a nested facet one filter per value,
    so that each value counts what filtering by it returns (South King County counts the
    county-wide listings too), as the database's counts do."""
    values = facet.labels(settings.LANGUAGE_CODE) if facet.nests else ()
    if not values:  # a flat facet, or no area yet: OpenSearch refuses an empty `filters`
        return {"terms": {"field": facet.field, "size": 100}}
    return {
        "filters": {
            "filters": {
                value: {"terms": {facet.field: facet.filter_values(value)}} for value in values
            }
        }
    }


def bucket_counts(aggregation):
    """{value: count} from a `terms` aggregation's bucket list or a keyed `filters` one."""
    buckets = aggregation["buckets"]
    if isinstance(buckets, dict):
        return {value: b["doc_count"] for value, b in buckets.items() if b["doc_count"]}
    return {b["key"]: b["doc_count"] for b in buckets}


def merge_tiers(query, groups, getting):
    """One page of hits from the groups of `result_groups` in tiers (each group's answer
    from its first result): the first tier (ways to get help, or ways to give for a reader
    who asks to give), language by language, then the other; or, when ways to give go
    second and no way to get help matched (`getting` is 0), each language's two groups
    merged back in the order the cluster sorted them (their sort values)."""
    if getting:
        ordered = [hit for group in groups for hit in group["hits"]]
    else:
        half = len(groups) // 2
        ordered = []
        for get, give in zip(groups[:half], groups[half:], strict=True):
            ordered += sorted(get["hits"] + give["hits"], key=sort_key)
    return ordered[query.offset : query.offset + query.per_page]


def sort_key(hit):
    """A hit's place in its search's order: sort values ascending, except the score."""
    *before, score, page_id = hit["sort"]
    return (*before, -score, page_id)


def sort_language_first(query):
    """The reader's language first, whatever the score: untranslated fallbacks come after.

    `language_filter` lets in two languages at most, the reader's and the default one, so
    ordering the `locale` keyword one way or the other does it, from doc values, instead of
    a script run for every matching document. (Autocomplete: a handful of titles.)
    """
    first_is_smaller = query.language <= query.default_language
    return {"locale": {"order": "asc" if first_is_smaller else "desc"}}


def build_autocomplete(index, query, limit):
    text = " ".join(words(query.text))
    s = Search(index=index).query(
        "match", **{"title.autocomplete": {"query": text, "operator": "and"}}
    )
    s = s.filter(language_filter(query)).source(CARD_SOURCE)
    s = s.sort(sort_language_first(query), "_score", {"page_id": "asc"})
    return s.extra(track_scores=True)[:limit]
