"""Template tags for the site chrome: the localized home, navigation and the languages.

The language switcher, the `hreflang` alternates and the fallback notice share one idea: a
page's "alternates" are its live translations, at the same sub-path for routable pages
(`/es/directory/get-help/` ↔ `/vi/directory/get-help/`). A language without a translation
gets that language's home page in the switcher and no `hreflang` entry at all.
"""

import functools
import re

from django import template
from django.conf import settings
from django.contrib.staticfiles import finders
from django.urls import translate_url
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language_info

from wagtail.models import Locale, Page, Site

from home.querysets import reader_translation
from home.site_pages import site_pages

register = template.Library()

LANGUAGE_PREFIX = re.compile(r"^/[a-z]{2,3}(?:-[a-z0-9]+)?/")
# Pages in these languages need Ge'ez script; only they load the self-hosted Ethiopic font.
ETHIOPIC_LANGUAGES = {"am", "ti"}
ETHIOPIC_STYLESHEET = "fonts/ethiopic.css"


@register.simple_tag(takes_context=True)
def localized_home(context):
    """The site's home page in the reader's language, or the default one if not translated."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return None
    homes = site_pages(request, context.get("page"))["homes"]
    return homes.get(Locale.get_active().language_code) or site.root_page


@register.simple_tag(takes_context=True)
def menu_pages(context, home):
    """The live pages under `home` shown in menus, in the tree's order."""
    pages = site_pages(context.get("request"), context.get("page"))["menu"]
    return [page for page in pages if page.path.startswith(home.path)]


def _without_language(path):
    return LANGUAGE_PREFIX.sub("/", path, count=1)


def page_alternates(request, page):
    """{language code: URL} of the page's live translations, keeping a route's sub-path."""
    page_path = _without_language(page.get_url(request) or "")
    request_path = _without_language(request.path) if request else page_path
    suffix = request_path[len(page_path) :] if request_path.startswith(page_path) else ""
    alternates = {}
    for translation in site_pages(request, page)["translations"]:
        url = translation.get_url(request)
        if url:
            alternates[translation.locale.language_code] = url + suffix
    return alternates


def view_alternates(request):
    """For views that are not pages (search): the same URL under each language prefix."""
    path = request.get_full_path()
    return {code: translate_url(path, code) for code, _name in settings.LANGUAGES}


def on_this_site(request, url):
    """Whether a browser would open `url` on this site.

    URLs built from the request's path are the reader's input: `GET //evil.example/` has the
    path `//evil.example/`, which a browser reads as another host. Django's own redirect check
    tells a path on this site from anything else (`//`, `///`, `/\\`, other schemes).
    """
    return bool(url) and url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()})


def _alternates(context):
    """The page's URL in each language, once per request: the language switcher and the
    hreflang links both need them, and each URL costs Wagtail's URL building."""
    request = context.get("request")
    if request is None:
        return {}
    page = context.get("page")
    key = page.pk if isinstance(page, Page) else None
    remembered = request.__dict__.setdefault("_portal_alternates", {})
    if key not in remembered:
        remembered[key] = _compute_alternates(request, page)
    return remembered[key]


def _compute_alternates(request, page):
    if isinstance(page, Page):
        alternates = page_alternates(request, page)
    elif getattr(request, "resolver_match", None) is None:
        return {}  # an error page: there is no "same page" in another language
    else:
        alternates = view_alternates(request)
    return {code: url for code, url in alternates.items() if on_this_site(request, url)}


def _homes(context):
    homes = site_pages(context.get("request"), context.get("page"))["homes"]
    return {code: home.get_url(context.get("request")) for code, home in homes.items()}


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """One link per language, each named in its own script: to this page in that language, or
    to that language's home page when the page is not translated into it."""
    request = context.get("request")
    current = Locale.get_active().language_code
    alternates = _alternates(context)
    homes = _homes(context)
    links = []
    for code, _name in settings.LANGUAGES:
        candidates = [alternates.get(code), homes.get(code)]
        if code == current and request is not None:
            candidates.insert(0, request.get_full_path())
        url = next((url for url in candidates if on_this_site(request, url)), None)
        if url:
            info = get_language_info(code)
            links.append(
                {
                    "code": code,
                    "name": info["name_local"],
                    "url": url,
                    "current": code == current,
                    "translated": code in alternates,
                }
            )
    return {"links": links}


@register.inclusion_tag("includes/alternate_links.html", takes_context=True)
def alternate_links(context):
    """`<link rel=alternate hreflang>` for every real translation, plus `x-default`, and a
    canonical link when a page is shown in place of a missing translation."""
    request = context.get("request")
    if request is None:
        return {"alternates": [], "canonical": None}
    alternates = _alternates(context)
    links = [
        {"hreflang": code, "href": request.build_absolute_uri(alternates[code])}
        for code, _name in settings.LANGUAGES
        if code in alternates
    ]
    default = alternates.get(settings.LANGUAGE_CODE)
    if default:
        links.append({"hreflang": "x-default", "href": request.build_absolute_uri(default)})
    fallback = getattr(request, "translation_fallback", None)
    canonical = request.build_absolute_uri(fallback.source_url) if fallback else None
    return {"alternates": links, "canonical": canonical}


@register.inclusion_tag("includes/fallback_notice.html", takes_context=True)
def fallback_notice(context):
    """A notice, in the reader's language, that this page is shown in another language."""
    request = context.get("request")
    fallback = getattr(request, "translation_fallback", None)
    return {"fallback": fallback}


@register.simple_tag(takes_context=True)
def page_language(context):
    """The language code of the page's content: differs from the interface's on fallbacks."""
    request = context.get("request")
    fallback = getattr(request, "translation_fallback", None)
    return fallback.page_language if fallback else ""


@register.simple_tag(takes_context=True)
def reader_url(context, page):
    """`page`'s URL in the reader's language tree.

    For a page with no translation in the active locale, the same path under the active
    language's prefix: the fallback serves it there with a notice, so the reader keeps the
    interface in their language instead of being sent to /en/.
    """
    request = context.get("request")
    active = Locale.get_active()
    page = reader_translation(page, active) or page
    url = page.get_url(request) or ""
    if page.locale_id == active.pk or not LANGUAGE_PREFIX.match(url):
        return url
    return LANGUAGE_PREFIX.sub(f"/{active.language_code}/", url, count=1)


@functools.cache
def _ethiopic_stylesheet_built():
    # The font and its stylesheet are build output (`make fonts`): without them the system
    # fonts named in portal.css render Ge'ez, so the page must not link a missing file.
    return finders.find(ETHIOPIC_STYLESHEET) is not None


@register.inclusion_tag("includes/font_stylesheets.html", takes_context=True)
def font_stylesheets(context):
    """The self-hosted Ethiopic font, on Amharic and Tigrinya pages only."""
    language = Locale.get_active().language_code
    wanted = language in ETHIOPIC_LANGUAGES and _ethiopic_stylesheet_built()
    return {"stylesheets": [ETHIOPIC_STYLESHEET] if wanted else []}


@register.simple_tag
def untranslated_badge(page):
    """For a page shown in a locale it is not translated into: what its badge must say.

    None for a page in the reader's language. Otherwise the page's language and whether the
    service itself is offered in the reader's language ("page in English; offered in
    Tigrinya"), read from the listing's languages where it has them.
    """
    active = Locale.get_active()
    if reader_translation(page, active) is not None:
        return None
    offered = getattr(page, "languages", None)
    codes = {language.code for language in offered.all()} if offered is not None else set()
    return {
        "page_language": page.locale.language_code,
        "page_language_name": get_language_info(page.locale.language_code)["name_translated"],
        "offered_in_reader_language": active.language_code in codes,
        "reader_language_name": get_language_info(active.language_code)["name_local"],
    }
