"""SearchQuery -> elasticsearch-dsl `Search`: relevance, fallbacks, facets, highlights."""

from elasticsearch_dsl import Q, Search

from directory.facets import FACETS, FACETS_BY_NAME

from ..text import words
from .mapping import STEMMED, TEXT_FIELDS

HIGHLIGHT_FIELDS = ["summary", "body", "taxonomy", "title"]


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
    untranslated = Q("term", locale=query.default_language) & ~Q(
        "term", available_locales=query.language
    )
    return Q("term", locale=query.language) | untranslated


def relevance(text, languages):
    """Matches on the analyzed fields (with synonyms), plus a weaker typo-tolerant match."""
    return Q(
        "bool",
        should=[
            Q("multi_match", query=text, fields=search_fields(languages), type="most_fields"),
            Q(
                "multi_match",
                query=text,
                fields=[f"{name}^{boost}" for name, boost in TEXT_FIELDS.items()],
                analyzer="folded",
                fuzziness="AUTO",
                prefix_length=1,
                max_expansions=20,
                boost=0.3,
            ),
            Q("match_phrase", title={"query": text, "analyzer": "folded", "boost": 3}),
        ],
        minimum_should_match=1,
    )


def sort_language_first(query):
    """The reader's language first, whatever the score: untranslated fallbacks come after.

    `language_filter` lets in two languages at most, the reader's and the default one, so
    ordering the `locale` keyword one way or the other does it, from doc values, instead of
    a script run for every matching document.
    """
    first_is_smaller = query.language <= query.default_language
    return {"locale": {"order": "asc" if first_is_smaller else "desc"}}


def build_search(index, query):
    text = " ".join(words(query.text))
    s = Search(index=index)
    s = s.query(relevance(text, query.languages)) if text else s.query("match_all")
    s = s.filter(language_filter(query))
    for name, value in query.filters.items():
        s = s.filter("term", **{FACETS_BY_NAME[name].field: value})
    for facet in FACETS:
        s.aggs.bucket(facet.name, "terms", field=facet.field, size=100)
    s = s.highlight(*HIGHLIGHT_FIELDS, fragment_size=180, number_of_fragments=1)
    s = s.highlight_options(
        pre_tags=["<mark>"], post_tags=["</mark>"], encoder="html", require_field_match=False
    )
    s = s.sort(sort_language_first(query), "_score", {"page_id": "asc"})
    s = s.extra(track_scores=True, track_total_hits=True)
    s = s.source(["page_id", "locale"])
    return s[query.offset : query.offset + query.per_page]


def build_autocomplete(index, query, limit):
    text = " ".join(words(query.text))
    s = Search(index=index).query(
        "match", **{"title.autocomplete": {"query": text, "operator": "and"}}
    )
    s = s.filter(language_filter(query)).source(["page_id", "locale"])
    s = s.sort(sort_language_first(query), "_score", {"page_id": "asc"})
    return s.extra(track_scores=True)[:limit]
