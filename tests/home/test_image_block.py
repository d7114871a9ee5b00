"""Images in articles: Wagtail's ImageBlock (alt text or "decorative") with a caption, sent as
responsive renditions in modern formats, translatable, and migrated from the old block shape."""

import importlib

from django.apps import apps
from django.db import models
from django.db.models import Value

from wagtail.blocks import StructBlockValidationError
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

import pytest
import wagtail_factories

from articles.factories import ArticlePageFactory
from articles.models import ArticlePage
from home.blocks import CaptionedImageBlock

pytestmark = pytest.mark.django_db


@pytest.fixture
def image():
    return wagtail_factories.ImageFactory(file__width=1600, file__height=900)


def render(image, alt_text="", decorative=False, caption=""):
    block = CaptionedImageBlock()
    image_value = {"image": image.pk, "decorative": decorative, "alt_text": alt_text}
    return block.render(block.to_python({"image": image_value, "caption": caption}))


def test_image_block_offers_avif_and_webp_in_several_widths(image):
    html = render(image, alt_text="A community pantry", caption="Open on Sundays")

    assert 'type="image/avif"' in html and ".format-avif.width-480.avif 480w" in html
    assert 'type="image/webp"' in html and ".format-webp.width-1200.webp 1200w" in html
    assert ".width-800." in html
    assert 'alt="A community pantry"' in html
    assert 'loading="lazy"' in html
    assert "<figcaption>Open on Sundays</figcaption>" in html


def test_a_decorative_image_has_empty_alt_text_and_no_caption(image):
    html = render(image, alt_text="ignored", decorative=True)

    assert 'alt=""' in html and "ignored" not in html
    assert "<figcaption>" not in html


def test_saving_an_image_without_alt_text_or_decorative_flag_is_refused(image):
    block = CaptionedImageBlock()
    value = block.to_python({"image": {"image": image.pk, "decorative": False, "alt_text": ""}})

    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value)
    image_errors = error.value.block_errors["image"].block_errors
    assert "alt text" in str(image_errors["alt_text"].messages[0])


def test_images_stored_in_the_old_shape_keep_their_alt_text_and_caption(articles_index, image):
    """articles 0003 rewrites {image, alt_text, caption} into Wagtail's ImageBlock shape; an
    empty alternative text meant "decorative" before, and says so explicitly after."""
    old_body = [
        {
            "type": "image",
            "id": "a",
            "value": {"image": image.pk, "alt_text": "Volunteers", "caption": "2020"},
        },
        {"type": "image", "id": "b", "value": {"image": image.pk, "alt_text": "", "caption": ""}},
    ]
    article = ArticlePageFactory(parent=articles_index)
    article.save_revision()
    # Written as raw JSON, as the old block stored it: the new block would not accept it.
    ArticlePage.objects.filter(pk=article.pk).update(
        body=Value(old_body, output_field=models.JSONField())
    )
    migration = importlib.import_module("articles.migrations.0003_captioned_image_block")
    data_migration = migration.Migration.operations[-1]
    data_migration.code(apps, schema_editor=None)  # a data-only step: no schema change

    article = ArticlePage.objects.get(pk=article.pk)
    captioned, decorative = article.body
    assert captioned.value["image"].pk == image.pk
    assert captioned.value["image"].contextual_alt_text == "Volunteers"
    assert captioned.value["caption"] == "2020"
    assert decorative.value["image"].decorative is True
    html = article.body.render_as_block()
    assert 'alt="Volunteers"' in html and "<figcaption>2020</figcaption>" in html
    assert 'alt=""' in html


def test_alt_text_and_caption_are_translated_with_the_article(articles_index, locales, image):
    article = ArticlePageFactory(
        parent=articles_index,
        body=[
            (
                "image",
                {
                    "image": {"image": image, "decorative": False, "alt_text": "Volunteers"},
                    "caption": "Packing boxes",
                },
            )
        ],
    )
    source, _ = TranslationSource.get_or_create_from_instance(article)
    spanish = Locale.objects.get(language_code="es")
    words = {"Volunteers": "Voluntarios", "Packing boxes": "Empacando cajas"}
    for segment in StringSegment.objects.filter(source=source).select_related("string"):
        if segment.string.data in words:
            StringTranslation.objects.create(
                translation_of=segment.string,
                locale=spanish,
                context=segment.context,
                data=words[segment.string.data],
            )

    translated, _ = source.create_or_update_translation(
        spanish, copy_parent_pages=True, fallback=True
    )

    html = translated.body.render_as_block()
    assert 'alt="Voluntarios"' in html
    assert "<figcaption>Empacando cajas</figcaption>" in html
    assert translated.body[0].value["image"].pk == image.pk  # the image is synchronized
