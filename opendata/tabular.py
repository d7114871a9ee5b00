"""The export as one flat CSV row per service, for spreadsheets (the HSDS tables are package.py).

Spreadsheets run a cell that starts with `=`, `+`, `-` or `@` as a formula, and anyone can
suggest a listing, so a title like `=HYPERLINK("http://x","y")` would become a live link (or
worse) on an editor's or a researcher's machine. Following OWASP's CSV-injection advice, such
cells (and those starting with a tab or carriage return) are prefixed with a single quote,
and every cell is quoted. The JSON export (`directory.json`) carries the values unchanged.
"""

import csv
import re

from directory.models.contacts import readable

COLUMNS = [
    "id",
    "name",
    "kind",
    "organization",
    "description",
    "url",
    "email",
    "phone",
    "needs",
    "service_areas",
    "languages",
    "schedules",
    "assured_date",
    "last_modified",
    # What using it takes (after the older columns, so scripts reading by position still work).
    "eligibility_description",
    "cost",
    "fees_description",
    "documents",
    "required_documents",
    "accessibility",
]

# A cell starting with one of these is read as a formula by Excel, LibreOffice or Sheets.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


# A plain number ("-122.33", "+12065550100") is no formula: a spreadsheet reads it as the
# number it is. The HSDS package keeps those as written, so its coordinates, amounts, time zone
# offsets and E.164 phones stay typed data for the tools that read it.
PLAIN_NUMBER = re.compile(r"[+-]?[0-9]+(\.[0-9]+)?")


def neutralized(value):
    """`value` as a cell no spreadsheet will evaluate."""
    text = str(value)
    return "'" + text if text.startswith(FORMULA_TRIGGERS) else text


def cell(value):
    """A cell of the HSDS package: empty for no value, a plain number as written, any other
    text `neutralized`. `original` undoes it, for a reader of the package."""
    if value is None:
        return ""
    text = str(value)
    return text if PLAIN_NUMBER.fullmatch(text) else neutralized(text)


def original(text):
    """The value a `cell` was written from (an importer reading the package calls this)."""
    protected = text.startswith("'") and text[1:].startswith(FORMULA_TRIGGERS)
    return text[1:] if protected else text


def row(service):
    """Flatten an HSDS service dict; lists become "; "-separated values."""
    attributes = service.get("attributes", [])
    return {
        "id": service["id"],
        "name": service["name"],
        "kind": "; ".join(a["value"] for a in attributes if a["link_type"] == "kind"),
        "organization": service.get("organization", {}).get("name", ""),
        "description": service.get("description", ""),
        "url": service.get("url", ""),
        "email": service.get("email", ""),
        # As people write them ("(206) 555-0100"): E.164's "+" would read as a formula.
        "phone": "; ".join(readable(p["number"]) for p in service.get("phones", [])),
        "needs": "; ".join(a["value"] for a in attributes if a["link_type"] == "need"),
        "service_areas": "; ".join(a["name"] for a in service.get("service_areas", [])),
        "languages": "; ".join(lang["code"] for lang in service.get("languages", [])),
        "schedules": "; ".join(
            s.get("description") or s.get("notes", "") for s in service.get("schedules", [])
        ),
        "assured_date": service.get("assured_date", ""),
        "last_modified": service.get("last_modified", ""),
        "eligibility_description": service.get("eligibility_description", ""),
        "cost": attribute_values(attributes, "cost"),
        "fees_description": service.get("fees_description", ""),
        "documents": attribute_values(attributes, "documents"),
        "required_documents": "; ".join(
            d["document"] for d in service.get("required_documents", [])
        ),
        "accessibility": attribute_values(attributes, "accessibility"),
    }


def attribute_values(attributes, link_type):
    return "; ".join(a["value"] for a in attributes if a["link_type"] == link_type)


def csv_writer(stream):
    return csv.DictWriter(stream, fieldnames=COLUMNS, quoting=csv.QUOTE_ALL)


def write_rows(writer, services):
    for service in services:
        writer.writerow({column: neutralized(value) for column, value in row(service).items()})
