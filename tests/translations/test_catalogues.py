"""The interface catalogues: complete in Spanish and Vietnamese, at least 90 % in Amharic and
Tigrinya, and never a translation that would break a template when rendered."""

import re

from django.conf import settings

import polib
import pytest

LOCALE_DIR = settings.BASE_DIR / "locale"
COMPLETE = ["es", "vi"]
MOSTLY = {"am": 90, "ti": 90}
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]|\{\{\s*(\w+)\s*\}\}")


def catalogue(code):
    return polib.pofile(str(LOCALE_DIR / code / "LC_MESSAGES" / "django.po"))


def describe(entries, limit=10):
    listed = "\n".join(f"  {entry.msgid!r}" for entry in entries[:limit])
    more = f"\n  ... and {len(entries) - limit} more" if len(entries) > limit else ""
    return listed + more


@pytest.mark.parametrize("code", COMPLETE)
def test_spanish_and_vietnamese_translate_every_string(code):
    po = catalogue(code)
    untranslated = po.untranslated_entries()
    assert not untranslated, f"{code}: {len(untranslated)} untranslated:\n{describe(untranslated)}"


@pytest.mark.parametrize("code", COMPLETE)
def test_spanish_and_vietnamese_have_no_fuzzy_entries(code):
    fuzzy = catalogue(code).fuzzy_entries()
    assert not fuzzy, (
        f"{code}: {len(fuzzy)} fuzzy (check, then remove the flag):\n{describe(fuzzy)}"
    )


@pytest.mark.parametrize("code,minimum", MOSTLY.items())
def test_amharic_and_tigrinya_translate_most_strings(code, minimum):
    # polib counts fuzzy entries as untranslated, as gettext does when compiling.
    assert catalogue(code).percent_translated() >= minimum


@pytest.mark.parametrize("code", [*COMPLETE, *MOSTLY])
def test_translations_keep_the_placeholders_of_the_english(code):
    broken = []
    for entry in catalogue(code).translated_entries():
        expected = {m for pair in PLACEHOLDER.findall(entry.msgid) for m in pair if m}
        strings = [entry.msgstr] if entry.msgstr else list(entry.msgstr_plural.values())
        for string in strings:
            found = {m for pair in PLACEHOLDER.findall(string) for m in pair if m}
            if found != expected:
                broken.append(entry)
    assert not broken, f"{code}: placeholders differ from the English:\n{describe(broken)}"


@pytest.mark.parametrize("code", [*COMPLETE, *MOSTLY])
def test_catalogue_headers_name_the_language(code):
    metadata = catalogue(code).metadata
    assert metadata["Language"] == code
    assert metadata["Content-Type"] == "text/plain; charset=UTF-8"


@pytest.mark.parametrize("code", [*COMPLETE, *MOSTLY])
def test_plural_entries_have_as_many_forms_as_the_language(code):
    # Spanish follows current CLDR (one, many, other: "1 millón de..."), Vietnamese has one
    # form, Amharic and Tigrinya two; a missing form renders an empty string.
    po = catalogue(code)
    nplurals = int(re.search(r"nplurals=(\d+)", po.metadata["Plural-Forms"]).group(1))
    wrong = [
        entry
        for entry in po.translated_entries()
        if entry.msgid_plural and len(entry.msgstr_plural) != nplurals
    ]
    assert not wrong, f"{code}: plural entries without {nplurals} forms:\n{describe(wrong)}"
