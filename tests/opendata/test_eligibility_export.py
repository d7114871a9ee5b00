"""What using a service takes, in the HSDS export and the CSV: eligibility, fees and cost
options, required documents ("none needed" said so), accessibility; valid HSDS 3.0, in the
export's language."""

import csv
import io

import pytest
from jsonschema import Draft7Validator, FormatChecker

from directory.factories import GroupPageFactory
from tests.helpers import translate


@pytest.fixture
def listings(directory):
    return {
        "pantry": GroupPageFactory(
            parent=directory,
            title="Beacon pantry",
            audience="Anyone in Beacon Hill who needs groceries",
            cost="free",
            documents="none",
            documents_details="Bring a bag if you have one",
            accessibility="Step-free entrance",
        ),
        "clinic": GroupPageFactory(
            parent=directory,
            title="Beacon clinic",
            cost="sliding_scale",
            cost_details="Pay what you can, from $5",
            documents="required",
            documents_details="Proof of address in King County",
        ),
        "library": GroupPageFactory(parent=directory, title="Beacon tool library"),
    }


def exported(client, query=""):
    services = client.get("/open-data/directory.json" + query).json()["services"]
    return {service["name"]: service for service in services}


def attribute(service, link_type):
    (found,) = [a for a in service["attributes"] if a["link_type"] == link_type]
    return found


def test_services_carry_what_using_them_takes_and_stay_valid(client, listings, service_schema):
    services = exported(client)
    validator = Draft7Validator(service_schema, format_checker=FormatChecker())
    for service in services.values():
        assert [error.message for error in validator.iter_errors(service)] == [], service["name"]

    pantry = services["Beacon pantry"]
    assert pantry["eligibility_description"] == "Anyone in Beacon Hill who needs groceries"
    assert pantry["fees_description"] == "Free of charge"
    (option,) = pantry["cost_options"]
    assert (option["option"], option["amount"], option["currency"]) == (
        "Free of charge",
        0,
        "USD",
    )
    (document,) = pantry["required_documents"]
    assert document["document"] == "No ID or documents needed. Bring a bag if you have one"
    assert attribute(pantry, "documents")["value"] == "none"
    assert attribute(pantry, "cost")["value"] == "free"
    assert attribute(pantry, "accessibility")["value"] == "Step-free entrance"

    clinic = services["Beacon clinic"]
    assert clinic["fees_description"] == "Sliding scale: Pay what you can, from $5"
    (option,) = clinic["cost_options"]
    assert option == {
        "id": option["id"],
        "service_id": clinic["id"],
        "option": "Sliding scale",
        "amount_description": "Pay what you can, from $5",
    }  # no amount or currency made up
    (document,) = clinic["required_documents"]
    assert document["document"] == "Proof of address in King County"
    assert attribute(clinic, "documents")["value"] == "required"


def test_nothing_known_is_left_out(client, listings):
    library = exported(client)["Beacon tool library"]

    for field in ("eligibility_description", "fees_description", "cost_options"):
        assert field not in library
    assert "required_documents" not in library
    assert {a["link_type"] for a in library["attributes"]} == {"kind"}


def test_exported_in_the_export_language(client, locales, directory, listings):
    translate(directory, "es", copy_parents=True)
    translate(
        listings["clinic"],
        "es",
        cost_details="Pague lo que pueda, desde $5",
        documents_details="Comprobante de domicilio en el condado de King",
    )
    translate(listings["pantry"], "es")

    services = exported(client, "?locale=es")

    clinic = services["Beacon clinic"]
    assert clinic["fees_description"].endswith(": Pague lo que pueda, desde $5")
    assert clinic["required_documents"][0]["document"] == (
        "Comprobante de domicilio en el condado de King"
    )
    pantry = services["Beacon pantry"]
    assert pantry["fees_description"] == "Gratis"  # the catalogue's label
    assert attribute(pantry, "cost")["taxonomy_term"]["language"] == "es"


def test_csv_columns(client, listings):
    response = client.get("/open-data/directory.csv")
    rows = {row["name"]: row for row in csv.DictReader(io.StringIO(response.content.decode()))}

    pantry = rows["Beacon pantry"]
    assert (pantry["cost"], pantry["documents"]) == ("free", "none")
    assert pantry["eligibility_description"] == "Anyone in Beacon Hill who needs groceries"
    assert pantry["required_documents"] == (
        "No ID or documents needed. Bring a bag if you have one"
    )
    assert pantry["accessibility"] == "Step-free entrance"
    assert rows["Beacon clinic"]["fees_description"] == "Sliding scale: Pay what you can, from $5"
    assert rows["Beacon tool library"]["cost"] == ""
