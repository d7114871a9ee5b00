"""The read-only listings API: filters, pagination, modified_after and clear 400s."""

from datetime import timedelta

from django.utils import timezone

import pytest

from directory.models import ListingPage

API = "/open-data/api/listings/"


def names(response):
    assert response.status_code == 200, response.content
    return sorted(s["name"] for s in response.json()["contents"])


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("need=food", ["Pantry", "Request form"]),
        ("area=seattle", ["Pantry"]),
        ("language=es", ["Health line", "Pantry"]),
        ("kind=hotline", ["Health line"]),
        ("need=food&kind=form", ["Request form"]),
        ("need=no-such-need", []),
    ],
)
def test_filters(client, catalogue, query, expected):
    assert names(client.get(f"{API}?{query}")) == expected


def test_pagination(client, catalogue):
    first = client.get(f"{API}?per_page=3").json()
    assert (first["total_items"], first["total_pages"], first["size"]) == (4, 2, 3)
    assert first["first_page"] and not first["last_page"]
    second = client.get(f"{API}?per_page=3&page=2").json()
    assert second["size"] == 1 and second["last_page"]
    ids = {s["id"] for s in first["contents"]} | {s["id"] for s in second["contents"]}
    assert len(ids) == 4


def test_modified_after(client, catalogue):
    an_hour_ago = timezone.now() - timedelta(hours=1)
    ListingPage.objects.update(last_published_at=an_hour_ago)
    ListingPage.objects.filter(pk=catalogue["hotline"].pk).update(last_published_at=timezone.now())
    since = (timezone.now() - timedelta(minutes=30)).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert names(client.get(f"{API}?modified_after={since}")) == ["Health line"]
    assert len(names(client.get(f"{API}?modified_after=2000-01-01"))) == 4


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("modified_after=last-tuesday", "modified_after must be an ISO 8601"),
        ("modified_after=2026-13-45", "modified_after must be an ISO 8601"),
        ("page=0", "page must be a whole number"),
        ("page=9", "does not exist"),
        ("per_page=abc", "per_page must be a whole number"),
        ("per_page=1000", "at most 200"),
        ("locale=fr", "Unknown locale"),
    ],
)
def test_bad_parameters_are_400_with_a_message(client, catalogue, query, message):
    response = client.get(f"{API}?{query}")
    assert response.status_code == 400
    assert message in response.json()["error"]


def test_open_to_other_sites(client, catalogue):
    from_elsewhere = client.get(API, HTTP_ORIGIN="https://elsewhere.example")
    assert from_elsewhere["Access-Control-Allow-Origin"] == "*"
