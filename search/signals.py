"""Signals that keep the cluster index current; connected in SearchConfig.ready().

Wagtail keeps its own (admin and database) index current; these cover our cluster index:
publish, unpublish, edits, moves, deletions and translations all reach it, because each of
them saves, moves or deletes a page. Privacy changes (Wagtail's privacy dialog, or code) save
or delete a PageViewRestriction, which re-syncs the page, its subtree and their translations.
Documents are built after the transaction commits, so they see a listing's needs and areas as
saved (modelcluster writes those after post_save).
"""

from django.db.models.signals import post_delete, post_save

from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from directory.facets import TAXONOMY_FACETS
from directory.models import Area, ListingPage, Need, Organization

from . import indexing, synonyms
from .models import SynonymSet

# The listing field holding each taxonomy whose names documents carry.
LISTING_FIELDS = {facet.taxonomy: facet.field for facet in TAXONOMY_FACETS}
LISTING_FIELDS[Organization] = "organization"


def page_changed(sender, instance, **kwargs):
    if isinstance(instance, Page) and not kwargs.get("raw"):
        indexing.note_page(instance)


def page_moved(sender, instance, **kwargs):
    """A move changes the URL of the page and of everything below it."""
    pages = Page.objects.descendant_of(instance, inclusive=True)
    indexing.note_pages(pages.values_list("pk", "translation_key"))


def privacy_changed(sender, instance, **kwargs):
    """A view restriction added, changed or lifted hides or shows the page and all below it."""
    if not kwargs.get("raw"):
        indexing.note_page_tree(instance.page_id)


def taxonomy_changed(sender, instance, **kwargs):
    """Documents carry taxonomy names: renaming 'Food' (in any language) reindexes its listings."""
    if kwargs.get("raw"):
        return
    originals = type(instance).objects.filter(translation_key=instance.translation_key)
    lookup = {f"{LISTING_FIELDS[type(instance)]}__in": originals}
    listings = ListingPage.objects.filter(**lookup).values_list("pk", "translation_key")
    indexing.note_pages(listings)


def synonyms_changed(sender, instance, **kwargs):
    synonyms.forget()
    indexing.note_synonyms()


def connect():
    post_save.connect(page_changed, dispatch_uid="search-page-saved")
    post_delete.connect(page_changed, dispatch_uid="search-page-deleted")
    page_published.connect(page_changed, dispatch_uid="search-page-published")
    page_unpublished.connect(page_changed, dispatch_uid="search-page-unpublished")
    post_page_move.connect(page_moved, dispatch_uid="search-page-moved")
    for signal, name in ((post_save, "saved"), (post_delete, "deleted")):
        signal.connect(
            privacy_changed, sender=PageViewRestriction, dispatch_uid=f"search-privacy-{name}"
        )
    for model in LISTING_FIELDS:
        post_save.connect(taxonomy_changed, sender=model, dispatch_uid=f"search-{model.__name__}")
    post_save.connect(synonyms_changed, sender=SynonymSet, dispatch_uid="search-synonyms-saved")
    post_delete.connect(synonyms_changed, sender=SynonymSet, dispatch_uid="search-synonyms-gone")
    # Each need's and area's names are a synonym set too (search/need_words.py).
    for model in (Need, Area):
        name = model.__name__.lower()
        post_save.connect(
            synonyms_changed, sender=model, dispatch_uid=f"search-{name}-synonyms-saved"
        )
        post_delete.connect(
            synonyms_changed, sender=model, dispatch_uid=f"search-{name}-synonyms-gone"
        )
