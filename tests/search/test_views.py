"""The search page, the JSON API and autocomplete, as a reader or a client sees them."""

from django.utils import translation
from django.utils.translation import gettext

import jsonschema
import pytest

FACET_ITEM = {
    "type": "object",
    "required": ["value", "label", "count"],
    "properties": {
        "value": {"type": "string"},
        "label": {"type": "string"},
        "count": {"type": "integer", "minimum": 1},
    },
}
API_SCHEMA = {
    "type": "object",
    "required": ["query", "total", "total_exact", "results", "facets", "backend", "promotions"],
    "additionalProperties": False,
    "properties": {
        "query": {"type": "string"},
        "total": {"type": "integer", "minimum": 0},
        "total_exact": {"type": "boolean"},
        "results": {
            "type": "array",
            "items": {
                "type": "object",
                "required": [
                    "title",
                    "url",
                    "kind",
                    "summary",
                    "highlight",
                    "language",
                    "fallback",
                ],
                "properties": {
                    "title": {"type": "string"},
                    "url": {"type": "string"},
                    "kind": {"type": "string"},
                    "summary": {"type": "string"},
                    "highlight": {"type": "string"},
                    "language": {"type": "string"},
                    "fallback": {"type": "boolean"},
                },
            },
        },
        "backend": {"enum": ["cluster", "database"]},
        # Editors' recommended results: the result shape, marked as promoted.
        "promotions": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["title", "url", "kind", "summary", "language", "promoted"],
                "properties": {"promoted": {"const": True}},
            },
        },
        "facets": {
            "type": "object",
            "required": ["need", "area", "language", "kind", "cost", "documents"],
            "additionalProperties": False,
            "properties": {
                name: {"type": "array", "items": FACET_ITEM}
                for name in ("need", "area", "language", "kind", "cost", "documents")
            },
        },
    },
}


def test_page_shows_results_facets_and_highlights(client, content):
    response = client.get("/en/search/", {"q": "groceries"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Neighbors Grocery Delivery" in html
    assert "<mark>groceries</mark>" in html
    assert "?q=groceries&amp;need=food" in html  # facet link with its count
    assert "(1)" in html


def test_page_in_spanish(client, content):
    response = client.get("/es/search/", {"q": "comida"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Entrega de comida entre vecinos" in html
    assert 'href="/es/directory/grocery-delivery/"' in html


def test_fallbacks_are_marked_on_the_page(client, content):
    html = client.get("/es/search/", {"q": "masks"}).content.decode()
    assert 'lang="en"' in html
    with translation.override("es"):
        assert gettext("Not yet translated: shown in English") in html


def test_no_results_page_still_helps(client, content):
    html = client.get("/en/search/", {"q": "zzzxxqq"}).content.decode()
    assert "No results for" in html
    assert "Nurse advice line" in html  # a hotline
    assert 'href="/en/directory/needs/food/"' in html  # browse by need


def test_pages_work_without_javascript(client, content):
    html = client.get("/en/search/", {"q": "seattle"}).content.decode()
    assert '<form class="search-form" action="/en/search/" method="get"' in html
    assert "Page 1 of 1" not in html  # one page: no pager


def test_api_answers_in_the_documented_shape(client, content):
    response = client.get("/api/v1/search/", {"q": "food", "locale": "es"})
    assert response.status_code == 200
    data = response.json()
    jsonschema.validate(data, API_SCHEMA)
    assert data["query"] == "food"
    assert data["results"][0]["title"] == "Entrega de comida entre vecinos"
    assert data["results"][0]["url"] == "/es/directory/grocery-delivery/"


def test_api_filters(client, content):
    data = client.get("/api/v1/search/", {"q": "seattle", "need": "health"}).json()
    assert [r["title"] for r in data["results"]] == ["Nurse advice line"]
    assert data["total"] == 1


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"q": "food", "need": "unicorns"}, "need"),
        ({"q": "food", "kind": "spaceship"}, "kind"),
        ({"q": "food", "locale": "xx"}, "locale"),
        ({"q": "food", "page": "two"}, "page"),
        ({"q": "food", "page": "0"}, "page"),
        ({"q": "food", "page": "99999999999999999999"}, "page"),
        ({"q": "food\x00"}, "q"),
    ],
)
def test_api_refuses_bad_parameters_with_a_message(client, content, params, field):
    response = client.get("/api/v1/search/", params)
    assert response.status_code == 400
    data = response.json()
    assert data["error"] == "Invalid search parameters."
    assert data["errors"][field]


def test_page_refuses_bad_parameters_with_a_message(client, content):
    response = client.get("/en/search/", {"q": "food", "need": "unicorns"})
    assert response.status_code == 400
    assert "is not a known value for this filter" in response.content.decode()


def test_long_queries_are_cut_not_refused(client, content):
    response = client.get("/api/v1/search/", {"q": "groceries " * 100})
    assert response.status_code == 200
    assert len(response.json()["query"]) == 200
    assert response.json()["results"][0]["title"] == "Neighbors Grocery Delivery"


def test_autocomplete_endpoint(client, content):
    response = client.get("/api/v1/search/autocomplete/", {"q": "nurse"})
    assert response.status_code == 200
    suggestions = response.json()["suggestions"]
    assert suggestions[0] == {
        "title": "Nurse advice line",
        "url": "/en/directory/nurse-line/",
        "kind": "hotline",
        "language": "en",
        "fallback": False,
    }


def test_autocomplete_script_is_served_locally(client, content):
    html = client.get("/en/search/").content.decode()
    assert '<script src="/static/search/autocomplete.js" defer></script>' in html
