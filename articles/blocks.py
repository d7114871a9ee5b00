"""Blocks for articles: the shared content blocks plus a timeline for history pieces."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks

from home.blocks import BaseStreamBlock


class TimelineEventBlock(blocks.StructBlock):
    date_label = blocks.CharBlock(
        label=_("When"),
        max_length=60,
        help_text=_("As precise as the facts allow: '1969', 'the 1970s', '18th–19th centuries'."),
    )
    year = blocks.IntegerBlock(
        label=_("Sort year"),
        required=False,
        help_text=_("A year used to order the timeline and for machines; readers see 'When'."),
    )
    title = blocks.CharBlock(label=_("What happened"), max_length=150)
    text = blocks.TextBlock(label=_("Details"), required=False)

    class Meta:
        icon = "date"
        label = _("Event")


class TimelineBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=120, required=False)
    events = blocks.ListBlock(TimelineEventBlock(), label=_("Events"))

    class Meta:
        icon = "history"
        template = "articles/blocks/timeline_block.html"
        label = _("Timeline")
        description = _("Dated events in order, for history articles")
        preview_value = {
            "heading": "A short history",
            "events": [
                {"date_label": "1902", "year": 1902, "title": "Kropotkin's Mutual Aid"},
                {"date_label": "1969", "year": 1969, "title": "Free breakfasts in Oakland"},
            ],
        }


class ArticleStreamBlock(BaseStreamBlock):
    timeline = TimelineBlock()
