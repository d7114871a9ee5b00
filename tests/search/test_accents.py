"""Vietnamese typed without its accents finds the accented words, on every backend, in search and
in the suggestions under the search box; and what is marked in a result is what matched
(issue 12, section 4). The `content` fixture (conftest.py) has "Giao thực phẩm cho hàng xóm"."""

import pytest

from directory.factories import GroupPageFactory
from search import service
from tests.helpers import publish, translate


@pytest.fixture
def meals(content, directory):
    page = publish(
        GroupPageFactory(
            parent=directory,
            title="Hot meals at home",
            slug="hot-meals",
            summary="Need help? We cook and bring hot meals. Do call us.",
        )
    )
    return translate(
        page,
        "vi",
        copy_parents=True,
        title="Bữa ăn nóng tại nhà",
        summary="Cần giúp đỡ? Chúng tôi nấu và mang đồ ăn nóng đến tận nhà.",
    )


@pytest.fixture(params=["database", pytest.param("cluster", marks=pytest.mark.cluster)])
def backend(request, settings, meals):
    if request.param == "database":
        settings.SEARCH_BACKEND = "database"
        return "database"
    request.getfixturevalue("cluster").rebuild()
    return "cluster"


def suggested(text, language="vi"):
    return [s["title"] for s in service.autocomplete(service.make_query(text, language=language))]


def found(text, language="vi"):
    return service.search(service.make_query(text, language=language)).results


@pytest.mark.parametrize("text", ["thuc", "giao thuc", "Thực", "thuc ph"])
def test_suggestions_fold_accents(backend, text):
    assert suggested(text)[0] == "Giao thực phẩm cho hàng xóm"


def test_suggestions_find_a_word_starting_with_d_bar(backend):
    # "đ" is a letter of its own, not "d" with a mark: "do an" still suggests "đồ ăn".
    assert suggested("bua an") == ["Bữa ăn nóng tại nhà"]


def test_search_folds_accents_beyond_the_synonym_sets(backend):
    # Neither "giao" nor "hang xom" is in a synonym set: only folding finds them.
    assert found("giao hang xom")[0]["title"] == "Giao thực phẩm cho hàng xóm"


def test_results_mark_what_matched_not_what_folds_the_same(backend):
    """ "đồ ăn" folds to "do an", as "đỡ" (help) folds to "do": only "đồ ăn" is marked."""
    result = next(r for r in found("đồ ăn") if r["title"] == "Bữa ăn nóng tại nhà")
    assert "<mark>đồ</mark> <mark>ăn</mark>" in result["highlight"]
    assert "<mark>đỡ</mark>" not in result["highlight"]
