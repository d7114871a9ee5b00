"""A translator flags a translation for review from its edit screen, readers see the note, and a
reviewer clears it (issue 12, section 5), in a real browser: the admin's Actions menu, the
form, the confirmation, and the public page between each step."""

import re

from django.contrib.auth import get_user_model
from django.utils import translation
from django.utils.translation import gettext

from wagtail.models import Locale, Page, Site

import pytest
from playwright.sync_api import expect

from directory.factories import DirectoryIndexPageFactory, GroupPageFactory
from home.factories import HomePageFactory
from tests.browser.chromium import DESKTOP, PHONE, open_tab, sign_in
from tests.browser.conftest import TIMEOUT_MS
from tests.helpers import translate

pytestmark = pytest.mark.browser

EDITOR = {"username": "reviewer", "password": "a-long-test-password"}
MACHINE_NOTE = (
    "This translation was made with a machine's help and has not yet been checked by a "
    "fluent reader."
)


@pytest.fixture
def spanish_listing(browser_db, live_server, settings):
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    for code in ("en", "es"):
        Locale.objects.get_or_create(language_code=code)
    home = HomePageFactory(parent=Page.get_first_root_node(), slug="portal-home")
    Site.objects.filter(is_default_site=True).update(root_page=home)
    directory = DirectoryIndexPageFactory(parent=home, slug="directory")
    listing = GroupPageFactory(
        parent=directory, slug="kent-pantry", title="Kent pantry", phone="206-555-0161"
    )
    translate(home, "es")
    translate(directory, "es")
    spanish = translate(listing, "es", title="Despensa de Kent")
    get_user_model().objects.create_superuser(email="reviewer@example.org", **EDITOR)
    return spanish.pk


def open_actions(page):
    toggle = page.get_by_role("button", name="Actions", exact=True)
    expect(toggle).to_have_attribute("aria-expanded", "false")  # its script has started
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")


def test_a_translation_is_flagged_then_marked_reviewed(spanish_listing, chromium, live_server):
    with translation.override("es"):
        note = gettext(MACHINE_NOTE)
    editor_context, editor = open_tab(chromium, live_server.url, DESKTOP, TIMEOUT_MS)
    reader_context, reader = open_tab(chromium, live_server.url, PHONE, TIMEOUT_MS)
    reader.goto("/es/directory/kent-pantry/")
    expect(reader.get_by_role("heading", level=1)).to_have_text("Despensa de Kent")
    expect(reader.get_by_text(note)).to_have_count(0)

    sign_in(editor, EDITOR["username"], EDITOR["password"])
    editor.goto(f"/admin/pages/{spanish_listing}/edit/")
    open_actions(editor)
    editor.get_by_role("link", name="Flag translation for review").click()
    editor.get_by_label("Reason").select_option(label="Machine-assisted: needs a fluent reviewer")
    editor.get_by_label("Note").fill("Hours and summary came from a machine.")
    editor.get_by_role("button", name="Flag for review").click()
    expect(editor.get_by_text(re.compile("is flagged for review"))).to_be_visible()

    reader.reload()
    expect(reader.get_by_role("note").filter(has_text=note)).to_be_visible()

    open_actions(editor)
    editor.get_by_role("link", name="Mark translation reviewed").click()
    expect(editor.get_by_text("Hours and summary came from a machine.")).to_be_visible()
    editor.get_by_role("button", name="Yes, a fluent reader checked it").click()
    expect(editor.get_by_text(re.compile("is marked reviewed"))).to_be_visible()

    reader.reload()
    expect(reader.get_by_role("heading", level=1)).to_have_text("Despensa de Kent")
    expect(reader.get_by_text(note)).to_have_count(0)
    editor_context.close()
    reader_context.close()
