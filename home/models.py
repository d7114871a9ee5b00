"""The home page: what mutual aid is, the two paths (get help, give help), and urgent contacts."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import TranslatableField

from home.querysets import PortalPageManager
from home.translatable import PAGE_TRANSLATABLE_FIELDS


class HomePage(Page):
    objects = PortalPageManager()

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

    def get_context(self, request, *args, **kwargs):
        from articles.models import ArticlePage
        from directory.models import DirectoryIndexPage, HotlinePage

        context = super().get_context(request, *args, **kwargs)
        context["directory"] = DirectoryIndexPage.objects.child_of(self).live().first()
        context["featured_articles"] = ArticlePage.objects.chosen_for_reader(
            [item.page for item in self.featured_articles.select_related("page")], self.locale
        )
        context["urgent_contacts"] = HotlinePage.objects.chosen_for_reader(
            [item.page for item in self.urgent_contacts.select_related("page")], self.locale
        )
        return context


class HomeFeaturedArticle(Orderable):
    home = ParentalKey(HomePage, related_name="featured_articles", on_delete=models.CASCADE)
    page = models.ForeignKey(
        "articles.ArticlePage",
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("page")]


class HomeUrgentContact(Orderable):
    home = ParentalKey(HomePage, related_name="urgent_contacts", on_delete=models.CASCADE)
    page = models.ForeignKey(
        "directory.HotlinePage",
        verbose_name=_("hotline"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("page")]
