"""The index: per-language analyzers, editors' synonyms, keyword facets, edge n-grams.

One index holds every locale. Text fields are analyzed three ways: `folded` (ICU tokens,
case and diacritics folded: Vietnamese "thực phẩm" and "thuc pham" meet; Ge'ez script for
Amharic and Tigrinya is split into words by the ICU tokenizer), plus `.en` and `.es`
subfields with English and Spanish stemmers. Synonyms apply at search time only
(`synonym_graph`), so editors' changes need no reindex, just a settings update.
One shard (the index is small for a search engine even at 100,000 pages), and replicas as
SEARCH_REPLICAS says: by default one copy on a second node whenever there is one.
"""

from django.conf import settings

from elasticsearch_dsl import (
    Boolean,
    Document,
    GeoPoint,
    Index,
    Integer,
    Keyword,
    Text,
    analyzer,
    token_filter,
)

from directory.facets import FACETS

# Stemmed subfields; other languages use the folded field alone (no stemmer for vi, am, ti).
STEMMED = {"en": "english", "es": "light_spanish"}
# Searched with these weights; `.en`/`.es` subfields get the same.
TEXT_FIELDS = {"title": 4, "taxonomy": 2.5, "summary": 2, "body": 1}
# A placeholder rule keeps the filter valid while no synonym set exists yet.
EMPTY_RULES = ["portal-no-synonyms-yet"]


def analyzers(rules):
    synonyms = token_filter(
        "need_synonyms", "synonym_graph", synonyms=rules or EMPTY_RULES, lenient=True
    )
    found = {
        "folded": analyzer("folded", tokenizer="icu_tokenizer", filter=["icu_folding"]),
        "folded_synonyms": analyzer(
            "folded_synonyms", tokenizer="icu_tokenizer", filter=["icu_folding", synonyms]
        ),
        "autocomplete": analyzer(
            "autocomplete",
            tokenizer="icu_tokenizer",
            filter=[
                "icu_folding",
                token_filter("prefixes", "edge_ngram", min_gram=1, max_gram=20),
            ],
        ),
    }
    for code, language in STEMMED.items():
        stemmer = token_filter(f"{code}_stemmer", "stemmer", language=language)
        found[code] = analyzer(
            f"stemmed_{code}", tokenizer="icu_tokenizer", filter=["icu_folding", stemmer]
        )
        found[f"{code}_synonyms"] = analyzer(
            f"stemmed_{code}_synonyms",
            tokenizer="icu_tokenizer",
            filter=["icu_folding", synonyms, stemmer],
        )
    return found


def text_field(a, autocomplete=False):
    fields = {
        code: Text(analyzer=a[code], search_analyzer=a[f"{code}_synonyms"]) for code in STEMMED
    }
    if autocomplete:
        fields["autocomplete"] = Text(analyzer=a["autocomplete"], search_analyzer=a["folded"])
    return Text(analyzer=a["folded"], search_analyzer=a["folded_synonyms"], fields=fields)


def document_class(rules):
    a = analyzers(rules)
    fields = {
        "page_id": Integer(),
        "translation_key": Keyword(),
        "locale": Keyword(),  # the page's language code
        "available_locales": Keyword(),  # every language the page is live in
        # One keyword field per facet (directory/facets.py): filters and aggregations.
        **{facet.field: Keyword() for facet in FACETS},
        "title": text_field(a, autocomplete=True),
        "summary": text_field(a),
        "body": text_field(a),
        "taxonomy": text_field(a),  # needs, areas, languages and organization, by name
        # The Ge'ez words of the fields above by stem, made by search/geez.py in Python, as
        # the query's are: no analyzer the cluster ships stems Amharic or Tigrinya.
        "stems": Text(analyzer="whitespace"),
        "giving": Boolean(),  # a way to give help: sorted after the rest (search/ranking.py)
        "locations": GeoPoint(),  # a listing's located places: near me sorts by them
        # Only read back with the result card (see search/documents.py), never searched.
        "published": Keyword(index=False, doc_values=False),
    }
    return type("PageDocument", (Document,), fields)


def build_index(name, rules):
    index = Index(name)
    index.settings(number_of_shards=1, auto_expand_replicas=settings.SEARCH_REPLICAS)
    index.document(document_class(rules))
    return index


def analysis_settings(rules):
    """Just the analysis part, for updating synonyms on a closed index."""
    return build_index("unused", rules).to_dict()["settings"]["analysis"]
