"""Translates the demo site through wagtail-localize, from `demo/content/translations`.

Each data module (`es.py`, `vi.py`, `am.py`, `ti.py`) maps an English source segment, exactly
as wagtail-localize extracts it, to its translation. For every page and snippet to translate we
do what an editor's "Translate this page" does: take a `TranslationSource` of the English
object, store the segments' `StringTranslation`s (translation memory), open a `Translation`
(the synced link editors see in the admin) and let wagtail-localize build and publish the
translated object. Editors can then edit, sync and re-translate the demo like any other page.

A segment the data does not translate falls back to English (wagtail-localize's `fallback`),
and the translation is flagged for review; so is everything in a locale whose data declares
`NEEDS_REVIEW` (machine-assisted, awaiting a fluent reviewer).

Idempotent like `DemoLoader`: a translation that exists is left alone unless the English source
changed, a segment gained a translation, or `update=True` (which also overwrites translations
editors changed in wagtail-localize with the data's).
"""

import importlib
import json
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError

from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.strings import StringValue

from directory.models import Area, Language, Need, Organization
from translations.models import ReviewFlag

DATA_PACKAGE = "demo.content.translations"
SNIPPET_MODELS = [Need, Area, Language, Organization]
# Spanish and Vietnamese get every page. Amharic and Tigrinya get what someone who needs help
# now must read (home, the directory with its get-help route, the request and volunteer forms,
# the hotline), plus any further page the data translates completely.
ESSENTIAL_SLUGS = {
    "home",
    "directory",
    "seattle-request-support-form",
    "seattle-volunteer-form",
    "king-county-public-health-hotline",
}
ALL_PAGES_LOCALES = {"es", "vi"}


@dataclass
class LocaleData:
    code: str
    translations: dict
    needs_review: bool


@dataclass
class TranslationReport:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: int = 0
    flagged: list = field(default_factory=list)
    missing_data: list = field(default_factory=list)
    rejected: list = field(default_factory=list)  # translations a field refused, and why


def load_locale_data(code):
    """The data module for `code`, or None while the translators have not written it."""
    try:
        module = importlib.import_module(f"{DATA_PACKAGE}.{code}")
    except ModuleNotFoundError as error:
        if error.name not in (DATA_PACKAGE, f"{DATA_PACKAGE}.{code}"):
            raise  # a broken import inside the module is a bug, not missing data
        return None
    return LocaleData(
        code=code,
        translations=dict(getattr(module, "TRANSLATIONS", {})),
        needs_review=bool(getattr(module, "NEEDS_REVIEW", True)),
    )


def segment_keys(segment):
    """The forms a segment's source text can take in the data: as stored, and with attributes."""
    value = StringValue(segment.string.data)
    keys = [segment.string.data]
    if segment.attrs and segment.attrs != "{}":
        keys.append(value.render_html(json.loads(segment.attrs)))
    return keys


class DemoTranslator:
    def __init__(self, update=False, data=None):
        self.update = update
        self.report = TranslationReport()
        self.source_locale = Locale.get_default()
        # Tests pass their own small data; the loader reads the translators' modules.
        self.data = data if data is not None else self.read_data()

    def read_data(self):
        data = {}
        for code, _name in settings.LANGUAGES:
            if code == settings.LANGUAGE_CODE:
                continue
            locale_data = load_locale_data(code)
            if locale_data is None:
                self.report.missing_data.append(code)
            else:
                data[code] = locale_data
        return data

    def run(self, home):
        for code, locale_data in self.data.items():
            locale = Locale.objects.get(language_code=code)
            for instance in self.snippets():
                self.translate(instance, locale, locale_data)
            translated_pages = set()
            for page in self.pages(home):
                parent_ok = page.pk == home.pk or page.get_parent().pk in translated_pages
                if parent_ok and self.wanted(page, locale_data):
                    self.translate(page, locale, locale_data)
                    translated_pages.add(page.pk)
        return self.report

    # --- What to translate ----------------------------------------------------------------
    def snippets(self):
        for model in SNIPPET_MODELS:
            yield from model.objects.filter(locale=self.source_locale).order_by("pk")

    def pages(self, home):
        """English pages, parents before children, so every parent is translated first."""
        return home.get_descendants(inclusive=True).filter(locale=self.source_locale).specific()

    def wanted(self, page, locale_data):
        if locale_data.code in ALL_PAGES_LOCALES or page.slug in ESSENTIAL_SLUGS:
            return True
        source, _created = TranslationSource.update_or_create_from_instance(page)
        segments = StringSegment.objects.filter(source=source).select_related("string")
        return all(self.lookup(segment, locale_data) is not None for segment in segments)

    # --- Translating one object -----------------------------------------------------------
    def lookup(self, segment, locale_data):
        for key in segment_keys(segment):
            if key in locale_data.translations:
                return locale_data.translations[key]
        return None

    def translate(self, instance, locale, locale_data):
        before = TranslationSource.objects.get_for_instance_or_none(instance)
        source, created_source = TranslationSource.update_or_create_from_instance(instance)
        source_changed = before is not None and before.last_updated_at != source.last_updated_at
        stored, missing = self.store_strings(source, locale, locale_data)
        translation, opened = Translation.objects.get_or_create(
            source=source, target_locale=locale, defaults={"enabled": True}
        )
        exists = instance.has_translation(locale)
        label = f"{locale.language_code}: {instance}"
        if exists and not (stored or source_changed or opened or self.update):
            self.report.unchanged += 1
            return
        rejected = self.save_target(source, locale)
        (self.report.updated if exists else self.report.created).append(label)
        self.flag(instance, locale, locale_data, missing, rejected)

    def store_strings(self, source, locale, locale_data):
        """Put the data's translations in translation memory; return (stored, missing) counts."""
        stored = missing = 0
        segments = StringSegment.objects.filter(source=source).select_related("string", "context")
        for segment in segments:
            text = self.lookup(segment, locale_data)
            if text is None:
                missing += 1
                continue
            data = StringValue.from_translated_html(text).data
            existing = StringTranslation.objects.filter(
                translation_of=segment.string, locale=locale, context=segment.context
            ).first()
            if existing is None:
                StringTranslation.objects.create(
                    translation_of=segment.string,
                    locale=locale,
                    context=segment.context,
                    data=data,
                    **self.provenance(locale_data),
                )
                stored += 1
            elif self.update and existing.data != data:
                existing.data = data
                existing.has_error = False
                existing.save()
                stored += 1
        return stored, missing

    def provenance(self, locale_data):
        if locale_data.needs_review:
            return {
                "translation_type": StringTranslation.TRANSLATION_TYPE_MACHINE,
                "tool_name": "Machine-assisted demo translation",
            }
        return {"translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL}

    def save_target(self, source, locale):
        """Build the translated object and publish it; return the fields left in English.

        Pages are saved as a draft revision and published here rather than with
        `publish=True`, which defers publishing to the end of the outer transaction: the demo
        loader runs in one, and tests never commit it. Snippets have no drafts.

        A translation the model rejects (too long for its field...) is marked as an error on
        its `StringTranslation` by wagtail-localize, which then leaves it out: the second try
        shows the English for that field, and editors see the error in the translation editor.
        """
        is_page = issubclass(source.specific_content_type.model_class(), Page)
        rejected = {}
        for _attempt in range(2):
            try:
                # No savepoint of our own: wagtail-localize rolls back its own changes, and the
                # error it records on the string must survive for the second try.
                translated, _created = source.create_or_update_translation(
                    locale, publish=not is_page, fallback=True
                )
                break
            except ValidationError as error:
                if rejected:
                    raise
                rejected = {
                    name: "; ".join(messages) for name, messages in error.message_dict.items()
                }
        if is_page:
            translated.get_latest_revision().publish()
        if rejected:
            fields = ", ".join(f"{name} ({message})" for name, message in rejected.items())
            self.report.rejected.append(f"{locale.language_code}: {source.object_repr}: {fields}")
        return rejected

    def flag(self, instance, locale, locale_data, missing, rejected=None):
        if locale_data.needs_review:
            ReviewFlag.flag(
                instance,
                locale,
                ReviewFlag.Reason.MACHINE_ASSISTED,
                "Demo translation written with a machine's help; a fluent reader should check it.",
            )
            self.report.flagged.append(f"{locale.language_code}: {instance}")
        if rejected:
            ReviewFlag.flag(
                instance,
                locale,
                ReviewFlag.Reason.OTHER,
                "Rejected, shown in English: "
                + "; ".join(f"{name}: {message}" for name, message in rejected.items()),
            )
        if not missing:
            # The data now covers every segment: an earlier "incomplete" flag no longer holds.
            ReviewFlag.for_instance(instance.get_translation(locale)).filter(
                reason=ReviewFlag.Reason.INCOMPLETE
            ).delete()
            return
        if missing:
            ReviewFlag.flag(
                instance,
                locale,
                ReviewFlag.Reason.INCOMPLETE,
                f"{missing} segment(s) had no translation and show the English text.",
            )
            self.report.flagged.append(f"{locale.language_code}: {instance} ({missing} missing)")
