"""The documents facet ("No ID or documents needed", issue 12) on both backends: declared once
in directory/facets.py, filtered and counted alike by the database and the cluster."""

import pytest

from tests.helpers import publish

from .test_contract import search, titles


@pytest.fixture
def content(content):
    """The contract's content, with the nurse line needing no ID and the ride form papers."""
    publish(content["hotline"], documents="none", cost="free")
    publish(content["ride"], documents="required")
    return content


def test_no_id_needed_filters_and_counts(backend):
    assert titles(search("seattle", documents="none")) == ["Nurse advice line"]
    assert titles(search("", documents="required")) == ["Request a ride"]
    assert titles(search("seattle", documents="none", cost="free")) == ["Nurse advice line"]
    assert search("groceries", documents="none").total == 0
    facets = search("seattle").facets["documents"]
    assert facets == [{"value": "none", "label": "No ID or documents needed", "count": 1}]


def test_the_card_shows_the_badges_whichever_backend_answered(backend, client):
    html = client.get("/en/search/", {"q": "nurse"}).content.decode()

    assert '<li class="access-badge">No ID needed</li>' in html
    assert '<li class="access-badge">Free</li>' in html
