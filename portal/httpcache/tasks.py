"""The purge, as a background task (Django's tasks API, the django-tasks backport).

Enqueued once the change is committed (signals.py), so the cache never refetches the old
content from a transaction still in flight; the task backend decides where it runs (in the
request under the immediate backend, in `manage.py db_worker` under the database one).
"""

import logging

from wagtail.contrib.frontend_cache.tasks import purge_urls_from_cache_task

from django_tasks import task

logger = logging.getLogger(__name__)


@task()
def purge_urls(urls):
    """Purge these URLs from every configured frontend cache; log, never raise."""
    try:
        # Wagtail's purge, run here rather than enqueued again: one task per change.
        purge_urls_from_cache_task.call(urls)
    except Exception:
        logger.exception("Purging %d URLs from the HTTP cache failed", len(urls))
