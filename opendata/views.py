"""The open-data page, the HSDS exports (JSON, CSV) and the read-only listings API.

Every data view is an `open_data_view` (opendata/http.py): HEAD, OPTIONS, CORS, its validator
and 304s, gzip, the site's cache policy and the served language in Content-Language.

Plain Django views rather than a REST framework: the API is read-only, has one resource and
a shape fixed by HSDS, so a serializer layer would add nothing but indirection.
"""

import math

from django.conf import settings
from django.http import JsonResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from wagtail.models import Locale

from directory.models import ListingPage

from . import api
from .freshness import export_etag
from .hsds import services
from .http import open_data_view
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
