"""The cluster backend: index maintenance and queries against `<prefix>-pages`.

`<prefix>-pages` is an alias. A rebuild fills a new, dated index and swaps the alias in one
step, so readers never see a half-built index; updates always write through the alias. Index
management runs with SEARCH_ADMIN_TIMEOUT (a cold cluster takes seconds to create an index),
and a rebuild that fails deletes the index it created, leaving the alias where it was.
"""

import logging
import time

from django.conf import settings

from wagtail.models import Page

from .. import ranking, synonyms
from ..documents import DocumentBuilder, searchable_pages
from ..query import FACETS, BackendResults, Hit
from ..text import words
from .client import ClusterClient, ClusterError
from .mapping import analysis_settings, build_index
from .queries import (
    FUZZY_BELOW,
    GETTING,
    bucket_counts,
    build_autocomplete,
    build_searches,
    merge_tiers,
)

logger = logging.getLogger(__name__)
BATCH = 500


class ClusterBackend:
    name = "cluster"

    def __init__(self, client=None, prefix=None):
        self.client = client or ClusterClient()
        self.prefix = prefix or settings.SEARCH_INDEX_PREFIX
        self.alias = f"{self.prefix}-pages"

    def manage(self, method, path, **kwargs):
        """An index-management request: it may take SEARCH_ADMIN_TIMEOUT, not a reader's 2 s."""
        return self.client.request(method, path, timeout=settings.SEARCH_ADMIN_TIMEOUT, **kwargs)

    # --- Queries ----------------------------------------------------------------------------
    def search(self, query):
        found = self.ask(query, fuzzy=False)
        if found.total < FUZZY_BELOW and words(query.text):
            found = self.ask(query, fuzzy=True)  # too little: forgive typos (see queries.py)
        return found

    def ask(self, query, fuzzy):
        *groups, facets = self.client.msearch(self.alias, build_searches(query, fuzzy))
        # In tiers (queries.result_groups): ways to give second, unless the reader asks to
        # give; then they come first whatever matched.
        demoted = ranking.demote_giving(query)
        getting = facets["aggregations"][GETTING]["doc_count"] if demoted else 1
        merged = merge_tiers(query, [group["hits"] for group in groups], getting)
        return BackendResults(
            total=facets["hits"]["total"]["value"],
            hits=[hit_of(raw) for raw in merged],
            facets={name: bucket_counts(facets["aggregations"][name]) for name in FACETS},
            backend=self.name,
        )

    def autocomplete(self, query, limit):
        s = build_autocomplete(self.alias, query, limit)
        raw = self.client.request("POST", f"/{self.alias}/_search", body=s.to_dict())
        return [hit_of(hit) for hit in raw["hits"]["hits"]]

    # --- Index maintenance ------------------------------------------------------------------
    def new_index_name(self):
        return f"{self.alias}-{time.strftime('%Y%m%d%H%M%S')}-{time.monotonic_ns() % 10**6}"

    def create_index(self, name=None):
        name = name or self.new_index_name()
        body = build_index(name, synonyms.solr_rules()).to_dict()
        self.manage("PUT", f"/{name}", body=body)
        return name

    def ensure_index(self):
        """Create the index and its alias if this cluster has never had them."""
        if not self.client.exists(f"/_alias/{self.alias}"):
            name = self.create_index()
            add = {"add": {"index": name, "alias": self.alias}}
            self.manage("POST", "/_aliases", body={"actions": [add]})

    def aliased_indices(self):
        """The indices the alias points at now (none before the first build)."""
        if not self.client.exists(f"/_alias/{self.alias}", timeout=settings.SEARCH_ADMIN_TIMEOUT):
            return []
        return list(self.manage("GET", f"/_alias/{self.alias}"))

    def rebuild(self, progress=None):
        """Index every searchable page into a fresh index, then point the alias at it.

        On any failure the new index is deleted (even a create that timed out may have
        succeeded on the cluster) and the alias stays on the old one; the error is raised.
        """
        name = self.new_index_name()
        try:
            count = self.fill_and_swap(name, progress)
        except BaseException as error:
            error.half_built_index_deleted = self.discard(name, error)
            raise
        return count

    def discard(self, name, error):
        """Delete the half-built index `name`, unless the alias already moved to it.

        Returns whether no half-built index is left behind."""
        try:
            if name in self.aliased_indices():
                return True  # the swap went through before the failure: `name` is live
            self.manage("DELETE", f"/{name}", params={"ignore_unavailable": "true"})
        except ClusterError as cleanup_error:
            logger.error(
                "Rebuild failed (%s) and the half-built index %s could not be deleted (%s): "
                "delete it by hand",
                error,
                name,
                cleanup_error,
            )
            return False
        logger.warning("Rebuild failed (%s); deleted the half-built index %s", error, name)
        return True

    def fill_and_swap(self, name, progress):
        self.create_index(name)
        pages = searchable_pages().order_by("pk")
        ids = list(pages.values_list("pk", flat=True))
        builder = DocumentBuilder()
        for start in range(0, len(ids), BATCH):
            batch = ids[start : start + BATCH]
            docs = builder.build(pages.filter(pk__in=batch).specific())
            self.client.bulk(index_actions(name, docs), timeout=settings.SEARCH_ADMIN_TIMEOUT)
            if progress:
                progress(len(batch), len(ids))
        self.manage("POST", f"/{name}/_refresh")
        old = self.aliased_indices()
        actions = [{"remove": {"index": o, "alias": self.alias}} for o in old]
        actions.append({"add": {"index": name, "alias": self.alias}})
        self.manage("POST", "/_aliases", body={"actions": actions})
        for index in old:
            try:
                self.manage("DELETE", f"/{index}")
            except ClusterError as error:  # readers already use the new index: only tidy-up
                logger.warning("The old index %s could not be deleted (%s)", index, error)
        return len(ids)

    def sync(self, page_ids=(), translation_keys=()):
        """Bring these pages (and all translations of them) in line with the database."""
        self.ensure_index()
        page_ids, translation_keys = list(page_ids), list(translation_keys)
        pages = searchable_pages()
        live = pages.filter(pk__in=page_ids) | pages.filter(translation_key__in=translation_keys)
        live = list(live.specific())
        docs = DocumentBuilder().build(live)
        # Translations leave with their source: unpublishing or restricting the English page
        # hides its translations too (home/querysets.py), so their documents go as well.
        translations = Page.objects.filter(translation_key__in=translation_keys)
        listed = set(page_ids) | set(translations.values_list("pk", flat=True))
        gone = listed - {p.pk for p in live}
        actions = list(index_actions(self.alias, docs))
        actions += [
            {"_op_type": "delete", "_index": self.alias, "_id": str(pk)} for pk in sorted(gone)
        ]
        if actions:
            self.client.bulk(actions)
        return len(docs), len(gone)

    def update_synonyms(self):
        """Swap in the editors' current synonyms: close, update the analyzers, reopen."""
        self.ensure_index()
        analysis = analysis_settings(synonyms.solr_rules())
        self.client.request("POST", f"/{self.alias}/_close")
        try:
            self.client.request("PUT", f"/{self.alias}/_settings", body={"analysis": analysis})
        finally:
            self.client.request(
                "POST", f"/{self.alias}/_open", params={"wait_for_active_shards": "1"}
            )

    def refresh(self):
        self.client.request("POST", f"/{self.alias}/_refresh")

    def drop(self):
        """Delete this prefix's indices (tests and benchmarks clean up after themselves)."""
        self.manage(
            "DELETE",
            f"/{self.alias}-*",
            params={"expand_wildcards": "all", "ignore_unavailable": "true"},
        )


def index_actions(index, docs):
    for doc in docs:
        yield {"_op_type": "index", "_index": index, "_id": str(doc["page_id"]), "_source": doc}


def hit_of(raw):
    """A hit as the cluster returned it (`_source` as in queries.CARD_SOURCE) -> Hit."""
    source = raw["_source"]
    return Hit(
        page_id=source["page_id"],
        language=source["locale"],
        highlight=first_highlight(raw.get("highlight", {})),
        card=card_of(source),
    )


def card_of(source):
    """What the document stored for the result card (see search/documents.py); None for a
    document indexed before it stored one, so the page itself is read."""
    if "published" not in source:
        return None
    return {key: source.get(key, "") for key in ("kind", "summary", "published")}


def first_highlight(highlight):
    """The best fragment: from the summary or body first, the title last."""
    for field in ("summary", "body", "taxonomy", "title"):
        for name, fragments in highlight.items():
            if name.split(".")[0] == field and fragments:
                return fragments[0]
    return ""
