"""Ge'ez text renders in an Ethiopic font (issue 12): on Amharic and Tigrinya pages the Ethiopic
fonts come before `system-ui`, so the site name, navigation and headings never fall to a
system font that draws boxes. Chromium reports the fonts it actually drew each element with."""

import pytest

ETHIOPIC_FONTS = {"Noto Sans Ethiopic", "Abyssinica SIL", "Nyala", "Ebrima"}


def drawn_fonts(page, selector):
    """The font families Chromium used to draw `selector`'s text (DevTools' CSS domain)."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    return {font["familyName"] for font in fonts}


@pytest.mark.parametrize("code", ["am", "ti"])
def test_geez_navigation_and_headings_draw_in_an_ethiopic_font(demo_site, page, code):
    page.goto(f"/{code}/")
    page.evaluate("document.fonts.ready")
    for selector in [".brand", ".site-nav li:first-child a", "h1"]:
        # Ge'ez letters in an Ethiopic font (spaces and the logo's symbol may take another)
        assert drawn_fonts(page, selector) & ETHIOPIC_FONTS, selector
        # and asked for first: a phone whose system-ui font lacks Ge'ez must not get boxes
        family = page.eval_on_selector(selector, "e => getComputedStyle(e).fontFamily")
        assert family.split(",")[0].strip('" ') in ETHIOPIC_FONTS, (selector, family)


def test_latin_pages_keep_the_system_font_first(demo_site, page):
    page.goto("/en/")
    assert page.eval_on_selector("h1", "e => getComputedStyle(e).fontFamily").startswith(
        "system-ui"
    )
