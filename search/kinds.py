"""The "kind" facet in search: a listing's own kind (group, form, hotline...), "article", or
"page".

Listings store their kind (ListingPage.kind, the directory's "kind" facet); search also
returns articles and other pages, so it adds two values of its own, letting a reader narrow any
result list the same way whatever the backend.
"""

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page

from articles.models import ArticlePage
from directory.models import ListingPage

ARTICLE = "article"
PAGE = "page"
SEARCH_ONLY = {ARTICLE: _("Article"), PAGE: _("Page")}


def facet_labels(facet, language):
    """A facet's labels in `language`, with search's own kinds added to the kind facet."""
    labels = facet.labels(language)
    if facet.name == "kind":
        with translation.override(language):
            labels = {**labels, **{value: str(label) for value, label in SEARCH_ONLY.items()}}
    return labels


def kind_of(page):
    """The kind of a specific page."""
    if isinstance(page, ListingPage):
        return page.kind or PAGE
    if isinstance(page, ArticlePage):
        return ARTICLE
    return PAGE


def page_ids_of_kind(kind):
    """A subquery of the ids of pages of `kind`, for filtering a Page queryset."""
    if kind == ARTICLE:
        return ArticlePage.objects.values("pk")
    if kind == PAGE:
        return (
            Page.objects.exclude(pk__in=ListingPage.objects.values("pk"))
            .exclude(pk__in=ArticlePage.objects.values("pk"))
            .values("pk")
        )
    return ListingPage.objects.filter(kind=kind).values("pk")
