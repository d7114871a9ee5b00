"""The sites, root pages, locales and restrictions kept between requests (home/site_structure.py)
never outlive an administrator's change: the next reader sees it."""

from django.core.cache import cache
from django.db import transaction

from wagtail.models import Site

import pytest

from articles.factories import ArticlePageFactory
from home import site_structure
from home.factories import HomePageFactory
from tests.helpers import publish, restrict


def test_a_restriction_added_after_a_read_applies_to_the_next_reader(client, articles_index):
    article = ArticlePageFactory(parent=articles_index, title="Private notes", slug="notes")
    url = article.url
    assert "Private notes" in client.get(url).content.decode()  # the structure is now cached

    restrict(article)

    html = client.get(url).content.decode()
    assert "Private notes" not in html
    assert "password" in html.lower()  # Wagtail's password form instead of the page


def test_a_new_site_answers_its_own_host_at_once(client, home, articles_index):
    ArticlePageFactory(parent=articles_index, title="On the main site", slug="main")
    assert "On the main site" in client.get("/en/articles/main/").content.decode()

    other_home = HomePageFactory(parent=home.get_parent(), slug="other-home", title="Other")
    other_index = articles_index.copy(to=other_home, update_attrs={"slug": "articles"})
    ArticlePageFactory(parent=other_index, title="On the other site", slug="main")
    Site.objects.create(hostname="other.example", port=80, root_page=other_home)

    html = client.get("/en/articles/main/", HTTP_HOST="other.example").content.decode()
    assert "On the other site" in html
    assert "On the main site" in client.get("/en/articles/main/").content.decode()


def test_a_home_page_with_a_new_slug_still_leads_to_its_pages(client, home, articles_index):
    """Routing below the home page starts from its cached `url_path`, which the new slug changes."""
    ArticlePageFactory(parent=articles_index, title="An article", slug="an-article")
    assert "An article" in client.get("/en/articles/an-article/").content.decode()

    publish(home, slug="renamed-home")

    assert "An article" in client.get("/en/articles/an-article/").content.decode()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_rows_another_reader_cached_during_the_change_are_dropped_at_commit(client, articles_index):
    article = ArticlePageFactory(parent=articles_index, title="Private notes", slug="notes")
    assert "Private notes" in client.get(article.url).content.decode()
    with transaction.atomic():
        restrict(article)
        # Meanwhile a reader in another worker, who cannot see the uncommitted restriction
        # yet, stores the restrictions as it found them.
        cache.set(site_structure.RESTRICTIONS, [], site_structure.TIMEOUT)

    assert "Private notes" not in client.get(article.url).content.decode()
