"""Parts of pages kept between requests (home/fragments.py) never outlive an editor's change,
never show a draft to a reader, and never freeze a listing's "open now"."""

from datetime import UTC, datetime

from django.utils import timezone

import pytest

from articles.factories import ArticlePageFactory
from directory.factories import GroupPageFactory, NeedFactory, OpeningHoursFactory
from home.models import SiteText
from tests.helpers import publish


@pytest.fixture
def article_with_listing(articles_index, directory, food):
    listing = GroupPageFactory(parent=directory, title="Rainier pantry", needs=[food])
    article = ArticlePageFactory(parent=articles_index, title="Starting a pantry", slug="pantry")
    article.related_listings.create(listing=listing)
    publish(article)
    return article, listing


def test_a_related_listing_renamed_after_a_read_shows_on_the_article(client, article_with_listing):
    article, listing = article_with_listing
    assert "Rainier pantry" in client.get(article.url).content.decode()  # now kept

    publish(listing, title="Rainier Valley pantry")

    for url in (article.url, article.url.replace("/en/", "/es/")):  # and the Spanish fallback
        html = client.get(url).content.decode()
        assert "Rainier Valley pantry" in html
        assert "Rainier pantry<" not in html


def test_a_renamed_need_shows_on_its_listings_at_once(client, article_with_listing, food):
    _article, listing = article_with_listing
    assert ">Food<" in client.get(listing.url).content.decode()

    food.name = "Groceries"
    food.save()  # a snippet, edited in the admin

    html = client.get(listing.url).content.decode()
    assert ">Groceries<" in html
    assert ">Food<" not in html


def test_a_new_site_name_shows_in_every_page_header(client, article_with_listing, locales):
    article, _listing = article_with_listing
    assert "Neighbours Together" not in client.get(article.url).content.decode()

    SiteText.objects.create(locale=locales["en"], site_name="Neighbours Together")

    assert 'class="brand__name">Neighbours Together<' in client.get(article.url).content.decode()


def test_a_page_taken_out_of_the_menu_leaves_every_header(client, home, articles_index):
    publish(articles_index, show_in_menus=True)
    ArticlePageFactory(parent=articles_index, slug="kept")
    assert f">{articles_index.title}</a></li>" in client.get("/en/articles/kept/").content.decode()

    publish(articles_index, show_in_menus=False)

    assert f">{articles_index.title}</a></li>" not in client.get(home.url).content.decode()


def test_a_preview_shows_the_draft_and_readers_keep_the_live_page(client, article_with_listing):
    article, _listing = article_with_listing
    assert "Starting a pantry" in client.get(article.url).content.decode()

    article.title = "Draft: a pantry in a week"
    preview = article.make_preview_request()  # what the editor's preview panel renders

    assert "Draft: a pantry in a week" in preview.content.decode()
    assert "Draft: a pantry in a week" not in client.get(article.url).content.decode()


def test_open_now_follows_the_clock_between_edits(client, directory, monkeypatch):
    listing = GroupPageFactory(parent=directory, title="Monday pantry")
    OpeningHoursFactory(page=listing, weekday=0, opens="09:00", closes="17:00")
    publish(listing)

    monday_noon_seattle = datetime(2026, 11, 30, 20, tzinfo=UTC)
    monkeypatch.setattr(timezone, "now", lambda: monday_noon_seattle)
    html = client.get(listing.url).content.decode()
    assert "Open now" in html

    monkeypatch.setattr(timezone, "now", lambda: monday_noon_seattle.replace(hour=23))  # 3 pm
    assert "Open now" in client.get(listing.url).content.decode()

    monkeypatch.setattr(timezone, "now", lambda: monday_noon_seattle.replace(day=1, month=12))
    html = client.get(listing.url).content.decode()  # Tuesday noon: nothing was edited
    assert "Closed now" in html
    assert "Open now" not in html


def test_a_kept_page_is_read_again_in_a_few_queries(
    client, article_with_listing, django_assert_max_num_queries
):
    article, listing = article_with_listing
    NeedFactory(slug="rides", name="Rides")  # any edit: the kept renderings are dropped
    first = client.get(article.url).content.decode()

    # The route, the header, the cards and the body are all kept: nothing to read again.
    with django_assert_max_num_queries(0):
        again = client.get(article.url).content.decode()
    assert again == first
    assert "Rainier pantry" in again


def test_a_page_unpublished_after_a_read_is_gone_at_once(client, article_with_listing):
    article, _listing = article_with_listing
    assert client.get(article.url).status_code == 200  # its route is now kept too

    article.unpublish()

    assert client.get(article.url).status_code == 404


def test_a_page_moved_after_a_read_answers_at_its_new_address(client, article_with_listing, home):
    article, _listing = article_with_listing
    old_url = article.url
    assert client.get(old_url).status_code == 200

    article.move(home, pos="last-child")
    article.refresh_from_db()

    moved = client.get(old_url)  # Wagtail's redirects app sends the reader on
    assert moved.status_code == 301
    assert moved["Location"].endswith(article.url)
    assert "Starting a pantry" in client.get(article.url).content.decode()
