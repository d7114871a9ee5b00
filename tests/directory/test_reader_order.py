"""The directory lists the reader's language first: a translated listing comes before an
untranslated English one (shown as a fallback), whatever their titles, as search does."""

import pytest

from directory.factories import GroupPageFactory
from tests.helpers import publish, translate

pytestmark = pytest.mark.django_db


def card_titles(html):
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    return [h.get_text(strip=True) for h in soup.select(".card h2, .card h3")]


def test_a_translated_listing_comes_before_an_english_fallback(locales, home, directory, client):
    translate(home, "am")
    translate(directory, "am")
    english_only = GroupPageFactory(parent=directory, slug="a-line", title="A county line")
    pantry = GroupPageFactory(parent=directory, slug="pantry", title="Pantry")
    for page in (english_only, pantry):
        publish(page, website="https://example.org/")
    translate(pantry, "am", title="የምግብ ባንክ")

    english = card_titles(client.get("/en/directory/").content.decode())
    amharic = card_titles(client.get("/am/directory/").content.decode())

    assert english.index("A county line") < english.index("Pantry")  # by title
    assert amharic.index("የምግብ ባንክ") < amharic.index("A county line")
