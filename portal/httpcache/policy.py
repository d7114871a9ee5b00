"""Which responses a shared cache (Varnish, deploy/varnish/default.vcl) may keep, and how long.

One decision per response, made last on the way out (this middleware comes first in
MIDDLEWARE), once every other middleware has added its headers:

- Shared: a GET or HEAD of a public page from a reader with no session, answered 200, that set
  no cookie and used no CSRF token: `Cache-Control: public, max-age=<browser>,
  s-maxage=<cache>`, an ETag (a repeat request with If-None-Match gets 304), and no
  `Vary: Cookie`. Django's session middleware adds that Vary whenever a template merely asks
  who the user is (Wagtail's user bar does, on every page): for a request without a session
  cookie the answer is always "nobody", so the page cannot differ by cookie. The VCL sends
  requests that carry a session to the backend, never to the shared copy.
- Not shared, and never stored (unless the view chose its own Cache-Control, as Wagtail does
  for pages behind a view restriction): the admin and previews, anyone signed in (or holding a
  page password: both live in the session), forms (a CSRF token was issued), search results,
  the search API, documents (their collections may be private), errors and redirects, and
  anything that sets a cookie or carries a per-response CSP nonce.
- A listing page shows "open now" or "closed now": its shared lifetime ends when that may
  change (hours.py), with no grace, so the cache never serves a badge past its time.
"""

from django.conf import settings
from django.utils.cache import (
    add_never_cache_headers,
    cc_delim_re,
    get_conditional_response,
    patch_cache_control,
    set_response_etag,
)

from .hours import seconds_until_hours_change

# The search API answers per query; documents may sit in a private collection.
NEVER_SHARED_PREFIXES = ("/admin/", "/api/", "/documents/")


class CacheControlMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.has_header("Cache-Control"):
            return response  # the view decided (a restricted page, whitenoise's static files)
        if why_not_shared(request, response):
            add_never_cache_headers(response)
            return response
        share(request, response)
        if not response.streaming and not response.has_header("ETag"):
            set_response_etag(response)
        return get_conditional_response(request, etag=response.get("ETag"), response=response)


def why_not_shared(request, response):
    """Why this response must not be kept by a shared cache; None when it may."""
    if request.method not in ("GET", "HEAD"):
        return "not a read"
    if response.status_code != 200:
        return "an error or a redirect"
    if request.path.startswith(NEVER_SHARED_PREFIXES) or getattr(request, "is_preview", False):
        return "admin, preview, API or document"
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return "signed in, or past a page password"
    if "messages" in request.COOKIES:
        return "a message for this reader"
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or response.cookies:
        return "a form, or a cookie being set"
    if is_search_results(request):
        return "search results"
    if "'nonce-" in response.get("Content-Security-Policy", ""):
        return "a per-response CSP nonce"
    return None


def is_search_results(request):
    match = getattr(request, "resolver_match", None)
    return match is not None and match.url_name == "search" and bool(request.GET.get("q"))


def share(request, response):
    """Mark the response public for its lifetime and drop the Vary on Cookie (see module)."""
    s_maxage = settings.CACHE_CONTROL_S_MAXAGE
    grace = settings.CACHE_CONTROL_STALE_WHILE_REVALIDATE
    until_badge_changes = hours_bound(request, response)
    if until_badge_changes is not None and until_badge_changes < s_maxage:
        s_maxage, grace = until_badge_changes, 0
    patch_cache_control(
        response,
        public=True,
        max_age=min(settings.CACHE_CONTROL_MAX_AGE, s_maxage),
        s_maxage=s_maxage,
        stale_while_revalidate=grace,
    )
    vary = [v for v in cc_delim_re.split(response.get("Vary", "")) if v]
    kept = [v for v in vary if v.lower() != "cookie"]
    if kept:
        response["Vary"] = ", ".join(kept)
    elif response.has_header("Vary"):
        del response["Vary"]


def hours_bound(request, response):
    """Seconds until the "open now" badge on this page may change; None if it shows none."""
    from directory.models import ListingPage

    page = (getattr(response, "context_data", None) or {}).get("page")
    if isinstance(page, ListingPage):
        return seconds_until_hours_change(page)
    return None
