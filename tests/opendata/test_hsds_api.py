"""The HSDS 3.0 API (/open-data/api/): what a generic Open Referral client sees, path by path
and parameter by parameter."""

import json
import socket
from datetime import timedelta
from decimal import Decimal

from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import PageViewRestriction

import pytest
from jsonschema import Draft7Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT7

from directory import near
from directory.models import ListingLocation, ListingPage
from opendata.hsds_taxonomy import TAXONOMY_KINDS, TAXONOMY_NEEDS
from tests.helpers import publish

from .conftest import HSDS

API = "/open-data/api"
REGISTRY = Registry().with_resources(
    (path.name, Resource.from_contents(json.loads(path.read_text()), DRAFT7))
    for path in HSDS.glob("*.json")
    if path.name != "openapi.json"
)


def assert_valid(kind, record):
    validator = Draft7Validator(REGISTRY.contents(f"{kind}.json"), registry=REGISTRY)
    assert [error.message for error in validator.iter_errors(record)] == [], record


def get(client, path, **headers):
    response = client.get(f"{API}{path}", **headers)
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/json"
    return response.json()


def names(page):
    return sorted(record["name"] for record in page["contents"])


def refused(client, path, *words, status=400):
    """The JSON error of a refused request, which names what was wrong."""
    response = client.get(f"{API}{path}")
    assert response.status_code == status, response.content
    message = response.json()["error"]
    for word in words:
        assert word in message, message
    return message


@pytest.fixture
def api_catalogue(catalogue):
    """The catalogue (Pantry of the Pantry Collective in Seattle, a health line, a form and a
    fund with no organization), with the pantry's hall about a kilometre north of the centre
    of ZIP 98118."""
    centre = near.place_of_zip("98118")
    pantry = catalogue["pantry"]
    ListingLocation.objects.create(
        page=pantry,
        locale=pantry.locale,
        name="Hall",
        address_1="100 Example Street",
        city="Seattle",
        postal_code="98118",
        latitude=Decimal(f"{centre.latitude + 0.01:.6f}"),
        longitude=Decimal(f"{centre.longitude:.6f}"),
    )
    return catalogue


def service_named(client, name, **params):
    query = "&".join(f"{key}={value}" for key, value in {"full": "true", **params}.items())
    (found,) = [s for s in get(client, f"/services?{query}")["contents"] if s["name"] == name]
    return found


# --- GET / and the OpenAPI document -------------------------------------------------------
def test_root_says_version_profile_and_where_the_openapi_is(client, db):
    response = client.get(f"{API}/")
    assert response.status_code == 200  # no redirect to /en/: the address is the same for all
    data = response.json()
    assert data["version"] == "3.0"
    assert data["profile"].startswith("https://docs.openreferral.org/")
    assert data["openapi_url"] == "http://127.0.0.1:8000/open-data/api/openapi.json"


def test_openapi_document_is_hsds_with_this_portal_as_server(client, db):
    document = get(client, "/openapi.json")
    hsds = json.loads((HSDS / "openapi.json").read_text())
    assert set(document["paths"]) == set(hsds["paths"])
    assert document["servers"][0]["url"] == "http://127.0.0.1:8000/open-data/api"
    for path, item in document["paths"].items():
        parameters = [p.get("$ref", "").rsplit("/", 1)[-1] for p in item["get"]["parameters"]]
        assert "locale" in parameters, path
    locale = document["components"]["parameters"]["locale"]["schema"]["enum"]
    assert locale == ["en", "es", "vi", "am", "ti"]
    # Bundled: a client needs no network to read the schemas the paths point to.
    assert "raw.githubusercontent.com" not in json.dumps(document)


@override_settings(BASE_URL="")
def test_without_a_base_url_the_server_is_the_host_asked(client, db):
    document = client.get(f"{API}/openapi.json", HTTP_HOST="data.example.org").json()
    assert document["servers"][0]["url"] == "http://data.example.org/open-data/api"


# --- /services ----------------------------------------------------------------------------
def test_services_list_one_to_one_fields_in_the_paging_envelope(client, api_catalogue):
    page = get(client, "/services")
    assert {key: page[key] for key in page if key != "contents"} == {
        "total_items": 4,
        "total_pages": 1,
        "page_number": 1,
        "size": 4,
        "first_page": True,
        "last_page": True,
        "empty": False,
    }
    assert names(page) == ["Health line", "Pantry", "Request form", "Survival fund"]
    pantry = [s for s in page["contents"] if s["name"] == "Pantry"][0]
    assert pantry["organization"]["name"] == "Pantry Collective"  # one-to-one: kept
    assert not [key for key, value in pantry.items() if isinstance(value, list)]


def test_full_services_are_fully_nested_and_valid_hsds(client, api_catalogue):
    for service in get(client, "/services?full=true")["contents"]:
        assert_valid("service", service)
    hotline = service_named(client, "Health line")
    assert [phone["number"] for phone in hotline["phones"]] == ["+12065550101", "+12065550102"]


def test_minimal_lists_ids_and_modification_times(client, api_catalogue):
    contents = get(client, "/services?minimal=true")["contents"]
    assert len(contents) == 4
    assert all(set(service) <= {"id", "name", "status", "last_modified"} for service in contents)
    assert any("last_modified" in service for service in contents)
    for service in contents:
        assert_valid("service", service)  # the list's schema requires name and status


def test_one_service_by_id(client, api_catalogue):
    listed = service_named(client, "Pantry")
    response = client.get(f"{API}/services/{listed['id']}")
    assert response.status_code == 200
    assert response.json() == listed
    assert_valid("service", response.json())


@pytest.mark.parametrize("record_id", ["0b8b4c3e-3f1d-4a7e-9a55-000000000000", "pantry", "1"])
def test_an_unknown_service_is_a_json_404(client, api_catalogue, record_id):
    refused(client, f"/services/{record_id}", "No service has the id", status=404)


def test_paging(client, api_catalogue):
    first = get(client, "/services?per_page=3")
    assert (first["total_items"], first["total_pages"], first["size"]) == (4, 2, 3)
    assert first["first_page"] and not first["last_page"]
    second = get(client, "/services?per_page=3&page=2")
    assert (second["page_number"], second["size"], second["last_page"]) == (2, 1, True)
    ids = {s["id"] for s in first["contents"] + second["contents"]}
    assert len(ids) == 4


@pytest.mark.parametrize("query", ["page=9", "page=0", "per_page=0", "page=0&per_page=0"])
def test_a_page_outside_the_results_is_empty_with_the_true_totals(client, api_catalogue, query):
    page = get(client, f"/services?{query}")
    assert page["contents"] == [] and page["size"] == 0 and page["empty"]
    assert page["total_items"] == 4


def test_search_finds_with_the_portal_search(client, api_catalogue):
    assert names(get(client, "/services?search=pantry")) == ["Pantry"]
    assert names(get(client, "/services?search=zzzqqq")) == []
    assert names(get(client, "/services?search=***")) == []  # no word: nothing searched for


def test_search_with_the_cluster_down_is_answered_by_the_database(client, api_catalogue, settings):
    with socket.socket() as probe:  # a port where nothing listens
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.SEARCH_BACKEND, settings.SEARCH_URL = "cluster", f"http://127.0.0.1:{port}"
    assert names(get(client, "/services?search=pantry")) == ["Pantry"]


def test_taxonomy_term_id_and_taxonomy_id(client, api_catalogue):
    terms = get(client, "/taxonomy_terms?per_page=200")["contents"]
    food = [t for t in terms if t["code"] == "food" and t["taxonomy"] == TAXONOMY_NEEDS][0]
    hotline = [t for t in terms if t["code"] == "hotline" and t["taxonomy"] == TAXONOMY_KINDS][0]
    assert names(get(client, f"/services?taxonomy_term_id={food['id']}")) == [
        "Pantry",
        "Request form",
    ]
    assert names(get(client, f"/services?taxonomy_term_id={hotline['id']}")) == ["Health line"]
    assert names(get(client, f"/services?taxonomy_id={food['taxonomy_id']}")) == [
        "Pantry",
        "Request form",
    ]
    assert len(get(client, f"/services?taxonomy_id={hotline['taxonomy_id']}")["contents"]) == 4
    assert get(client, "/services?taxonomy_term_id=no-such-term")["total_items"] == 0


def test_organization_id(client, api_catalogue):
    pantry, fund = service_named(client, "Pantry"), service_named(client, "Survival fund")
    assert names(get(client, f"/services?organization_id={pantry['organization_id']}")) == [
        "Pantry"
    ]
    # A listing naming no organization is its own, and can be asked for as one.
    assert names(get(client, f"/services?organization_id={fund['organization_id']}")) == [
        "Survival fund"
    ]


def test_modified_after_is_on_or_after(client, api_catalogue):
    moment = timezone.now().replace(microsecond=0) - timedelta(hours=1)
    ListingPage.objects.update(last_published_at=moment - timedelta(days=1))
    ListingPage.objects.filter(pk=api_catalogue["hotline"].pk).update(last_published_at=moment)
    since = moment.strftime("%Y-%m-%dT%H:%M:%SZ")
    assert names(get(client, f"/services?modified_after={since}")) == ["Health line"]
    later = (moment + timedelta(seconds=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert names(get(client, f"/services?modified_after={later}")) == []


def test_ndjson_streams_every_result_one_a_line(client, api_catalogue):
    response = client.get(f"{API}/services?format=ndjson&minimal=true")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/x-ndjson"
    lines = b"".join(response.streaming_content).decode().splitlines()
    assert len(lines) == 4
    assert {json.loads(line)["id"] for line in lines} == {
        service["id"] for service in get(client, "/services")["contents"]
    }
    paged = client.get(f"{API}/services?format=ndjson&per_page=1&page=2")
    assert len(b"".join(paged.streaming_content).decode().splitlines()) == 1


def test_locale_chooses_the_language_and_content_language_says_it(client, api_catalogue, locales):
    response = client.get(f"{API}/taxonomy_terms?locale=es", HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 200
    assert response["Content-Language"] == "es"
    assert {term["language"] for term in response.json()["contents"]} == {"es"}
    english = client.get(f"{API}/services", HTTP_ACCEPT_LANGUAGE="es")
    assert english["Content-Language"] == "en"


@pytest.mark.parametrize(
    ("path", "words"),
    [
        ("/services?color=red", ["Unknown parameter", "color"]),
        ("/services?postcode=98118", ["Unknown parameter", "postcode"]),
        ("/services?page=two", ["page must be a whole number"]),
        ("/services?page=-1", ["page must be a whole number from 0"]),
        ("/services?per_page=201", ["per_page must be a whole number from 0 to 200"]),
        ("/services?format=xml", ["format must be json or ndjson", "xml"]),
        ("/services?format=", ["Empty parameter", "format"]),
        ("/services?full=yes", ["full must be true or false", "yes"]),
        ("/services?minimal=true&full=true", ["minimal and full cannot both be true"]),
        ("/services?modified_after=last-tuesday", ["modified_after must be an ISO 8601"]),
        ("/services?locale=fr", ["Unknown locale", "fr"]),
        ("/taxonomies?taxonomy_id=x", ["Unknown parameter", "taxonomy_id"]),
        ("/service_at_locations?proximity=500", ["proximity needs a postcode"]),
        ("/service_at_locations?postcode=981", ["postcode must be a 5-digit ZIP code"]),
        ("/service_at_locations?postcode=٩٨١١٨", ["postcode must be a 5-digit ZIP code"]),
        ("/service_at_locations?postcode=98118&proximity=near", ["proximity must be"]),
        ("/organizations/x?full=true", ["Unknown parameter", "full"]),
    ],
)
def test_bad_parameters_are_refused_naming_them(client, api_catalogue, path, words):
    refused(client, path, *words)


def test_http_of_a_public_data_view(client, api_catalogue):
    """HEAD, OPTIONS, a validator with its 304, gzip and CORS (opendata/http.py)."""
    first = client.get(f"{API}/services", HTTP_ORIGIN="https://app.example.org")
    assert first["Access-Control-Allow-Origin"] == "*"
    again = client.get(f"{API}/services", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    head = client.head(f"{API}/services")
    assert head.status_code == 200 and head.content == b""
    assert client.options(f"{API}/services")["Allow"] == "GET, HEAD, OPTIONS"
    zipped = client.get(f"{API}/services?full=true", HTTP_ACCEPT_ENCODING="gzip")
    assert zipped["Content-Encoding"] == "gzip"


def test_an_unknown_path_under_the_api_is_a_json_404(client, db):
    response = client.get(f"{API}/programs")
    assert response.status_code == 404
    assert response.json() == {"error": "Not found."}


def test_other_methods_are_a_json_405(client, db):
    response = client.post(f"{API}/services")
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD, OPTIONS"
    assert "POST" in response.json()["error"]


# --- /organizations -----------------------------------------------------------------------
def test_organizations_and_their_services(client, api_catalogue):
    organizations = get(client, "/organizations")["contents"]
    assert "Pantry Collective" in names({"contents": organizations})
    collective = [o for o in organizations if o["name"] == "Pantry Collective"][0]
    assert_valid("organization", collective)
    one = get(client, f"/organizations/{collective['id']}")
    assert [s["name"] for s in one["services"]] == ["Pantry"]
    assert not [k for k, v in one["services"][0].items() if isinstance(v, list)]
    full = get(client, f"/organizations/{collective['id']}?full_service=true")
    assert full["services"][0]["phones"][0]["number"] == "+12065550100"
    listed = get(client, "/organizations?full_service=true&search=collective")["contents"]
    assert [o["name"] for o in listed] == ["Pantry Collective"]
    assert [s["name"] for s in listed[0]["services"]] == ["Pantry"]
    refused(client, "/organizations/no-such-id", "No organization", status=404)


# --- /taxonomies and /taxonomy_terms ------------------------------------------------------
def test_taxonomies_and_terms_are_where_their_uris_say(client, api_catalogue):
    taxonomies = get(client, "/taxonomies")["contents"]
    assert len(taxonomies) == 5
    for taxonomy in taxonomies:
        assert_valid("taxonomy", taxonomy)
        path = taxonomy["uri"].removeprefix("http://127.0.0.1:8000" + API)
        assert get(client, path) == taxonomy
    terms = get(client, "/taxonomy_terms?per_page=200")["contents"]
    for term in terms:
        assert_valid("taxonomy_term", term)
    food = [t for t in terms if t["code"] == "food"][0]
    assert get(client, food["term_uri"].removeprefix("http://127.0.0.1:8000" + API)) == food
    refused(client, "/taxonomies/no-such-id", "No record", status=404)
    refused(client, "/taxonomy_terms/no-such-id", "No record", status=404)


def test_term_filters(client, api_catalogue):
    needs = [t for t in get(client, "/taxonomies")["contents"] if t["name"] == "Needs"][0]
    of_needs = get(client, f"/taxonomy_terms?taxonomy_id={needs['id']}")["contents"]
    assert [t["code"] for t in of_needs] == ["food"]
    everything = get(client, "/taxonomy_terms?per_page=200")["total_items"]
    assert get(client, "/taxonomy_terms?top_only=true&per_page=200")["total_items"] == everything
    assert get(client, f"/taxonomy_terms?parent_id={needs['id']}")["total_items"] == 0
    assert [t["code"] for t in get(client, "/taxonomy_terms?search=food")["contents"]] == ["food"]
    assert names(get(client, "/taxonomies?search=cost")) == ["Costs"]


# --- /service_at_locations ----------------------------------------------------------------
def test_service_at_locations_near_a_postcode(client, api_catalogue):
    (entry,) = get(client, "/service_at_locations")["contents"]
    pantry = service_named(client, "Pantry")
    assert entry["service_id"] == pantry["id"]
    assert entry["location"]["name"] == "Hall"
    one = get(client, f"/service_at_locations/{entry['id']}")
    assert_valid("service_at_location", one)
    # The pantry serves Seattle, where 98118 is; 98001 (Auburn) is not in its areas.
    assert get(client, "/service_at_locations?postcode=98118")["total_items"] == 1
    assert get(client, "/service_at_locations?postcode=98001")["total_items"] == 0
    assert get(client, "/service_at_locations?postcode=10001")["total_items"] == 0  # not KC
    # The hall is about 1.1 km from 98118's centre.
    assert get(client, "/service_at_locations?postcode=98118&proximity=2000")["total_items"] == 1
    assert get(client, "/service_at_locations?postcode=98118&proximity=500")["total_items"] == 0
    food = [t for t in get(client, "/taxonomy_terms")["contents"] if t["code"] == "food"][0]
    by_term = get(client, f"/service_at_locations?taxonomy_term_id={food['id']}")
    assert by_term["total_items"] == 1
    refused(client, "/service_at_locations/no-such-id", "No record", status=404)


def test_a_page_published_again_keeps_its_service_id(client, api_catalogue):
    before = service_named(client, "Pantry")["id"]
    publish(api_catalogue["pantry"], summary="Now open on Saturdays too.")
    assert client.get(f"{API}/services/{before}").json()["name"] == "Pantry"


@pytest.mark.parametrize("path", ["/services?full=true", "/service_at_locations?full=true"])
def test_a_page_costs_the_same_queries_whatever_its_size(client, api_catalogue, path):
    """No query per record: a page of four asks the database as often as a page of one."""
    get(client, path)  # what is read once per process (locales, sites) is read now
    counts = []
    for per_page in (1, 4):
        with CaptureQueriesContext(connection) as queries:
            get(client, f"{path}&per_page={per_page}")
        counts.append(len(queries))
    assert counts[0] == counts[1], counts


def test_a_listing_readers_cannot_see_is_nowhere_in_the_api(client, api_catalogue):
    """An unpublished listing: not listed, not by id, not as a place, not among its
    organization's services; a private one (a view restriction) neither."""
    pantry = service_named(client, "Pantry")
    api_catalogue["pantry"].unpublish()
    PageViewRestriction.objects.create(
        page=api_catalogue["hotline"], restriction_type=PageViewRestriction.LOGIN
    )
    assert names(get(client, "/services")) == ["Request form", "Survival fund"]
    refused(client, f"/services/{pantry['id']}", "No service", status=404)
    assert get(client, "/service_at_locations")["total_items"] == 0
    assert get(client, "/services?search=pantry")["total_items"] == 0
    organizations = get(client, "/organizations?full_service=true")["contents"]
    listed = [service["name"] for org in organizations for service in org["services"]]
    assert sorted(listed) == ["Request form", "Survival fund"]
