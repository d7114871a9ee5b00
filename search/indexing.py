"""Keeping the cluster index current: batched after commit, queued durably when it fails.

Signal handlers only *note* which pages changed. After the transaction commits, the noted
pages (and their translations, whose documents list the languages a page exists in) are sent
in one bulk request. If the cluster is down, the pages go to PendingIndexUpdate and are sent
again by `manage.py search_replay`, by the next successful update or search, and at once by
the first search that finds the cluster back after an outage (see cluster/state.py).
"""

import logging
import threading

from django.core.cache import cache
from django.db import transaction

from wagtail.models import Page
from wagtail.search import index as wagtail_index

from .cluster import state as cluster
from .cluster.backend import ClusterBackend
from .cluster.client import ClusterError
from .models import PendingIndexUpdate

logger = logging.getLogger(__name__)
REPLAY_BATCH = 200
REPLAY_CHECK_KEY = "search:replay-checked"
REPLAY_CHECK_SECONDS = 60

_pending = threading.local()


def _state():
    if not hasattr(_pending, "pages"):
        _pending.pages, _pending.keys, _pending.synonyms = {}, set(), False
    return _pending


def note_page(page):
    note_pages([(page.pk, page.translation_key)])


def note_pages(pairs):
    """Remember (page id, translation key) pairs to send once the transaction commits."""
    if not cluster.cluster_enabled():
        return
    state = _state()
    for page_id, key in pairs:
        state.pages[page_id] = key
        if key:
            state.keys.add(key)
    _schedule(state)


def note_page_tree(page_id):
    """A page, every page below it, and every translation of those (e.g. its privacy changed:
    a view restriction hides the whole subtree, and the documents of translations list the
    locales a page is readable in)."""
    page = Page.objects.filter(pk=page_id).first()
    if page is None or not cluster.cluster_enabled():
        return
    keys = Page.objects.descendant_of(page, inclusive=True).values("translation_key")
    note_pages(Page.objects.filter(translation_key__in=keys).values_list("pk", "translation_key"))


def note_synonyms():
    if cluster.cluster_enabled():
        state = _state()
        state.synonyms = True
        _schedule(state)


def _schedule(state):
    # Registered on every change: a rolled-back transaction drops its callbacks, so a "once
    # per transaction" flag could stay set for good. The first flush drains everything; the
    # others find nothing to do. Notes left by a rollback only cause a harmless re-sync.
    transaction.on_commit(flush)


def flush():
    """Send what the committed transaction changed; queue it if the cluster fails."""
    state = _state()
    pages, keys, with_synonyms = dict(state.pages), set(state.keys), state.synonyms
    state.pages, state.keys, state.synonyms = {}, set(), False
    if not pages and not with_synonyms:
        return
    if cluster.is_down():
        queue(pages, with_synonyms, "the cluster failed moments ago; not retried yet")
        return
    backend = ClusterBackend()
    try:
        if with_synonyms:
            backend.update_synonyms()
        if pages:
            backend.sync(pages.keys(), keys)
    except ClusterError as error:
        logger.warning("Search cluster missed %d page update(s), queued: %s", len(pages), error)
        cluster.failed(error)
        queue(pages, with_synonyms, error)
        return
    replay(backend, limit=REPLAY_BATCH)


def queue(pages, with_synonyms, error):
    message = str(error)[:2000]
    for page_id, key in pages.items():
        _upsert(PendingIndexUpdate.Target.PAGE, page_id, key, message)
    if with_synonyms:
        _upsert(PendingIndexUpdate.Target.SYNONYMS, 0, None, message)


def _upsert(target, page_id, key, message):
    row, created = PendingIndexUpdate.objects.get_or_create(
        target=target,
        page_id=page_id,
        defaults={"translation_key": key, "last_error": message},
    )
    if not created:
        row.attempts += 1
        row.last_error = message
        row.translation_key = key or row.translation_key
        row.save(update_fields=["attempts", "last_error", "translation_key"])


def replay(backend=None, limit=None):
    """Send queued updates, oldest first. Returns how many were sent; raises ClusterError."""
    rows = list(PendingIndexUpdate.objects.order_by("queued_at")[:limit])
    if not rows:
        return 0
    backend = backend or ClusterBackend()
    if any(r.target == PendingIndexUpdate.Target.SYNONYMS for r in rows):
        backend.update_synonyms()
    page_rows = [r for r in rows if r.target == PendingIndexUpdate.Target.PAGE]
    backend.sync(
        [r.page_id for r in page_rows], [r.translation_key for r in page_rows if r.translation_key]
    )
    refresh_wagtail_index([r.page_id for r in page_rows])
    PendingIndexUpdate.objects.filter(pk__in=[r.pk for r in rows]).delete()
    return len(rows)


def refresh_wagtail_index(page_ids):
    """The admin's cluster index missed these too (Wagtail logs and drops such failures)."""
    for page in Page.objects.filter(pk__in=page_ids).specific():
        wagtail_index.insert_or_update_object(page)


def replay_opportunistically():
    """After a successful search, at most once a minute: send a batch of queued updates."""
    if not cache.add(REPLAY_CHECK_KEY, True, REPLAY_CHECK_SECONDS):
        return
    if not PendingIndexUpdate.objects.exists():
        return
    try:
        sent = replay(limit=REPLAY_BATCH)
        logger.info("Search cluster is back: replayed %d queued update(s)", sent)
    except ClusterError as error:
        logger.warning("Replaying queued search updates failed: %s", error)


def replay_missed():
    """The cluster just came back: send what it missed now, not at the next minute's check."""
    cache.delete(REPLAY_CHECK_KEY)
    replay_opportunistically()
