"""Ge'ez text renders in an Ethiopic font (issue 12): on Amharic and Tigrinya pages the Ethiopic
fonts come before `system-ui`, so the site name, navigation and headings never fall to a
system font that draws boxes. Chromium reports the fonts it actually drew each element with."""

import os
import re
from pathlib import Path

import pytest

from .chromium import CHROMIUM, CHROMIUM_ARGS, PHONE, open_tab
from .conftest import TIMEOUT_MS

SHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"
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


# --- On a device with no Ge'ez font at all --------------------------------------------------
# Many phones and computers carry none. Chromium here is started with a fontconfig that
# rejects every system font covering Amharic or Tigrinya, so Ge'ez text can only be drawn by
# the font the portal serves (portal/static/fonts, `make fonts`); if it failed, the text
# would be drawn as boxes ("tofu") by whatever font came next.

NO_GEEZ_FONTCONFIG = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <selectfont><rejectfont>
    <pattern><patelt name="lang"><string>am</string></patelt></pattern>
    <pattern><patelt name="lang"><string>ti</string></patelt></pattern>
  </rejectfont></selectfont>
</fontconfig>
"""
GEEZ = re.compile("[\u1200-\u139f\u2d80-\u2ddf\uab00-\uab2f]")


@pytest.fixture
def page_without_geez_font(demo_site, live_server, tmp_path):
    from playwright.sync_api import sync_playwright

    config = tmp_path / "fonts.conf"
    config.write_text(NO_GEEZ_FONTCONFIG)
    env = {**os.environ, "FONTCONFIG_FILE": str(config)}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS, env=env
        )
        context, tab = open_tab(browser, live_server.url, PHONE, TIMEOUT_MS)
        yield tab
        context.close()
        browser.close()


def drawn_glyphs(page, selector, index=0):
    """{(font family, from the page's own web font?): glyphs drawn} for the `index`th match."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    node = cdp.send("DOM.querySelectorAll", {"nodeId": root, "selector": selector})["nodeIds"][
        index
    ]
    fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    return {(font["familyName"], font["isCustomFont"]): font["glyphCount"] for font in fonts}


@pytest.mark.parametrize("code", ["am", "ti"])
def test_without_any_geez_font_the_portal_brings_its_own_no_tofu(page_without_geez_font, code):
    page = page_without_geez_font
    # First, the machine really has none: Ge'ez text in the system's sans-serif finds no
    # Ethiopic font (were one left, this test would prove nothing).
    page.set_content('<p lang="am" style="font-family: sans-serif">ሰላም ዓለም</p>')
    assert not {family for family, _custom in drawn_glyphs(page, "p")} & ETHIOPIC_FONTS

    page.goto(f"/{code}/")
    page.evaluate("document.fonts.ready")
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"no-geez-font-{code}-home-phone.png"))
    links = page.locator(".site-nav a")
    targets = [(".brand__name", 0), ("h1", 0)]
    targets += [(".site-nav a", index) for index in range(links.count())]
    assert links.count() >= 3, links.all_inner_texts()  # Articles, Suggest, Search...
    for selector, index in targets:
        text = page.locator(selector).nth(index).inner_text()
        letters = len(GEEZ.findall(text))
        assert letters, (selector, text)  # the navigation is in Ge'ez, not English
        glyphs = drawn_glyphs(page, selector, index)
        served = glyphs.get(("Noto Sans Ethiopic", True), 0)
        # Every Ge'ez letter drawn by the portal's font, none left to a font without it.
        assert served >= letters, (selector, text, glyphs)
