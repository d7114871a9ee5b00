"""Reader-facing languages: <html lang>, the switcher, hreflang alternates, the fallback."""

import re

from django.utils import translation
from django.utils.translation import gettext

import pytest

from articles.factories import ArticleIndexPageFactory, ArticlePageFactory
from home.models import HomeFeaturedArticle
from home.templatetags import portal_tags
from tests.helpers import assert_not_found, publish

from .conftest import sample_data

pytestmark = pytest.mark.django_db


def in_language(code, message, **values):
    """`message` as a reader of `code` sees it; language names in `values` are translated."""
    with translation.override(code):
        return gettext(message) % {key: gettext(value) for key, value in values.items()}


def alternates(html):
    return dict(re.findall(r'<link rel="alternate" hreflang="([a-z-]+)" href="([^"]+)">', html))


def switcher_links(html):
    nav = html[html.index('class="languages"') :]
    nav = nav[: nav.index("</nav>")]
    return {lang: url for url, lang in re.findall(r'<a href="([^"]+)" lang="([a-z]+)"', nav)}


def test_each_language_home_serves_with_its_lang(translated, client):
    for code in ("es", "am"):
        response = client.get(f"/{code}/")
        assert response.status_code == 200
        assert f'<html lang="{code}">' in response.content.decode()


def test_hreflang_lists_real_translations_and_x_default(translated, client):
    html = client.get("/es/directory/seattle-volunteer-form/").content.decode()
    links = alternates(html)
    assert links["en"] == "http://testserver/en/directory/seattle-volunteer-form/"
    assert links["am"] == "http://testserver/am/directory/seattle-volunteer-form/"
    assert links["x-default"] == links["en"]
    assert "vi" not in links  # not translated into Vietnamese in this site


def test_switcher_goes_to_the_same_page_or_that_languages_home(translated, client):
    html = client.get("/es/directory/neighbours-group/").content.decode()
    links = switcher_links(html)
    assert links["en"] == "/en/directory/neighbours-group/"
    assert links["es"] == "/es/directory/neighbours-group/"
    assert links["am"] == "/am/"  # the group has no Amharic version
    assert 'lang="am" hreflang="am">አማርኛ</a>' in html  # named in its own script


def test_routes_keep_their_sub_path_across_languages(translated, client):
    html = client.get("/es/directory/get-help/").content.decode()
    assert alternates(html)["am"] == "http://testserver/am/directory/get-help/"
    assert switcher_links(html)["am"] == "/am/directory/get-help/"


def test_untranslated_page_is_shown_in_english_with_a_notice(translated, client):
    response = client.get("/am/directory/neighbours-group/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="am">' in html  # the interface stays in Amharic
    assert '<main id="main" tabindex="-1" lang="en">' in html
    notice = "This page is not translated into your language yet, so it is shown in %(language)s."
    assert in_language("am", notice, language="English") in html
    assert '<link rel="canonical" href="http://testserver/en/directory/neighbours-group/">' in html
    assert "Neighbours group" in html


def test_a_page_missing_in_every_language_is_still_a_404(translated, client):
    assert_not_found(client.get("/am/directory/no-such-listing/"))
    assert_not_found(client.get("/en/directory/no-such-listing/"))


def test_directory_lists_untranslated_listings_with_an_honest_badge(translated, client):
    html = client.get("/am/directory/").content.decode()
    assert '<a href="/am/directory/neighbours-group/" lang="en">Neighbours group</a>' in html
    # the group is offered in Tigrinya, not Amharic: the badge says only "page in English"
    assert in_language("am", "Page in %(page_language)s", page_language="English") in html
    assert "[am] Volunteer form" in html  # translated listings as usual, no badge
    assert "Page in" not in client.get("/es/directory/").content.decode()  # all in Spanish


def test_badge_says_when_the_service_is_offered_in_the_readers_language(
    site_objects, translate, client
):
    tigrinya = site_objects["tigrinya"]
    essentials = [site_objects[key] for key in ("home", "directory", "food", "english")]
    translate(data=sample_data([*essentials, tigrinya], codes=("ti",)))
    html = client.get("/ti/directory/").content.decode()
    badge = "Page in %(page_language)s; offered in %(reader_language)s"
    # Languages are named in their own script ("ትግርኛ"), which gettext leaves as it is.
    assert in_language("ti", badge, page_language="English", reader_language="ትግርኛ") in html


def test_ethiopic_font_is_linked_on_amharic_pages_only(translated, client, monkeypatch):
    monkeypatch.setattr(portal_tags, "_ethiopic_stylesheet_built", lambda: True)
    assert "fonts/ethiopic.css" in client.get("/am/").content.decode()
    assert "fonts/ethiopic.css" not in client.get("/es/").content.decode()
    monkeypatch.setattr(portal_tags, "_ethiopic_stylesheet_built", lambda: False)
    assert "fonts/ethiopic.css" not in client.get("/am/").content.decode()


def test_featured_articles_not_yet_translated_keep_the_readers_language(
    site_objects, translate, client
):
    home = site_objects["home"]
    articles = ArticleIndexPageFactory(parent=home)
    article = ArticlePageFactory(parent=articles, slug="what-is-mutual-aid", title="What is it?")
    publish(home, featured_articles=[HomeFeaturedArticle(article=article)])
    translate()  # the sample data covers the home page, not the article

    html = client.get("/am/").content.decode()

    # The link stays under /am/ (the fallback serves it there with a notice), and the English
    # title is marked as English for screen readers.
    assert '<a href="/am/articles/what-is-mutual-aid/" lang="en">What is it?</a>' in html
    assert client.get("/am/articles/what-is-mutual-aid/").status_code == 200
