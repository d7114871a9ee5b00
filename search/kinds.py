"""The "kind" facet: a listing's own kind (group, form, hotline...), "article", or "page".

Listings already store their kind (ListingPage.kind); articles and every other page get one
here, so the reader can narrow any result list the same way whatever the backend.
"""

from django.utils.translation import gettext_lazy as _

from wagtail.models import Page

from articles.models import ArticlePage
from directory.models import ListingPage
from directory.models.listings import ListingKind

ARTICLE = "article"
PAGE = "page"


def labels():
    return {**dict(ListingKind.choices), ARTICLE: _("Article"), PAGE: _("Page")}


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
