"""The kinds of listing: a group, a form hosted elsewhere, a hotline, and a fund or other way
to help. Each adds only its own fields to `ListingPage` (listings.py), which holds what every
listing shares.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .listings import ListingKind, ListingPage, in_default_locale, listing_panels


class GroupPage(ListingPage):
    """A mutual-aid group or network."""

    page_description = _("A mutual-aid group or network that people can contact or join.")

    how_to_join = models.TextField(
        _("how to join"),
        blank=True,
        help_text=_("Orientations, meetings, sign-up: what someone does to take part."),
    )

    listing_kind = ListingKind.GROUP
    content_panels = listing_panels(FieldPanel("how_to_join"))
    search_fields = ListingPage.search_fields + [index.SearchField("how_to_join")]
    translatable_fields = ListingPage.translatable_fields + [TranslatableField("how_to_join")]

    class Meta:
        verbose_name = _("mutual-aid group")
        verbose_name_plural = _("mutual-aid groups")


class ExternalFormPage(ListingPage):
    """A form hosted elsewhere (request support, volunteer...), with a link per language."""

    page_description = _("A form on another site, e.g. to request support or volunteer.")

    class Purpose(models.TextChoices):
        REQUEST_SUPPORT = "request_support", _("Request support")
        VOLUNTEER = "volunteer", _("Volunteer")
        DONATE = "donate", _("Donate")
        SURVEY = "survey", _("Survey")

    purpose = models.CharField(_("what the form is for"), max_length=20, choices=Purpose.choices)

    listing_kind = ListingKind.FORM
    content_panels = listing_panels(
        FieldPanel("purpose"),
        InlinePanel(
            "form_links",
            label=_("Link"),
            heading=_("Links to the form"),
            help_text=_("One link per language the form is offered in."),
        ),
    )
    search_fields = ListingPage.search_fields + [index.FilterField("purpose")]
    translatable_fields = ListingPage.translatable_fields + [
        SynchronizedField("purpose"),
        SynchronizedField("form_links"),
    ]

    class Meta:
        verbose_name = _("form")
        verbose_name_plural = _("forms")


class FormLink(Orderable):
    page = ParentalKey(ExternalFormPage, related_name="form_links", on_delete=models.CASCADE)
    language = models.ForeignKey(
        "directory.Language",
        verbose_name=_("language"),
        on_delete=models.CASCADE,
        related_name="+",
        limit_choices_to=in_default_locale,
    )
    url = models.URLField(
        _("link to the form"),
        help_text=_("The form in this language. Readers of other languages see it named as such."),
    )

    panels = [FieldRowPanel([FieldPanel("language"), FieldPanel("url")])]

    class Meta(Orderable.Meta):
        verbose_name = _("form link")
        verbose_name_plural = _("form links")


class HotlinePage(ListingPage):
    """A phone line: what to call about, when, in which languages."""

    page_description = _("A phone line: what to call about, when, and in which languages.")

    call_about = models.TextField(
        _("what to call about"), help_text=_("The questions this line answers.")
    )
    hours_text = models.CharField(
        _("hours"), max_length=200, blank=True, help_text=_("Leave empty unless confirmed.")
    )

    listing_kind = ListingKind.HOTLINE
    content_panels = listing_panels(FieldPanel("call_about"), FieldPanel("hours_text"))
    search_fields = ListingPage.search_fields + [index.SearchField("call_about", boost=2)]
    translatable_fields = ListingPage.translatable_fields + [
        TranslatableField("call_about"),
        TranslatableField("hours_text"),
    ]

    class Meta:
        verbose_name = _("hotline")
        verbose_name_plural = _("hotlines")


class ResourcePage(ListingPage):
    """A fund, study or other way to help: same shape, told apart by `resource_kind`."""

    page_description = _("A fund, a study or survey, or another way to help.")

    class ResourceKind(models.TextChoices):
        FUND = "fund", _("Fund")
        WAY_TO_HELP = "way_to_help", _("Way to help")
        STUDY = "study", _("Study or survey")

    resource_kind = models.CharField(
        _("resource kind"), max_length=20, choices=ResourceKind.choices
    )
    how_to_take_part = models.TextField(
        _("how to take part"), blank=True, help_text=_("What a reader does next, in a sentence.")
    )

    content_panels = listing_panels(FieldPanel("resource_kind"), FieldPanel("how_to_take_part"))
    search_fields = ListingPage.search_fields + [index.SearchField("how_to_take_part")]
    translatable_fields = ListingPage.translatable_fields + [
        SynchronizedField("resource_kind"),
        TranslatableField("how_to_take_part"),
    ]

    class Meta:
        verbose_name = _("fund or way to help")
        verbose_name_plural = _("funds and ways to help")

    @property
    def listing_kind(self):
        return ListingKind(self.resource_kind)
