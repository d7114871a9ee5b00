"""A request id for every request: logged with each record, returned in X-Request-ID.

A proxy or load balancer in front may already have named the request (X-Request-ID); its id is
kept when it looks like an id, so one request can be followed across both logs. Anything else
(too long, spaces, control characters: a client can send any header) is replaced by a new one,
so a forged header can neither break a log line nor inject a fake one.
"""

import re
import uuid

from django.middleware import locale
from django.urls import Resolver404, resolve
from django.utils.cache import patch_vary_headers
from django.utils.encoding import escape_uri_path
from django.utils.translation import get_language

from portal import log
from portal.errors import wants_json

HEADER = "X-Request-ID"
SANE_ID = re.compile(r"[A-Za-z0-9._:-]{8,128}")


class RequestIDMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        given = request.headers.get(HEADER, "")
        request.request_id = given if SANE_ID.fullmatch(given) else uuid.uuid4().hex
        id_token = log.request_id.set(request.request_id)
        # Percent-encoded as in the request line: a decoded newline could forge a log line.
        request.escaped_path = escape_uri_path(request.path)
        path_token = log.request_path.set(request.escaped_path)
        try:
            response = self.get_response(request)
        finally:
            log.request_id.reset(id_token)
            log.request_path.reset(path_token)
        response[HEADER] = request.request_id
        return response


class LocaleMiddleware(locale.LocaleMiddleware):
    """Django's, except that a 404 under the machines' prefixes stays a 404.

    Django redirects a 404 without a language prefix to the same path under the reader's
    language when that path exists, and under /<lang>/ Wagtail's page route accepts every path.
    So /api/v1/search/typo/ became a redirect to an HTML page; an API client wants its JSON 404.
    """

    def process_response(self, request, response):
        if response.status_code == 404 and wants_json(request) and not reader_page(request):
            patch_vary_headers(response, ("Accept-Language",))
            response.headers.setdefault("Content-Language", get_language())
            return response
        return super().process_response(request, response)


def reader_page(request):
    """True when the path names a reader's page under a language prefix, such as /open-data/
    (the page explaining the data): that 404 still redirects to /<lang>/open-data/. Wagtail's
    catch-all page route does not count: it accepts every path."""
    try:
        match = resolve(f"/{get_language()}{request.path_info}")
    except Resolver404:
        return False
    return match.url_name != "wagtail_serve"
