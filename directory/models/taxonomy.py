"""Taxonomies that classify listings: what people need, where, in which language, run by whom.

All four are translatable snippets. Slugs and codes are synchronized across locales, so a
filter such as `?need=food` means the same thing in every language; names are translated.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q, Value
from django.db.models.functions import JSONObject
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .identity import OpenDataIdentity, identity_translatable_fields


class Taxonomy(TranslatableMixin, index.Indexed, models.Model):
    """What every taxonomy shares: a name in each language, and a value (`value_field`) that
    is the same in every language, which filters and exports use."""

    value_field = "slug"

    name = models.CharField(_("name"), max_length=100)

    search_fields = [
        index.SearchField("name", boost=2),
        index.AutocompleteField("name"),
        index.FilterField("locale_id"),
    ]
    translatable_fields = [TranslatableField("name")]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def value(self):
        return getattr(self, self.value_field)

    @classmethod
    def labels(cls, language):
        """{value: name in `language`}, the default language's name where untranslated.

        One query: the default-locale objects and their translations into `language`.
        """
        default = Locale.get_default()
        rows = cls.objects.filter(
            Q(locale=default) | Q(locale__language_code=language)
        ).values_list("translation_key", "locale_id", cls.value_field, "name")
        values, names = {}, {}
        for key, locale_id, value, name in rows:
            if locale_id == default.pk:
                values[key] = value
                names.setdefault(key, name)
            else:
                names[key] = name
        return {value: names[key] for key, value in values.items()}


def in_reader_language(items, locale=None):
    """`[item.localized for item in items]` in one query: each taxonomy item in `locale`
    (default: the active one) where translated, else as it is."""
    items = list(items)
    locale = locale or Locale.get_active()
    others = [item for item in items if item.locale_id != locale.pk]
    if not others:
        return items
    translations = type(others[0]).objects.filter(
        locale=locale, translation_key__in=[item.translation_key for item in others]
    )
    found = {translation.translation_key: translation for translation in translations}
    return [
        item if item.locale_id == locale.pk else found.get(item.translation_key, item)
        for item in items
    ]


def translate_together(*groups, locale=None):
    """`[in_reader_language(items) for items in groups]`, in one query whatever the number of
    groups and models (a listing's needs, areas, languages and organization): the rows of
    each model's translations as JSON, joined with UNION ALL, then made into instances."""
    locale = locale or Locale.get_active()
    groups = [list(items) for items in groups]
    models_ = list(
        dict.fromkeys(
            type(item) for items in groups for item in items if item.locale_id != locale.pk
        )
    )
    found = {}
    if models_:
        parts = []
        for number, model in enumerate(models_):
            keys = [
                item.translation_key
                for items in groups
                for item in items
                if type(item) is model and item.locale_id != locale.pk
            ]
            fields = {field.attname: F(field.attname) for field in model._meta.concrete_fields}
            parts.append(
                model.objects.filter(locale=locale, translation_key__in=keys)
                .order_by()
                .annotate(model_number=Value(number), row=JSONObject(**fields))
                .values_list("model_number", "row")
            )
        rows = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
        for number, row in rows:
            model = models_[number]
            fields = model._meta.concrete_fields
            values = [field.to_python(row[field.attname]) for field in fields]
            instance = model.from_db(rows.db, [field.attname for field in fields], values)
            found[model, instance.translation_key] = instance
    return [
        [
            item
            if item.locale_id == locale.pk
            else found.get((type(item), item.translation_key), item)
            for item in items
        ]
        for items in groups
    ]


class DescribedTaxonomy(Taxonomy):
    """A taxonomy with a slug and a description: needs, areas, organizations."""

    slug = models.SlugField(
        _("slug"),
        max_length=100,
        allow_unicode=False,
        help_text=_("Used in web addresses and filters, e.g. 'food'. Shared by all languages."),
    )
    description = models.TextField(_("description"), blank=True)

    search_fields = Taxonomy.search_fields + [
        index.SearchField("description"),
        index.FilterField("slug"),
    ]
    translatable_fields = Taxonomy.translatable_fields + [
        TranslatableField("description"),
        SynchronizedField("slug"),
    ]

    class Meta(Taxonomy.Meta):
        abstract = True


class Need(DescribedTaxonomy):
    """Something a person may need or offer: food, rides, prescriptions, masks..."""

    class Meta(DescribedTaxonomy.Meta):
        verbose_name = _("need")
        verbose_name_plural = _("needs")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]


class Area(DescribedTaxonomy):
    """A place a listing serves: a city, a part of the county, a county.

    Areas nest (King County contains Seattle and South King County): a listing that serves
    the county serves every area inside it, so filtering by an area also finds listings of
    the areas that enclose it. The hierarchy is kept on the default locale's areas, which
    are the ones listings point to.
    """

    parent = models.ForeignKey(
        "self",
        verbose_name=_("inside"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
        limit_choices_to={"locale__language_code": settings.LANGUAGE_CODE},
        help_text=_("The larger area this one is part of, e.g. King County for Seattle."),
    )

    translatable_fields = DescribedTaxonomy.translatable_fields + [SynchronizedField("parent")]

    def clean(self):
        super().clean()
        area = self.parent
        while area is not None:
            if area.pk == self.pk or area.translation_key == self.translation_key:
                raise ValidationError({"parent": _("An area cannot be inside itself.")})
            area = area.parent

    class Meta(DescribedTaxonomy.Meta):
        verbose_name = _("area")
        verbose_name_plural = _("areas")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]


class Language(Taxonomy):
    """A language a form, group or hotline is offered in."""

    value_field = "code"

    code = models.CharField(
        _("ISO 639 code"),
        max_length=8,
        help_text=_("The ISO 639-1 code where one exists (es, vi, am, ti), otherwise ISO 639-3."),
    )
    name = models.CharField(_("name"), max_length=100, help_text=_("In this locale's language."))
    native_name = models.CharField(
        _("native name"), max_length=100, help_text=_("The language's name in its own script.")
    )

    search_fields = Taxonomy.search_fields + [
        index.SearchField("native_name"),
        index.FilterField("code"),
    ]
    translatable_fields = Taxonomy.translatable_fields + [
        SynchronizedField("code"),
        SynchronizedField("native_name"),
    ]

    class Meta(Taxonomy.Meta):
        verbose_name = _("language")
        verbose_name_plural = _("languages")
        unique_together = [("translation_key", "locale"), ("code", "locale")]


class Organization(OpenDataIdentity, DescribedTaxonomy):
    """The group, agency or project behind a listing (HSDS's "organization")."""

    name = models.CharField(_("name"), max_length=200)
    website = models.URLField(_("website"), blank=True)

    # An organization's name is a proper name: kept as it is in every language.
    translatable_fields = [
        SynchronizedField("name"),
        TranslatableField("description"),
        SynchronizedField("slug"),
        SynchronizedField("website"),
        *identity_translatable_fields(),
    ]

    class Meta(DescribedTaxonomy.Meta):
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]
