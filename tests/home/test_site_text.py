"""The site name and footer: editors set them per language; the built-in text stands in."""

from django.core.exceptions import ValidationError
from django.utils import translation

import pytest

from home.models import SiteText
from tests.helpers import translate

pytestmark = pytest.mark.django_db

BUILT_IN_FOOTER = "Listings are checked by volunteer editors; call before you go."


def page_html(client, page, code="en"):
    with translation.override(code):
        return client.get(page.url).content.decode()


def test_without_a_record_the_built_in_text_is_shown(client, home, locales):
    html = page_html(client, home)

    assert '<span class="brand__name">Mutual Aid King County</span>' in html
    assert "· Mutual Aid King County</title>" in html
    assert BUILT_IN_FOOTER in html


def test_each_language_shows_its_own_record_else_the_built_in_text(client, home, locales):
    SiteText.objects.create(
        locale=locales["en"], site_name="Mutual Aid KC", footer="<p>Run by <b>neighbours</b>.</p>"
    )
    SiteText.objects.create(
        locale=locales["es"], site_name="Ayuda Mutua KC", footer="<p>Hecho por vecinos.</p>"
    )
    spanish_home = translate(home, "es")

    english = page_html(client, home)
    assert '<span class="brand__name">Mutual Aid KC</span>' in english
    assert "· Mutual Aid KC</title>" in english
    assert "<p>Run by <b>neighbours</b>.</p>" in english and BUILT_IN_FOOTER not in english

    spanish = page_html(client, spanish_home, "es")
    assert '<span class="brand__name">Ayuda Mutua KC</span>' in spanish
    assert "Hecho por vecinos." in spanish and "Run by" not in spanish

    vietnamese_home = translate(home, "vi")
    vietnamese = page_html(client, vietnamese_home, "vi")
    with translation.override("vi"):
        built_in_name = translation.gettext("Mutual Aid King County")
    assert f'<span class="brand__name">{built_in_name}</span>' in vietnamese
    assert "Mutual Aid KC" not in vietnamese


def test_the_record_is_read_once_then_cached_until_edited(locales, django_assert_num_queries):
    text = SiteText.objects.create(
        locale=locales["en"], site_name="Mutual Aid KC", footer="<p>Hi</p>"
    )
    with django_assert_num_queries(1):  # every language's record, in one query
        assert SiteText.for_language("en") == text
        assert SiteText.for_language("am") is None
    with django_assert_num_queries(0):  # found, and not found, are both remembered
        assert SiteText.for_language("en").site_name == "Mutual Aid KC"
        assert SiteText.for_language("am") is None

    text.site_name = "Mutual Aid King County Network"
    text.save()
    assert SiteText.for_language("en").site_name == "Mutual Aid King County Network"
    SiteText.objects.create(locale=locales["am"], site_name="የጋራ እርዳታ", footer="<p>ሰላም</p>")
    assert SiteText.for_language("am").site_name == "የጋራ እርዳታ"


def test_a_second_record_for_one_language_is_refused(locales):
    SiteText.objects.create(locale=locales["en"], site_name="Mutual Aid KC", footer="<p>Hi</p>")
    duplicate = SiteText(locale=locales["en"], site_name="Another name", footer="<p>Hi</p>")

    with pytest.raises(ValidationError, match="already has a site name and footer"):
        duplicate.full_clean()
