"""The one public search service: a query in, one result shape out, whichever backend answers.

The cluster answers when SEARCH_BACKEND is "cluster"; if it is unreachable, slow (past
SEARCH_TIMEOUT) or refuses the query, the database answers instead, a warning is logged, and
the shared circuit breaker (search/cluster/state.py) keeps every worker off the cluster until
one probe finds it answering again.

Whichever backend answers, every hit is checked against the database before it is shown
(`readable_pages`): an index that missed a change (a restriction, an unpublish during an
outage) can delay a result, never leak one.
"""

import functools
import logging
import math
from dataclasses import dataclass, field

from django.core.exceptions import FieldDoesNotExist
from django.db.models import F, TextField, Value
from django.db.models.functions import Coalesce

from wagtail.models import Locale, Page, get_page_models

from directory.facets import FACETS as LISTING_FACETS
from directory.models import ListingPage
from home.querysets import visible_pages

from . import indexing, kinds, promotions, synonyms, unanswered
from .cluster import state
from .cluster.backend import ClusterBackend
from .cluster.client import ClusterError
from .database import DatabaseBackend
from .documents import published_stamp
from .query import FACETS, SearchQuery
from .text import highlight, plain_text, unmark_other_accents, words

logger = logging.getLogger(__name__)
AUTOCOMPLETE_LIMIT = 8


@dataclass
class SearchPage:
    query: SearchQuery
    total: int = 0
    results: list = field(default_factory=list)  # dicts: the API's result shape
    facets: dict = field(default_factory=lambda: {name: [] for name in FACETS})
    backend: str = ""
    promotions: list = field(default_factory=list)  # editors' picks, shown above the results
    total_exact: bool = True  # False: at least `total` (query.BackendResults.total_exact)

    @property
    def pages(self):
        return max(1, math.ceil(self.total / self.query.per_page))

    @property
    def has_previous(self):
        return self.query.page > 1

    @property
    def has_next(self):
        return self.query.page < self.pages

    @property
    def reduced(self):
        """The database answered although the cluster is configured (it failed or rests):
        the page says so discreetly, since the database's matching is plainer."""
        return self.backend == DatabaseBackend.name and state.cluster_enabled()

    def as_json(self):
        return {
            "query": self.query.text,
            "total": self.total,
            "total_exact": self.total_exact,  # false: "at least total", facets among those
            "results": self.results,
            "facets": self.facets,
            "backend": self.backend,  # "cluster" or "database": which one answered
            "promotions": self.promotions,
        }


def make_query(text, language=None, filters=None, page=1, near=None):
    default = Locale.get_default().language_code
    return SearchQuery(
        text=text,
        language=language or default,
        default_language=default,
        filters=filters or {},
        page=page,
        near=near,
    )


cluster_enabled = state.cluster_enabled


def run(backend_call):
    """Ask the cluster if enabled and the breaker lets us, else (or on failure) the database."""
    if not state.cluster_enabled():
        return backend_call(DatabaseBackend())
    if state.may_try():
        try:
            answer = backend_call(ClusterBackend())
        except ClusterError as error:
            state.failed(error)
        else:
            if state.succeeded():
                indexing.replay_missed()  # back: send what it missed during the outage now
            else:
                indexing.replay_opportunistically()
            return answer
    state.fell_back()
    return backend_call(DatabaseBackend())


def search(query, request=None):
    """The page of results for `query`; an empty page when there is nothing to search for:
    no word (only punctuation such as "*" is no word) and no facet chosen, on every backend."""
    if not words(query.text) and not query.filters:
        return SearchPage(query=query)
    raw = run(lambda backend: backend.search(query))
    results = describe(raw.hits, query, request)
    dropped = len(raw.hits) - len(results)
    if dropped and raw.backend != DatabaseBackend.name:
        # The index is stale (it still holds hidden or deleted pages): its totals and facets
        # count them too, so the database answers this reader exactly while the index heals.
        raw = DatabaseBackend().search(query)
        results = describe(raw.hits, query, request)
        dropped = len(raw.hits) - len(results)
    answer = SearchPage(
        query=query,
        total=max(0, raw.total - dropped),  # the database drops only pages changed meanwhile
        results=results,
        facets=label_facets(raw.facets, query.language),
        backend=raw.backend,
        total_exact=raw.total_exact,
        promotions=promotions.promoted(query.text, query.language, request)
        if query.page == 1
        else [],
    )
    if not answer.total and not answer.promotions and not query.filters:
        # Words that found nothing at all: counted for editors (a filter's zero is not).
        unanswered.count(query.text, query.language)
    return answer


def autocomplete(query, request=None, limit=AUTOCOMPLETE_LIMIT):
    if not query.text.strip():
        return []
    hits = run(lambda backend: backend.autocomplete(query, limit))
    return [
        {key: r[key] for key in ("title", "url", "kind", "language", "fallback")}
        for r in describe(hits, query, request)
    ]


def readable_pages(page_ids):
    """The pages among `page_ids` any reader may see: the portal's one visibility rule
    (home/querysets.py: live, public, and not a translation of a hidden page)."""
    return visible_pages().filter(pk__in=page_ids)


def describe(hits, query, request):
    """Hits -> the result shape, with one database query for all of them.

    Hits that are no longer readable (deleted, unpublished, restricted since they were
    indexed), or whose stored card is older than the page, are left out, and the cluster is
    told to re-sync them so the index heals."""
    if hits and all(hit.card is not None for hit in hits):
        cards = cards_from_index(hits, request)
    else:
        cards = cards_from_pages(hits, request)
    stale = [h.page_id for h in hits if h.page_id not in cards]
    if stale:
        logger.warning("Search index returned %d hidden or changed page(s): %s", len(stale), stale)
        keys = dict(Page.objects.filter(pk__in=stale).values_list("pk", "translation_key"))
        indexing.note_pages((pk, keys.get(pk)) for pk in stale)  # deleted: no key, just removed
    terms = functools.cache(lambda: [query.text, *synonyms.expansions(query.text)])
    results = []
    for hit in hits:
        card = cards.get(hit.page_id)
        if card is None:
            continue
        results.append(
            {
                "id": hit.page_id,  # the page's id: the HTML cards find listings' contacts by it
                **card,
                # The cluster's (its marks checked against the accents typed), else ours.
                "highlight": (hit.highlight and unmark_other_accents(hit.highlight, terms()))
                or highlight(card["summary"], terms())
                or highlight(card["title"], terms()),
                "language": hit.language,
                "fallback": hit.language != query.language,
            }
        )
    return results


def cards_from_index(hits, request):
    """Cards from what the cluster stored (summary, kind), checked against the page rows in
    one small query: still readable, and not published again since it was indexed. Title and
    URL come from the row itself (a moved parent changes a page's `url_path`, not its own
    publish time)."""
    rows = readable_pages([h.page_id for h in hits]).values_list(
        "pk", "title", "url_path", "last_published_at"
    )
    stored = {hit.page_id: hit.card for hit in hits}
    # Wagtail's URL of a page depends on its url_path and the sites alone (no page type here
    # overrides get_url_parts), so one bare Page gives every card's URL.
    locator = Page()
    cards = {}
    for pk, title, url_path, published in rows:
        card = stored[pk]
        if card["published"] != published_stamp(published):
            continue  # changed since indexed: the index has not caught up yet
        locator.url_path = url_path
        cards[pk] = {
            "title": title,
            "url": locator.get_url(request=request),
            "kind": card["kind"],
            "summary": card["summary"],
        }
    return cards


def cards_from_pages(hits, request):
    """Cards read from the pages themselves (the database backend's hits carry none)."""
    found = readable_pages([h.page_id for h in hits]).annotate(**card_fields())
    # Each card's type (its URL's routes, its kind) without a query per page type: the
    # fields a card shows come with the one query, joined from the types' tables.
    cards = {}
    for found_page in found:
        page = found_page.specific_deferred
        cards[page.pk] = {
            "title": page.title,
            "url": page.get_url(request=request),
            "kind": kinds.kind_of(page),
            "summary": plain_text(getattr(page, "summary", "") or page.search_description),
        }
    return cards


@functools.cache
def card_fields():
    """The annotations that give a plain `Page` what `describe` reads of its specific page:
    `summary` from whichever page type defines one, and a listing's `kind` (copied onto
    `specific_deferred` as those fields' values)."""
    summaries = []
    for model in get_page_models():
        try:
            field = model._meta.get_field("summary")
        except FieldDoesNotExist:
            continue
        if field.model is not model:
            continue  # inherited: the model that defines it is listed too
        chain = [m for m in reversed(model._meta.get_parent_list()) if m is not Page]
        path = "__".join(m._meta.model_name for m in [*chain, model])
        summaries.append(F(f"{path}__summary"))
    return {
        "summary": Coalesce(*summaries, Value(""), output_field=TextField()),
        "kind": F(f"{ListingPage._meta.model_name}__kind"),
    }


def label_facets(counts, language):
    """{name: {value: count}} -> {name: [{"value", "label", "count"}]}, labels translated."""
    facets = {}
    for facet in LISTING_FACETS:
        labels = kinds.facet_labels(facet, language)
        items = [
            {"value": value, "label": labels.get(value, value), "count": count}
            for value, count in counts.get(facet.name, {}).items()
            if count
        ]
        facets[facet.name] = sorted(items, key=lambda item: (-item["count"], item["label"]))
    return facets
