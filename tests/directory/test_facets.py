"""The facet registry: every surface offers and applies each declared facet the same way."""

from django.urls import reverse

import pytest

from directory.facets import FACETS
from directory.factories import GroupPageFactory, HotlinePageFactory
from directory.models import ListingPage
from search.forms import SearchForm


@pytest.fixture
def listings(directory, food):
    free = HotlinePageFactory(parent=directory, title="Free line", cost="free", needs=[food])
    paid = GroupPageFactory(parent=directory, title="Paid class", cost="fee")
    unknown = GroupPageFactory(parent=directory, title="No word on cost")
    return {"free": free, "paid": paid, "unknown": unknown}


def test_every_surface_reads_the_same_facets(db):
    names = {facet.name for facet in FACETS}
    assert names == {"need", "area", "language", "kind", "cost", "documents"}
    assert names <= set(SearchForm().fields)


def test_directory_offers_each_facet_as_a_labelled_select(client, directory, listings):
    html = client.get(directory.url).content.decode()

    for facet in FACETS:
        assert f'<select name="{facet.name}">' in html
    assert '<option value="free">Free of charge</option>' in html


def test_directory_filters_by_a_field_facet(client, directory, listings):
    html = client.get(directory.url + "?cost=free").content.decode()

    assert "Free line" in html
    assert "Paid class" not in html and "No word on cost" not in html
    assert '<option value="free" selected>' in html


def test_print_view_filters_the_same_way(client, directory, listings):
    url = directory.url + directory.reverse_subpage("print") + "?cost=fee"
    html = client.get(url).content.decode()

    assert "Paid class" in html and "Free line" not in html


def test_listing_says_what_it_costs(client, listings):
    assert "Free of charge" in client.get(listings["free"].url).content.decode()


def test_open_data_api_filters_by_every_facet(client, listings):
    url = reverse("opendata:listings")
    names = [s["name"] for s in client.get(url + "?cost=free").json()["contents"]]
    assert names == ["Free line"]
    names = [s["name"] for s in client.get(url + "?cost=free&need=food").json()["contents"]]
    assert names == ["Free line"]


def test_unknown_values_match_nothing_rather_than_fail(client, directory, listings):
    html = client.get(directory.url + "?cost=priceless").content.decode()

    assert "Nothing matches these filters yet" in html
    assert ListingPage.objects.filter(cost="priceless").count() == 0
