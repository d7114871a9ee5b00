"""Translates the demo site through wagtail-localize, from `demo/content/translations`.

Each data module (`es.py`, `vi.py`, `am.py`, `ti.py`) maps an English source segment, exactly
as wagtail-localize extracts it, to its translation. For every live English page and snippet we
do what a translator with a PO file does in the admin: open a `Translation` (the synced link
editors see), import a PO file made from the data with `Translation.import_po` and build the
translated object with `Translation.save_target`. Editors can then edit, sync and re-translate
the demo like any other page.

A segment the data does not translate falls back to English (`save_target` uses
wagtail-localize's fallback), and the translation is flagged for review; so is everything in a
locale whose data declares `NEEDS_REVIEW` (machine-assisted, awaiting a fluent reviewer).

An object that already has a translation in a locale is never touched: the translator only
adds translations, and only of live English pages.
"""

import importlib
import json
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError

from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.strings import StringValue

import polib

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
    unchanged: int = 0  # already translated: left alone
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
    def __init__(self, data=None):
        self.report = TranslationReport()
        self.source_locale = Locale.get_default()
        self.sources = {}  # translation key -> TranslationSource, made once per run
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
                if not parent_ok:
                    continue
                if page.has_translation(locale) or self.wanted(page, locale_data):
                    self.translate(page, locale, locale_data)
                    translated_pages.add(page.pk)
        return self.report

    # --- What to translate ----------------------------------------------------------------
    def snippets(self):
        for model in SNIPPET_MODELS:
            yield from model.objects.filter(locale=self.source_locale).order_by("pk")

    def pages(self, home):
        """Live English pages, parents before children, so every parent is translated first.

        Drafts and unpublished pages are never translated: a translation is published, and
        must not show what editors have not.
        """
        pages = home.get_descendants(inclusive=True).filter(locale=self.source_locale)
        return pages.live().specific()

    def wanted(self, page, locale_data):
        if locale_data.code in ALL_PAGES_LOCALES or page.slug in ESSENTIAL_SLUGS:
            return True
        source = self.source_of(page)
        segments = StringSegment.objects.filter(source=source).select_related("string")
        return all(self.lookup(segment, locale_data) is not None for segment in segments)

    # --- Translating one object -----------------------------------------------------------
    def lookup(self, segment, locale_data):
        for key in segment_keys(segment):
            if key in locale_data.translations:
                return locale_data.translations[key]
        return None

    def source_of(self, instance):
        """The object's TranslationSource, extracted once per run rather than once per locale:
        extracting the segments is the slow part."""
        if instance.translation_key not in self.sources:
            source, _created = TranslationSource.update_or_create_from_instance(instance)
            self.sources[instance.translation_key] = source
        return self.sources[instance.translation_key]

    def translate(self, instance, locale, locale_data):
        if instance.has_translation(locale):
            self.report.unchanged += 1  # an editor's (or an earlier run's) work: never rewritten
            return
        source = self.source_of(instance)
        translation, _opened = Translation.objects.get_or_create(
            source=source, target_locale=locale, defaults={"enabled": True}
        )
        po, missing = self.po_file(source, locale, locale_data)
        translation.import_po(po, **self.provenance(locale_data))
        rejected = self.save_target(translation)
        self.report.created.append(f"{locale.language_code}: {instance}")
        self.flag(instance, locale, locale_data, missing, rejected)

    def po_file(self, source, locale, locale_data):
        """A PO file of the data's translations of `source`'s segments; and how many it lacks.

        Segments that already have a translation in `locale` (translation memory an editor
        filled) keep it: they are left out of the file.
        """
        po = polib.POFile(wrapwidth=200)
        po.metadata = {"Content-Type": "text/plain; charset=utf-8"}
        missing = 0
        segments = (
            StringSegment.objects.filter(source=source)
            .annotate_translation(locale)
            .select_related("string", "context")
            .order_by("order")
        )
        for segment in segments:
            if segment.translation:
                continue
            text = self.lookup(segment, locale_data)
            if text is None:
                missing += 1
                continue
            po.append(
                polib.POEntry(
                    msgid=segment.string.data,
                    msgctxt=segment.context.path,
                    msgstr=StringValue.from_translated_html(text).data,
                )
            )
        return po, missing

    def provenance(self, locale_data):
        if locale_data.needs_review:
            return {
                "translation_type": StringTranslation.TRANSLATION_TYPE_MACHINE,
                "tool_name": "Machine-assisted demo translation",
            }
        return {"translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL}

    def save_target(self, translation):
        """Build the translated object and publish it; return the fields left in English.

        Pages are saved as a draft revision and published here rather than with
        `publish=True`, which defers publishing to the end of the outer transaction: the demo
        loader runs in one, and tests never commit it. Snippets have no drafts.

        A translation the model rejects (too long for its field...) is marked as an error on
        its `StringTranslation` by wagtail-localize, which then leaves it out: the second try
        shows the English for that field, and editors see the error in the translation editor.
        """
        is_page = issubclass(translation.source.specific_content_type.model_class(), Page)
        rejected = {}
        for _attempt in range(2):
            try:
                # No savepoint of our own: wagtail-localize rolls back its own changes, and the
                # error it records on the string must survive for the second try.
                translation.save_target(publish=not is_page)
                break
            except ValidationError as error:
                if rejected:
                    raise
                rejected = {
                    name: "; ".join(messages) for name, messages in error.message_dict.items()
                }
        if is_page:
            translation.get_target_instance().get_latest_revision().publish()
        if rejected:
            fields = ", ".join(f"{name} ({message})" for name, message in rejected.items())
            code = translation.target_locale.language_code
            self.report.rejected.append(f"{code}: {translation.source.object_repr}: {fields}")
        return rejected

    def flag(self, instance, locale, locale_data, missing, rejected):
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
        if missing:
            ReviewFlag.flag(
                instance,
                locale,
                ReviewFlag.Reason.INCOMPLETE,
                f"{missing} segment(s) had no translation and show the English text.",
            )
            self.report.flagged.append(f"{locale.language_code}: {instance} ({missing} missing)")
