"""Leaks the matrix found, each kept small here: a translation whose English source editors
hid still showed on the article index and on the report-a-problem form."""

import pytest

from articles.factories import ArticlePageFactory
from directory.factories import GroupPageFactory
from suggestions.factories import SuggestListingPageFactory
from tests.helpers import publish, restrict, translate


@pytest.fixture
def spanish_site(locales, home, directory, articles_index):
    suggest = publish(SuggestListingPageFactory(parent=home))
    for page in (home, directory, articles_index, suggest):
        translate(page, "es")
    return home


def test_the_article_index_leaves_out_translations_of_hidden_articles(
    client, spanish_site, articles_index
):
    kept = publish(ArticlePageFactory(parent=articles_index, slug="kept", title="Kept"))
    withdrawn = publish(ArticlePageFactory(parent=articles_index, slug="gone", title="Gone"))
    private = publish(ArticlePageFactory(parent=articles_index, slug="private", title="Private"))
    translate(kept, "es", title="Artículo visible")
    translate(withdrawn, "es", title="Artículo retirado")
    translate(private, "es", title="Artículo privado")
    withdrawn.unpublish()
    restrict(private)

    html = client.get("/es/articles/").content.decode()

    assert "Artículo visible" in html
    assert "Artículo retirado" not in html
    assert "Artículo privado" not in html


@pytest.mark.parametrize("hide", ["unpublish", "restrict"])
def test_a_translation_of_a_hidden_listing_cannot_be_reported(
    client, spanish_site, directory, hide
):
    listing = publish(GroupPageFactory(parent=directory, slug="pantry", title="Pantry"))
    spanish = translate(listing, "es", title="Despensa secreta")
    if hide == "unpublish":
        listing.unpublish()
    else:
        restrict(listing)

    response = client.get(f"/es/suggest/report/{spanish.pk}/")

    assert response.status_code == 404
    assert "Despensa secreta" not in response.content.decode()


def test_a_visible_translation_can_still_be_reported(client, spanish_site, directory):
    listing = publish(GroupPageFactory(parent=directory, slug="pantry", title="Pantry"))
    spanish = translate(listing, "es", title="Despensa del barrio")

    response = client.get(f"/es/suggest/report/{spanish.pk}/")

    assert "Despensa del barrio" in response.content.decode()


@pytest.mark.cluster
@pytest.mark.parametrize("hide", ["unpublish", "unpublish_during_outage"])
def test_unpublishing_a_source_takes_its_translations_out_of_the_cluster(
    cluster, spanish_site, directory, settings, django_capture_on_commit_callbacks, hide
):
    """The index itself, not only the query-time check: a translation of an unpublished page
    must leave the cluster, or every search for it falls back to the database."""
    from django.core.cache import cache

    from search import service
    from search.cluster import state

    from .conftest import dead_address

    with django_capture_on_commit_callbacks(execute=True):  # indexed as editors publish
        listing = publish(GroupPageFactory(parent=directory, slug="pantry", title="Pantry"))
        spanish = translate(listing, "es", title="Despensa secreta")
    assert in_index(cluster, spanish)

    url = settings.SEARCH_URL
    if hide == "unpublish_during_outage":
        settings.SEARCH_URL = dead_address()
    with django_capture_on_commit_callbacks(execute=True):
        listing.unpublish()
    if hide == "unpublish_during_outage":
        settings.SEARCH_URL = url
        cache.delete(state.REST_KEY)
        service.search(service.make_query("pantry"))  # back: the missed update is replayed

    assert not in_index(cluster, listing)
    assert not in_index(cluster, spanish)


def in_index(cluster, page):
    cluster.refresh()
    return cluster.client.exists(f"/{cluster.alias}/_doc/{page.pk}")
