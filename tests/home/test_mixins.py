"""The introduction shared by the article index, the directory and the suggest page."""

from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

import pytest

from articles.factories import ArticleIndexPageFactory
from directory.factories import DirectoryIndexPageFactory
from suggestions.factories import SuggestListingPageFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "factory", [ArticleIndexPageFactory, DirectoryIndexPageFactory, SuggestListingPageFactory]
)
def test_the_intro_is_edited_translated_and_shown(factory, home, client):
    page = factory(parent=home, intro="<p>Start here, <b>neighbour</b>.</p>")

    form_fields = type(page).get_edit_handler().get_form_class().base_fields
    assert "intro" in form_fields
    translatable = {
        segment.path: segment.render_text()
        for segment in extract_segments(page)
        if isinstance(segment, StringSegmentValue)
    }
    assert translatable["intro"] == "Start here, neighbour."
    assert "Start here, <b>neighbour</b>." in client.get(page.url).content.decode()
