"""The contract: both backends give the same answers to what readers ask."""

from dataclasses import replace

import pytest

from search import service


def search(text, reader="en", page=1, **filters):
    return service.search(service.make_query(text, language=reader, filters=filters, page=page))


def titles(results):
    return [r["title"] for r in results.results]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("food", "Neighbors Grocery Delivery"),
        ("groceries", "Neighbors Grocery Delivery"),
        ("someone to drive me", "Request a ride"),
        ("health questions", "Nurse advice line"),
        ("masks", "Find N95 masks"),
        ("PPE", "Find N95 masks"),
    ],
)
def test_the_right_listing_comes_first(backend, text, expected):
    results = search(text)
    assert results.backend == backend
    assert titles(results)[0] == expected


def test_result_shape(backend):
    result = search("groceries").results[0]
    assert result["url"].endswith("/directory/grocery-delivery/")
    assert result["kind"] == "group"
    assert result["summary"].startswith("Volunteers bring groceries")
    assert "<mark>" in result["highlight"]
    assert result["language"] == "en"
    assert result["fallback"] is False


def test_facet_counts_and_labels(backend):
    facets = search("seattle").facets
    assert {"value": "seattle", "label": "Seattle", "count": 3} in facets["area"]
    assert {"value": "food", "label": "Food", "count": 1} in facets["need"]
    assert {"value": "es", "label": "Spanish", "count": 1} in facets["language"]
    assert {item["value"] for item in facets["kind"]} == {"group", "hotline", "fund"}


def test_filters_narrow_the_results(backend):
    assert titles(search("seattle", need="health")) == ["Nurse advice line"]
    assert titles(search("seattle", area="south-king-county")) == ["Nurse advice line"]
    assert titles(search("seattle", language="es")) == ["Neighbors Grocery Delivery"]
    assert titles(search("mutual aid", kind="article")) == ["What mutual aid means"]


def test_a_field_facet_filters_and_counts(backend):
    """`cost` is declared once in directory/facets.py: both backends filter and count it."""
    assert titles(search("seattle", cost="free")) == ["Nurse advice line"]
    assert {"value": "free", "label": "Free of charge", "count": 1} in search("seattle").facets[
        "cost"
    ]


def test_filters_alone_browse(backend):
    assert titles(search("", need="transportation")) == ["Request a ride"]


def test_a_query_without_words_finds_nothing_unless_a_facet_is_chosen(backend):
    assert (search("*").total, search("* ?").results) == (0, [])
    assert titles(search("*", need="transportation")) == ["Request a ride"]


def test_pagination(backend):
    first = search("seattle", page=1)
    assert first.total == 3
    second = search("seattle", page=2)
    assert second.total == 3 and second.results == []


def test_spanish_reader_gets_the_spanish_page(backend):
    results = search("comida", reader="es")
    top = results.results[0]
    assert top["title"] == "Entrega de comida entre vecinos"
    assert top["url"].startswith("/es/")
    assert top["fallback"] is False
    assert "Neighbors Grocery Delivery" not in titles(results)  # translated: no English twin


def test_untranslated_pages_fall_back_marked(backend):
    results = search("masks", reader="es")
    top = results.results[0]
    assert top["title"] == "Find N95 masks"
    assert top["fallback"] is True and top["language"] == "en"


def test_reader_language_comes_before_fallbacks(backend):
    results = search("food", reader="es")
    languages = [r["language"] for r in results.results]
    assert languages[0] == "es"
    assert languages == sorted(languages, key=lambda code: code != "es")


@pytest.mark.parametrize("per_page", [1, 2])
def test_pages_of_results_keep_the_reader_language_first(backend, per_page):
    """Page by page, a Spanish reader sees the same results as on one long page: the Spanish
    page first, then the untranslated English ones, none twice, none missing."""
    query = service.make_query("", language="es", filters={"area": "seattle"})
    whole = service.search(query)
    assert [r["language"] for r in whole.results] == ["es", "en", "en"]
    pages = [service.search(replace(query, per_page=per_page, page=n)) for n in (1, 2, 3, 4)]
    assert {page.total for page in pages} == {3}
    assert [title for page in pages for title in titles(page)] == titles(whole)


def test_synonyms_across_languages(backend):
    # English words find the Spanish page through the food synonyms, and vice versa.
    assert titles(search("groceries", reader="es"))[0] == "Entrega de comida entre vecinos"
    assert titles(search("comida"))[0] == "Neighbors Grocery Delivery"


def test_vietnamese_without_diacritics(backend):
    assert titles(search("thuc pham", reader="vi"))[0] == "Giao thực phẩm cho hàng xóm"


def test_geez_script(backend):
    assert titles(search("ምግብ", reader="am"))[0] == "የጎረቤቶች የምግብ አቅርቦት"


def test_editors_synonyms_apply(backend, django_capture_on_commit_callbacks):
    from search.models import SynonymSet

    assert search("nibbles").total == 0
    with django_capture_on_commit_callbacks(execute=True):
        SynonymSet.objects.create(name="Snacks", terms="nibbles, groceries")
    if backend == "cluster":
        service.ClusterBackend().refresh()
    assert titles(search("nibbles"))[0] == "Neighbors Grocery Delivery"


def test_autocomplete(backend):
    suggestions = service.autocomplete(service.make_query("Neigh"))
    assert suggestions[0]["title"] == "Neighbors Grocery Delivery"
    spanish = service.autocomplete(service.make_query("entre", language="es"))
    assert spanish[0]["title"] == "Entrega de comida entre vecinos"
