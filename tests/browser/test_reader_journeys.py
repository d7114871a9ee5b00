"""Every reader reaches help (issue 12): the journeys of readers of each language, on a phone.

Each journey is named after the reader it follows and builds its own clearly fictional
directory (555-01xx numbers, example.org addresses) before the browser opens (see conftest).
Taps are counted with `Taps`: a journey that needs more than the issue allows fails. The ZIP
code journey uses made-up street addresses placed near real ZIP centroids (`zipcodes`).
"""

import re
from decimal import Decimal

from django.conf import settings
from django.utils import translation

from wagtail.models import Locale, Page, Site

import pytest
from playwright.sync_api import expect

from directory.factories import (
    AreaFactory,
    DirectoryIndexPageFactory,
    ExternalFormPageFactory,
    GroupPageFactory,
    HotlinePageFactory,
    LanguageFactory,
    NeedFactory,
)
from directory.models import FormLink, ListingLocation
from directory.national_lines import NATIONAL_LINES
from home.factories import HomePageFactory
from tests.helpers import publish, translate

pytestmark = pytest.mark.browser

LANGUAGES = [code for code, _name in settings.LANGUAGES]
# What each language's home page calls the "Get help" path, in the fixture.
GET_HELP = {
    "en": "Get help",
    "es": "Pedir ayuda",
    "vi": "Nhận giúp đỡ",
    "am": "እርዳታ ያግኙ",
    "ti": "ሓገዝ ርኸቡ",
}
PANTRY_PHONE = "+12065550142"  # fictional: 555-01xx
REQUEST_FORM_VI = "https://forms.example.org/xin-ho-tro"


class Taps:
    """Taps a reader makes on a touch screen, counted."""

    def __init__(self):
        self.count = 0

    def tap(self, locator):
        locator.tap()
        self.count += 1


def copy_term(term, code, **fields):
    """A taxonomy term's translation (its slug stays the same in every language)."""
    copy = term.copy_for_translation(Locale.objects.get(language_code=code))
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.save()
    return copy


@pytest.fixture
def reader_site(browser_db, live_server):
    """A home page and a directory in all five languages."""
    locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGUAGES}
    home = HomePageFactory(
        parent=Page.get_first_root_node(), slug="portal-home", get_help_title=GET_HELP["en"]
    )
    Site.objects.filter(is_default_site=True).update(root_page=home)
    directory = DirectoryIndexPageFactory(parent=home, slug="directory")
    for code in LANGUAGES[1:]:
        translate(home, code, get_help_title=GET_HELP[code])
        translate(directory, code)
    return {"home": home, "directory": directory, "locales": locales}


@pytest.fixture
def south_king_county_food(reader_site):
    """A food bank in Kent (South King County) with a phone, translated into Amharic; a
    county-wide hotline; and a Seattle kitchen the South King County reader should not need."""
    directory = reader_site["directory"]
    county = AreaFactory(slug="king-county", name="All of King County")
    south = AreaFactory(slug="south-king-county", name="South King County", parent=county)
    seattle = AreaFactory(slug="seattle", name="Seattle", parent=county)
    copy_term(south, "am", name="ደቡብ ኪንግ ካውንቲ")
    food = NeedFactory(slug="food", name="Food")
    copy_term(food, "am", name="ምግብ")
    pantry = GroupPageFactory(
        parent=directory,
        slug="kent-food-bank",
        title="Kent food bank",
        summary="Groceries for anyone who asks, every Saturday.",
        direction="get",
        needs=[food],
        areas=[south],
        phone="206-555-0142",
    )
    publish(pantry)
    translate(pantry, "am", title="የኬንት ምግብ ባንክ", summary="ለሚጠይቅ ሁሉ የምግብ ሸቀጦች፣ በየቅዳሜው።")
    HotlinePageFactory(
        parent=directory,
        slug="county-help-line",
        title="County help line",
        direction="get",
        areas=[county],
        phone="206-555-0177",
    )
    GroupPageFactory(
        parent=directory,
        slug="seattle-kitchen",
        title="Seattle community kitchen",
        direction="get",
        needs=[food],
        areas=[seattle],
        phone="206-555-0188",
    )


def test_an_amharic_reader_needing_food_in_south_king_county_reaches_a_call_in_four_taps(
    south_king_county_food, chromium, live_server
):
    # Her phone asks for Amharic: the bare address sends her to the Amharic site.
    context = chromium.new_context(
        base_url=live_server.url,
        viewport={"width": 390, "height": 844},
        is_mobile=True,
        has_touch=True,
        locale="am",
    )
    page = context.new_page()
    taps = Taps()
    page.goto("/")
    expect(page.locator("html")).to_have_attribute("lang", "am")

    taps.tap(page.get_by_role("link", name=re.compile(GET_HELP["am"])))
    taps.tap(page.get_by_role("link", name="ደቡብ ኪንግ ካውንቲ"))
    expect(page.get_by_role("heading", level=1)).to_have_text("ደቡብ ኪንግ ካውንቲ")

    card = page.locator(".card").filter(has_text="የኬንት ምግብ ባንክ")
    call = card.locator(".primary-action__button")
    expect(call).to_have_attribute("href", f"tel:{PANTRY_PHONE}")
    call.scroll_into_view_if_needed()  # a swipe, not a tap
    expect(call).to_be_in_viewport()
    box = call.bounding_box()
    assert box["height"] >= 44, box  # a thumb-sized target
    # Tapping it is her third tap: it dials (a browser cannot follow tel: here, so count it).
    taps.count += 1
    assert taps.count <= 4
    # Seattle's kitchen is not offered for South King County; the county-wide line is.
    expect(page.locator(".card").filter(has_text="Seattle community kitchen")).to_have_count(0)
    expect(page.locator(".card").filter(has_text="County help line")).to_have_count(1)
    context.close()


@pytest.fixture
def vietnamese_request_form(reader_site):
    """The request form and a volunteer form translated into Vietnamese, among English food
    listings that also match "thuc pham" only through their English fallbacks."""
    directory = reader_site["directory"]
    food = NeedFactory(slug="food", name="Food")
    copy_term(food, "vi", name="Thực phẩm")
    vietnamese = LanguageFactory(code="vi", name="Vietnamese", native_name="Tiếng Việt")
    request = ExternalFormPageFactory(
        parent=directory,
        slug="request-support",
        title="Request support form",
        summary="Ask neighbours for groceries (food) and supplies.",
        direction="get",
        needs=[food],
        languages=[vietnamese],
    )
    FormLink.objects.create(page=request, language=vietnamese, url=REQUEST_FORM_VI)
    publish(request)
    translate(
        request,
        "vi",
        title="Mẫu đơn xin hỗ trợ thực phẩm",
        summary="Nhờ hàng xóm giúp thực phẩm và nhu yếu phẩm.",
    )
    volunteer = ExternalFormPageFactory(
        parent=directory,
        slug="volunteer",
        title="Volunteer to deliver food",
        summary="Deliver groceries to neighbours.",
        direction="give",
        needs=[food],
    )
    translate(
        volunteer,
        "vi",
        title="Tình nguyện giao thực phẩm",
        summary="Giao thực phẩm cho hàng xóm.",
    )
    for title in ["Food pantry shelf", "Community food fridge", "Food delivery circle"]:
        GroupPageFactory(
            parent=directory, title=title, summary="Food for neighbours.", needs=[food]
        )


def test_a_vietnamese_reader_typing_thuc_pham_sees_the_request_form_first_screen(
    vietnamese_request_form, page
):
    page.goto("/vi/search/")
    box = page.locator("#q")
    box.press_sequentially("thuc pham")  # typed without diacritics, as on many phones
    box.press("Enter")

    top = page.locator(".results .result h2").filter(has_text="Mẫu đơn xin hỗ trợ thực phẩm")
    expect(top).to_be_in_viewport(ratio=1)
    titles = page.locator(".results .result h2").all_inner_texts()
    position = [t.strip() for t in titles].index("Mẫu đơn xin hỗ trợ thực phẩm")
    assert position < 3, titles
    # A request form, asked for by a reader in need, above any volunteer form.
    volunteer = [t.strip() for t in titles].index("Tình nguyện giao thực phẩm")
    assert position < volunteer, titles


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_reader_sees_911_988_and_211_to_tap_in_their_language(reader_site, page, code):
    with translation.override(code):
        names = [str(line.name) for line in NATIONAL_LINES]
    for url in [f"/{code}/", f"/{code}/directory/get-help/", f"/{code}/search/?q=food"]:
        page.goto(url)
        block = page.locator("section.urgent-help")
        calls = block.locator("a.urgent-help__call")
        expect(calls).to_have_count(3)
        for call, number, name in zip(calls.all(), ["911", "988", "211"], names, strict=True):
            expect(call).to_be_visible()
            expect(call).to_have_attribute("href", f"tel:{number}")
            expect(call).to_have_accessible_name(f"{number} {name}")
            assert call.bounding_box()["height"] >= 44, (url, number)


def located(latitude, longitude):
    """One location at a made-up street address, near a real ZIP centroid."""
    return [
        ListingLocation(
            address_1="100 Example Street",
            latitude=Decimal(latitude),
            longitude=Decimal(longitude),
        )
    ]


@pytest.fixture
def listings_with_places(reader_site):
    """Titles in the reverse of the distance from Kent (98032), so the usual order (by title)
    and the "near me" order differ; one listing without a place serves the whole county."""
    directory = reader_site["directory"]
    county = AreaFactory(slug="king-county", name="All of King County")
    for title, place, phone in [
        ("A Redmond tool library", located("47.6718", "-122.1232"), "206-555-0151"),
        ("B Columbia City pantry", located("47.5412", "-122.2750"), "206-555-0152"),
        ("C Kent food bank", located("47.3800", "-122.2850"), "206-555-0153"),
    ]:
        GroupPageFactory(
            parent=directory, title=title, direction="get", locations=place, phone=phone
        )
    GroupPageFactory(
        parent=directory,
        title="D County delivery circle",
        direction="get",
        areas=[county],
        phone="206-555-0154",
    )


def test_a_reader_entering_a_zip_code_gets_the_nearest_listings_first(listings_with_places, page):
    page.goto("/en/directory/get-help/")
    page.get_by_text("Filters").tap()  # folded on a phone
    page.get_by_label("Near (ZIP code)").fill("98032")
    page.get_by_role("button", name="Show listings").tap()

    expect(page.locator(".near-status")).to_have_text("Nearest first, from ZIP code 98032.")
    cards = page.locator(".card-list .card--listing")
    expect(cards).to_have_count(4)
    titles = [t.strip() for t in cards.locator(".card__title").all_inner_texts()]
    assert titles == [
        "C Kent food bank",
        "B Columbia City pantry",
        "A Redmond tool library",
        "D County delivery circle",  # no address: after every listing with one
    ]
    miles = [float(text.split()[0]) for text in cards.locator(".card__distance").all_inner_texts()]
    assert len(miles) == 3 and miles == sorted(miles), miles
    assert miles[0] < 1 < miles[1]  # Kent's food bank is in the ZIP, the others are not
    expect(cards.first.locator(".primary-action__button")).to_be_in_viewport()
