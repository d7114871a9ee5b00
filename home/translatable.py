"""What every page translates and keeps in step, for wagtail-localize.

Each page type adds its own fields to this list, so the common part is declared once.
"""

from wagtail_localize.fields import SynchronizedField, TranslatableField

PAGE_TRANSLATABLE_FIELDS = [
    TranslatableField("title"),
    TranslatableField("seo_title"),
    TranslatableField("search_description"),
    SynchronizedField("slug"),
]
