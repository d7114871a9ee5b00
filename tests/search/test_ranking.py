"""Ways to get help come before ways to give it, unless the reader asks to give (issue 12,
section 4): one rule on the database (SQLite here, PostgreSQL with DATABASE_URL) and the
cluster (with SEARCH_URL). The volunteer form says "food" far more often than the request
form, so relevance alone would put it first."""

from dataclasses import replace

import pytest

from articles.factories import ArticlePageFactory
from directory.factories import AreaFactory, ExternalFormPageFactory, GroupPageFactory, NeedFactory
from directory.models import ExternalFormPage
from directory.models.listings import Direction
from search import service
from tests.helpers import publish, translate

Purpose = ExternalFormPage.Purpose


@pytest.fixture
def forms(locales, directory, articles_index):
    food = NeedFactory(slug="food", name="Food")
    AreaFactory(slug="seattle", name="Seattle")
    pages = {
        "volunteer": ExternalFormPageFactory(
            parent=directory,
            title="Food volunteers: bring food and groceries",
            slug="food-volunteers",
            summary="Food, food, food: drive food and groceries to neighbors who asked.",
            purpose=Purpose.VOLUNTEER,
            direction=Direction.GIVE,
            needs=[food],
        ),
        "fund": GroupPageFactory(
            parent=directory,
            title="Food fund",
            slug="food-fund",
            summary="Give money so the food bank can buy food.",
            direction=Direction.GIVE,
            needs=[food],
        ),
        "request": ExternalFormPageFactory(
            parent=directory,
            title="Request support",
            slug="request-support",
            summary="Ask for help at home.",
            purpose=Purpose.REQUEST_SUPPORT,
            direction=Direction.GET,
            needs=[food],
        ),
        "sewing": GroupPageFactory(
            parent=directory,
            title="Sewing circle: masks for clinics",
            slug="sewing-circle",
            summary="Bring a sewing machine and make cloth masks with us.",
            direction=Direction.GIVE,
        ),
        "story": ArticlePageFactory(
            parent=articles_index,
            title="A year of mutual aid",
            slug="a-year-of-mutual-aid",
            summary="Neighbors kept sewing at home, and kept each other company.",
        ),
    }
    for page in pages.values():
        publish(page)
    pages["volunteer_vi"] = translate(
        pages["volunteer"],
        "vi",
        copy_parents=True,
        title="Tình nguyện giao thực phẩm",
        summary="Thực phẩm, thực phẩm: chở thực phẩm và đồ ăn đến hàng xóm.",
    )
    pages["request_vi"] = translate(
        pages["request"],
        "vi",
        copy_parents=True,
        title="Xin hỗ trợ",
        summary="Đăng ký để được giúp đỡ tại nhà.",
    )
    pages["volunteer_es"] = translate(
        pages["volunteer"],
        "es",
        copy_parents=True,
        title="Voluntarios de comida",
        summary="Comida, comida: llevamos comida a los vecinos.",
    )
    return pages


@pytest.fixture(params=["database", pytest.param("cluster", marks=pytest.mark.cluster)])
def backend(request, settings, forms):
    if request.param == "database":
        settings.SEARCH_BACKEND = "database"
        return "database"
    request.getfixturevalue("cluster").rebuild()
    return "cluster"


def titles(text, language="en", **filters):
    query = service.make_query(text, language=language, filters=filters)
    return [r["title"] for r in service.search(query).results]


def test_a_reader_needing_food_sees_the_request_form_first(backend):
    found = titles("food")
    assert found[0] == "Request support"
    # Ways to give are still there, after it: the reader may scroll to them.
    assert set(found[1:]) == {"Food volunteers: bring food and groceries", "Food fund"}


def test_a_vietnamese_reader_typing_without_accents_sees_the_request_form_first(backend):
    assert titles("thuc pham", language="vi")[:2] == ["Xin hỗ trợ", "Tình nguyện giao thực phẩm"]


def test_a_request_form_in_english_comes_before_a_volunteer_form_in_spanish(backend):
    """The request form is not translated yet: shown in English, it is still of use to a
    Spanish reader in need, and the volunteer form in Spanish is not."""
    results = service.search(service.make_query("comida", language="es")).results
    assert [(r["title"], r["fallback"]) for r in results][:2] == [
        ("Request support", True),
        ("Voluntarios de comida", False),
    ]


def test_browsing_a_need_lists_ways_to_get_help_first(backend):
    # Alphabetically "Food fund" and "Food volunteers..." come before "Request support".
    assert titles("", need="food")[0] == "Request support"


def test_when_only_ways_to_give_match_they_keep_their_rank(backend):
    """No way to get help says "sewing": the sewing circle (a way to give) comes before the
    article that mentions sewing in passing, as relevance has it."""
    assert titles("sewing") == ["Sewing circle: masks for clinics", "A year of mutual aid"]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("volunteer food", "en", "Food volunteers: bring food and groceries"),
        # The editors' synonym set makes "voluntario" name "volunteer".
        ("voluntario comida", "en", "Food volunteers: bring food and groceries"),
        # The forms' "Volunteer" label, in Vietnamese.
        ("tình nguyện thực phẩm", "vi", "Tình nguyện giao thực phẩm"),
        # Typos of "volunteer" ask to give too: search forgives them, so must the order.
        ("volunter", "en", "Food volunteers: bring food and groceries"),
        ("voluntere food", "en", "Food volunteers: bring food and groceries"),
        # "give" followed by what a giver gives.
        ("give money", "en", "Food fund"),
    ],
)
def test_a_reader_who_asks_to_volunteer_gets_the_volunteer_form_first(
    backend, text, language, expected
):
    assert titles(text, language=language)[0] == expected


@pytest.mark.parametrize("per_page", [1, 2])
def test_pages_of_results_keep_the_order(backend, per_page):
    """Page by page, the Spanish reader sees what one long page shows: the English request
    form, then the Spanish volunteer form, then the English fund; none twice, none missing."""
    query = service.make_query("comida", language="es")
    whole = [r["title"] for r in service.search(query).results]
    assert len(whole) == 3
    pages = [service.search(replace(query, per_page=per_page, page=n)) for n in (1, 2, 3, 4)]
    assert {page.total for page in pages} == {3}
    assert [r["title"] for page in pages for r in page.results] == whole


def test_give_me_food_still_asks_for_help(backend):
    """ "give" alone is no giving word: the fund says "Give money ... food", but a reader
    typing "give me food" sees the request form first."""
    assert titles("give me food")[0] == "Request support"


def test_a_reader_who_asks_to_give_sees_ways_to_give_before_pages_about_it(backend, articles_index):
    """An article saying "volunteer" in its title and throughout ranks above the volunteer
    form by relevance; a reader who wants to volunteer needs the form first."""
    publish(
        ArticlePageFactory(
            parent=articles_index,
            title="Why volunteer? Volunteers on volunteering",
            slug="why-volunteer",
            summary="Volunteer, volunteer: what volunteers say about volunteering.",
        )
    )
    if backend == "cluster":
        service.ClusterBackend().rebuild()
    found = titles("volunteer")
    assert found[0] == "Food volunteers: bring food and groceries"
    assert "Why volunteer? Volunteers on volunteering" in found[1:]
