"""`{% review_note page %}`: tells readers a translation has not been checked by a fluent reader.

Placed inside the page's kept fragment (articles, listings): a review flag saved or deleted
drops the content generation (home/fragments.py), so the note appears and goes with the flag.
"""

from django import template
from django.utils.translation import get_language

from translations.models import ReviewFlag

register = template.Library()


@register.inclusion_tag("translations/includes/review_note.html")
def review_note(page):
    return {
        "reasons": ReviewFlag.open_reasons(page) if page is not None else [],
        "reader_language": get_language(),
    }
