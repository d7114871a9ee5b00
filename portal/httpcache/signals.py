"""Purge the HTTP cache when content changes, after the change is committed.

Wagtail's frontend_cache app is not installed: its handlers purge only the page itself, and
at once, inside the publishing transaction. These collect every stale URL (purge.py) while
the change is in hand (a deleted page has no URL afterwards) and enqueue one purge task when
the transaction commits.
"""

import logging

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save

from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

from . import purge
from .tasks import purge_urls

logger = logging.getLogger(__name__)


def connect():
    from directory.models import Area, Holiday, Language, Need, Organization

    page_published.connect(page_changed, dispatch_uid="httpcache-published")
    # Deleting a live page sends page_unpublished first (Wagtail), while it still has a URL.
    page_unpublished.connect(page_changed, dispatch_uid="httpcache-unpublished")
    pre_page_move.connect(page_changed, dispatch_uid="httpcache-before-move")  # old URLs
    post_page_move.connect(page_changed, dispatch_uid="httpcache-after-move")  # new URLs
    for model in (Need, Area, Language, Organization):
        for signal in (post_save, post_delete):
            signal.connect(term_changed, sender=model, dispatch_uid=f"httpcache-{model.__name__}")
    for signal in (post_save, post_delete):
        signal.connect(holiday_changed, sender=Holiday, dispatch_uid="httpcache-holiday")


def purging():
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def page_changed(sender, instance, **kwargs):
    if purging():
        schedule(purge.urls_for_page_change(instance))


def term_changed(sender, instance, **kwargs):
    """A need, area, language or organisation: its listings show its name in every language."""
    if not purging():
        return
    from directory.models import ListingPage, Organization

    field = "organization" if sender is Organization else f"{sender._meta.model_name}s"
    listings = ListingPage.objects.filter(
        **{f"{field}__translation_key": instance.translation_key}
    ).distinct()
    schedule(purge.urls_for_listings_change(list(listings)))


def holiday_changed(sender, instance, **kwargs):
    """A holiday closes the listings marked "closed on holidays": their "open now" changes."""
    if not purging():
        return
    from directory.models import ListingPage

    listings = ListingPage.objects.filter(closed_on_holidays=True)
    schedule(purge.urls_for_listings_change(list(listings)))


def schedule(urls):
    """Enqueue the purge once the current transaction commits (at once outside one)."""

    def enqueue():
        try:
            purge_urls.enqueue(urls)
        except Exception:  # a task queue that is down must not turn a publish into an error
            logger.exception("Could not enqueue the purge of %d URLs", len(urls))

    transaction.on_commit(enqueue, robust=True)
