"""Editors' recommended results (Wagtail's search promotions) on the search page and API:
first, in the reader's language where translated, never a hidden page, on both backends."""

from wagtail.contrib.search_promotions.models import Query, SearchPromotion

import pytest

from tests.helpers import restrict

pytestmark = pytest.mark.django_db


def promote(words, page=None, **fields):
    return SearchPromotion.objects.create(query=Query.get(words), page=page, **fields)


def recommended(html):
    if 'id="promoted-heading"' not in html:
        return ""
    section = html[html.index('id="promoted-heading"') :]
    return section[: section.index("</section>")]


def test_a_promoted_page_comes_first_for_its_words_in_the_readers_language(
    client, backend, content
):
    promote("thực phẩm", page=content["groceries"], description="")

    vietnamese = client.get("/vi/search/", {"q": "thuc pham"}).text
    section = recommended(vietnamese)
    assert "Giao thực phẩm cho hàng xóm" in section  # the Vietnamese translation
    assert vietnamese.index("promoted-heading") < vietnamese.index('class="results"')

    # A language without a translation gets the English page, marked as such.
    tigrinya = recommended(client.get("/ti/search/", {"q": "THỰC  phẩm"}).text)
    assert "Neighbors Grocery Delivery" in tigrinya
    assert 'lang="en"' in tigrinya


def test_a_promotion_answers_words_that_find_nothing_and_the_api_carries_it(client, content):
    promote("sewing", page=content["masks"], description="Volunteers sew cloth masks here.")

    page = client.get("/en/search/", {"q": "sewing"}).text
    assert "Find N95 masks" in recommended(page)
    assert "Volunteers sew cloth masks here." in recommended(page)

    api = client.get("/api/v1/search/", {"q": "sewing"}).json()
    assert [(p["title"], p["promoted"]) for p in api["promotions"]] == [("Find N95 masks", True)]


def test_an_outside_link_can_be_promoted(client, content):
    promote(
        "rent",
        external_link_url="https://example.org/rent-help",
        external_link_text="Rent help (example)",
    )
    section = recommended(client.get("/en/search/", {"q": "rent"}).text)
    assert 'href="https://example.org/rent-help"' in section


def test_a_hidden_page_is_never_recommended(client, content):
    promote("sewing", page=content["masks"])
    content["masks"].unpublish()
    restrict(content["hotline"])
    promote("sewing", page=content["hotline"])

    page = client.get("/en/search/", {"q": "sewing"}).text
    assert recommended(page) == ""
    assert "Find N95 masks" not in page
    assert "Nurse advice line" not in page


def test_a_new_promotion_shows_at_once(client, content):
    assert recommended(client.get("/en/search/", {"q": "sewing"}).text) == ""
    promote("sewing", page=content["masks"])
    assert "Find N95 masks" in recommended(client.get("/en/search/", {"q": "sewing"}).text)
