import json

import pytest

from articles.factories import ArticlePageFactory, AuthorFactory
from articles.models import ArticleIndexPage, ArticleKind, ArticlePage, ArticleRelatedListing
from directory.factories import GroupPageFactory
from home.models import HomePage
from tests.helpers import publish

BODY = json.dumps(
    [
        {"type": "heading", "value": {"text": "Where it comes from", "level": "h2"}},
        {"type": "paragraph", "value": "<p>Neighbours have long shared food.</p>"},
        {
            "type": "quote",
            "value": {"text": "Don't compete!", "attribution": "Peter Kropotkin, Mutual Aid"},
        },
        {
            "type": "callout",
            "value": {"tone": "tip", "title": "Start small", "text": "<p>One street.</p>"},
        },
        {
            "type": "timeline",
            "value": {
                "heading": "Milestones",
                "events": [
                    {"date_label": "1902", "year": 1902, "title": "Kropotkin's book", "text": ""},
                    {"date_label": "1969", "year": 1969, "title": "Free breakfasts", "text": ""},
                ],
            },
        },
    ]
)


def test_page_tree_rules():
    assert ArticleIndexPage.allowed_parent_page_models() == [HomePage]
    assert ArticleIndexPage.allowed_subpage_models() == [ArticlePage]
    assert ArticlePage.allowed_parent_page_models() == [ArticleIndexPage]
    assert ArticlePage.allowed_subpage_models() == []


def test_article_renders_every_block_with_its_metadata(client, articles_index):
    author = AuthorFactory(name="Ada Organiser")
    article = ArticlePageFactory(
        parent=articles_index, title="A short history", kind=ArticleKind.HISTORY, body=BODY
    )
    article.authors.set([author])
    article.topics.add("history")
    publish(article)

    html = client.get(article.url).content.decode()

    assert "<h1>A short history</h1>" in html
    assert "<h2>Where it comes from</h2>" in html
    assert "Neighbours have long shared food." in html
    assert "<blockquote><p>Don&#x27;t compete!</p></blockquote>" in html
    assert "Peter Kropotkin, Mutual Aid" in html
    assert "callout--tip" in html and "Start small" in html
    assert '<time datetime="1902">1902</time>' in html
    assert "Free breakfasts" in html
    assert "Ada Organiser" in html
    assert "1 minute read" in html
    assert "history" in html


def test_reading_time_grows_with_length(articles_index):
    words = " ".join(["word"] * 1000)
    article = ArticlePageFactory(parent=articles_index, body=[("paragraph", f"<p>{words}</p>")])
    assert article.reading_minutes == 5


def test_related_listings_link_to_the_directory(client, articles_index, directory):
    group = GroupPageFactory(parent=directory, title="Rainier Valley pantry")
    article = ArticlePageFactory(parent=articles_index)
    publish(article, related_listings=[ArticleRelatedListing(listing=group)])

    html = client.get(article.url).content.decode()

    assert "Rainier Valley pantry" in html
    assert f'href="{group.url}"' in html


class TestArticleIndex:
    @pytest.fixture
    def articles(self, articles_index):
        history = [
            ArticlePageFactory(parent=articles_index, title=f"History {i}", kind="history")
            for i in range(12)
        ]
        how_to = ArticlePageFactory(parent=articles_index, title="Start a network", kind="how_to")
        return history, how_to

    def test_filters_by_kind(self, client, articles_index, articles):
        html = client.get(articles_index.url, {"kind": "how_to"}).content.decode()
        assert "Start a network" in html
        assert "History 1" not in html

    def test_paginates_and_keeps_the_filter(self, client, articles_index, articles):
        first = client.get(articles_index.url, {"kind": "history"}).content.decode()
        assert "Page 1 of 2" in first
        assert "?kind=history&amp;page=2" in first
        second = client.get(articles_index.url, {"kind": "history", "page": 2})
        assert second.status_code == 200
        assert "Page 2 of 2" in second.content.decode()

    def test_unknown_kind_and_bad_page_still_answer(self, client, articles_index, articles):
        response = client.get(articles_index.url, {"kind": "<script>", "page": "abc"})
        assert response.status_code == 200
        html = response.content.decode()
        assert "Page 1 of 2" in html  # all kinds, first page
        assert "History 0" in html
        assert "<script>" not in html
