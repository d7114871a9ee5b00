"""Template tags for the directory's pages."""

from django import template

from wagtail.models import Locale

from directory.models import HotlinePage
from home.querysets import note_reader_translations

register = template.Library()


@register.inclusion_tag("directory/includes/hotlines.html", takes_context=True)
def directory_hotlines(context):
    """The directory's live hotlines, in the reader's language where translated.

    Shown on every directory page, so someone in crisis never has to search for a number.
    The hotline being read is left out of its own page.
    """
    page = context.get("page")
    active = Locale.get_active()
    hotlines = HotlinePage.objects.for_reader(active).order_by("title")
    if page is not None:
        hotlines = hotlines.exclude(translation_key=page.translation_key)
    hotlines = note_reader_translations(hotlines, listed_for=active)
    return {"hotlines": hotlines, "request": context.get("request")}
