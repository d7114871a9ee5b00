"""History, how-to and explainer articles, and the index that lists them."""

import math
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.mixins import IntroPageMixin
from home.page_forms import SlugFromTitlePageForm
from home.querysets import PortalPageManager, note_reader_translations
from home.translatable import PAGE_TRANSLATABLE_FIELDS

from .blocks import ArticleStreamBlock

ARTICLES_PER_PAGE = 10
WORDS_PER_MINUTE = 200


class ArticleKind(models.TextChoices):
    EXPLAINER = "explainer", _("Explainer")
    HISTORY = "history", _("History")
    HOW_TO = "how_to", _("How-to")


class Author(models.Model):
    """A person or team credited on articles. Names are not translated."""

    name = models.CharField(_("name"), max_length=120)
    bio = models.CharField(_("short bio"), max_length=255, blank=True)

    panels = [FieldPanel("name"), FieldPanel("bio")]

    class Meta:
        verbose_name = _("author")
        verbose_name_plural = _("authors")
        ordering = ["name"]

    def __str__(self):
        return self.name


class ArticleIndexPage(IntroPageMixin, Page):
    objects = PortalPageManager()
    page_description = _("Lists the articles below it, newest first, filtered by kind.")

    parent_page_types = ["home.HomePage"]
    subpage_types = ["articles.ArticlePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("article index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        articles = (
            # visible(): also leaves out translations whose English source editors hid
            ArticlePage.objects.child_of(self)
            .visible()
            .order_by("-date", "title")
            .select_related("locale")
        )
        kind = request.GET.get("kind", "")
        if kind in ArticleKind.values:
            articles = articles.filter(kind=kind)
        else:
            kind = ""  # an unknown kind shows everything rather than an empty page
        articles_page = Paginator(articles, ARTICLES_PER_PAGE).get_page(request.GET.get("page"))
        # Served in place of a missing translation, the cards link to the reader's language.
        articles_page.object_list = note_reader_translations(articles_page.object_list)
        context["articles_page"] = articles_page
        context["kinds"] = ArticleKind.choices
        context["active_kind"] = kind
        context["filter_query"] = urlencode({"kind": kind}) if kind else ""
        return context


class ArticlePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "articles.ArticlePage", related_name="tagged_items", on_delete=models.CASCADE
    )


class ArticlePage(Page):
    objects = PortalPageManager()
    page_description = _("An explainer, a history or a how-to: text, images, related listings.")
    base_form_class = SlugFromTitlePageForm

    kind = models.CharField(_("kind"), max_length=20, choices=ArticleKind.choices)
    summary = models.TextField(
        _("summary"), max_length=400, help_text=_("One or two sentences for lists and search.")
    )
    date = models.DateField(_("date"), default=timezone.localdate)
    authors = ParentalManyToManyField("articles.Author", verbose_name=_("authors"), blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("lead image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(ArticleStreamBlock(), verbose_name=_("body"))
    topics = ClusterTaggableManager(verbose_name=_("topics"), through=ArticlePageTag, blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("kind"), FieldPanel("date"), FieldPanel("authors"), FieldPanel("topics")],
            heading=_("About this article"),
        ),
        FieldPanel("hero_image"),
        FieldPanel("body"),
        InlinePanel(
            "related_listings",
            label=_("Related listing"),
            heading=_("Related directory listings"),
            help_text=_("Groups, forms or hotlines a reader of this article may want next."),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=3),
        index.SearchField("body"),
        index.FilterField("kind"),
        index.FilterField("date"),
        index.FilterField("locale_id"),
        index.RelatedFields("topics", [index.SearchField("name")]),
    ]
    translatable_fields = PAGE_TRANSLATABLE_FIELDS + [
        TranslatableField("summary"),
        TranslatableField("body"),
        SynchronizedField("kind"),
        SynchronizedField("date"),
        SynchronizedField("authors"),
        SynchronizedField("hero_image"),
        SynchronizedField("topics"),
    ]

    parent_page_types = ["articles.ArticleIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")

    @property
    def reading_minutes(self):
        """Whole minutes at a relaxed reading pace, never less than one."""
        words = sum(len(strip_tags(str(block)).split()) for block in self.body)
        return max(1, math.ceil(words / WORDS_PER_MINUTE))

    def related_listing_pages(self):
        """The related listings a reader of this article may see, in its language."""
        from directory.models import ListingPage
        from directory.models.contacts import attach_contacts

        listings = ListingPage.objects.prefetch_related("languages")  # what the cards show
        chosen = listings.chosen_in_order(self.related_listings.all(), "listing", self.locale)
        return attach_contacts(chosen)  # each card's primary action, read for all at once


class ArticleRelatedListing(Orderable):
    page = ParentalKey(ArticlePage, related_name="related_listings", on_delete=models.CASCADE)
    listing = models.ForeignKey(
        "directory.ListingPage",
        verbose_name=_("listing"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("listing")]

    class Meta(Orderable.Meta):
        verbose_name = _("related listing")
        verbose_name_plural = _("related listings")
