"""Issue 13's relevance misses, as readers meet them outside the relevance set: a title that
holds every word typed comes first, the Unhoused set speaks the content's Vietnamese, and a
translated listing is found by its needs' and areas' names in its own language; on the
database (SQLite here, PostgreSQL with DATABASE_URL) and the cluster (with SEARCH_URL)."""

import importlib

from django.apps import apps

import pytest

from articles.factories import ArticlePageFactory
from directory.factories import AreaFactory, ExternalFormPageFactory, GroupPageFactory, NeedFactory
from search import service
from search.models import SynonymSet
from search.synonyms import forget
from tests.helpers import publish, translate

unhoused_migration = importlib.import_module("search.migrations.0004_unhoused_vietnamese_terms")


@pytest.fixture
def pages(locales, directory, articles_index):
    food = NeedFactory(slug="food", name="Food")
    south = AreaFactory(slug="south-king-county", name="South King County")
    history = publish(
        ArticlePageFactory(
            parent=articles_index,
            title="A short history of mutual aid",
            slug="history",
            summary="From friendly societies to free breakfasts.",
        )
    )
    meaning = publish(
        ArticlePageFactory(
            parent=articles_index,
            title="What mutual aid means",
            slug="meaning",
            summary="Mutual aid is mutual: mutual aid groups share, and mutual aid lasts. "
            "Its history is long.",
        )
    )
    shelter = publish(
        GroupPageFactory(
            parent=directory,
            title="Warm things",
            slug="warm-things",
            summary="Blankets and coats for neighbors.",
        )
    )
    request = publish(
        ExternalFormPageFactory(
            parent=directory,
            title="Request support",
            slug="request-support",
            summary="Ask for help at home.",
            needs=[food],
            areas=[south],
        )
    )
    # The taxonomy's Vietnamese names, as translators give them.
    for item, name in ((food, "Thực phẩm"), (south, "Nam Quận King")):
        vietnamese = item.copy_for_translation(locales["vi"])
        vietnamese.name = name
        vietnamese.save()
    forget()
    return {
        "history": history,
        "meaning": meaning,
        "request": request,
        "shelter_vi": translate(
            shelter,
            "vi",
            copy_parents=True,
            title="Đồ ấm",
            summary="Chăn và áo khoác cho những người hàng xóm không nhà.",
        ),
        "request_vi": translate(
            request, "vi", copy_parents=True, title="Xin hỗ trợ", summary="Xin giúp đỡ tại nhà."
        ),
        "article_vi": translate(
            meaning,
            "vi",
            copy_parents=True,
            title="Tương trợ ở Quận King",
            summary="Quận King, Quận King: tương trợ khắp Quận King.",
        ),
    }


@pytest.fixture(params=["database", pytest.param("cluster", marks=pytest.mark.cluster)])
def backend(request, settings, pages):
    if request.param == "database":
        settings.SEARCH_BACKEND = "database"
        return "database"
    request.getfixturevalue("cluster").rebuild()
    return "cluster"


def titles(text, language="en"):
    query = service.make_query(text, language=language)
    return [r["title"] for r in service.search(query).results]


def test_a_title_holding_every_word_typed_comes_first(settings, pages):
    """The other article repeats "mutual aid" and says "history" too; the reader's words are
    all in the history article's title. The database's rule (search/database.title_words);
    the cluster weighs titles by its own boosts and ranks the other article first here."""
    settings.SEARCH_BACKEND = "database"
    assert titles("history mutual aid")[0] == "A short history of mutual aid"


def test_the_unhoused_set_finds_the_vietnamese_content_saying_khong_nha(backend):
    """The page says "không nhà"; the reader types "vô gia cư" (migration 0004)."""
    assert "không nhà" in SynonymSet.objects.get(name="Unhoused").term_list()
    assert titles("vô gia cư", "vi")[:1] == ["Đồ ấm"]


def test_a_translated_listing_is_found_by_its_needs_and_areas_in_its_language(backend):
    """The Vietnamese form says neither its need nor its area; they are its snippets' names in
    Vietnamese. The article repeating "Quận King" comes after it."""
    assert titles("thực phẩm nam quận king", "vi")[:1] == ["Xin hỗ trợ"]


def test_a_listing_indexes_its_needs_and_areas_in_its_own_language(pages):
    request_vi = pages["request_vi"]
    assert request_vi.need_names_here() == "Thực phẩm"
    assert request_vi.area_names_here() == "Nam Quận King"
    assert pages["request"].need_names_here() == "Food"


def migrate_unhoused():
    unhoused_migration.add_terms(apps, None)


@pytest.mark.django_db
def test_the_migration_leaves_an_edited_unhoused_set_as_editors_left_it():
    SynonymSet.objects.filter(name="Unhoused").update(terms="homeless, unhoused, sin techo")
    migrate_unhoused()
    assert SynonymSet.objects.get(name="Unhoused").terms == "homeless, unhoused, sin techo"


@pytest.mark.django_db
def test_the_migration_adds_the_vietnamese_terms_to_the_first_unhoused_set():
    SynonymSet.objects.filter(name="Unhoused").update(terms=unhoused_migration.FIRST_TERMS)
    migrate_unhoused()
    terms = SynonymSet.objects.get(name="Unhoused").term_list()
    assert terms[-3:] == ["ቤት አልባ", "không nhà", "không có nhà ở"]
