"""Which URLs a change purges, in every language (portal/httpcache/purge.py, signals.py)."""

import logging

from django.urls import reverse

from wagtail.models import Page, Site

import pytest

from directory.factories import AreaFactory, GroupPageFactory
from portal.httpcache.purge import urls_for_page_change
from tests.helpers import publish, translate

from . import recorder

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "es", "vi", "am", "ti"]
RECORDING = {"test": {"BACKEND": "tests.httpcache.recorder.RecordingBackend", "LOCATION": "x"}}


@pytest.fixture
def site(locales, home, directory, articles_index, food):
    seattle = AreaFactory(slug="seattle", name="Seattle")
    listing = GroupPageFactory(parent=directory, slug="pantry", needs=[food], areas=[seattle])
    # Spanish has the home, directory and listing translated (its own slugs); the others not.
    translate(home, "es")
    translate(directory, "es", slug="directorio")
    spanish_listing = translate(listing, "es", slug="despensa")
    root = Site.objects.get(is_default_site=True).root_url
    return {"listing": listing, "spanish": spanish_listing, "root": root}


@pytest.fixture
def recorded(settings):
    settings.WAGTAILFRONTENDCACHE = RECORDING
    recorder.PURGED.clear()
    yield recorder.PURGED
    recorder.PURGED.clear()


def test_a_listing_change_purges_its_page_and_every_list_in_every_language(site):
    root = site["root"]
    urls = set(urls_for_page_change(site["listing"]))

    # The page: its translation where it has one, the English stand-in under the other prefixes.
    assert f"{root}/es/directorio/despensa/" in urls
    for code in ("en", "vi", "am", "ti"):
        assert f"{root}/{code}/directory/pantry/" in urls
    # The home pages, the directory with its browse and print views, the articles.
    for code in ("en", "vi", "am", "ti"):
        assert f"{root}/{code}/" in urls
        for view in ("", "get-help/", "give-help/", "print/", "needs/food/", "areas/seattle/"):
            assert f"{root}/{code}/directory/{view}" in urls
        assert f"{root}/{code}/articles/" in urls
    assert f"{root}/es/" in urls
    assert f"{root}/es/directorio/needs/food/" in urls
    # Open data and the sitemap; search's empty form and the open-data page in each language.
    for path in ("/open-data/directory.json", "/open-data/directory.csv", "/sitemap.xml"):
        assert root + path in urls
    assert root + reverse("opendata:listings") in urls
    for code in LANGUAGES:
        assert f"{root}/{code}/open-data/" in urls
        assert f"{root}/{code}/search/" in urls


def test_a_translation_purges_the_same_set_as_its_source(site):
    assert urls_for_page_change(site["spanish"]) == urls_for_page_change(site["listing"])


def test_pages_linking_to_the_listing_are_purged_too(site, articles_index):
    from articles.factories import ArticlePageFactory

    article = ArticlePageFactory(parent=articles_index, slug="pantries")
    article.body = [("paragraph", f'<p><a linktype="page" id="{site["listing"].pk}">x</a></p>')]
    publish(article)

    assert f"{site['root']}/en/articles/pantries/" in urls_for_page_change(site["listing"])


def test_publishing_purges_after_commit(site, recorded, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        publish(site["spanish"], title="Despensa de Rainier")
        assert recorded == []  # nothing purged while the change is uncommitted
    for callback in callbacks:
        callback()

    assert f"{site['root']}/es/directorio/despensa/" in recorded
    assert f"{site['root']}/am/directory/pantry/" in recorded
    assert f"{site['root']}/es/" in recorded


def test_unpublishing_moving_and_deleting_purge_the_old_urls(
    site, recorded, django_capture_on_commit_callbacks, home
):
    listing = site["listing"]
    old = f"{site['root']}/am/directory/pantry/"
    with django_capture_on_commit_callbacks(execute=True):
        listing.unpublish()
    assert old in recorded

    recorded.clear()
    with django_capture_on_commit_callbacks(execute=True):
        Page.objects.get(pk=listing.pk).move(home, pos="last-child")
    assert old in recorded  # where it was
    assert f"{site['root']}/am/pantry/" in recorded  # where it is now

    publish(Page.objects.get(pk=listing.pk).specific)
    recorded.clear()
    with django_capture_on_commit_callbacks(execute=True):
        Page.objects.get(pk=listing.pk).delete()
    assert f"{site['root']}/am/pantry/" in recorded


def test_renaming_a_need_purges_its_listings_and_the_directory(
    site, food, recorded, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        food.name = "Groceries"
        food.save()

    assert f"{site['root']}/es/directorio/despensa/" in recorded
    assert f"{site['root']}/ti/directory/needs/food/" in recorded


def test_a_cache_that_is_down_is_logged_and_the_publish_stands(
    site, settings, caplog, django_capture_on_commit_callbacks
):
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "portal.httpcache.backends.TimedHTTPBackend",
            "LOCATION": "http://127.0.0.1:9",  # the discard port: nothing listens there
        }
    }
    listing = site["listing"]

    with caplog.at_level(logging.ERROR), django_capture_on_commit_callbacks(execute=True):
        publish(listing, title="Rainier Pantry")

    assert Page.objects.get(pk=listing.pk).title == "Rainier Pantry"
    assert Page.objects.get(pk=listing.pk).live
    assert "Could not purge http" in caplog.text
