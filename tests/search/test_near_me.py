"""Near me on the search page: the database backend sorts every match by distance from the
reader's ZIP code (the cluster's page is sorted in place), the cards say how far, and the
answer is never cached. Nested areas reach the cluster's query and counts. Fictional
listings; coordinates near the 98118 ZIP centroid (47.5412, -122.275)."""

from django.urls import reverse

import pytest
from bs4 import BeautifulSoup

from directory.factories import AreaFactory, GroupPageFactory
from directory.models import Area
from directory.near import parse
from search import service
from search.cluster.queries import bucket_counts, build_searches
from search.service import SearchPage
from search.views import note_places
from tests.helpers import located


@pytest.fixture
def pantries(directory):
    return {
        "far": GroupPageFactory(
            parent=directory,
            title="Pantry pantry pantry in Bellevue",  # the best match for "pantry"
            summary="A pantry.",
            locations=located("47.6101", "-122.2015"),
        ),
        "near": GroupPageFactory(
            parent=directory,
            title="Columbia City group",
            summary="Groceries from our pantry.",
            locations=located("47.5230", "-122.2700"),
        ),
        "nowhere": GroupPageFactory(
            parent=directory, title="Online circle", summary="A pantry of recipes."
        ),
    }


def result_titles(response):
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    return [
        (
            li.select_one("h2").get_text(strip=True),
            li.select_one(".card__distance").get_text(strip=True)
            if li.select_one(".card__distance")
            else None,
        )
        for li in soup.select("ol.results > li")
    ]


def test_a_zip_code_sorts_the_results_by_distance(client, pantries):
    url = reverse("search")
    usual = result_titles(client.get(url, {"q": "pantry"}))
    near = client.get(url, {"q": "pantry", "near": "98118"})

    assert usual[0] == ("Pantry pantry pantry in Bellevue", None)
    assert result_titles(near) == [
        ("Columbia City group", "1.3 mi"),
        ("Pantry pantry pantry in Bellevue", "5.9 mi"),
        ("Online circle", None),
    ]
    assert "Nearest first, from ZIP code 98118." in near.content.decode()
    directives = {d.strip() for d in near["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= directives


def test_an_unknown_zip_code_says_so_and_changes_nothing(client, pantries):
    url = reverse("search")
    response = client.get(url, {"q": "pantry", "near": "10001"})

    assert response.status_code == 200  # the words were still searched
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    assert soup.select_one(".near-status--error").get_text(strip=True) == (
        "10001 is not a King County ZIP code, so the results are in their usual order."
    )
    assert result_titles(response) == result_titles(client.get(url, {"q": "pantry"}))


def test_the_filters_and_pages_keep_the_place(client, pantries):
    html = client.get(reverse("search"), {"q": "pantry", "near": "98118"}).content.decode()
    soup = BeautifulSoup(html, "html.parser")

    facet_links = [a["href"] for a in soup.select(".facets a")]
    assert facet_links and all("near=98118" in href for href in facet_links)
    assert soup.select_one("details.near-panel").has_attr("open")
    assert soup.select_one("details.near-panel input[name=near]")["value"] == "98118"


def test_the_clusters_page_is_sorted_in_place(pantries):
    """The cluster's index has no coordinates: its page of results is sorted by distance
    (the database backend sorts every match instead)."""
    place = parse("98118")
    ids = [pantries[name].pk for name in ("nowhere", "far", "near")]
    page = SearchPage(
        query=service.make_query("pantry", near=place),
        results=[{"id": pk, "language": "en"} for pk in ids],
        backend="cluster",
    )

    note_places(page, place, area=None)

    assert [r["id"] for r in page.results] == [
        pantries["near"].pk,
        pantries["far"].pk,
        pantries["nowhere"].pk,
    ]
    assert page.results[-1]["distance"] is None


def test_the_clusters_area_filter_and_counts_nest(db):
    county = AreaFactory(slug="king-county", name="All of King County")
    AreaFactory(slug="south-king-county", name="South King County", parent=county)
    query = service.make_query("food", filters={"area": "south-king-county"})

    bodies = build_searches(query)

    assert {"terms": {"areas": ["south-king-county", "king-county"]}} in (
        bodies[0]["query"]["bool"]["filter"]
    )
    counting = bodies[-1]["aggs"]["area"]["filters"]["filters"]
    assert counting["south-king-county"] == {
        "terms": {"areas": ["south-king-county", "king-county"]}
    }
    assert counting["king-county"] == {"terms": {"areas": ["king-county"]}}
    answer = {"buckets": {"south-king-county": {"doc_count": 3}, "king-county": {"doc_count": 0}}}
    assert bucket_counts(answer) == {"south-king-county": 3}


@pytest.fixture
def nested(content, directory):
    """The contract's content, with its areas inside King County and a county-wide line."""
    county = AreaFactory(slug="king-county", name="All of King County")
    for area in Area.objects.filter(slug__in=["seattle", "south-king-county"]):
        area.parent = county
        area.save()
    return GroupPageFactory(
        parent=directory,
        title="County seattle line",
        summary="Answers anyone in Seattle or elsewhere in the county.",
        areas=[county],
    )


def test_both_backends_nest_areas_alike(nested, backend):
    found = service.search(service.make_query("seattle", filters={"area": "south-king-county"}))

    assert found.backend == backend
    assert sorted(r["title"] for r in found.results) == ["County seattle line", "Nurse advice line"]
    counts = {f["value"]: f["count"] for f in found.facets["area"]}
    assert counts["south-king-county"] == 2  # what the filter returned
    unfiltered = service.search(service.make_query("seattle")).facets["area"]
    assert {f["value"]: f["count"] for f in unfiltered}["king-county"] == 1


@pytest.fixture
def located_content(content, pantries):
    """The contract's content with the located food pantries, the better match farther."""
    return pantries


def test_both_backends_sort_by_distance(located_content, backend):
    usual = service.search(service.make_query("pantry"))
    near = service.search(service.make_query("pantry", near=parse("98118")))

    assert near.backend == backend
    assert [r["title"] for r in usual.results][0] == "Pantry pantry pantry in Bellevue"
    assert [r["title"] for r in near.results][:2] == [
        "Columbia City group",
        "Pantry pantry pantry in Bellevue",
    ]


def test_near_me_never_puts_a_nearer_volunteer_form_above_a_request_form(
    located_content, directory, backend
):
    """Distance orders within search's groups: ways to get help before ways to give, on both
    backends, whatever the distances."""
    from directory.factories import ExternalFormPageFactory
    from directory.models import ExternalFormPage
    from tests.helpers import located, publish

    volunteer = ExternalFormPageFactory(
        parent=directory,
        title="Volunteer at the pantry next door",
        summary="Sort pantry donations with us.",
        purpose=ExternalFormPage.Purpose.VOLUNTEER,
        locations=located("47.5411", "-122.2749"),  # at the ZIP's centre: the nearest
    )
    publish(volunteer)
    if backend == "cluster":
        from search.cluster.backend import ClusterBackend

        ClusterBackend().rebuild()

    near = service.search(service.make_query("pantry", near=parse("98118")))

    titles = [r["title"] for r in near.results]
    assert titles.index("Columbia City group") < titles.index("Volunteer at the pantry next door")
    assert titles.index("Pantry pantry pantry in Bellevue") < titles.index(
        "Volunteer at the pantry next door"
    )
