"""The open-data page, the HSDS exports (JSON, CSV) and the read-only listings API.

Every data view is an `open_data_view` (opendata/http.py): HEAD, OPTIONS, CORS, its validator
and 304s, gzip, the site's cache policy and the served language in Content-Language.

Plain Django views rather than a REST framework: the API is read-only, has one resource and
a shape fixed by HSDS, so a serializer layer would add nothing but indirection.
"""

import math
from tempfile import SpooledTemporaryFile

from django.conf import settings
from django.http import FileResponse, HttpResponse, JsonResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from wagtail.models import Locale

from directory.models import ListingPage

from . import api, package
from .freshness import export_etag
from .hsds import services
from .http import open_data_view, requested_locale
from .links import absolute_url
from .queries import listings_in, page_of
from .streams import csv_export, export_response, json_export

LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"


def exports_etag(request, *args, **kwargs):
    """The exports' validator, known before any service is built: a reader or a cache holding
    the current version gets a 304 for one query, whatever the size of the export (a streamed
    export has no body to hash)."""
    try:
        locale = api.parse(api.ExportForm, request.GET)["locale"]
    except api.BadRequest:
        return None  # the view answers 400, with the reason
    return export_etag(locale)


def json_response(data, status=200):
    return JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})


def bad_request(error):
    return json_response({"error": str(error)}, status=400)


def locale_services(request):
    locale = api.parse(api.ExportForm, request.GET)["locale"]
    return locale, listings_in(locale)


@open_data_view(etag=exports_etag)
def directory_json(request):
    """Every live listing as an HSDS 3.0 service: {"services": [...]}, streamed if large."""
    try:
        locale, listings = locale_services(request)
    except api.BadRequest as error:
        return bad_request(error)
    stream = json_export(listings, request, locale.language_code)
    return export_response(stream, "application/json")


@open_data_view(etag=exports_etag)
def directory_csv(request):
    """The same services, one row each, for spreadsheets, streamed if large."""
    try:
        locale, listings = locale_services(request)
    except api.BadRequest as error:
        return bad_request(error)
    stream = csv_export(listings, request, locale.language_code)
    response = export_response(stream, "text/csv; charset=utf-8")
    filename = f"directory-{locale.language_code}.csv"
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@open_data_view  # its ETag is the hash of its page: no query added to its budget
def listings_api(request):
    """Paginated services, filtered by need, area, language, kind and modified_after."""
    try:
        params = api.parse(api.ListingsApiForm, request.GET)
    except api.BadRequest as error:
        return bad_request(error)
    locale, page_number, per_page = params["locale"], params["page"], params["per_page"]
    listings = listings_in(locale, request.GET, params["modified_after"])
    window, total = page_of(listings, page_number, per_page)
    total_pages = max(1, math.ceil(total / per_page))
    if page_number > total_pages:
        return bad_request(
            _("page %(page)d does not exist; there are %(total)d.")
            % {"page": page_number, "total": total_pages}
        )
    return json_response(
        {
            "total_items": total,
            "total_pages": total_pages,
            "page_number": page_number,
            "size": len(window),
            "first_page": page_number == 1,
            "last_page": page_number == total_pages,
            "empty": total == 0,
            "contents": services(window, request, locale.language_code),
        }
    )


# --- HSDS tabular package (package.py) -------------------------------------------------------
# The zip takes ?locale= like the other exports. The unzipped form has the language in its
# path, /open-data/hsds/<language>/datapackage.json beside <language>/services.csv..., because
# a Data Package names its tables by relative paths: a query string would not reach them.
def package_locale(request, language=None):
    params = {"locale": language} if language is not None else request.GET
    return api.parse(api.ExportForm, params)["locale"]


def package_etag(request, language=None, **kwargs):
    try:
        return export_etag(package_locale(request, language))
    except api.BadRequest:
        return None  # the view answers 400, with the reason


def package_language(request, language=None, **kwargs):
    return language if language in dict(settings.LANGUAGES) else requested_locale(request)


def package_homepage(request):
    return absolute_url(f"/{settings.LANGUAGE_CODE}/open-data/", request)


@open_data_view(etag=package_etag, language=package_language)
def hsds_zip(request):
    """The whole HSDS tabular package, datapackage.json and every table, in one zip."""
    try:
        locale = package_locale(request)
    except api.BadRequest as error:
        return bad_request(error)
    file = SpooledTemporaryFile(package.SPOOL_BYTES)
    package.write_zip(file, locale, request, package_homepage(request))
    file.seek(0)
    filename = f"hsds-{locale.language_code}.zip"
    return FileResponse(file, filename=filename, content_type="application/zip")


@open_data_view(etag=package_etag, language=package_language)
def hsds_datapackage(request, language):
    """The package's datapackage.json: its tables, their fields and keys (HSDS 3.0's)."""
    try:
        locale = package_locale(request, language)
    except api.BadRequest as error:
        return bad_request(error)
    descriptor = package.descriptor(locale.language_code, package_homepage(request))
    return json_response(descriptor)


@open_data_view(etag=package_etag, language=package_language)
def hsds_table(request, language, path):
    """One table of the package as CSV, e.g. /open-data/hsds/es/phones.csv."""
    try:
        locale = package_locale(request, language)
    except api.BadRequest as error:
        return bad_request(error)
    table = package.table_named(path)
    if table is None:
        tables = ", ".join(schema["path"] for schema in package.table_schemas().values())
        message = _("No table %(path)r in the HSDS package: its tables are %(tables)s.")
        return json_response({"error": message % {"path": path, "tables": tables}}, 404)
    written = package.tables(locale, request, only=table)
    try:
        text = written.csv_file(table).read()
    finally:
        written.close()
    response = HttpResponse(text, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{path}"'
    return response


class OpenDataView(TemplateView):
    """Explains the data, its licence and how to use it, in the reader's language."""

    template_name = "opendata/open_data.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        language = translation.get_language()
        default = Locale.get_default()
        context.update(
            licence_url=LICENCE_URL,
            language=language,
            listing_count=ListingPage.objects.for_reader(default).count(),
            exports=[
                {"code": code, "name": name, "query": f"?locale={code}"}
                for code, name in settings.LANGUAGES
            ],
        )
        return context
