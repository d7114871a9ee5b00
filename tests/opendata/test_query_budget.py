"""The open-data responses ask the database a fixed number of times, whatever their size.

200 listings of every kind (two needs, areas and languages each, an organization, opening
hours, holidays), some translated into Spanish with their terms, are built once for the
module. A test that wants 5 unpublishes the rest (undone after it). Budgets: at most 10
queries for the JSON and CSV exports (one chunk) and for every page of the listings API;
a streamed export adds a bounded set per chunk of listings, never one per listing.
"""

import csv
import io
import json
from itertools import cycle

from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from wagtail.models import Locale, Page, Site

import pytest

from directory.factories import (
    AreaFactory,
    DirectoryIndexPageFactory,
    ExternalFormPageFactory,
    GroupPageFactory,
    HolidayFactory,
    HotlinePageFactory,
    LanguageFactory,
    NeedFactory,
    OpeningHoursFactory,
    OrganizationFactory,
    ResourcePageFactory,
)
from directory.models import ListingPage
from home.factories import HomePageFactory
from opendata import queries, streams
from tests.helpers import translate

LISTINGS = 200
TRANSLATED = 10  # listings with a Spanish version
BUDGET = 10
PER_CHUNK = 5  # the listings' rows and their needs, areas, languages and opening hours
EXPORTS = ["/open-data/directory.json", "/open-data/directory.csv"]
KINDS = [GroupPageFactory, ExternalFormPageFactory, HotlinePageFactory, ResourcePageFactory]


def spanish_copy(snippet, spanish, **changes):
    copy = snippet.copy_for_translation(spanish)
    for name, value in changes.items():
        setattr(copy, name, value)
    copy.save()
    return copy


def build_directory():
    locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in ["en", "es"]}
    home = HomePageFactory(parent=Page.get_first_root_node(), slug="portal-home")
    Site.objects.filter(is_default_site=True).update(root_page=home)
    directory = DirectoryIndexPageFactory(parent=home)
    needs = [NeedFactory(slug=f"need-{n}", name=f"Need {n}") for n in range(10)]
    areas = [AreaFactory(slug=f"area-{n}", name=f"Area {n}") for n in range(10)]
    languages = [LanguageFactory(code=code, name=code.upper()) for code in ["es", "vi", "am"]]
    orgs = [OrganizationFactory(description=f"Org {n}.") for n in range(20)]
    spanish = locales["es"]
    spanish_copy(needs[0], spanish, name="Comida", description="Comida para todos.")
    spanish_copy(areas[0], spanish, name="Área cero")
    spanish_copy(languages[0], spanish, name="Español")
    spanish_copy(orgs[0], spanish, description="Organización cero.")
    HolidayFactory(date="2026-12-25", name="Christmas")

    listings = []
    for n, factory in zip(range(LISTINGS), cycle(KINDS), strict=False):
        listing = factory(
            parent=directory,
            title=f"Listing {n:03}",
            needs=[needs[n % 10], needs[(n + 1) % 10]],
            areas=[areas[n % 10], areas[(n + 3) % 10]],
            languages=[languages[n % 3], languages[(n + 1) % 3]],
            organization=orgs[n % 20],
            phone="206 555 0100",
            closed_on_holidays=n % 2 == 0,
        )
        OpeningHoursFactory(page=listing, weekday=n % 7, opens="09:00", closes="17:00")
        OpeningHoursFactory(page=listing, weekday=(n + 1) % 7, opens="10:00", closes="12:00")
        listings.append(listing)
    for n, listing in enumerate(listings[:TRANSLATED]):
        translate(listing, "es", copy_parents=n == 0, title=f"Listado {n:03}")
    return listings


@pytest.fixture(scope="module")
def _built(django_db_setup, django_db_blocker):
    """The 200 listings, built once and rolled back after the module (as the shared demo)."""
    with django_db_blocker.unblock(), transaction.atomic():
        listings = build_directory()
        with django_db_blocker.block():
            yield [listing.pk for listing in listings]
        transaction.set_rollback(True)


@pytest.fixture(params=[5, LISTINGS], ids=["5-listings", "200-listings"])
def visible(request, _built, db):
    """How many listings readers see: the first N stay published."""
    keep = _built[: request.param]
    ListingPage.objects.filter(locale__language_code="en").exclude(pk__in=keep).update(live=False)
    return request.param


def body(response):
    assert response.status_code == 200
    if response.streaming:
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


def exported(url, text):
    if url.endswith(".csv"):
        return list(csv.DictReader(io.StringIO(text)))
    return json.loads(text)["services"]


@pytest.mark.parametrize("url", EXPORTS)
@pytest.mark.parametrize("code", ["en", "es"])
def test_exports_stay_within_the_budget(client, django_assert_max_num_queries, visible, url, code):
    # Read once first, as readers find the cache warm (Wagtail's site root paths): the budget
    # is the steady state's, as for the pages (tests/performance).
    client.get(f"{url}?locale={code}")
    with django_assert_max_num_queries(BUDGET):
        text = body(client.get(f"{url}?locale={code}"))
    assert len(exported(url, text)) == visible


@pytest.mark.parametrize("code", ["en", "es"])
def test_every_page_of_the_api_stays_within_the_budget(
    client, django_assert_max_num_queries, visible, code
):
    per_page = 50
    pages = -(-visible // per_page)
    seen = set()
    for page in range(1, pages + 1):
        url = f"/open-data/api/listings/?locale={code}&per_page={per_page}&page={page}"
        with django_assert_max_num_queries(BUDGET):
            data = json.loads(body(client.get(url)))
        seen |= {service["id"] for service in data["contents"]}
    assert len(seen) == visible


def test_filtered_api_stays_within_the_budget(client, django_assert_max_num_queries, visible):
    with django_assert_max_num_queries(BUDGET):
        response = client.get("/open-data/api/listings/?locale=es&need=need-0&language=es")
    names = {service["name"] for service in json.loads(body(response))["contents"]}
    assert names and all(name.startswith(("Listado", "Listing")) for name in names)


def test_translated_export_brings_its_names_in_bulk(
    client, django_assert_max_num_queries, _built, db
):
    client.get("/open-data/directory.json?locale=es")  # warm, as above
    with django_assert_max_num_queries(BUDGET):
        services = json.loads(body(client.get("/open-data/directory.json?locale=es")))["services"]
    by_name = {service["name"]: service for service in services}
    assert len(services) == LISTINGS
    translated, untranslated = by_name["Listado 000"], by_name["Listing 010"]
    needs = {
        a["value"]: a["taxonomy_term"]["name"]
        for a in translated["attributes"]
        if a["link_type"] == "need"
    }
    assert needs == {"need-0": "Comida", "need-1": "Need 1"}  # Need 1 has no Spanish name
    assert [area["name"] for area in translated["service_areas"]] == ["Área cero", "Area 3"]
    assert {lang["name"] for lang in translated["languages"]} == {"Español", "VI"}
    assert translated["organization"]["description"] == "Organización cero."
    assert untranslated["organization"]["description"] == "Org 10."
    assert "Closed on holidays: 2026-12-25." in untranslated["schedules"][0]["notes"]


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries_made:
        response = client.get(url)
        assert response.streaming
        rows = exported(url, body(response))
    return len(queries_made), len(rows)


@pytest.mark.parametrize("url", EXPORTS)
def test_streamed_export_grows_by_chunks_not_listings(client, monkeypatch, _built, db, url):
    """In chunks of 50, 200 listings cost 2 chunks' queries more than 100 do, not 100 more."""
    monkeypatch.setattr(streams, "SEND_WHOLE_UP_TO", 0)
    monkeypatch.setattr(queries, "CHUNK_SIZE", 50)
    count_queries(client, url)  # warm, as readers find the shared cache (home/site_structure.py)
    at_200, rows = count_queries(client, url)
    assert rows == LISTINGS
    ListingPage.objects.filter(locale__language_code="en", title__gte="Listing 100").update(
        live=False
    )
    at_100, rows = count_queries(client, url)
    assert rows == 100
    assert at_200 - at_100 <= 2 * PER_CHUNK
    assert at_200 <= BUDGET + 3 * PER_CHUNK  # one chunk within the budget, three more


def test_a_large_export_streams_and_a_small_one_is_sent_whole(client, monkeypatch, _built, db):
    assert not client.get("/open-data/directory.json").streaming
    monkeypatch.setattr(streams, "SEND_WHOLE_UP_TO", 10_000)
    response = client.get("/open-data/directory.json", HTTP_ORIGIN="https://elsewhere.example")
    assert response.streaming
    assert response["Access-Control-Allow-Origin"] == "*"
    assert len(json.loads(body(response))["services"]) == LISTINGS
