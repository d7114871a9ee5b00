"""The home page: what mutual aid is, the two paths (get help, give help), and urgent contacts."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import TranslatableField

from home.querysets import PortalPageManager
from home.routing import route_in_one_query
from home.translatable import PAGE_TRANSLATABLE_FIELDS


class HomePage(Page):
    objects = PortalPageManager()
    page_description = _("The front page in one language: what mutual aid is, where to find help.")

    intro = models.TextField(
        _("introduction"),
        max_length=500,
        help_text=_("Mutual aid in two sentences: the first thing every visitor reads."),
    )
    get_help_title = models.CharField(_("'Get help' title"), max_length=80, default="Get help")
    get_help_text = models.CharField(
        _("'Get help' text"),
        max_length=250,
        help_text=_("One sentence inviting someone in need to look through the directory."),
    )
    give_help_title = models.CharField(_("'Give help' title"), max_length=80, default="Give help")
    give_help_text = models.CharField(
        _("'Give help' text"),
        max_length=250,
        help_text=_("One sentence inviting someone to volunteer, donate or start a group."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("get_help_title"),
                FieldPanel("get_help_text"),
                FieldPanel("give_help_title"),
                FieldPanel("give_help_text"),
            ],
            heading=_("The two paths"),
            help_text=_("Both link to the directory, filtered for people in need or helpers."),
        ),
        InlinePanel("featured_articles", label=_("Article"), heading=_("Featured articles")),
        InlinePanel(
            "urgent_contacts",
            label=_("Hotline"),
            heading=_("Urgent contacts"),
            help_text=_("Hotlines shown first on the home page, for people who need help now."),
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    translatable_fields = PAGE_TRANSLATABLE_FIELDS + [
        TranslatableField("intro"),
        TranslatableField("get_help_title"),
        TranslatableField("get_help_text"),
        TranslatableField("give_help_title"),
        TranslatableField("give_help_text"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "articles.ArticleIndexPage",
        "directory.DirectoryIndexPage",
        "suggestions.SuggestListingPage",
    ]

    class Meta:
        verbose_name = _("home page")

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)  # the home page itself
        return route_in_one_query(self, request, path_components)

    def get_context(self, request, *args, **kwargs):
        from articles.models import ArticlePage
        from directory.models import DirectoryIndexPage, HotlinePage

        context = super().get_context(request, *args, **kwargs)
        # Read only when the page's kept rendering is missing (home/fragments.py).
        context["directory"] = SimpleLazyObject(
            lambda: DirectoryIndexPage.objects.child_of(self).visible().first()
        )
        context["featured_articles"] = SimpleLazyObject(
            lambda: ArticlePage.objects.chosen_in_order(
                self.featured_articles.all(), "article", self.locale
            )
        )
        context["urgent_contacts"] = SimpleLazyObject(
            lambda: HotlinePage.objects.chosen_in_order(
                self.urgent_contacts.all(), "hotline", self.locale
            )
        )
        return context


class HomeFeaturedArticle(Orderable):
    home = ParentalKey(HomePage, related_name="featured_articles", on_delete=models.CASCADE)
    article = models.ForeignKey(
        "articles.ArticlePage",
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("article")]


class HomeUrgentContact(Orderable):
    home = ParentalKey(HomePage, related_name="urgent_contacts", on_delete=models.CASCADE)
    hotline = models.ForeignKey(
        "directory.HotlinePage",
        verbose_name=_("hotline"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("hotline")]


class SiteText(TranslatableMixin, models.Model):
    """The site's name and footer text, one record per language (like bakerydemo's FooterText).

    A translatable snippet rather than a `wagtail.contrib.settings` setting: a setting holds one
    value per site, these texts need one per language, translated and reported on (translation
    health) like every other snippet. Read through `for_language`, cached per language.
    """

    site_name = models.CharField(
        _("site name"),
        max_length=80,
        help_text=_("Shown in the header and in every page's title."),
    )
    footer = RichTextField(
        _("footer text"),
        features=["bold", "italic", "link"],
        help_text=_("A sentence or two at the foot of every page."),
    )

    panels = [FieldPanel("site_name"), FieldPanel("footer")]
    translatable_fields = [TranslatableField("site_name"), TranslatableField("footer")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("site name and footer")
        verbose_name_plural = _("site name and footer")

    def __str__(self):
        return self.site_name

    def clean(self):
        super().clean()
        others = SiteText.objects.filter(locale_id=self.locale_id).exclude(pk=self.pk)
        if self.locale_id and others.exists():
            raise ValidationError(
                _("This language already has a site name and footer: edit that one instead.")
            )

    @classmethod
    def for_language(cls, language_code):
        """The record for a language, or None: kept with the site's structure, so every page
        reads it in the same cache read (home/site_structure.py), and dropped with it when an
        editor saves or deletes one (home/fragments.py)."""
        from home import site_structure

        return site_structure.kept(SITE_TEXTS).get(language_code)

    @classmethod
    def by_language(cls):
        return {text.locale.language_code: text for text in cls.objects.select_related("locale")}


SITE_TEXTS = "portal:site-structure:site-texts"
