"""Every page type of the demo, in every language, as Chromium renders it: axe and structure."""

from django.conf import settings

import pytest
from playwright.sync_api import expect

from .pages import axe_violations, demo_page_types, heading_levels, in_language

pytestmark = pytest.mark.browser


@pytest.fixture
def demo_pages(demo_site):
    return demo_page_types()


def test_every_page_type_in_every_language_passes_axe(axe, demo_pages, page):
    problems = []
    for code, _name in settings.LANGUAGES:
        for page_type, url in demo_pages.items():
            address = in_language(url, code)
            response = page.goto(address)
            expected = 404 if page_type == "not found" else 200
            where = f"{page_type} {address}"
            if response.status != expected:
                problems.append(f"{where}: status {response.status}")
                continue
            problems += [f"{where}: {violation}" for violation in axe_violations(page, axe)]
            if page.get_attribute("html", "lang") != code:
                problems.append(f"{where}: <html lang> is not {code}")
            levels = heading_levels(page)
            if levels[:1] != [1] or levels.count(1) != 1:
                problems.append(f"{where}: expected one h1 first, got {levels}")
            skipped = [(a, b) for a, b in zip(levels, levels[1:], strict=False) if b > a + 1]
            if skipped:
                problems.append(f"{where}: heading levels skip {skipped}")
    assert not problems, "\n".join(problems)


def test_keyboard_reader_can_skip_to_content_and_see_focus(demo_site, page):
    page.goto("/en/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    expect(skip).not_to_have_css("outline-style", "none")
    page.keyboard.press("Enter")
    expect(page.locator("#main")).to_be_focused()


def test_every_directory_page_shows_the_hotlines(demo_pages, page):
    for page_type in ["directory", "need route", "group", "form", "resource"]:
        page.goto(demo_pages[page_type])
        hotlines = page.get_by_role("region", name="Hotlines")
        hotline = hotlines.get_by_role("link", name="King County Public Health Hotline")
        expect(hotline, page_type).to_be_visible()


def test_home_first_screen_on_a_phone_offers_both_paths(demo_site, page):
    page.goto("/en/")
    for name in ["Get help", "Give help"]:
        # Wholly inside the first screen, before any scrolling.
        link = page.get_by_role("link", name=name).first
        expect(link, f"{name} below the fold").to_be_in_viewport(ratio=1)
