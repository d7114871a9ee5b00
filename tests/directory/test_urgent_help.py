"""The urgent-help block: 911, 988 and 211 to tap and call, explained in the reader's language,
on the home page, every directory page and the search page, then the editors' hotlines."""

from django.conf import settings
from django.utils import translation

import pytest
from bs4 import BeautifulSoup

from directory.factories import GroupPageFactory, HotlinePageFactory, NeedFactory
from directory.national_lines import NATIONAL_LINES
from home.models import HomeUrgentContact
from tests.helpers import publish

LANGUAGES = [code for code, _name in settings.LANGUAGES]


@pytest.fixture
def site(locales, home, directory):
    food = NeedFactory(slug="food", name="Food")
    GroupPageFactory(parent=directory, title="Rainier pantry", summary="Groceries", needs=[food])
    hotline = HotlinePageFactory(parent=directory, title="Example crisis line", call_about="Talk")
    publish(home, urgent_contacts=[HomeUrgentContact(hotline=hotline)])
    return {"home": home, "directory": directory, "hotline": hotline}


def urgent_block(client, url):
    html = client.get(url).content.decode()
    block = BeautifulSoup(html, "html.parser").find("section", class_="urgent-help")
    assert block is not None, f"no urgent-help block on {url}"
    return block


def reader_pages(code):
    return [
        f"/{code}/",
        f"/{code}/directory/",
        f"/{code}/directory/get-help/",
        f"/{code}/directory/needs/food/",
        f"/{code}/search/",
        f"/{code}/search/?q=pantry",
        f"/{code}/search/?q=nothing-matches-this",
    ]


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_page_offers_911_988_and_211_in_the_readers_words(site, client, code):
    with translation.override(code):
        expected = {line.number: (str(line.name), str(line.about)) for line in NATIONAL_LINES}
    for url in reader_pages(code):
        block = urgent_block(client, url)
        calls = block.select("a.urgent-help__call")
        assert [a["href"] for a in calls] == ["tel:911", "tel:988", "tel:211"], url
        for call in calls:
            number = call["href"].removeprefix("tel:")
            name, about = expected[number]
            assert call.get_text(strip=True) == number, url
            # Screen readers say the number with its name (aria-labelledby).
            named_by = [block.find(id=ref) for ref in call["aria-labelledby"].split()]
            assert [n.get_text(strip=True) for n in named_by] == [number, name], url
            assert about in call.parent.get_text(" ", strip=True), url


@pytest.mark.parametrize("code", [code for code in LANGUAGES if code != "en"])
def test_the_explanations_are_translated(code):
    """Each language has its own words for every line: none falls back to English."""
    for line in NATIONAL_LINES:
        with translation.override("en"):
            english = (str(line.name), str(line.about))
        with translation.override(code):
            assert str(line.about) != english[1], (code, line.number)
            if line.number != "211":  # "King County 211" may stay a name
                assert str(line.name) != english[0], (code, line.number)


def test_editors_hotlines_follow_the_three_numbers(site, client):
    for url in ("/en/", "/en/directory/", "/en/search/?q=pantry"):
        block = urgent_block(client, url)
        hotlines = block.select_one(".hotlines")
        assert hotlines is not None, url
        assert "Example crisis line" in hotlines.get_text()
        # after the three numbers
        assert str(block).index("tel:211") < str(block).index("Example crisis line"), url


def test_home_without_chosen_hotlines_still_offers_the_three_numbers(locales, home, client):
    block = urgent_block(client, "/en/")
    assert [a["href"] for a in block.select("a.urgent-help__call")] == [
        "tel:911",
        "tel:988",
        "tel:211",
    ]
    assert block.select_one(".hotlines") is None
