"""An editor adds a listing in a real browser: the slug fills itself from the title (it sits
on the Promote tab, out of sight), the hours are typed as people say them ("9am", "5:30 pm")
and copied to another day, and the listing is published with them.
"""

import re

from django.contrib.auth import get_user_model

from wagtail.models import Locale, Page, Site

import pytest
from playwright.sync_api import expect

from directory.factories import DirectoryIndexPageFactory
from home.factories import HomePageFactory
from tests.browser.chromium import sign_in

pytestmark = pytest.mark.browser

EDITOR = {"username": "editor", "password": "a-long-test-password"}


@pytest.fixture
def directory(browser_db, live_server, settings):
    # Wagtail autosaves a draft half a second after each change, which turns the create form
    # into an edit form mid-journey; off, the journey is the same on a fast or a loaded machine.
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    Locale.objects.get_or_create(language_code="en")
    home = HomePageFactory(parent=Page.get_first_root_node(), slug="portal-home")
    Site.objects.filter(is_default_site=True).update(root_page=home)
    get_user_model().objects.create_superuser(email="editor@example.org", **EDITOR)
    return DirectoryIndexPageFactory(parent=home)


def test_editor_adds_a_group_with_hours_typed_as_spoken(directory, desktop_page):
    page = desktop_page
    sign_in(page, EDITOR["username"], EDITOR["password"])
    page.goto(f"/admin/pages/add/directory/grouppage/{directory.pk}/")
    page.wait_for_load_state("networkidle")

    title = page.get_by_role("textbox", name=re.compile("^Title"))
    title.fill("Rainier Pantry")
    title.press("Tab")
    expect(page.locator("#id_slug")).to_have_value("rainier-pantry")
    page.get_by_label(re.compile("^Summary")).fill("Groceries for neighbours.")

    page.get_by_role("button", name=re.compile("Add opening hours", re.IGNORECASE)).click()
    row = page.locator("[id^='inline_child_opening_hours-0']").first
    row.get_by_role("combobox", name=re.compile("^Day")).select_option(label="Monday")
    row.get_by_role("textbox", name=re.compile("^Opens at")).fill("9am")
    row.get_by_role("textbox", name=re.compile("^Closes at")).fill("5:30 pm")
    row.get_by_role("checkbox", name="Wednesday").check()  # "Same hours on"

    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish").click()
    published = page.get_by_text("Page 'Rainier Pantry' created and published.")
    refused = page.locator(".messages .error, :not([hidden]):is(.error-message, .help-critical)")
    expect(published.or_(refused).first).to_be_visible()
    assert not refused.count(), refused.all_inner_texts()

    page.goto("/en/directory/rainier-pantry/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Rainier Pantry")
    for day in ("Monday", "Wednesday"):
        hours = page.get_by_role("row", name=re.compile(day))
        expect(hours.locator("time").first).to_have_attribute("datetime", "09:00")
        expect(hours.locator("time").last).to_have_attribute("datetime", "17:30")
