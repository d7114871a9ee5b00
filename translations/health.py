"""What is translated where: the data behind the translation health report.

For every page and translatable snippet in the default language, and every other locale, one
status: translated, out of date (the English changed since the translation was last synced),
or missing; plus any open review flags. Built from wagtail-localize's own records
(`TranslationSource`, `Translation`, `TranslationLog`) so it agrees with what editors see
when they sync or translate, and with a handful of queries per model, not one per cell.
"""

import json
from dataclasses import dataclass, field

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Max
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from modelcluster.models import get_serializable_data_for_fields
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import TranslationLog, TranslationSource, get_edit_url

from .models import ReviewFlag

TRANSLATED, OUTDATED, MISSING = "translated", "outdated", "missing"
STATUS_LABELS = {
    TRANSLATED: _("Translated"),
    OUTDATED: _("Out of date"),
    MISSING: _("Missing"),
}


@dataclass
class Cell:
    status: str
    url: str  # where an editor acts: translate, sync, or edit the translation
    flags: list = field(default_factory=list)

    @property
    def label(self):
        return STATUS_LABELS[self.status]


@dataclass
class Row:
    instance: object
    kind: str
    edit_url: str
    cells: dict  # locale language code -> Cell

    @property
    def label(self):
        return str(self.instance)


def target_locales_queryset():
    """Every locale but the default: the languages things are translated into."""
    return Locale.objects.exclude(pk=Locale.get_default().pk).order_by("language_code")


def target_locales():
    return list(target_locales_queryset())


def translatable_snippet_models():
    return [model for model in get_snippet_models() if issubclass(model, TranslatableMixin)]


def build_report(locales=None):
    """Rows for every default-language page (in tree order), then every translatable snippet."""
    locales = locales if locales is not None else target_locales()
    default = Locale.get_default()
    pages = Page.objects.filter(locale=default, depth__gt=1).order_by("path").specific()
    rows = _rows(list(pages), Page, locales, default)
    for model in translatable_snippet_models():
        rows += _rows(list(model.objects.filter(locale=default)), model, locales, default)
    return rows


def _rows(instances, base_model, locales, default):
    keys = [instance.translation_key for instance in instances]
    translated = _translations(base_model, keys, locales)
    sources = {
        source.object_id: source
        for source in TranslationSource.objects.filter(object_id__in=keys, locale=default)
    }
    synced = {
        (log["source__object_id"], log["locale_id"]): log["last"]
        for log in TranslationLog.objects.filter(source__in=sources.values())
        .values("source__object_id", "locale_id")
        .annotate(last=Max("created_at"))
    }
    flags = {}
    for flag in ReviewFlag.objects.filter(object_id__in=keys).select_related("locale"):
        flags.setdefault((flag.object_id, flag.locale_id), []).append(flag)

    rows = []
    for instance in instances:
        key = instance.translation_key
        source = sources.get(key)
        source_changed = source is not None and _changed_since_source(instance, source)
        cells = {}
        for locale in locales:
            target = translated.get((key, locale.pk))
            if target is None:
                status, url = MISSING, _submit_url(instance)
            elif source is not None and (
                source_changed
                or synced.get((key, locale.pk), source.last_updated_at) < source.last_updated_at
            ):
                status = OUTDATED
                url = reverse("wagtail_localize:update_translations", args=[source.pk])
            elif source is None and _page_newer(instance, target):
                status, url = OUTDATED, get_edit_url(target)
            else:
                status, url = TRANSLATED, get_edit_url(target)
            cells[locale.language_code] = Cell(status, url, flags.get((key, locale.pk), []))
        kind = instance.specific_class._meta.verbose_name if isinstance(instance, Page) else None
        rows.append(
            Row(instance, kind or instance._meta.verbose_name, get_edit_url(instance), cells)
        )
    return rows


def _translations(base_model, keys, locales):
    """{(translation key, locale id): translated instance} for the given objects."""
    queryset = base_model.objects.filter(translation_key__in=keys, locale__in=locales)
    if base_model is Page:
        queryset = queryset.only("id", "translation_key", "locale_id", "last_published_at")
    return {(item.translation_key, item.locale_id): item for item in queryset}


def _changed_since_source(instance, source):
    """Has the English been edited since wagtail-localize last took its source text?"""
    if isinstance(instance, Page):
        published = instance.last_published_at
        return published is not None and published > source.last_updated_at
    current = json.loads(
        json.dumps(get_serializable_data_for_fields(instance), cls=DjangoJSONEncoder)
    )
    return current != json.loads(source.content_json)


def _page_newer(instance, target):
    """For a page translated by hand (no wagtail-localize source): English published later."""
    if not isinstance(instance, Page):
        return False
    if instance.last_published_at is None or target.last_published_at is None:
        return False
    return instance.last_published_at > target.last_published_at


def _submit_url(instance):
    if isinstance(instance, Page):
        return reverse("wagtail_localize:submit_page_translation", args=[instance.pk])
    meta = instance._meta
    return reverse(
        "wagtail_localize:submit_snippet_translation",
        args=[meta.app_label, meta.model_name, instance.pk],
    )


def summary(rows, locales):
    """Per locale: how many objects are translated, out of date, missing and flagged."""
    totals = []
    for locale in locales:
        cells = [row.cells[locale.language_code] for row in rows]
        totals.append(
            {
                "locale": locale,
                TRANSLATED: sum(cell.status == TRANSLATED for cell in cells),
                OUTDATED: sum(cell.status == OUTDATED for cell in cells),
                MISSING: sum(cell.status == MISSING for cell in cells),
                "flagged": sum(bool(cell.flags) for cell in cells),
                "total": len(cells),
            }
        )
    return totals
