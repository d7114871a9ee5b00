"""`{% listing_jsonld page %}` and `{% article_jsonld page %}`: a schema.org JSON-LD block."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from opendata import structured_data

register = template.Library()

# As Django's json_script: nothing in the data can close the <script> element early.
ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def script(data):
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


@register.simple_tag(takes_context=True)
def listing_jsonld(context, page):
    # The page's context holds its areas and organization in the reader's language already
    # (ListingPage).
    return script(
        structured_data.listing_jsonld(
            page, context.get("request"), context.get("areas"), context.get("organization")
        )
    )


@register.simple_tag(takes_context=True)
def article_jsonld(context, page):
    return script(structured_data.article_jsonld(page, context.get("request")))
