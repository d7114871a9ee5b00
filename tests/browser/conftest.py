"""Fixtures for the browser tests: Debian's Chromium through Playwright, against live_server.

Without /usr/bin/chromium the tests skip on a laptop, but fail in CI (where `CI` is set and
`.ci/run` installs Chromium first), so a missing browser can never pass CI silently.

Playwright's sync API keeps an event loop running in the test's thread while it is open, and
Django then hands out *other* database connections (asgiref's context-local storage) and
refuses ORM calls. So each test opens Playwright only after its data is in place and closes it
before the database is flushed: set data up in fixtures listed *before* `page`, and drive only
the browser in the test body. Starting Chromium per test costs about a second.
"""

import io
import os

from django.core.management import call_command

import pytest

from .chromium import CHROMIUM, DESKTOP, PHONE, launch_chromium

# Generous: under `pytest -n auto` two workers share two cores, each with its own Chromium,
# and the editor journey waits on a full publish (revision, search indexing) under that load.
TIMEOUT_MS = 45_000


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture
def browser_db(django_db_serialized_rollback):
    """A transactional database (the live server sees our writes) that gets Wagtail's root page
    and default site back after the flush, so the tests that run after ours still find them."""


@pytest.fixture
def demo_site(browser_db, live_server):
    """The demo content, loaded in the live server's database, as a reader would meet it."""
    call_command("load_demo", verbosity=0, stdout=io.StringIO())


@pytest.fixture
def chromium(browser_db, live_server):
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is missing: run scripts/browser/install.sh"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        yield browser
        browser.close()


def _tab(chromium, live_server, options):
    context = chromium.new_context(base_url=live_server.url, **options)
    context.set_default_timeout(TIMEOUT_MS)
    return context, context.new_page()


@pytest.fixture
def page(chromium, live_server):
    """A phone-sized tab (mobile first) whose relative URLs point at the live server."""
    context, tab = _tab(chromium, live_server, PHONE)
    yield tab
    context.close()


@pytest.fixture
def desktop_page(chromium, live_server):
    context, tab = _tab(chromium, live_server, DESKTOP)
    yield tab
    context.close()
