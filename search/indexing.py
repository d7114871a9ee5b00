"""Keeping the cluster index current: in the background, durably, batched after commit.

Signal handlers only *note* which pages changed. After the transaction commits, the noted
pages (and their translations, whose documents list the languages a page exists in) are
written to PendingIndexUpdate first, then one task (`send_index_updates`, Django's tasks API)
sends them in one bulk request and deletes their rows. With TASKS_BACKEND=database a worker
runs the task, so publishing never waits on the cluster; with the immediate backend it runs
at once, after commit. A task that fails, or is lost with its worker, leaves the rows: they
are sent again by `manage.py search_replay`, by the next successful update or search, and at
once by the first search that finds the cluster back after an outage (see cluster/state.py).
"""

import logging
import threading
from datetime import timedelta

from django.core.cache import cache
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from wagtail.models import Page
from wagtail.search import index as wagtail_index

from django_tasks import task

from .cluster import state as cluster
from .cluster.backend import ClusterBackend
from .cluster.client import ClusterError
from .models import PendingIndexUpdate

logger = logging.getLogger(__name__)
REPLAY_BATCH = 200
REPLAY_CHECK_KEY = "search:replay-checked"
REPLAY_CHECK_SECONDS = 60
# A row no task has tried for this long lost its task (a worker died, the queue was cleared):
# the routine replays pick it up like one the cluster missed.
LOST_AFTER = timedelta(minutes=10)

_pending = threading.local()


def _state():
    if not hasattr(_pending, "pages"):
        _pending.pages, _pending.synonyms = {}, False
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
    """Record what the committed transaction changed, then hand it to a background task."""
    state = _state()
    pages, with_synonyms = dict(state.pages), state.synonyms
    state.pages, state.synonyms = {}, False
    if not pages and not with_synonyms:
        return
    # The rows first: they outlive a task that fails, a worker that dies or a full queue.
    record(pages, with_synonyms)
    send_index_updates.enqueue(
        pages=[[page_id, str(key) if key else None] for page_id, key in pages.items()],
        with_synonyms=with_synonyms,
    )


# After the cache purges (priority 0, like Wagtail's own tasks): a reader sees a stale page at
# once, a search one second later is rarely noticed.
@task(priority=-10)
def send_index_updates(pages, with_synonyms=False):
    """Send these pages ([id, translation key] pairs) and the synonyms to the cluster.

    The pages come from the task's arguments, not from the rows: a row another task deleted
    after a newer edit still leaves that edit to be sent here. Returns what it did.
    """
    pages = {int(page_id): key for page_id, key in pages}
    started = timezone.now()
    if cluster.is_down():
        queue(pages, with_synonyms, "the cluster failed moments ago; not retried yet")
        return {"sent": 0, "queued": len(pages)}
    backend = ClusterBackend()
    try:
        if with_synonyms:
            backend.update_synonyms()
        if pages:
            backend.sync(pages.keys(), {key for key in pages.values() if key})
    except ClusterError as error:
        logger.warning("Search cluster missed %d page update(s), queued: %s", len(pages), error)
        cluster.failed(error)
        queue(pages, with_synonyms, error)
        return {"sent": 0, "queued": len(pages)}
    _done(_targets(pages, with_synonyms), started)
    try:
        replayed = replay(backend, limit=REPLAY_BATCH, missed_only=True)
    except ClusterError as error:  # what this task sent is in; the older misses wait
        logger.warning("Replaying queued search updates failed: %s", error)
        cluster.failed(error)
        replayed = 0
    return {"sent": len(pages), "replayed": replayed}


def _targets(pages, with_synonyms):
    query = Q(target=PendingIndexUpdate.Target.PAGE, page_id__in=list(pages))
    if with_synonyms:
        query |= Q(target=PendingIndexUpdate.Target.SYNONYMS)
    return query


def _done(query, started):
    """Delete the rows sent, but not one a newer change touched after the send began."""
    PendingIndexUpdate.objects.filter(query, queued_at__lte=started).delete()


def record(pages, with_synonyms):
    """One waiting row per page, in one query (attempts 0: no task has tried it yet).

    A row already waiting gets the newer time, so that a send which began before this change
    does not delete it (see _done).
    """
    rows = [
        PendingIndexUpdate(
            target=PendingIndexUpdate.Target.PAGE, page_id=page_id, translation_key=key, attempts=0
        )
        for page_id, key in pages.items()
    ]
    if with_synonyms:
        rows.append(PendingIndexUpdate(target=PendingIndexUpdate.Target.SYNONYMS, attempts=0))
    PendingIndexUpdate.objects.bulk_create(
        rows,
        update_conflicts=True,
        unique_fields=["target", "page_id"],
        update_fields=["translation_key", "queued_at"],
    )


def queue(pages, with_synonyms, error):
    """The cluster missed these: count the attempt and say why."""
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


def missed():
    """Rows a task tried and failed, or that no task tried for LOST_AFTER (a lost task)."""
    return PendingIndexUpdate.objects.filter(
        Q(attempts__gt=0) | Q(queued_at__lt=timezone.now() - LOST_AFTER)
    )


def replay(backend=None, limit=None, missed_only=False):
    """Send queued updates, oldest first. Returns how many were sent; raises ClusterError.

    `missed_only`: leave the rows whose task is still on its way to that task.
    """
    started = timezone.now()
    waiting = missed() if missed_only else PendingIndexUpdate.objects.all()
    rows = list(waiting.order_by("queued_at")[:limit])
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
    _done(Q(pk__in=[r.pk for r in rows]), started)
    return len(rows)


def refresh_wagtail_index(page_ids):
    """The admin's cluster index missed these too (Wagtail logs and drops such failures)."""
    for page in Page.objects.filter(pk__in=page_ids).specific():
        wagtail_index.insert_or_update_object(page)


def replay_opportunistically():
    """After a successful search, at most once a minute: send a batch of queued updates."""
    if not cache.add(REPLAY_CHECK_KEY, True, REPLAY_CHECK_SECONDS):
        return
    if not missed().exists():
        return
    try:
        sent = replay(limit=REPLAY_BATCH, missed_only=True)
        logger.info("Search cluster is back: replayed %d queued update(s)", sent)
    except ClusterError as error:
        logger.warning("Replaying queued search updates failed: %s", error)


def replay_missed():
    """The cluster just came back: send what it missed now, not at the next minute's check."""
    cache.delete(REPLAY_CHECK_KEY)
    replay_opportunistically()
