"""Issue 13: a count a reader can trust at any size.

The database backend ranks at most MAX_MATCHES matches. Past them it knows only "at least that
many", so neither the page nor the API may present the cut as the number of matches (at 100,000
listings "food" matched 20,788 pages and the page said "500 results"), and facet counts taken
from the cut are not shown as counts of everything.
"""

import pytest

from search import database


@pytest.fixture
def three_food_pages(settings, content):
    settings.SEARCH_BACKEND = "database"  # the backend with a cut (the cluster counts exactly)
    return content


def test_a_count_under_the_cut_is_exact(client, three_food_pages):
    data = client.get("/api/v1/search/", {"q": "groceries", "locale": "en"}).json()
    assert data["total_exact"] is True
    html = client.get("/en/search/", {"q": "groceries"}).content.decode()
    assert "At least" not in html
    assert f"{data['total']} result" in html


def test_past_the_cut_the_count_says_at_least_and_facets_show_no_numbers(
    client, three_food_pages, monkeypatch
):
    monkeypatch.setattr(database, "MAX_MATCHES", 1)
    data = client.get("/api/v1/search/", {"q": "groceries volunteer", "locale": "en"}).json()
    assert (data["total"], data["total_exact"]) == (1, False)

    html = client.get("/en/search/", {"q": "groceries volunteer"}).content.decode()
    assert "At least 1 results: a word or a filter narrows them." in html
    assert '<span class="muted">(1)</span>' not in html  # no facet count from the cut
