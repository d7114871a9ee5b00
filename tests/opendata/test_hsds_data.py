"""The HSDS 3.0 data itself: every object kind valid against Open Referral's schemas, ids that
survive a reinstall and a round trip, absolute links, taxonomies, schedules, phones,
organizations and locations (opendata/hsds*.py)."""

import json
from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.conf import settings
from django.test import override_settings

from wagtail.models import Locale

import pytest
from jsonschema import Draft7Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT7

from demo.content import directory as directory_content
from directory.factories import (
    GroupPageFactory,
    HolidayFactory,
    NeedFactory,
    OpeningHoursFactory,
)
from directory.models import ListingLocation, ListingPage, ListingPhone, Need, PhoneType
from opendata import hsds, queries
from opendata.hsds_schedules import utc_offset
from opendata.ids import demo_id, service_id
from opendata.structured_data import listing_jsonld
from tests.helpers import publish, translate

from .conftest import HSDS

REGISTRY = Registry().with_resources(
    (path.name, Resource.from_contents(json.loads(path.read_text()), DRAFT7))
    for path in HSDS.glob("*.json")
    if path.name != "openapi.json"
)
SEATTLE = ZoneInfo("America/Los_Angeles")


def errors(kind, record):
    """What Open Referral's schema for `kind` finds wrong with `record`, with its $refs to the
    other tables resolved from the same folder."""
    schema = REGISTRY.contents(f"{kind}.json")
    validator = Draft7Validator(schema, registry=REGISTRY, format_checker=FormatChecker())
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(record)]


def assert_valid(kind, records):
    assert records, f"no {kind} to check"
    for record in records:
        assert errors(kind, record) == [], record


def exported(language="en"):
    locale = Locale.objects.get(language_code=language)
    return hsds.services(queries.listings_in(locale), language=language)


@pytest.fixture
def places(catalogue, directory, food):
    """A group naming no organization, with two places (one with everything, one by name
    only), hours, a holiday closure and a second phone; and a fund with no organization."""
    HolidayFactory(date="2026-11-26", name="Thanksgiving")
    kitchen = GroupPageFactory(
        parent=directory,
        title="Rainier Kitchen",
        summary="Hot meals on Fridays.",
        needs=[food],
        closed_on_holidays=True,
        cost="free",
        documents="none",
        accessibility="Ramp at the side door.",
        phones=[
            ListingPhone(number="206 555 0110", label="Kitchen"),
            ListingPhone(number="206 555 0111", phone_type=PhoneType.TEXT),
        ],
        locations=[
            ListingLocation(
                name="Community hall",
                address_1="4400 Rainier Ave S",
                city="Seattle",
                postal_code="98118",
                latitude=Decimal("47.563100"),
                longitude=Decimal("-122.285400"),
                accessibility="Step-free entrance on the side street.",
                transit="Bus 7 to Rainier & Alaska",
            ),
            ListingLocation(name="Pick-up point in the park"),
        ],
    )
    OpeningHoursFactory(page=kitchen, weekday=4, opens="17:00", closes="19:00")
    publish(kitchen)
    return catalogue | {"kitchen": kitchen}


def by_name(services, name):
    (found,) = [service for service in services if service["name"] == name]
    return found


# --- Every object kind against the schemas ------------------------------------------------
def test_every_object_kind_validates_against_the_hsds_schemas(places):
    services = exported()
    assert_valid("service", services)
    kitchen = by_name(services, "Rainier Kitchen")
    for kind, key in [
        ("phone", "phones"),
        ("schedule", "schedules"),
        ("attribute", "attributes"),
        ("service_at_location", "service_at_locations"),
        ("language", "languages"),
    ]:
        assert_valid(kind, kitchen.get(key) or by_name(services, "Pantry")[key])
    assert_valid("location", [entry["location"] for entry in kitchen["service_at_locations"]])
    assert_valid("address", kitchen["service_at_locations"][0]["location"]["addresses"])
    assert_valid("taxonomy_term", [a["taxonomy_term"] for a in kitchen["attributes"]])

    english = Locale.objects.get(language_code="en")
    assert_valid("organization", hsds.organizations(queries.organization_records(english)))
    assert_valid("taxonomy", hsds.taxonomies("en"))
    assert_valid("taxonomy_term", hsds.taxonomy_terms("en"))
    assert_valid(
        "service_at_location", hsds.service_at_locations(queries.listings_in(english), None, "en")
    )


def test_a_record_the_schema_rejects_is_caught():
    """The validation above can fail: a schedule with a text timezone and no id does."""
    assert len(errors("schedule", {"timezone": "America/Los_Angeles"})) == 2


# --- Ids ----------------------------------------------------------------------------------
def test_nested_ids_come_from_content_not_from_random_keys(places):
    kitchen = places["kitchen"]
    before = by_name(exported(), "Rainier Kitchen")
    # An editor deletes the phones and places and types them in again: new rows, new keys.
    kitchen = ListingPage.objects.get(pk=kitchen.pk).specific
    phones = [(p.number, p.phone_type, p.label) for p in kitchen.phones.all()]
    kitchen.phones = [ListingPhone(number=n, phone_type=t, label=label) for n, t, label in phones]
    kitchen.locations = [
        ListingLocation(
            **{
                field: getattr(place, field)
                for field in ["name", "address_1", "city", "postal_code", "latitude", "longitude"]
            },
            accessibility=place.accessibility,
            transit=place.transit,
        )
        for place in kitchen.locations.all()
    ]
    publish(kitchen)
    after = by_name(exported(), "Rainier Kitchen")
    for key in ["phones", "service_at_locations", "schedules", "attributes"]:
        assert [entry["id"] for entry in after[key]] == [entry["id"] for entry in before[key]]
    assert after["service_at_locations"] == before["service_at_locations"]


def test_a_need_made_again_with_the_same_slug_keeps_its_term_id(places):
    (before,) = [t for t in hsds.taxonomy_terms("en") if t["code"] == "food"]
    Need.objects.filter(slug="food").delete()
    NeedFactory(slug="food", name="Food")
    (after,) = [t for t in hsds.taxonomy_terms("en") if t["code"] == "food"]
    assert after["id"] == before["id"]


def test_demo_ids_are_the_same_on_every_install(full_demo):
    """load_demo gives every listing and organization the id of its English slug, and every
    translation shares it: two installs export the same 16 services."""
    slugs = [item["slug"] for item in directory_content.LISTINGS]
    expected = {str(demo_id("service", slug)) for slug in slugs}
    assert len(expected) == 16
    for language in ["en", "es", "am"]:
        services = exported(language)
        assert {service["id"] for service in services} == expected, language
        organizations = {service["organization_id"] for service in services}
        named = {
            str(demo_id("organization", item["organization"]))
            for item in directory_content.LISTINGS
            if item["organization"]
        }
        assert named <= organizations
        assert all(service.get("organization") for service in services)


# --- Links --------------------------------------------------------------------------------
def test_links_are_on_the_public_address_not_the_site_record(client, places):
    kitchen = places["kitchen"]
    service = by_name(exported(), "Rainier Kitchen")
    assert service["url"] == f"{settings.BASE_URL}/en/directory/{kitchen.slug}/"
    jsonld = listing_jsonld(kitchen)
    assert jsonld["url"] == service["url"]
    assert jsonld["@id"] == service["url"] + "#listing"
    (term,) = [a["taxonomy_term"] for a in service["attributes"] if a["link_type"] == "need"]
    assert term["term_uri"] == f"{settings.BASE_URL}/open-data/api/taxonomy_terms/{term['id']}"


@override_settings(BASE_URL="")
def test_without_a_base_url_links_use_the_host_the_request_reached(client, places):
    body = client.get("/open-data/directory.json", HTTP_HOST="aid.example.org").json()
    service = by_name(body["services"], "Rainier Kitchen")
    assert service["url"] == f"http://aid.example.org/en/directory/{places['kitchen'].slug}/"
    assert "localhost" not in json.dumps(body)


# --- Taxonomies ---------------------------------------------------------------------------
def test_taxonomies_and_terms_link_up(places):
    taxonomies = {taxonomy["id"]: taxonomy for taxonomy in hsds.taxonomies("en")}
    assert [t["name"] for t in taxonomies.values()] == [
        "Needs",
        "Kinds of listing",
        "Costs",
        "Documents",
        "Accessibility",
    ]
    assert all(
        t["uri"].endswith(f"/open-data/api/taxonomies/{t['id']}") for t in taxonomies.values()
    )
    terms = hsds.taxonomy_terms("en")
    assert {term["taxonomy_id"] for term in terms} == set(taxonomies)
    (needs_id,) = [key for key, t in taxonomies.items() if t["name"] == "Needs"]
    assert [term["code"] for term in hsds.taxonomy_terms("en", taxonomy_id=needs_id)] == ["food"]
    # A service's attributes point at these very terms.
    kitchen = by_name(exported(), "Rainier Kitchen")
    known = {term["id"]: term for term in terms}
    for attribute in kitchen["attributes"]:
        assert attribute["taxonomy_term"] == known[attribute["taxonomy_term_id"]]


def test_terms_are_named_in_the_language_asked_for(places, locales):
    food = Need.objects.get(slug="food")
    copy = food.copy_for_translation(locales["es"])
    copy.name = "Comida"
    copy.save()
    (english,) = [t for t in hsds.taxonomy_terms("en") if t["code"] == "food"]
    (spanish_term,) = [t for t in hsds.taxonomy_terms("es") if t["code"] == "food"]
    assert (english["name"], spanish_term["name"]) == ("Food", "Comida")
    assert english["id"] == spanish_term["id"]
    assert spanish_term["language"] == "es"


# --- Schedules ----------------------------------------------------------------------------
def test_seattle_offset_follows_daylight_saving_time():
    assert utc_offset(datetime(2026, 1, 15, 12, tzinfo=SEATTLE)) == (-8, "-08:00")
    assert utc_offset(datetime(2026, 7, 15, 12, tzinfo=SEATTLE)) == (-7, "-07:00")


def test_weekly_hours_carry_the_timezone_and_holidays_are_closures(places):
    kitchen = by_name(exported(), "Rainier Kitchen")
    weekly, closure = kitchen["schedules"]
    hours, suffix = utc_offset()
    assert (weekly["byday"], weekly["opens_at"], weekly["closes_at"]) == (
        "FR",
        f"17:00{suffix}",
        f"19:00{suffix}",
    )
    assert weekly["timezone"] == hours
    assert "interval" not in weekly  # every week (RFC 5545's default): no dtstart to invent
    assert "America/Los_Angeles" in weekly["description"]
    assert (closure["valid_from"], closure["valid_to"]) == ("2026-11-26", "2026-11-26")
    assert closure["description"] == "Closed: Thanksgiving"
    assert "opens_at" not in closure


# --- Phones, organizations, locations -----------------------------------------------------
def test_phones_are_e164_and_their_languages_name_the_phone(places):
    hotline = by_name(exported(), "Health line")
    numbers = [(phone["number"], phone["type"]) for phone in hotline["phones"]]
    assert numbers == [("+12065550101", "voice"), ("+12065550102", "textphone")]
    nurse = hotline["phones"][0]
    assert {language["phone_id"] for language in nurse["languages"]} == {nurse["id"]}
    assert [language["code"] for language in nurse["languages"]] == ["en", "es"]


def test_text_kept_from_before_validation_is_made_e164_or_left_as_written():
    assert hsds.e164("(206) 555-0100") == "+12065550100"
    assert hsds.e164("+44 20 7946 0958") == "+442079460958"
    assert hsds.e164("call the office") == "call the office"


def test_every_service_has_an_organization(places):
    services = exported()
    assert all(service["organization_id"] == service["organization"]["id"] for service in services)
    kitchen = by_name(services, "Rainier Kitchen")
    assert kitchen["organization"] == {
        "id": kitchen["organization_id"],
        "name": "Rainier Kitchen",
        "description": "Hot meals on Fridays.",
        "website": kitchen["url"],
    }
    fund = by_name(services, "Survival fund")
    assert fund["organization"]["name"] == "Survival fund"
    # The organizations list has each once: the named ones and the listings that are their own.
    english = Locale.objects.get(language_code="en")
    listed = hsds.organizations(queries.organization_records(english))
    assert sorted(org["id"] for org in listed) == sorted(
        {service["organization_id"] for service in services}
    )
    assert [org["name"] for org in listed] == sorted(org["name"] for org in listed)


def test_places_are_locations_at_which_the_service_is_given(places):
    kitchen = by_name(exported(), "Rainier Kitchen")
    hall, park = kitchen["service_at_locations"]
    assert hall["service_id"] == kitchen["id"]
    location = hall["location"]
    assert location["id"] == hall["location_id"]
    assert (location["name"], location["latitude"], location["longitude"]) == (
        "Community hall",
        47.5631,
        -122.2854,
    )
    assert location["transportation"] == "Bus 7 to Rainier & Alaska"
    assert location["organization_id"] == kitchen["organization_id"]
    (address,) = location["addresses"]
    assert (address["address_1"], address["city"], address["state_province"]) == (
        "4400 Rainier Ave S",
        "Seattle",
        "WA",
    )
    assert (address["postal_code"], address["country"]) == ("98118", "US")
    assert location["accessibility"][0]["description"] == "Step-free entrance on the side street."
    # A place known by name only has no address to give.
    assert park["location"]["name"] == "Pick-up point in the park"
    assert "addresses" not in park["location"]


def test_a_translation_shares_its_places_ids(places, locales):
    kitchen = places["kitchen"]
    translate(kitchen, "es", copy_parents=True, title="Cocina Rainier")
    english = by_name(exported("en"), "Rainier Kitchen")
    spanish = by_name(exported("es"), "Cocina Rainier")
    assert spanish["id"] == english["id"] == service_id(kitchen)
    ids = [[entry["id"] for entry in s["service_at_locations"]] for s in (english, spanish)]
    assert ids[0] == ids[1]
    assert spanish["organization_id"] == english["organization_id"]


# --- Id filters ------------------------------------------------------------------------------
def test_id_filters_select_what_the_built_services_say(client, places):
    """Every term, taxonomy and organization id selects through the API exactly the services
    whose HSDS record carries it (opendata/hsds_api/selection.py narrows in the database
    first: this holds it to the records)."""
    services = exported()

    def names(query):
        answer = client.get(f"/open-data/api/services?per_page=100&{query}").json()
        return sorted(service["name"] for service in answer["contents"])

    def carrying(test):
        return sorted(service["name"] for service in services if test(service))

    def term_ids(service):
        return {attribute["taxonomy_term_id"] for attribute in service.get("attributes", [])}

    for term in hsds.taxonomy_terms("en"):
        expected = carrying(lambda s, term=term: term["id"] in term_ids(s))
        assert names(f"taxonomy_term_id={term['id']}") == expected, term["code"]
    for taxonomy in hsds.taxonomies("en"):
        ids = {t["id"] for t in hsds.taxonomy_terms("en", taxonomy_id=taxonomy["id"])}
        expected = carrying(lambda s, ids=ids: term_ids(s) & ids)
        assert names(f"taxonomy_id={taxonomy['id']}") == expected, taxonomy["name"]
    for org_id in {service["organization_id"] for service in services}:
        expected = carrying(lambda s, org_id=org_id: s["organization_id"] == org_id)
        assert names(f"organization_id={org_id}") == expected
    assert names(f"taxonomy_term_id={demo_id('nothing', 'x')}") == []
