"""The database backend filters inside its full-text statement, then ranks and cuts (issue 13,
items 1 and 2): other languages' matches never crowd out the reader's, the reader's language
comes first before the cut, and the kind facet counts what `kind=` then returns.

These run on whichever database the tests use (SQLite here, PostgreSQL with DATABASE_URL).
"""

import pytest

from articles.factories import ArticlePageFactory
from directory.factories import ExternalFormPageFactory, GroupPageFactory
from search import database, service
from tests.helpers import publish, translate


@pytest.fixture(autouse=True)
def database_backend(settings):
    settings.SEARCH_BACKEND = "database"


def search(text, reader="en", **filters):
    return service.search(service.make_query(text, language=reader, filters=filters))


def titles(results):
    return [r["title"] for r in results.results]


def kind_counts(results):
    return {item["value"]: item["count"] for item in results.facets["kind"]}


def strong_and_weak(directory, n):
    """`n` English listings that say "pantry" all over, each translated into Spanish with the
    word once (a weak match) and into Vietnamese and Amharic saying it all over again."""
    spanish = []
    for i in range(n):
        page = publish(
            GroupPageFactory(
                parent=directory,
                title=f"Pantry pantry pantry {i}",
                slug=f"pantry-{i}",
                summary="Pantry, pantry and more pantry.",
            )
        )
        spanish.append(
            translate(
                page,
                "es",
                copy_parents=True,
                title=f"Despensa del barrio {i}",
                summary="Una pantry para todos.",
            )
        )
        for code in ("vi", "am"):
            translate(page, code, copy_parents=True)  # the English words, copied
    return spanish


@pytest.mark.django_db
def test_other_languages_do_not_crowd_out_the_readers(monkeypatch, locales, directory):
    """Nine strong matches the Spanish reader may not see (the English sources of Spanish
    pages, their Vietnamese and Amharic copies) outrank three weak Spanish ones: the reader
    still gets all three, because the cut comes after the language rule."""
    monkeypatch.setattr(database, "MAX_MATCHES", 3)
    spanish = strong_and_weak(directory, 3)
    results = search("pantry", reader="es")
    assert sorted(titles(results)) == sorted(page.title for page in spanish)
    assert all(result["language"] == "es" for result in results.results)
    assert results.total == 3


@pytest.mark.django_db
def test_the_readers_language_comes_first_before_the_cut(monkeypatch, locales, directory):
    """Two untranslated English listings match better than the one Spanish page; with room
    for two results, the Spanish page is the first of them, then the best English one."""
    monkeypatch.setattr(database, "MAX_MATCHES", 2)
    [spanish] = strong_and_weak(directory, 1)
    for i in range(2):
        publish(
            GroupPageFactory(
                parent=directory,
                title=f"Pantry for everyone {i}",
                slug=f"pantry-english-{i}",
                summary="Pantry, pantry, pantry.",
            )
        )
    results = search("pantry", reader="es")
    assert titles(results)[0] == spanish.title
    assert [r["fallback"] for r in results.results] == [False, True]


@pytest.mark.django_db
def test_the_kind_facet_counts_what_each_kind_returns(locales, directory, articles_index):
    """Issue 13 item 2: "food" matches three forms, one group, one article and one plain page
    (the directory itself); the facet says so, and each kind returns the pages it counted."""
    forms = [
        publish(
            ExternalFormPageFactory(
                parent=directory, title=f"Ask for food {i}", slug=f"food-form-{i}"
            )
        )
        for i in range(3)
    ]
    group = publish(GroupPageFactory(parent=directory, title="Food runners", slug="runners"))
    article = publish(
        ArticlePageFactory(parent=articles_index, title="Where food banks get their food")
    )
    publish(directory, title="Food and other help")

    results = search("food")
    assert kind_counts(results) == {"form": 3, "group": 1, "article": 1, "page": 1}
    assert results.total == 6
    assert sorted(titles(search("food", kind="form"))) == sorted(f.title for f in forms)
    assert titles(search("food", kind="group")) == [group.title]
    assert titles(search("food", kind="article")) == [article.title]
    assert titles(search("food", kind="page")) == ["Food and other help"]
    # Each kind's count is the total that kind then shows.
    for kind, count in kind_counts(results).items():
        assert search("food", kind=kind).total == count
