"""The HSDS 3.0 API's paths (Open Referral's OpenAPI, opendata/hsds_spec/schema/openapi.json).

Outside the language prefix, like every open-data address: the language is `?locale=`, and
`Content-Language` says which one was served. Errors are JSON: 400 naming the parameter, 404
for an id this portal does not have. The records are `opendata.hsds`'s; this module only
chooses them, pages them and shapes the list forms the spec asks for:

- a list of services or service_at_locations holds their one-to-one fields (nested objects,
  no arrays) unless `full=true`; `minimal=true` lists services' `id` and `last_modified`
  (with the `name` and `status` the list's schema requires);
- `format=ndjson` streams every result, one JSON object a line, without the envelope (or the
  page asked for, when `page` or `per_page` is given).
"""

import functools
import json
import uuid

from django.http import StreamingHttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from .. import hsds
from ..http import open_data_view
from ..ids import service_id
from ..links import absolute_url
from ..queries import chunks, organization_records, page_of
from . import openapi, params, selection
from .errors import ApiError, NotFound, error_response, json_response
from .paging import bounds, envelope

HSDS_VERSION = "3.0"
# No profile of HSDS is used, so `profile` is HSDS 3.0 itself (HSDS's Profiles reference).
HSDS_PROFILE = "https://docs.openreferral.org/en/v3.0/hsds/"
NDJSON = "application/x-ndjson"


def api_view(view):
    """A public data view (`open_data_view`: GET/HEAD/OPTIONS and a JSON 405 for the rest,
    CORS, ETag and 304, gzip, cache headers) that answers its ApiError as a JSON error."""

    @functools.wraps(view)
    def answer(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except ApiError as error:
            return error_response(error)

    return open_data_view(answer)


def served(response, locale):
    response["Content-Language"] = locale.language_code
    return response


# --- Shapes -------------------------------------------------------------------------------
def one_to_one(record):
    """The spec's list form: a record without its arrays (nested one-to-one objects kept)."""
    return {key: value for key, value in record.items() if not isinstance(value, list)}


# `minimal=true`: "just id and modified date", says the spec, whose schema for the list's items
# also requires `name` and `status`; with them a minimal list still validates.
MINIMAL = ("id", "name", "status", "last_modified")


def minimal(service):
    return {key: service[key] for key in MINIMAL if key in service}


def shaped(form):
    """The form of each listed record `form` asks for: minimal, full, or one-to-one."""
    if form.get("minimal"):
        return minimal
    return (lambda record: record) if form.get("full") else one_to_one


def searched_records(records, text):
    """Records whose name, code or description holds `text` (taxonomies, terms and
    organizations are few, and the search service indexes pages, not them)."""
    if not text:
        return records
    needle = text.casefold()
    return [
        record
        for record in records
        if any(
            needle in str(record.get(key, "")).casefold() for key in ("name", "code", "description")
        )
    ]


# --- Answers ------------------------------------------------------------------------------
def listed(form, records, total=None):
    """`records` in the paging envelope, or as NDJSON: all of them (then `total` is None), or
    already the page asked for (then `total` counts them all)."""
    page, per_page = form["page"], form["per_page"]
    if total is None:
        every, total, records = records, len(records), paged(records, form)
    else:
        every = records
    if form["format"] == "ndjson":
        return ndjson(records if form["paged"] else every, form["locale"])
    return served(json_response(envelope(records, total, page, per_page)), form["locale"])


def paged(records, form):
    window = bounds(form["page"], form["per_page"])
    return records[window[0] : window[1]] if window else []


def ndjson(records, locale):
    lines = (json.dumps(record, ensure_ascii=False) + "\n" for record in records)
    return served(StreamingHttpResponse(lines, content_type=NDJSON), locale)


def found(records, record_id, locale):
    for record in records:
        if record.get("id") == record_id:
            return served(json_response(record), locale)
    raise NotFound(_("No record has the id %(id)r.") % {"id": record_id})


# --- Paths --------------------------------------------------------------------------------
@api_view
def root(request):
    """What this API is: its HSDS version, profile and OpenAPI document."""
    params.parse(params.LocaleForm, request.GET)
    return json_response(
        {
            "version": HSDS_VERSION,
            "profile": HSDS_PROFILE,
            "openapi_url": absolute_url(reverse("opendata:hsds_openapi"), request),
        }
    )


@api_view
def openapi_document(request):
    """This portal's OpenAPI document: HSDS's, with our server and parameters."""
    params.parse(params.LocaleForm, request.GET)  # no parameter but the usual locale
    return json_response(openapi.document(request))


@api_view
def services(request):
    form = params.parse(params.ServicesForm, request.GET)
    if form["minimal"] and form["full"]:
        raise ApiError(_("minimal and full cannot both be true: choose one."))
    language = form["locale"].language_code
    shape = shaped(form)
    chosen = selection.listings(form)
    if selection.needs_records(form):
        built = [service for _listing, service in selection.matching(chosen, form, request)]
        return listed(form, [shape(service) for service in built])
    if form["format"] == "ndjson" and not form["paged"]:
        lines = (
            shape(service)
            for chunk in chunks(chosen)
            for service in hsds.services(chunk, request, language)
        )
        return ndjson(lines, form["locale"])
    window = bounds(form["page"], form["per_page"])
    if window is None:
        rows, total = [], chosen.count()
    else:
        rows, total = page_of(chosen, form["page"], form["per_page"])
    contents = [shape(service) for service in hsds.services(rows, request, language)]
    return listed(form, contents, total)


def find_listing(locale, record_id):
    """The listing whose HSDS service id is `record_id`: by its stored id, else (rows written
    in bulk have none) by the id derived for it."""
    try:
        wanted = uuid.UUID(record_id)
    except ValueError:
        raise NotFound(_("No service has the id %(id)r.") % {"id": record_id}) from None
    candidates = selection.listings({"locale": locale})
    for listing in candidates.filter(hsds_id=wanted)[:1]:
        return listing
    for listing in candidates.filter(hsds_id__isnull=True):
        if service_id(listing) == str(wanted):
            return listing
    raise NotFound(_("No service has the id %(id)r.") % {"id": record_id})


@api_view
def service(request, record_id):
    """One service, fully nested."""
    locale = params.parse(params.LocaleForm, request.GET)["locale"]
    listing = find_listing(locale, record_id)
    (record,) = hsds.services([listing], request, locale.language_code)
    return served(json_response(record), locale)


def service_at_location_entries(request, form):
    """The service_at_locations `form` selects: of listings passing the service filters, and
    near a postcode (in its service areas, or within `proximity` meters of its centre)."""
    language = form["locale"].language_code
    chosen = selection.with_locations(selection.listings(form))
    place = None
    if form.get("postcode"):
        place = selection.postcode_place(form["postcode"])
        if place is None:
            return []  # outside King County: no listing's area holds it, no place is near it
        if form.get("proximity") is None:
            chosen = selection.serving(chosen, place)
    if selection.needs_records(form):
        listings = [listing for listing, _service in selection.matching(chosen, form, request)]
    else:
        listings = list(chosen)
    entries = hsds.service_at_locations(listings, request, language)
    if form.get("proximity") is not None:
        near_enough = selection.within(place, form["proximity"])
        entries = [entry for entry in entries if near_enough(entry)]
    return entries


@api_view
def service_at_locations(request):
    form = params.parse(params.ServiceAtLocationsForm, request.GET)
    shape = shaped(form)
    return listed(form, [shape(e) for e in service_at_location_entries(request, form)])


@api_view
def service_at_location(request, record_id):
    form = params.parse(params.LocaleForm, request.GET)
    everything = {"locale": form["locale"], "paged": False}
    return found(service_at_location_entries(request, everything), record_id, form["locale"])


@api_view
def taxonomies(request):
    form = params.parse(params.TaxonomiesForm, request.GET)
    records = hsds.taxonomies(form["locale"].language_code, request=request)
    return listed(form, searched_records(records, form["search"]))


@api_view
def taxonomy(request, record_id):
    locale = params.parse(params.LocaleForm, request.GET)["locale"]
    return found(hsds.taxonomies(locale.language_code, request=request), record_id, locale)


@api_view
def taxonomy_terms(request):
    form = params.parse(params.TaxonomyTermsForm, request.GET)
    records = hsds.taxonomy_terms(
        form["locale"].language_code, taxonomy_id=form["taxonomy_id"] or None, request=request
    )
    if form["top_only"]:
        records = [term for term in records if not term.get("parent_id")]
    if form["parent_id"]:
        records = [term for term in records if term.get("parent_id") == form["parent_id"]]
    return listed(form, searched_records(records, form["search"]))


@api_view
def taxonomy_term(request, record_id):
    locale = params.parse(params.LocaleForm, request.GET)["locale"]
    return found(hsds.taxonomy_terms(locale.language_code, request=request), record_id, locale)


def with_services(request, form, organizations):
    """Each organization with its `services`: full ones for `full_service=true`, else their
    one-to-one fields ("simple information", as the spec puts it)."""
    locale = form["locale"]
    shape = (lambda record: record) if form.get("full_service") else one_to_one
    chosen = selection.listings({"locale": locale})
    if len(organizations) == 1:  # one organization's page: build only its services
        wanted = {"organization_id": organizations[0]["id"]}
        chosen = selection.narrowed(chosen, wanted, locale.language_code)
    by_organization = {}
    for chunk in chunks(chosen):
        for record in hsds.services(chunk, request, locale.language_code):
            by_organization.setdefault(record.get("organization_id"), []).append(shape(record))
    return [org | {"services": by_organization.get(org["id"], [])} for org in organizations]


@api_view
def organizations(request):
    form = params.parse(params.OrganizationsForm, request.GET)
    locale = form["locale"]
    records = hsds.organizations(organization_records(locale), request, locale.language_code)
    records = searched_records(records, form["search"])
    if not form["full"]:
        records = [one_to_one(record) for record in records]
    if form["full_service"]:
        records = with_services(request, form, records)
    return listed(form, records)


@api_view
def organization(request, record_id):
    """One organization, fully nested, with its services (their one-to-one fields, or full
    ones with `full_service=true`)."""
    form = params.parse(params.OrganizationForm, request.GET)
    locale = form["locale"]
    records = hsds.organizations(organization_records(locale), request, locale.language_code)
    chosen = [record for record in records if record.get("id") == record_id]
    if not chosen:
        raise NotFound(_("No organization has the id %(id)r.") % {"id": record_id})
    return found(with_services(request, form, chosen), record_id, locale)
