"""The HSDS 3.0 export: shape, schema validity, stable ids, CSV and the open-data page."""

import csv
import io
import uuid

from jsonschema import Draft7Validator, FormatChecker

from directory.models import ListingPage
from opendata.hsds_schedules import utc_offset
from opendata.ids import service_id
from tests.helpers import translate


def services(client, query=""):
    response = client.get("/open-data/directory.json" + query)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    return response.json()["services"]


def test_every_listing_is_a_valid_hsds_service(client, catalogue, service_schema):
    validator = Draft7Validator(service_schema, format_checker=FormatChecker())
    exported = services(client)
    assert len(exported) == len(catalogue)
    for service in exported:
        errors = [error.message for error in validator.iter_errors(service)]
        assert errors == [], service["name"]


def test_service_carries_organization_phones_languages_areas_schedules_terms(client, catalogue):
    (pantry,) = [s for s in services(client) if s["name"] == "Pantry"]
    assert pantry["description"].endswith("First. Second.")
    assert pantry["organization"]["name"] == "Pantry Collective"
    assert pantry["organization_id"] == pantry["organization"]["id"]
    assert (pantry["phones"][0]["number"], pantry["phones"][0]["type"]) == ("+12065550100", "voice")
    assert {lang["code"] for lang in pantry["languages"]} == {"en", "es"}
    assert [area["name"] for area in pantry["service_areas"]] == ["Seattle"]
    (schedule,) = pantry["schedules"]
    assert (schedule["freq"], schedule["byday"]) == ("WEEKLY", "FR")
    # Wall-clock times in Seattle, with the offset in effect today (-08:00 or -07:00).
    hours, suffix = utc_offset()
    assert (schedule["opens_at"], schedule["closes_at"]) == (f"22:00{suffix}", f"02:00{suffix}")
    assert schedule["timezone"] == hours
    assert "Call first." in schedule["notes"]
    terms = {a["link_type"]: a["taxonomy_term"]["name"] for a in pantry["attributes"]}
    assert terms == {"need": "Food", "kind": "Mutual-aid group"}


def test_ids_are_the_stored_ids_shared_by_translations(client, catalogue, locales):
    first = services(client)
    assert [s["id"] for s in services(client)] == [s["id"] for s in first]
    stored = {str(listing.hsds_id) for listing in ListingPage.objects.all()}
    assert {service["id"] for service in first} == stored
    for service in first:
        assert uuid.UUID(service["id"])

    pantry = catalogue["pantry"]
    spanish_pantry = translate(pantry, "es", copy_parents=True, title="Despensa")
    assert service_id(spanish_pantry) == service_id(pantry)
    spanish = services(client, "?locale=es")
    names = {s["id"]: s["name"] for s in spanish}
    assert names[service_id(pantry)] == "Despensa"
    assert len(spanish) == len(first)  # untranslated listings fall back to English


def test_drafts_are_not_exported(client, catalogue):
    catalogue["fund"].unpublish()
    assert "Survival fund" not in {s["name"] for s in services(client)}


def test_csv_has_one_row_per_service(client, catalogue):
    response = client.get("/open-data/directory.csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert len(rows) == len(catalogue)
    (pantry,) = [row for row in rows if row["name"] == "Pantry"]
    assert pantry["needs"] == "food"
    assert pantry["phone"] == "(206) 555-0100"


def test_unknown_locale_is_a_clear_400(client, catalogue):
    response = client.get("/open-data/directory.json?locale=xx")
    assert response.status_code == 400
    assert "Unknown locale" in response.json()["error"]


def test_open_data_page_explains_licence_and_links(client, catalogue, locales):
    response = client.get("/open-data/", follow=True)
    html = response.content.decode()
    assert response.redirect_chain[-1][0].endswith("/en/open-data/")
    assert "CC BY 4.0" in html
    assert "creativecommons.org/licenses/by/4.0/" in html
    assert "/open-data/directory.json?locale=es" in html
    assert "/open-data/directory.csv" in html
    assert "/open-data/api/listings/" in html
    assert "/open-data/hsds.zip?locale=vi" in html  # the tabular package
    assert '<a href="/open-data/api/">/open-data/api/</a>' in html  # the HSDS API
    assert '<a href="/open-data/api/openapi.json">OpenAPI description</a>' in html
    assert client.get("/es/open-data/").status_code == 200


def test_demo_directory_is_exported_whole_and_valid(client, demo, service_schema):
    validator = Draft7Validator(service_schema, format_checker=FormatChecker())
    exported = services(client)
    live = ListingPage.objects.live().filter(locale__language_code="en").count()
    assert len(exported) == live >= 15
    for service in exported:
        assert list(validator.iter_errors(service)) == [], service["name"]
    rows = list(
        csv.DictReader(io.StringIO(client.get("/open-data/directory.csv").content.decode()))
    )
    assert len(rows) == len(exported)


def test_phones_carry_type_label_and_languages_in_the_export_language(client, catalogue):
    (hotline,) = [s for s in services(client) if s["name"] == "Health line"]
    nurse, tty = hotline["phones"]
    assert (nurse["number"], nurse["type"], nurse["description"]) == (
        "+12065550101",
        "voice",
        "Nurse line",
    )
    assert [(lang["code"], lang["phone_id"]) for lang in nurse["languages"]] == [
        ("en", nurse["id"]),
        ("es", nurse["id"]),
    ]
    assert (tty["number"], tty["type"], "languages" in tty) == ("+12065550102", "textphone", False)
    rows = list(
        csv.DictReader(io.StringIO(client.get("/open-data/directory.csv").content.decode()))
    )
    (row,) = [row for row in rows if row["name"] == "Health line"]
    assert row["phone"] == "(206) 555-0101; (206) 555-0102"
