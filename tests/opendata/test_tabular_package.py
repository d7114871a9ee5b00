"""The HSDS tabular package: one CSV per HSDS table and a datapackage.json that frictionless
validates, as Open Referral's tools and any Data Package reader read it."""

import csv
import io
import json
import zipfile

import frictionless

from directory.factories import GroupPageFactory
from opendata.package import table_schemas


def unzipped(client, tmp_path, **params):
    response = client.get("/open-data/hsds.zip", params)
    assert response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    archive.extractall(tmp_path)
    return archive


def rows(path):
    with open(path, newline="", encoding="utf-8") as file:
        return list(csv.DictReader(file))


def test_the_package_validates_with_frictionless(client, catalogue, tmp_path):
    archive = unzipped(client, tmp_path)
    names = set(archive.namelist())
    assert {"datapackage.json", "services.csv", "organizations.csv", "phones.csv"} <= names
    assert {"schedules.csv", "service_at_location.csv", "taxonomy_terms.csv"} <= names

    report = frictionless.validate(tmp_path / "datapackage.json")
    errors = [f"{task.name}: {error.message}" for task in report.tasks for error in task.errors]
    assert report.valid, errors[:20]


def test_each_service_is_a_row_and_what_it_nests_points_to_it(client, catalogue, tmp_path):
    unzipped(client, tmp_path)
    services = {row["name"]: row for row in rows(tmp_path / "services.csv")}
    assert set(services) == {"Pantry", "Health line", "Request form", "Survival fund"}
    pantry = services["Pantry"]
    organizations = {row["id"]: row for row in rows(tmp_path / "organizations.csv")}
    assert organizations[pantry["organization_id"]]["name"] == "Pantry Collective"

    phones = [row for row in rows(tmp_path / "phones.csv") if row["service_id"] == pantry["id"]]
    assert [phone["number"] for phone in phones] == ["+12065550100"]  # E.164, as written
    schedules = [
        row for row in rows(tmp_path / "schedules.csv") if row["service_id"] == pantry["id"]
    ]
    assert schedules, "the pantry's Friday night hours"
    attributes = [
        row for row in rows(tmp_path / "attributes.csv") if row["link_id"] == pantry["id"]
    ]
    terms = {row["id"]: row for row in rows(tmp_path / "taxonomy_terms.csv")}
    assert {terms[a["taxonomy_term_id"]]["name"] for a in attributes} >= {"Food"}
    assert all(a["link_entity"] == "service" for a in attributes)


def test_every_hsds_table_is_described_with_its_keys(client, catalogue):
    response = client.get("/open-data/hsds/en/datapackage.json")
    package = response.json()
    resources = {resource["name"]: resource for resource in package["resources"]}
    assert set(resources) == set(table_schemas())
    phone = resources["phone"]
    assert phone["path"] == "phones.csv"
    assert phone["schema"]["primaryKey"] == "id"
    assert {"fields": "service_id", "reference": {"resource": "service", "fields": "id"}} in (
        phone["schema"]["foreignKeys"]
    )
    fields = {f["name"]: f for f in resources["service"]["schema"]["fields"]}
    assert fields["last_modified"]["type"] == "datetime"
    assert fields["id"]["format"] == "uuid"
    assert fields["organization_id"]["constraints"]["required"] is True  # tabular_required
    assert package["licenses"][0]["name"] == "CC-BY-4.0"


def test_each_table_is_served_beside_the_descriptor_in_its_language(
    client, catalogue, locales, food
):
    comida = food.copy_for_translation(locales["es"])
    comida.name = "Comida"
    comida.save()
    english = client.get("/open-data/hsds/en/taxonomy_terms.csv")
    spanish = client.get("/open-data/hsds/es/taxonomy_terms.csv")
    assert english["Content-Language"] == "en" and spanish["Content-Language"] == "es"
    assert "Food" in names(english) and "Comida" not in names(english)
    assert "Comida" in names(spanish)
    header = english.content.decode().splitlines()[0]
    assert header.startswith('"id","code","name","description"')


def names(response):
    return {row["name"] for row in csv.DictReader(io.StringIO(response.content.decode()))}


def test_an_unknown_table_or_locale_is_a_clear_error(client, catalogue):
    missing = client.get("/open-data/hsds/en/people.csv")
    assert missing.status_code == 404
    assert "phones.csv" in missing.json()["error"]
    unknown = client.get("/open-data/hsds/xx/services.csv")
    assert unknown.status_code == 400
    assert "Unknown locale 'xx'" in unknown.json()["error"]
    assert "Unknown locale" in client.get("/open-data/hsds.zip", {"locale": "xx"}).json()["error"]


def test_formulas_are_neutralized_in_every_table_and_numbers_kept(client, directory, tmp_path):
    GroupPageFactory(parent=directory, title='=HYPERLINK("http://x","y")', phone="206 555 0100")
    unzipped(client, tmp_path)
    (service,) = rows(tmp_path / "services.csv")
    assert service["name"] == '\'=HYPERLINK("http://x","y")'
    for resource in json.loads((tmp_path / "datapackage.json").read_text())["resources"]:
        for row in rows(tmp_path / resource["path"]):
            for value in row.values():
                assert not value.startswith(("=", "@")), (resource["path"], value)
    (phone,) = rows(tmp_path / "phones.csv")
    assert phone["number"] == "+12065550100"
