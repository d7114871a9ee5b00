"""`{% site_text as site %}`: the site name and footer editors set for the reader's language.

None when that language has no record yet: base.html then shows its built-in, translated text.
"""

from django import template
from django.utils.translation import get_language

from home.models import SiteText

register = template.Library()


@register.simple_tag
def site_text():
    return SiteText.for_language(get_language())
