"""Content blocks shared by every StreamField in the portal.

Apps build their own stream blocks from these (see `articles/blocks.py`), so an editor meets
the same heading, quote or callout wherever they write.
"""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.images.blocks import ImageBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=120)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section (h2)")), ("h3", _("Subsection (h3)"))],
        default="h2",
        help_text=_("Use h2 for sections and h3 inside them, so screen readers can navigate."),
    )

    class Meta:
        icon = "title"
        template = "home/blocks/heading_block.html"
        label = _("Heading")
        description = _("A section heading, listed in the page outline")
        preview_value = {"text": "How a network starts", "level": "h2"}


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(
        label=_("Quotation"), help_text=_("Word for word, without quote marks.")
    )
    attribution = blocks.CharBlock(
        label=_("Attribution"),
        max_length=200,
        help_text=_("Who said or wrote it, and where: 'Peter Kropotkin, Mutual Aid (1902)'."),
    )

    class Meta:
        icon = "openquote"
        template = "home/blocks/quote_block.html"
        label = _("Quote")
        description = _("A quotation with its source")
        preview_value = {
            "text": "Don't compete! — competition is always injurious to the species.",
            "attribution": "Peter Kropotkin, Mutual Aid (1902)",
        }


class CaptionedImageBlock(blocks.StructBlock):
    """Wagtail's own ImageBlock (alt text, or marked decorative, checked on save) and a caption.

    It wraps ImageBlock rather than subclassing it: ImageBlock's value is the image itself, so a
    caption child has no place to be stored, and wagtail-localize's ImageBlock support only knows
    `alt_text` and `decorative` (a caption child fails with KeyError when a translation is saved).
    """

    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), max_length=250, required=False)

    class Meta:
        icon = "image"
        template = "home/blocks/image_block.html"
        label = _("Image")
        description = _("An image with alternative text and an optional caption")


class CalloutBlock(blocks.StructBlock):
    tone = blocks.ChoiceBlock(
        label=_("Tone"),
        choices=[("info", _("Information")), ("tip", _("Tip")), ("urgent", _("Urgent"))],
        default="info",
    )
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    text = blocks.RichTextBlock(label=_("Text"), features=["bold", "italic", "link", "ul"])

    class Meta:
        icon = "info-circle"
        template = "home/blocks/callout_block.html"
        label = _("Callout")
        description = _("A boxed note that stands out from the text")
        preview_value = {
            "tone": "tip",
            "title": "Start small",
            "text": "<p>A sign-up form and a group chat are enough for a first week.</p>",
        }


RICH_TEXT_FEATURES = ["h3", "bold", "italic", "link", "ol", "ul", "document-link"]


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES,
        icon="pilcrow",
        label=_("Paragraphs"),
        template="home/blocks/paragraph_block.html",
        preview_value="<p>Neighbours share what they have and ask for what they need.</p>",
        description=_("Rich text: paragraphs, lists and links"),
    )
    quote = QuoteBlock()
    image = CaptionedImageBlock()
    callout = CalloutBlock()
