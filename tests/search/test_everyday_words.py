"""Readers' everyday words find the listings that say it differently (issue 12 section 4, issue
13 item 3): "rent" finds financial help, "sewing" the mask makers who "sew", and a need's name
in any language finds its listings, on the database and the cluster alike."""

import pytest

from directory.factories import GroupPageFactory, NeedFactory
from search import service
from tests.helpers import publish


@pytest.fixture
def listings(content, directory):
    money = NeedFactory(slug="money", name="Financial help")
    masks = content["masks"].needs.first()
    pages = {
        "fund": GroupPageFactory(
            parent=directory,
            title="Neighbors emergency fund",
            slug="emergency-fund",
            summary="Cash for households hit hard this month.",
            needs=[money],
        ),
        "makers": GroupPageFactory(
            parent=directory,
            title="Mask makers circle",
            slug="mask-makers",
            summary="Can you sew? Join us to make cloth masks for clinics.",
            needs=[masks],
        ),
    }
    for page in pages.values():
        publish(page)
    return pages


def locale_of(code):
    from wagtail.models import Locale

    return Locale.objects.get_or_create(language_code=code)[0]


@pytest.fixture(params=["database", pytest.param("cluster", marks=pytest.mark.cluster)])
def backend(request, settings, listings):
    if request.param == "database":
        settings.SEARCH_BACKEND = "database"
        return "database"
    request.getfixturevalue("cluster").rebuild()
    return "cluster"


def titles(text, language="en"):
    query = service.make_query(text, language=language)
    return [r["title"] for r in service.search(query).results]


def test_rent_finds_financial_help(backend):
    assert titles("rent")[:1] == ["Neighbors emergency fund"]
    assert titles("help with rent")[0] == "Neighbors emergency fund"


def test_sewing_finds_the_mask_makers(backend):
    assert titles("sewing")[:1] == ["Mask makers circle"]


def test_a_needs_name_in_another_language_finds_its_listings(
    backend, content, django_capture_on_commit_callbacks
):
    """No listing says "መግቢ": once a translator names "Food" so in Tigrinya, it finds them."""
    assert titles("መግቢ", language="ti") == []
    food = content["groceries"].needs.first()
    with django_capture_on_commit_callbacks(execute=True):
        tigrinya = food.copy_for_translation(locale_of("ti"))
        tigrinya.name = "መግቢ"
        tigrinya.save()
    if backend == "cluster":
        service.ClusterBackend().refresh()
    assert "Neighbors Grocery Delivery" in titles("መግቢ", language="ti")
