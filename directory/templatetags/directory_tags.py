"""Template tags for the directory's pages."""

from django import template

from wagtail.models import Locale

from directory.models import HotlinePage

register = template.Library()


@register.inclusion_tag("directory/includes/hotlines.html", takes_context=True)
def directory_hotlines(context):
    """The directory's live hotlines, in the reader's language where translated.

    Shown on every directory page, so someone in crisis never has to search for a number.
    The hotline being read is left out of its own page.
    """
    page = context.get("page")
    current_key = getattr(page, "translation_key", None)
    hotlines = (
        hotline.localized
        for hotline in HotlinePage.objects.live().public().filter(locale=Locale.get_default())
        if hotline.translation_key != current_key
    )
    return {
        "hotlines": [hotline for hotline in hotlines if hotline.live],
        "request": context.get("request"),
    }
