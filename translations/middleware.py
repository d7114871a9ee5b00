"""Untranslated pages: serve the default-language page in the reader's locale, with a notice.

When `/am/directory/find-the-masks/` does not exist because that listing has no Amharic
translation yet, Wagtail raises Http404. Rather than a dead end, we route the same path in the
default-language tree and, if a live page answers, serve it *under the reader's URL*: the
interface, navigation and language switcher stay in Amharic, the English content is marked
`lang="en"`, and a notice in Amharic says why. We chose this over redirecting to `/en/...`
because a redirect switches the whole interface to English and the reader then has to find
their way back; staying put keeps them "in" their language, as the issue asks.

The response carries a canonical link to the English URL (see `alternate_links`), and the
sitemap only lists real translations, so search engines never index the stand-in copy.
We hook `process_exception` on Http404 from Wagtail's serve view only: that works with
`DEBUG` on or off (a custom 404 handler would not run in debug) and never touches other views.
"""

from dataclasses import dataclass

from django.conf import settings
from django.http import Http404, HttpResponse
from django.utils.translation import get_language, get_language_info

from wagtail import hooks
from wagtail.models import Locale, Page, Site
from wagtail.views import serve_chain

from home.site_structure import root_in, route_below


@dataclass
class TranslationFallback:
    """What templates need to explain the stand-in page (see `portal_tags`)."""

    page: Page
    reader_language: str

    @property
    def page_language(self):
        return self.page.locale.language_code

    @property
    def page_language_name(self):
        return get_language_info(self.page_language)["name_translated"]

    @property
    def source_url(self):
        return self.page.url


class TranslationFallbackMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, Http404) or request.method not in ("GET", "HEAD"):
            return None
        match = getattr(request, "resolver_match", None)
        if match is None or match.url_name != "wagtail_serve":
            return None
        if get_language() == settings.LANGUAGE_CODE:
            return None  # the default language has nothing to fall back to
        try:
            return serve_fallback(request, serve_path(match))
        except Http404:
            return None  # no page in the default language either: a real 404


def serve_path(match):
    """The page path Wagtail's serve view was given (a positional group in its URL pattern)."""
    if "path" in match.kwargs:
        return match.kwargs["path"]
    return match.args[0] if match.args else ""


def serve_fallback(request, path):
    """Route `path` in the default-language tree and serve it, as Wagtail's `serve` would."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    default_locale = Locale.get_default()
    root = root_in(site.root_page, default_locale)  # cached (home/site_structure.py)
    if root is None:
        return None
    components = [component for component in path.split("/") if component]
    page, args, kwargs = route_below(root, request, components)
    if page.locale_id != default_locale.pk:
        return None
    request.translation_fallback = TranslationFallback(page=page, reader_language=get_language())
    return serve_like_wagtail(page, request, args, kwargs)


def serve_like_wagtail(page, request, args, kwargs):
    """Serve a routed page exactly as `wagtail.views.serve` does: every `before_serve_page`
    hook, then the page through every `on_serve_page` hook, which is where Wagtail enforces
    view restrictions (password, login, groups) and sets their no-cache headers."""
    on_serve_chain = serve_chain
    for fn in reversed(hooks.get_hooks("on_serve_page")):
        on_serve_chain = fn(on_serve_chain)
    for hook in hooks.get_hooks("before_serve_page"):
        result = hook(page, request, args, kwargs)
        if isinstance(result, HttpResponse):
            return result
    response = on_serve_chain(page, request, args, kwargs)
    if hasattr(response, "render"):
        response = response.render()
    return response
