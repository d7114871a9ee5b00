"""HTTP for every public, credential-free data view (JSON and CSV): one decorator.

`@open_data_view` (or `@open_data_view(etag=..., language=...)`) gives a view:

- GET, HEAD and OPTIONS; any other method gets 405 with an `Allow` header and a JSON error
  (the view is exempt from CSRF checks, having nothing to protect: it never writes).
  A plain OPTIONS is answered here (`Allow`); a CORS preflight (OPTIONS with
  Access-Control-Request-Method) is answered before the view by django-cors-headers, whose
  CORS_URLS_REGEX (settings) covers these paths only: no credentials, so `*` is safe.
- A validator and its 304: `etag`/`last_modified` functions (Django's `condition`) answer a
  repeat request before the data is built; without them the body's hash is the ETag, as the
  cache policy computes it for pages.
- The site's one cache policy (portal/httpcache/policy.py) decides Cache-Control on the way out.
  A 304 made here is given the headers its 200 would have had from that same policy: the
  policy's middleware treats any non-200 as not shareable, and a 304 saying `no-store` would
  make a browser or cache drop the copy it just revalidated.
- gzip, with Django's GZipMiddleware, minus its BREACH padding: BREACH needs a secret in the
  body, and these bodies hold none (no session, no CSRF token), so the bytes stay the same for
  the same data.
- `Content-Language`: the locale actually served (the view's `?locale=`), not the reader's
  Accept-Language, which Django's LocaleMiddleware would otherwise put there.
"""

import functools

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.middleware.gzip import GZipMiddleware
from django.utils.cache import get_conditional_response, set_response_etag
from django.utils.decorators import decorator_from_middleware
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import condition

from portal.httpcache.policy import share, why_not_shared

ALLOWED_METHODS = ("GET", "HEAD", "OPTIONS")
ALLOW = ", ".join(ALLOWED_METHODS)
ALREADY_COMPRESSED = ("application/zip",)  # gzip would add bytes, not save them


class OpenDataGZipMiddleware(GZipMiddleware):
    max_random_bytes = 0  # no secret in these bodies for BREACH to find (see module)

    def process_response(self, request, response):
        if response.get("Content-Type", "").startswith(ALREADY_COMPRESSED):
            return response
        return super().process_response(request, response)


gzip_open_data = decorator_from_middleware(OpenDataGZipMiddleware)


def requested_locale(request, *args, **kwargs):
    """The language code of `?locale=` (the default language without one), as the views read it;
    None for an unknown code (that request is answered 400, in the reader's language)."""
    code = request.GET.get("locale", "").strip() or settings.LANGUAGE_CODE
    return code if code in dict(settings.LANGUAGES) else None


def open_data_view(view=None, *, etag=None, last_modified=None, language=requested_locale):
    """Decorate a public data view (see module). `etag(request, *args, **kwargs)` and
    `last_modified(...)` are Django's `condition` functions; `language(...)` returns the code of
    the locale served (a view may also set Content-Language itself)."""

    def decorate(view):
        conditional = validated(view, etag, last_modified)
        compressed = gzip_open_data(conditional)

        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.method not in ALLOWED_METHODS:
                return method_not_allowed(request)
            if request.method == "OPTIONS":
                return HttpResponse(headers={"Allow": ALLOW, "Content-Length": "0"})
            response = compressed(request, *args, **kwargs)
            if 200 <= response.status_code < 300:  # a 304 leaves the stored copy's as it is
                code = language(request, *args, **kwargs)
                if code and not response.has_header("Content-Language"):
                    response["Content-Language"] = code
            if request.method == "HEAD" and response.streaming:
                response.streaming_content = []  # a HEAD does not build the export
            return response

        # Nothing here writes, and a POST must get its 405 in JSON, not the CSRF failure page.
        return csrf_exempt(wrapper)

    return decorate(view) if view is not None else decorate


def validated(view, etag, last_modified):
    """The view behind its validator: Django's `condition` when the view has one, else the
    body's hash (as Django's ConditionalGetMiddleware does). A 304 carries the policy's headers."""
    if etag or last_modified:
        checked = condition(etag_func=etag, last_modified_func=last_modified)(view)
    else:

        def checked(request, *args, **kwargs):
            response = view(request, *args, **kwargs)
            if response.status_code != 200 or response.streaming:
                return response
            if not response.has_header("ETag"):
                set_response_etag(response)
            return get_conditional_response(request, etag=response["ETag"], response=response)

    @functools.wraps(view)
    def with_policy(request, *args, **kwargs):
        response = checked(request, *args, **kwargs)
        if response.status_code == 304 and why_not_shared(request, HttpResponse()) is None:
            share(request, response)  # what the 200 would carry (see module)
        return response

    return with_policy


def method_not_allowed(request):
    message = _("%(method)s is not allowed here: use GET, HEAD or OPTIONS.") % {
        "method": request.method
    }
    response = JsonResponse({"error": message}, status=405)
    response["Allow"] = ALLOW
    return response
