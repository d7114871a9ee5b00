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
