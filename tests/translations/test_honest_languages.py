"""Honest languages (issue 12): "Translate this page" leaves a draft, not an English copy live
under /es/; dates in the reader's locale; an English article on an Amharic page says so."""

import datetime

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from wagtail.models import Page

import pytest

from articles.factories import ArticleIndexPageFactory, ArticlePageFactory
from home.models import HomeFeaturedArticle
from tests.helpers import publish, translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(locales, home):
    articles = ArticleIndexPageFactory(parent=home, slug="articles")
    return ArticlePageFactory(
        parent=articles, slug="what-is-it", title="What is it?", date=datetime.date(2026, 3, 5)
    )


def test_translate_this_page_leaves_the_translation_a_draft(
    article, locales, admin_client, client, django_capture_on_commit_callbacks
):
    home = article.get_parent().get_parent()
    translate(home, "es")  # the Spanish home and article index are published
    translate(article.get_parent(), "es")
    spanish = locales["es"]

    # The editor's "Translate this page" on the live English article.
    # wagtail-localize publishes on commit: run what a real request's commit would.
    url = reverse("wagtail_localize:submit_page_translation", args=[article.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(url, {"locales": [spanish.pk]})
    assert response.status_code == 302

    copy = Page.objects.get(translation_key=article.translation_key, locale=spanish)
    assert not copy.live  # a draft until a translator publishes it
    # Meanwhile Spanish readers get the English page, with the notice that says so.
    html = client.get("/es/articles/what-is-it/").content.decode()
    with translation.override("es"):
        notice = gettext(
            "This page is not translated into your language yet, so it is shown in %(language)s."
        ) % {"language": gettext("English")}
    assert notice in html


@pytest.mark.parametrize(
    ("code", "date"),
    [("en", "March 5, 2026"), ("vi", "Ngày 05 tháng 3 năm 2026"), ("am", "05/03/2026")],
)
def test_dates_are_written_the_readers_way(article, client, code, date):
    html = client.get(f"/{code}/articles/what-is-it/").content.decode()
    assert f'<time datetime="2026-03-05">{date}</time>' in html


def test_tigrinya_dates_use_figures_not_english_month_names(article, client):
    html = client.get("/ti/articles/what-is-it/").content.decode()
    assert '<time datetime="2026-03-05">05/03/2026</time>' in html
    assert "March" not in html


@pytest.mark.parametrize("code", ["am", "ti"])
def test_an_english_article_card_says_it_is_english(article, home, client, code):
    publish(home, featured_articles=[HomeFeaturedArticle(article=article)])

    html = client.get(f"/{code}/").content.decode()

    with translation.override(code):
        badge = gettext("Page in %(page_language)s") % {"page_language": gettext("English")}
    assert f'<p class="badge badge--untranslated">{badge}</p>' in html
    assert badge != "Page in English" or code == "en"


def test_every_languages_navigation_is_complete_in_the_demo(full_demo, client):
    """Amharic and Tigrinya readers get Articles and Suggest in the menu; Spanish and
    Vietnamese ones get "Suggest a listing" in their words, not in English."""
    from demo.content.translations import am, es, ti, vi

    for code, data in {"es": es, "vi": vi, "am": am, "ti": ti}.items():
        html = client.get(f"/{code}/").content.decode()
        nav = html[html.index('class="site-nav"') : html.index("</nav>", html.index("site-nav"))]
        for english in ("Articles", "Suggest a listing"):
            assert f">{data.TRANSLATIONS[english]}</a>" in nav, (code, english)
            assert f">{english}</a>" not in nav, (code, english)
