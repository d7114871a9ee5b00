"""Images in articles are sent as responsive renditions in modern formats."""

import pytest
import wagtail_factories

from home.blocks import ImageBlock


@pytest.mark.django_db
def test_image_block_offers_avif_and_webp_in_several_widths():
    image = wagtail_factories.ImageFactory(file__width=1600, file__height=900)
    block = ImageBlock()
    html = block.render(block.to_python({"image": image.pk, "alt_text": "A community pantry"}))

    assert 'type="image/avif"' in html and ".format-avif.width-480.avif 480w" in html
    assert 'type="image/webp"' in html and ".format-webp.width-1200.webp 1200w" in html
    assert ".width-800." in html
    assert 'alt="A community pantry"' in html
    assert 'loading="lazy"' in html
