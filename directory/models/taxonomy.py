"""Taxonomies that classify listings: what people need, where, in which language, run by whom.

All four are translatable snippets. Slugs and codes are synchronized across locales, so a
filter such as `?need=food` means the same thing in every language; names are translated.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField


class Taxonomy(TranslatableMixin, index.Indexed, models.Model):
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        allow_unicode=False,
        help_text=_("Used in web addresses and filters, e.g. 'food'. Shared by all languages."),
    )
    description = models.TextField(_("description"), blank=True)

    search_fields = [
        index.SearchField("name", boost=2),
        index.AutocompleteField("name"),
        index.SearchField("description"),
        index.FilterField("locale_id"),
        index.FilterField("slug"),
    ]
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("description"),
        SynchronizedField("slug"),
    ]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name


class Need(Taxonomy):
    """Something a person may need or offer: food, rides, prescriptions, masks..."""

    class Meta(Taxonomy.Meta):
        verbose_name = _("need")
        verbose_name_plural = _("needs")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]


class Area(Taxonomy):
    """A place a listing serves: a city, a part of the county, a county."""

    class Meta(Taxonomy.Meta):
        verbose_name = _("area")
        verbose_name_plural = _("areas")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]


class Language(TranslatableMixin, index.Indexed, models.Model):
    """A language a form, group or hotline is offered in."""

    code = models.CharField(
        _("ISO 639 code"),
        max_length=8,
        help_text=_("The ISO 639-1 code where one exists (es, vi, am, ti), otherwise ISO 639-3."),
    )
    name = models.CharField(_("name"), max_length=100, help_text=_("In this locale's language."))
    native_name = models.CharField(
        _("native name"), max_length=100, help_text=_("The language's name in its own script.")
    )

    search_fields = [
        index.SearchField("name", boost=2),
        index.SearchField("native_name"),
        index.AutocompleteField("name"),
        index.FilterField("locale_id"),
        index.FilterField("code"),
    ]
    translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("code"),
        SynchronizedField("native_name"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("language")
        verbose_name_plural = _("languages")
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("code", "locale")]

    def __str__(self):
        return self.name


class Organization(TranslatableMixin, index.Indexed, models.Model):
    """The group, agency or project behind a listing (HSDS's "organization")."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100)
    description = models.TextField(_("description"), blank=True)
    website = models.URLField(_("website"), blank=True)

    search_fields = [
        index.SearchField("name", boost=2),
        index.AutocompleteField("name"),
        index.SearchField("description"),
        index.FilterField("locale_id"),
    ]
    translatable_fields = [
        SynchronizedField("name"),
        TranslatableField("description"),
        SynchronizedField("slug"),
        SynchronizedField("website"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.name
