"""HSDS 3.0's tabular form: one CSV per HSDS table and a frictionless `datapackage.json`.

Open Referral publishes HSDS as JSON (the API, directory.json) and as a Tabular Data Package:
each object type is a table (`services.csv`, `phones.csv`...), nested objects become rows of
their own table pointing to their parent by `<parent>_id`, and `datapackage.json` describes
every table with the field types, primary and foreign keys of the vendored schema
(hsds_spec/schema/*.json). Everything here is read from that schema: a new HSDS field or table
appears in the package without code.

The rows are D's HSDS dicts (opendata/hsds.py) flattened: the organizations, taxonomies and
terms first (full records), then every service with what it nests. A record met twice (an
organization under each of its services, a term under each attribute) is written once, the
first time, which is the full record. Each table goes to its own temporary file as the
services stream past, so memory holds one chunk of services and the ids seen, not the export.

Every cell is protected from CSV injection as the flat CSV is (tabular.cell).
"""

import csv
import functools
import json
import zipfile
from pathlib import Path
from tempfile import SpooledTemporaryFile

from django.conf import settings
from django.utils.translation import gettext as _

from .hsds import organizations, taxonomies, taxonomy_terms
from .queries import listings_in, organization_records
from .streams import service_chunks
from .tabular import cell

SCHEMA_DIR = Path(__file__).parent / "hsds_spec" / "schema"
# service_with_definitions.json is services.csv again, with its nested objects inlined.
NOT_TABLES = {"openapi.json", "service_with_definitions.json"}
LICENCE = {
    "name": "CC-BY-4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
    "title": "Creative Commons Attribution 4.0",
}
SPOOL_BYTES = 1_000_000  # a table bigger than this goes to disk while it is written

# Id fields naming another table's row that their name does not give as `<table>_id`.
OTHER_REFERENCES = {"parent_id": "taxonomy_term", "parent_organization_id": "organization"}
# Polymorphic links: a child row names its parent and the parent's table in these fields.
POLYMORPHIC_LINKS = {
    "attribute": ("link_id", "link_entity"),
    "metadata": ("resource_id", "resource_type"),
}


@functools.cache
def table_schemas():
    """{table name: HSDS schema}, in the order HSDS gives its tables."""
    schemas = [
        json.loads(path.read_text())
        for path in SCHEMA_DIR.glob("*.json")
        if path.name not in NOT_TABLES
    ]
    schemas.sort(key=lambda schema: schema["datapackage_metadata"]["order"])
    return {schema["name"]: schema for schema in schemas}


def is_nested(prop):
    return prop.get("type") in ("array", "object") or "$ref" in prop


def columns(schema):
    """The table's fields: the schema's properties that are not nested objects."""
    return [name for name, prop in schema["properties"].items() if not is_nested(prop)]


def nested_tables(schema):
    """[(property, table, is_list)] for the objects a record of `schema` nests."""
    nested = []
    for name, prop in schema["properties"].items():
        ref = prop.get("items", {}).get("$ref") if prop.get("type") == "array" else prop.get("$ref")
        if ref and ref.endswith(".json"):
            nested.append((name, ref.removesuffix(".json"), prop.get("type") == "array"))
    return nested


# --- The rows -----------------------------------------------------------------------------
class Tables:
    """Rows written to one CSV per table, each record once (see module)."""

    def __init__(self, only=None):
        self.schemas = table_schemas()
        names = [only] if only else list(self.schemas)
        self.files, self.writers, self.seen = {}, {}, {}
        for name in names:
            file = SpooledTemporaryFile(SPOOL_BYTES, mode="w+", newline="", encoding="utf-8")
            writer = csv.writer(file, quoting=csv.QUOTE_ALL)
            writer.writerow(columns(self.schemas[name]))
            self.files[name], self.writers[name], self.seen[name] = file, writer, set()

    def add(self, table, record, parent=None):
        """Write `record` (an HSDS dict of `table`) and what it nests; `parent` is the
        (table, id) of the record nesting it, whose id it points to if it does not already."""
        schema = self.schemas[table]
        row = {name: record.get(name) for name in columns(schema)}
        if not row.get("description") and "description" in schema.get("required", []):
            # HSDS requires a description of every organization, taxonomy and term. JSON may
            # say "" and validate; in a CSV an empty cell is a missing value, which frictionless
            # rightly refuses. A term like "Free", or a group with no summary, has no more to
            # say than its name: the name stands in, rather than an invented sentence.
            row["description"] = row.get("name")
        if parent:
            link(table, row, *parent)
        for name, child, is_list in nested_tables(schema):
            value = record.get(name)
            if not value:
                continue
            if is_list:
                for item in value:
                    self.add(child, item, parent=(table, row["id"]))
            else:
                self.add(child, value)
                if f"{child}_id" in row and not row[f"{child}_id"]:
                    row[f"{child}_id"] = value["id"]
        self.write(table, row)

    def write(self, table, row):
        if table not in self.writers or row["id"] in self.seen[table]:
            return
        self.seen[table].add(row["id"])
        self.writers[table].writerow([cell(value) for value in row.values()])

    def csv_file(self, table):
        """The table's CSV, read from its start."""
        file = self.files[table]
        file.seek(0)
        return file

    def close(self):
        for file in self.files.values():
            file.close()


def link(table, row, parent_table, parent_id):
    """Point `row` to the record nesting it, unless it already points somewhere."""
    if table in POLYMORPHIC_LINKS:
        id_field, type_field = POLYMORPHIC_LINKS[table]
        if not row.get(id_field):
            row[id_field], row[type_field] = parent_id, parent_table
    elif f"{parent_table}_id" in row and not row[f"{parent_table}_id"]:
        row[f"{parent_table}_id"] = parent_id


def tables(locale, request=None, only=None):
    """Every table of the export in `locale`, as `Tables` (close it when done)."""
    language = locale.language_code
    written = Tables(only)
    for record in organizations(organization_records(locale), request, language):
        written.add("organization", record)
    for record in taxonomies(language, request=request):
        written.add("taxonomy", record)
    for record in taxonomy_terms(language, request=request):
        written.add("taxonomy_term", record)
    for chunk in service_chunks(listings_in(locale), request, language):
        for record in chunk:
            written.add("service", record)
    return written


# --- The descriptor -----------------------------------------------------------------------
TYPES = {"date-time": "datetime", "date": "date", "time": "time"}
STRING_FORMATS = {"uuid", "uri", "email"}


def field(name, prop, required):
    """A Table Schema field from an HSDS property."""
    data = {"name": name, "title": prop.get("title", name)}
    if prop.get("type") == "number":
        data["type"] = "number"
    elif prop.get("format") in TYPES:
        data["type"] = TYPES[prop["format"]]
    else:
        data["type"] = "string"
        if prop.get("format") in STRING_FORMATS:
            data["format"] = prop["format"]
    if prop.get("description"):
        data["description"] = prop["description"]
    constraints = {}
    if name in required:
        constraints["required"] = True
    if prop.get("constraints", {}).get("unique"):
        constraints["unique"] = True
    if "enum" in prop:
        constraints["enum"] = prop["enum"]
    if constraints:
        data["constraints"] = constraints
    return data


def referenced_table(name, table):
    """The table an id field of `table` points to, or None."""
    target = OTHER_REFERENCES.get(name) or name.removesuffix("_id")
    if not name.endswith("_id") or target not in table_schemas():
        return None
    return "" if target == table else target  # "": the same resource, in Table Schema


def table_schema(table, schema):
    required = set(schema.get("required", [])) | set(schema.get("tabular_required") or [])
    names = columns(schema)
    foreign_keys = []
    for name in names:
        target = referenced_table(name, table)
        if name != "id" and target is not None:
            foreign_keys.append({"fields": name, "reference": {"resource": target, "fields": "id"}})
    return {
        "fields": [field(name, schema["properties"][name], required) for name in names],
        "primaryKey": "id",
        "foreignKeys": foreign_keys,
    }


def descriptor(language, homepage=""):
    """The datapackage.json of the package in `language`: the tables as HSDS defines them."""
    language_name = dict(settings.LANGUAGES).get(language, language)
    resources = [
        {
            "name": table,
            "path": schema["path"],
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "description": schema.get("description", ""),
            "schema": table_schema(table, schema),
        }
        for table, schema in table_schemas().items()
    ]
    package = {
        "profile": "tabular-data-package",
        "name": f"king-county-mutual-aid-hsds-{language}",
        "title": _("King County mutual aid directory (HSDS 3.0, %(language)s)")
        % {"language": language_name},
        "description": _(
            "Every listing of the directory as Open Referral's Human Services Data "
            "Specification 3.0: one CSV per table."
        ),
        "licenses": [LICENCE],
        "keywords": ["HSDS", "Open Referral", "mutual aid", "King County"],
        "resources": resources,
    }
    if homepage:
        package["homepage"] = homepage
    return package


def dumps(package):
    return json.dumps(package, ensure_ascii=False, indent=2)


def write_zip(target, locale, request=None, homepage=""):
    """The whole package (datapackage.json beside its CSVs) as a zip into the file `target`."""
    written = tables(locale, request)
    try:
        with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            package = descriptor(locale.language_code, homepage)
            archive.writestr("datapackage.json", dumps(package))
            for resource in package["resources"]:
                archive.writestr(resource["path"], written.csv_file(resource["name"]).read())
    finally:
        written.close()


def table_named(path):
    """The table whose CSV is `path` (e.g. "phones.csv"), or None."""
    for table, schema in table_schemas().items():
        if schema["path"] == path:
            return table
    return None
