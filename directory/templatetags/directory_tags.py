"""Template tags for the directory's pages."""

from django import template

from wagtail.models import Locale

from directory.models import HotlinePage
from home.querysets import note_reader_translations
from home.site_structure import kept

register = template.Library()


@register.inclusion_tag("directory/includes/hotlines.html", takes_context=True)
def directory_hotlines(context):
    """The directory's live hotlines, in the reader's language where translated.

    Shown on every directory page, so someone in crisis never has to search for a number.
    The hotline being read is left out of its own page.
    """
    page = context.get("page")
    hotlines = kept(hotlines_key(Locale.get_active().language_code))
    if page is not None:
        hotlines = [h for h in hotlines if h.translation_key != page.translation_key]
    return {"hotlines": hotlines, "request": context.get("request")}


def hotlines_key(language_code):
    return f"portal:site-structure:hotlines:{language_code}"


def read_hotlines(language_code):
    """Every visible hotline for a reader of `language_code`, by title, their translations
    noted: kept with the site's structure (home/site_structure.py), which any change to a
    page, a restriction or a locale drops, so a hotline's page is the only one to edit."""
    locale = Locale.objects.get_for_language(language_code)
    hotlines = HotlinePage.objects.for_reader(locale).order_by("title")
    return note_reader_translations(hotlines, locale, listed_for=locale)
