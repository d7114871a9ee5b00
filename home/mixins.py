"""Pieces of page models that several apps share."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import TranslatableField

from .translatable import PAGE_TRANSLATABLE_FIELDS


class IntroPageMixin(models.Model):
    """A short rich-text introduction above an index or form page: edited under the title,
    searched, and translated. Pages extend the panels and field lists declared here.

    Listed before `Page` in a page's bases, so these lists replace Page's own.
    """

    intro = RichTextField(_("introduction"), features=["bold", "italic", "link"], blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    translatable_fields = PAGE_TRANSLATABLE_FIELDS + [TranslatableField("intro")]

    class Meta:
        abstract = True
