"""The whole production stack, end to end, through the cache: Varnish in front of gunicorn
(production settings), PostgreSQL, Redis, OpenSearch and the background worker, as
scripts/stack/up.sh starts them with the demo content. A reader finds help; pages come from
the cache; an editor publishes a change and readers see it through the cache within two
seconds (the worker purged it), and the search finds it (the worker indexed it)."""

import re
import time
import urllib.request
from urllib.parse import urljoin

import pytest
from playwright.sync_api import expect

from tests.browser.chromium import choose_language
from tests.browser.test_journeys import open_menu

pytestmark = pytest.mark.stack

LISTING_URL = "/en/directory/seattle-request-support-form/"
OPEN_DATA_URL = "/open-data/api/services?per_page=50"  # the demo's 16 services, on one page
# The editor rewords this demo listing's title, and back on the next run against the same stack.
TITLES = (
    "Ask for food or supplies: Seattle COVID-19 Mutual Aid",
    "Ask for groceries or supplies: Seattle COVID-19 Mutual Aid",
)


def fetch(stack, path):
    """An anonymous GET through the cache, as a reader's browser without cookies makes it."""
    with urllib.request.urlopen(urljoin(stack["STACK_URL"], path), timeout=10) as response:
        return response.headers, response.read().decode()


def test_a_reader_finds_help_through_the_cache(stack, reader):
    reader.goto("/en/search/?q=supplies+Seattle")
    title = re.compile("|".join(map(re.escape, TITLES)))
    reader.get_by_role("link", name=title).click()
    expect(reader.get_by_role("heading", level=1)).to_have_text(title)

    # The same page again, for any reader: the cache answers, not gunicorn.
    answer = reader.goto(reader.url)
    assert answer.headers["x-cache"] == "HIT"
    assert "cookie" not in answer.headers.get("vary", "").lower()
    expect(reader.get_by_role("heading", level=1)).to_have_text(title)


def test_a_reader_finds_help_in_spanish_through_the_cache(stack, reader):
    reader.goto("/en/")
    choose_language(reader, "español")
    expect(reader.locator("html")).to_have_attribute("lang", "es")
    reader.get_by_role("link", name=re.compile("^Recibir ayuda")).click()
    reader.get_by_role("link", name=re.compile("^Pedir alimentos o artículos")).click()
    expect(reader.get_by_role("heading", level=1)).to_have_text(
        re.compile("^Pedir alimentos o artículos")
    )
    # Spanish pages are shared from the cache like English ones.
    assert reader.goto(reader.url).headers["x-cache"] == "HIT"


def test_an_editor_publishes_and_readers_see_it_through_the_cache(stack, editor):
    old, new = TITLES if TITLES[0] in fetch(stack, LISTING_URL)[1] else TITLES[::-1]
    # The same listing as open data: the HSDS API's list and the export, both shared.
    paths = (LISTING_URL, "/en/directory/get-help/", OPEN_DATA_URL, "/open-data/directory.json")
    for path in paths:
        fetch(stack, path)
        headers, body = fetch(stack, path)
        assert headers["X-Cache"] == "HIT" and old in body  # cached, with the old title

    editor.goto("/admin/pages/search/?q=Seattle+supplies")
    editor.get_by_role("link", name=old, exact=True).click()
    editor.wait_for_url(re.compile(r"/admin/pages/\d+/edit/$"))
    editor.get_by_role("textbox", name=re.compile("^Title")).fill(new)
    open_menu(editor.get_by_role("button", name="More actions"))
    editor.get_by_role("button", name="Publish").click()
    expect(editor.get_by_text(f"Page '{new}' has been published.")).to_be_visible()
    published = time.monotonic()

    # The worker purges the listing, the pages that list it and the open data (every shape of
    # it goes with the export's purge: deploy/varnish/default.vcl); everyone gets the new title.
    for path in paths:
        while new not in fetch(stack, path)[1]:
            assert time.monotonic() - published < 2, f"{path} still shows the old title"
            time.sleep(0.1)

    # And indexes it: the cluster finds the new word (search pages are never cached).
    word = "groceries" if "groceries" in new else "food"
    while new not in fetch(stack, f"/en/search/?q={word}+Seattle")[1]:
        assert time.monotonic() - published < 10, "the search does not find the new title"
        time.sleep(0.2)
