"""A small translated site (Spanish and Amharic): home, directory, an essential form, a group,
a need and two languages.

Translations are made by the demo translator from sample data built out of the objects' own
segments ("[es] " + English), so the tests exercise wagtail-localize end to end without
depending on the translators' data files.
"""

from wagtail.models import Locale
from wagtail_localize.models import StringSegment, TranslationSource

import pytest

from demo.translator import DemoTranslator, LocaleData
from directory.factories import (
    DirectoryIndexPageFactory,
    ExternalFormPageFactory,
    GroupPageFactory,
    LanguageFactory,
    NeedFactory,
)


def english_segments(instances):
    sources = [TranslationSource.update_or_create_from_instance(obj)[0] for obj in instances]
    segments = StringSegment.objects.filter(source__in=sources).select_related("string")
    return {segment.string.data for segment in segments}


def sample_data(instances, skip=None, codes=("es", "am"), needs_review=("am", "ti")):
    """Every English segment of `instances` as "[code] text", except `skip[code]`."""
    english = english_segments(instances)
    skip = skip or {}
    return {
        code: LocaleData(
            code,
            {text: f"[{code}] {text}" for text in english - set(skip.get(code, ()))},
            code in needs_review,
        )
        for code in codes
    }


@pytest.fixture
def site_objects(locales, home):
    directory = DirectoryIndexPageFactory(parent=home, slug="directory", intro="<p>Find help.</p>")
    food = NeedFactory(slug="food", name="Food")
    tigrinya = LanguageFactory(code="ti", name="Tigrinya", native_name="ትግርኛ")
    english = LanguageFactory(code="en", name="English", native_name="English")
    form = ExternalFormPageFactory(
        parent=directory,
        slug="seattle-volunteer-form",
        title="Volunteer form",
        summary="Sign up to deliver groceries.",
        phone="",
        needs=[food],
        languages=[english, tigrinya],
    )
    group = GroupPageFactory(
        parent=directory,
        slug="neighbours-group",
        title="Neighbours group",
        summary="A group on your street.",
        needs=[food],
        languages=[english, tigrinya],
    )
    return {
        "home": home,
        "directory": directory,
        "form": form,
        "group": group,
        "food": food,
        "tigrinya": tigrinya,
        "english": english,
    }


@pytest.fixture
def translate(site_objects):
    """Run the demo translator on the small site; `skip` leaves segments untranslated."""

    def run(skip=None, data=None):
        objects = site_objects
        instances = [objects[name] for name in ("home", "directory", "form", "group", "food")]
        instances += [objects["tigrinya"], objects["english"]]
        data = data or sample_data(instances, skip=skip)
        return DemoTranslator(data=data).run(objects["home"])

    return run


@pytest.fixture
def translated(site_objects, translate):
    """Everything translated into Spanish and Amharic (two locales keep the tests quick),
    except the group's summary in Amharic: the group is not an essential page, so Amharic
    leaves it out."""
    translate(skip={"am": [site_objects["group"].summary]})
    return site_objects


def in_locale(page, code):
    return page.get_translation(Locale.objects.get(language_code=code)).specific
