"""plain_text(): the one rich-text-to-plain-text rule the search index and the exports share."""

from search.text import plain_text


def test_block_ends_become_spaces_and_entities_are_decoded():
    html = "<p>Food &amp; rent help</p><ul><li>Seattle</li><li>Kent</li></ul>Call<br>today"

    assert plain_text(html) == "Food & rent help Seattle Kent Call today"


def test_empty_rich_text_is_an_empty_string():
    assert plain_text(None) == "" and plain_text("<p> </p>") == ""
