"""plain_text(): the one rich-text-to-plain-text rule the search index and the exports share;
highlight(): what the database backend's results mark."""

from search.text import highlight, plain_text, unmark_other_accents


def test_block_ends_become_spaces_and_entities_are_decoded():
    html = "<p>Food &amp; rent help</p><ul><li>Seattle</li><li>Kent</li></ul>Call<br>today"

    assert plain_text(html) == "Food & rent help Seattle Kent Call today"


def test_empty_rich_text_is_an_empty_string():
    assert plain_text(None) == "" and plain_text("<p> </p>") == ""


def test_a_term_without_accents_lights_up_the_accented_word():
    assert highlight("Giao thực phẩm tận nhà", ["thuc pham"]) == (
        "Giao <mark>thực</mark> <mark>phẩm</mark> tận nhà"
    )


def test_a_term_with_accents_lights_up_only_what_matched():
    """ "đồ ăn" folds to "do an", but "đỡ" (help) and English "do" are other words."""
    text = "Cần giúp đỡ? Chúng tôi mang đồ ăn đến. Do not wait."
    assert highlight(text, ["đồ ăn"]) == (
        "Cần giúp đỡ? Chúng tôi mang <mark>đồ</mark> <mark>ăn</mark> đến. Do not wait."
    )


def test_cluster_marks_on_words_of_other_accents_come_off():
    fragment = (
        "Cần giúp <mark>đỡ</mark>? Mang <mark>đồ</mark> <mark>ăn</mark> và <mark>meals</mark>"
    )
    assert unmark_other_accents(fragment, ["đồ ăn", "meal"]) == (
        "Cần giúp đỡ? Mang <mark>đồ</mark> <mark>ăn</mark> và <mark>meals</mark>"
    )
    # Typed without accents, every folded match stays marked.
    assert unmark_other_accents(fragment, ["do an"]) == fragment
