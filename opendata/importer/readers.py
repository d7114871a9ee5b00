"""Reading an HSDS 3.0 dataset into a list of service dicts, whatever form it comes in.

- JSON: one service, a list of services, `{"services": [...]}`, an organization with its
  `services` (or a list of them), or a page of the HSDS API (the paging envelope, services in
  `contents`). Given an API URL, every following page is read too.
- Tabular: a `datapackage.json` with one CSV per HSDS table beside it, or a zip holding both;
  the tables' rows are put back together into nested services (phones, schedules... by
  `service_id`; taxonomy terms of attributes by `taxonomy_term_id`).

URLs: http(s) only, with a timeout and a size limit, since the importer may be pointed at any
address an editor pastes into the admin.
"""

import csv
import io
import json
import zipfile
from collections import defaultdict
from pathlib import Path, PurePosixPath
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit
from urllib.request import Request, urlopen

from django.utils.translation import gettext as _

from opendata.tabular import original

MAX_BYTES = 100 * 1024 * 1024  # one file or API page
TIMEOUT = 30  # seconds per request
MAX_PAGES = 1000  # an API that never says it is done
USER_AGENT = "mutual-aid-king-county-importer (HSDS 3.0)"

# Tables whose rows belong to a service through their `service_id` column, and where they go.
SERVICE_TABLES = {
    "phone": "phones",
    "schedule": "schedules",
    "service_area": "service_areas",
    "language": "languages",
    "cost_option": "cost_options",
    "required_document": "required_documents",
    "service_at_location": "service_at_locations",
}
# Under a location, through `location_id`.
LOCATION_TABLES = {"address": "addresses", "accessibility": "accessibility"}


class ReadError(Exception):
    """The dataset cannot be read at all (not JSON, not a package, unreachable)."""


def read(source):
    """(services, label): every service in `source`, a path or an http(s) URL; the label is
    what the listings' provenance records (the URL, or the file's name)."""
    source = str(source)
    scheme = urlsplit(source).scheme.lower()
    if scheme in ("http", "https"):
        return read_url(source), source
    if scheme and len(scheme) > 1:  # "c:" is a Windows drive, not a scheme
        raise ReadError(_("Only http and https addresses can be read, not %s.") % scheme)
    path = Path(source)
    if not path.exists():
        raise ReadError(_("No such file: %s") % source)
    return read_path(path), path.name


def read_path(path, name=None):
    """The services in the file (or package folder) `path`; messages call it `name`."""
    if path.is_dir():
        path = path / "datapackage.json"
    if zipfile.is_zipfile(path):
        return read_zip(path)
    data = read_json(path.read_bytes(), name or path.name)
    if isinstance(data, dict) and "resources" in data:
        return read_package(data, lambda name: (path.parent / name).read_bytes())
    return services_in(data)


def read_json(raw, name):
    if len(raw) > MAX_BYTES:
        raise ReadError(_("%(name)s is larger than %(size)d MB.") % {"name": name, "size": 100})
    try:
        return json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ReadError(
            _("%(name)s is not JSON: %(error)s") % {"name": name, "error": error}
        ) from error


def services_in(data):
    """The services of one JSON document (see the module's docstring for the shapes)."""
    if isinstance(data, list):
        return [service for item in data for service in services_in_item(item)]
    if isinstance(data, dict):
        if "contents" in data:  # an API page
            return services_in(data["contents"])
        if "services" in data and "name" not in data:  # a dump
            return services_in(data["services"])
        return services_in_item(data)
    raise ReadError(_("Expected services: a JSON object or list, not %s.") % type(data).__name__)


def services_in_item(item):
    """A service as it is; an organization gives its services, each knowing its organization."""
    if isinstance(item, dict) and isinstance(item.get("services"), list):
        org = {key: value for key, value in item.items() if key != "services"}
        return [
            {**service, "organization": service.get("organization") or org}
            if isinstance(service, dict)
            else service
            for service in item["services"]
        ]
    return [item]  # a non-dict item is kept, so validation names it by its index


# --- URLs ---------------------------------------------------------------------------------
def fetch(url):
    request = Request(url, headers={"Accept": "application/json", "User-Agent": USER_AGENT})
    try:
        with urlopen(request, timeout=TIMEOUT) as response:
            raw = response.read(MAX_BYTES + 1)
    except OSError as error:
        message = _("Could not read %(url)s: %(error)s") % {"url": url, "error": error}
        raise ReadError(message) from error
    if len(raw) > MAX_BYTES:
        raise ReadError(_("%(name)s is larger than %(size)d MB.") % {"name": url, "size": 100})
    return raw


def read_url(url):
    """A JSON file, or an API's pages from the one given to the last (`total_pages`)."""
    raw = fetch(url)
    if urlsplit(url).path.endswith(".zip"):
        return read_zip(io.BytesIO(raw))
    data = read_json(raw, url)
    if isinstance(data, dict) and "resources" in data:
        return read_package(data, lambda name: fetch(relative_url(url, name)))
    services = services_in(data)
    page = data.get("page_number") if isinstance(data, dict) else None
    total = data.get("total_pages") if isinstance(data, dict) else None
    if not (isinstance(page, int) and isinstance(total, int)):
        return services
    for number in range(page + 1, min(total, page + MAX_PAGES) + 1):
        data = read_json(fetch(with_page(url, number)), url)
        services.extend(services_in(data))
    return services


def with_page(url, number):
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != "page"]
    return urlunsplit(parts._replace(query=urlencode([*query, ("page", number)])))


def relative_url(url, name):
    parts = urlsplit(url)
    folder = str(PurePosixPath(parts.path).parent)
    return urlunsplit(parts._replace(path=f"{folder.rstrip('/')}/{name}", query=""))


# --- Tabular packages ---------------------------------------------------------------------
def read_zip(file):
    with zipfile.ZipFile(file) as archive:
        names = {PurePosixPath(name).name: name for name in archive.namelist()}
        if "datapackage.json" not in names:
            raise ReadError(_("The zip file holds no datapackage.json."))
        folder = str(PurePosixPath(names["datapackage.json"]).parent)

        def open_member(name):
            member = name if folder == "." else f"{folder}/{name}"
            if archive.getinfo(member).file_size > MAX_BYTES:
                raise ReadError(
                    _("%(name)s is larger than %(size)d MB.") % {"name": name, "size": 100}
                )
            return archive.read(member)

        package = read_json(open_member("datapackage.json"), "datapackage.json")
        return read_package(package, open_member)


def read_package(package, read_bytes):
    """Services put back together from the package's tables (`read_bytes(path)` reads one)."""
    tables = {}
    for resource in package.get("resources") or []:
        name, path = resource.get("name"), resource.get("path")
        if not isinstance(name, str) or not isinstance(path, str):
            continue
        if ".." in PurePosixPath(path).parts or path.startswith("/"):
            raise ReadError(_("The package names a file outside it: %s") % path)
        try:
            text = read_bytes(path).decode("utf-8-sig")
        except (KeyError, OSError, UnicodeDecodeError) as error:
            raise ReadError(
                _("Could not read %(path)s: %(error)s") % {"path": path, "error": error}
            ) from error
        tables[name] = [compact_row(row) for row in csv.DictReader(io.StringIO(text))]
    if "service" not in tables:
        raise ReadError(_("The package has no service table."))
    return assemble(tables)


def compact_row(row):
    """A CSV row without its empty cells, each cell as it was before the exporter protected
    it from spreadsheets' formulas (tabular.cell)."""
    return {key: original(value) for key, value in row.items() if key and value not in ("", None)}


def grouped(rows, key):
    groups = defaultdict(list)
    for row in rows:
        groups[row.get(key)].append(row)
    return groups


def assemble(tables):
    terms = {row.get("id"): row for row in tables.get("taxonomy_term", [])}
    taxonomies = {row.get("id"): row for row in tables.get("taxonomy", [])}
    for term in terms.values():
        detail = taxonomies.get(term.get("taxonomy_id"))
        if detail and "taxonomy" not in term:
            term["taxonomy"] = detail.get("name", "")
    organizations = {row.get("id"): row for row in tables.get("organization", [])}
    phone_languages = grouped(tables.get("language", []), "phone_id")
    for phone in tables.get("phone", []):
        phone["languages"] = phone_languages.get(phone.get("id"), [])
    locations = {row.get("id"): dict(row) for row in tables.get("location", [])}
    for table, field in LOCATION_TABLES.items():
        for location_id, rows in grouped(tables.get(table, []), "location_id").items():
            if location_id in locations:
                locations[location_id][field] = rows
    for row in tables.get("service_at_location", []):
        if row.get("location_id") in locations:
            row["location"] = locations[row["location_id"]]
    attributes = grouped(tables.get("attribute", []), "link_id")
    for rows in attributes.values():
        for attribute in rows:
            term = terms.get(attribute.get("taxonomy_term_id"))
            if term:
                attribute["taxonomy_term"] = term
    children = {
        field: grouped(
            [row for row in tables.get(table, []) if table != "language" or "service_id" in row],
            "service_id",
        )
        for table, field in SERVICE_TABLES.items()
    }
    services = []
    for row in tables["service"]:
        service = dict(row)
        sid = service.get("id")
        for field, groups in children.items():
            service[field] = groups.get(sid, [])
        service["attributes"] = attributes.get(sid, [])
        org = organizations.get(service.get("organization_id"))
        if org:
            service["organization"] = org
        services.append(service)
    return services
