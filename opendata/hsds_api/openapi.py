"""This portal's OpenAPI document: Open Referral's HSDS 3.0 OpenAPI, made this API's.

From the vendored `openapi.json`, unchanged in its paths and their HSDS parameters, with:

- `servers`: this portal's API base (settings.BASE_URL, else the request's host);
- the HSDS schemas it points to at raw.githubusercontent.com, bundled from the vendored
  schema files (`#/components/schemas/...`), so a client or a test needs no network; the
  "list" schemas (a record's one-to-one fields) are the object's schema without its arrays;
- `locale` on every operation, and the values this portal accepts stated in each parameter's
  schema (page and per_page ranges, format json|ndjson, a date-time for modified_after...);
- the answers it gives besides 200: 400 (a bad or unknown parameter) and 404 (an unknown
  id), as JSON errors, and NDJSON for `format=ndjson`;
- the response of /service_at_locations/{id}, which the spec gives as a service (an evident
  slip: the path answers a service_at_location), as a service_at_location.
"""

import copy
import functools
import json
from pathlib import Path

from django.conf import settings

from ..links import API_PATH, absolute_url
from .params import FORMATS, MAX_PAGE, MAX_PER_PAGE

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "hsds_spec" / "schema"
REMOTE = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/"
NOT_BUNDLED = {"openapi.json", "service_with_definitions.json"}
LISTED = ("service", "organization", "service_at_location")
REF = "#/components/schemas/"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"

PARAMETER_SCHEMAS = {
    "page": {"type": "integer", "minimum": 0, "maximum": MAX_PAGE, "default": 1},
    "per_page": {"type": "integer", "minimum": 0, "maximum": MAX_PER_PAGE, "default": 50},
    "format": {"type": "string", "enum": list(FORMATS), "default": "json"},
    "modified_after": {"type": "string", "format": "date-time"},
    "postcode": {"type": "string", "pattern": "^[0-9]{5}(-[0-9]{4})?$"},
    "proximity": {"type": "string", "pattern": "^[0-9]+(\\.[0-9]+)?$"},
}
ERROR = {
    "type": "object",
    "required": ["error"],
    "properties": {"error": {"type": "string", "description": "What was wrong, for a person."}},
}


def local_ref(value):
    """`metadata.json` or a raw.githubusercontent.com URL -> `#/components/schemas/metadata`."""
    name = value.removeprefix(REMOTE).removeprefix("compiled/").removesuffix(".json")
    return REF + name


def rewrite_refs(node):
    if isinstance(node, dict):
        return {
            key: local_ref(value)
            if key == "$ref" and not value.startswith("#")
            else rewrite_refs(value)
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [rewrite_refs(item) for item in node]
    return node


def list_form(schema):
    listed = copy.deepcopy(schema)
    listed["properties"] = {
        name: field for name, field in schema["properties"].items() if field.get("type") != "array"
    }
    return listed


def bundled_schemas():
    schemas = {
        path.stem: rewrite_refs(json.loads(path.read_text()))
        for path in sorted(SCHEMA_DIR.glob("*.json"))
        if path.name not in NOT_BUNDLED
    }
    for name in LISTED:
        schemas[f"{name}_list"] = list_form(schemas[name])
    schemas["Error"] = ERROR
    return schemas


def error_response(description):
    content = {"application/json": {"schema": {"$ref": REF + "Error"}}}
    return {"description": description, "content": content}


@functools.cache
def template():
    """The document without its server: the same for every request."""
    document = rewrite_refs(json.loads((SCHEMA_DIR / "openapi.json").read_text()))
    components = document["components"]
    components["schemas"].update(bundled_schemas())
    for name, schema in PARAMETER_SCHEMAS.items():
        components["parameters"][name]["schema"] = schema
    components["parameters"]["locale"] = {
        "name": "locale",
        "in": "query",
        "required": False,
        "description": "The language of names and descriptions; Content-Language says it.",
        "schema": {
            "type": "string",
            "enum": [code for code, _name in settings.LANGUAGES],
            "default": settings.LANGUAGE_CODE,
        },
    }
    document["info"] = {
        "title": "Mutual Aid King County: HSDS 3.0 API",
        "version": "3.0",
        "summary": "King County's mutual-aid directory as Open Referral HSDS 3.0.",
        "description": "Read-only. Every list is paged (page, per_page) or streamed "
        "(format=ndjson); the language is ?locale=. Unknown parameters are refused (400), so a "
        "filter is never silently ignored.",
        "license": {"name": "CC BY 4.0", "url": LICENCE_URL},
    }
    for path, item in document["paths"].items():
        operation = item["get"]
        parameters = operation.setdefault("parameters", [])
        parameters.append({"$ref": "#/components/parameters/locale"})
        responses = operation["responses"]
        responses["400"] = error_response("A bad or unknown query parameter, named.")
        if "{id}" in path:
            responses["404"] = error_response("No record has this id.")
        ok = responses["200"]["content"]
        if path == "/service_at_locations/{id}":
            ok["application/json"]["schema"] = {"$ref": REF + "service_at_location"}
        if any(p.get("$ref", "").endswith("/format") for p in parameters):
            ok["application/x-ndjson"] = {
                "schema": {"type": "string", "description": "One JSON record a line."}
            }
    return document


def document(request=None):
    built = copy.deepcopy(template())
    built["servers"] = [
        {"url": absolute_url(API_PATH.rstrip("/"), request), "description": "This portal"}
    ]
    return built
