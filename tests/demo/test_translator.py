"""The demo translator: synced wagtail-localize translations from PO files, fallbacks, flags;
it only adds translations, never rewrites one and never translates a draft."""

from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

import pytest

from demo import translator as demo_translator
from directory.factories import GroupPageFactory
from directory.models import ListingPhone, Need
from tests.helpers import publish
from translations.models import ReviewFlag

from .conftest import in_locale, sample_data

pytestmark = pytest.mark.django_db


def test_pages_become_synced_translations_editors_can_update(translated):
    form_es = in_locale(translated["form"], "es")
    assert form_es.live
    assert form_es.title == "[es] Volunteer form"
    assert form_es.summary == "[es] Sign up to deliver groceries."
    source = TranslationSource.objects.get_for_instance(translated["form"])
    translation = Translation.objects.get(source=source, target_locale__language_code="es")
    assert translation.enabled
    assert translation.get_progress() == (2, 2)  # title and summary


def test_snippets_are_translated_with_their_slug_kept(translated):
    food_am = Need.objects.get(locale__language_code="am", slug="food")
    assert food_am.name == "[am] Food"
    assert food_am.translation_key == translated["food"].translation_key


def test_synchronized_fields_and_choices_stay_identical(translated):
    form_am = in_locale(translated["form"], "am")
    assert form_am.slug == translated["form"].slug
    assert list(form_am.needs.all()) == list(translated["form"].needs.all())
    assert set(form_am.languages.all()) == set(translated["form"].languages.all())


def test_a_sync_copies_changed_synchronized_fields_to_the_translation(
    translated, django_capture_on_commit_callbacks
):
    # What the admin's "Sync translated pages" does, through wagtail-localize's own API.
    form = translated["form"]
    publish(form, phones=[ListingPhone(number="206-555-0100")])
    source, _created = TranslationSource.update_or_create_from_instance(form)
    with django_capture_on_commit_callbacks(execute=True):
        for translation in source.translations.all():
            translation.save_target()
    for code in ("es", "am"):
        numbers = [phone.number.as_e164 for phone in in_locale(form, code).phones.all()]
        assert numbers == ["+12065550100"]


def test_translations_are_imported_as_po_files_with_their_provenance(translated):
    source = TranslationSource.objects.get_for_instance(translated["form"])
    strings = StringTranslation.objects.filter(context__object_id=source.object_id)
    am = strings.filter(locale__language_code="am")
    assert set(am.values_list("translation_type", "tool_name")) == {
        ("machine", "Machine-assisted demo translation")
    }
    assert set(strings.filter(locale__language_code="es").values_list("translation_type")) == {
        ("manual",)
    }
    po = Translation.objects.get(source=source, target_locale__language_code="es").export_po()
    assert {entry.msgstr for entry in po} == {
        "[es] Volunteer form",
        "[es] Sign up to deliver groceries.",
    }


def test_amharic_and_tigrinya_get_essential_pages_not_partly_translated_ones(translated):
    am = Locale.objects.get(language_code="am")
    assert translated["form"].has_translation(am)  # essential: the volunteer form
    assert translated["directory"].has_translation(am)
    assert not translated["group"].has_translation(am)  # summary untranslated, not essential
    assert in_locale(translated["group"], "es").live


def test_machine_assisted_locales_are_flagged_for_review(translated):
    flags = ReviewFlag.objects.filter(reason=ReviewFlag.Reason.MACHINE_ASSISTED)
    assert {flag.locale.language_code for flag in flags} == {"am"}
    form_am = in_locale(translated["form"], "am")
    assert ReviewFlag.for_instance(form_am).exists()
    assert not ReviewFlag.for_instance(in_locale(translated["form"], "es")).exists()


def test_a_missing_segment_shows_english_and_flags_the_page(site_objects, translate):
    summary = site_objects["form"].summary
    translate(skip={"es": [summary]})
    form_es = in_locale(site_objects["form"], "es")
    assert form_es.title == "[es] Volunteer form"
    assert form_es.summary == summary  # English, not an empty field
    flag = ReviewFlag.for_instance(form_es).get()
    assert flag.reason == ReviewFlag.Reason.INCOMPLETE
    assert "1 segment" in flag.note


def test_running_again_changes_nothing(translated, translate):
    form_es = in_locale(translated["form"], "es")
    revisions = form_es.revisions.count()
    report = translate(skip={"am": [translated["group"].summary]})
    assert report.created == []
    assert in_locale(translated["form"], "es").revisions.count() == revisions


def test_a_translation_an_editor_changed_is_never_rewritten(translated, translate):
    form_es = in_locale(translated["form"], "es")
    publish(form_es, summary="Resumen de una editora.")
    form_es.summary = "Borrador de una editora."
    form_es.save_revision()  # a draft on top of the live page
    report = translate(data=sample_data([translated["form"]], codes=("es",)))
    assert report.created == [] and report.unchanged >= 1
    form_es = in_locale(translated["form"], "es")
    assert form_es.summary == "Resumen de una editora."
    assert form_es.get_latest_revision_as_object().summary == "Borrador de una editora."
    assert form_es.has_unpublished_changes


def test_drafts_and_unpublished_pages_are_never_translated(site_objects, translate):
    draft = GroupPageFactory(
        parent=site_objects["directory"], slug="draft-group", title="Draft group", live=False
    )
    draft.save_revision()
    site_objects["group"].unpublish()
    translate(data=sample_data([draft, site_objects["group"]], codes=("es",)))
    spanish = Locale.objects.get(language_code="es")
    assert not draft.has_translation(spanish)
    assert not site_objects["group"].has_translation(spanish)


def test_data_modules_that_do_not_exist_yet_are_reported_not_fatal(monkeypatch, locales, home):
    monkeypatch.setattr(demo_translator, "DATA_PACKAGE", "demo.no_such_package")
    translator = demo_translator.DemoTranslator()
    assert translator.report.missing_data == ["es", "vi", "am", "ti"]
    assert translator.run(home).created == []
