"""Template tags for the site chrome: the localized home, navigation and language switcher."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language_info

from wagtail.models import Locale, Page, Site

register = template.Library()


@register.simple_tag(takes_context=True)
def localized_home(context):
    """The site's home page in the reader's language, or the default one if not translated."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return None
    return site.root_page.localized.specific


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """One link per language, to this page in that language, or that language's home page."""
    request = context.get("request")
    page = context.get("page")
    current = Locale.get_active().language_code
    translations = {}
    if isinstance(page, Page):
        for translation in page.get_translations(inclusive=True).live().select_related("locale"):
            translations[translation.locale.language_code] = translation.url
    site = Site.find_for_request(request) if request else None
    homes = {}
    if site:
        for home in site.root_page.get_translations(inclusive=True).live().select_related("locale"):
            homes[home.locale.language_code] = home.url
    links = []
    for code, _name in settings.LANGUAGES:
        if isinstance(page, Page):
            url = translations.get(code) or homes.get(code)
        else:
            url = translate_url(request.get_full_path(), code) if request else None
        if url:
            info = get_language_info(code)
            links.append(
                {"code": code, "name": info["name_local"], "url": url, "current": code == current}
            )
    return {"links": links}
