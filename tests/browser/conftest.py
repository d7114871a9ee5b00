"""Fixtures for the browser tests: Debian's Chromium through Playwright, against live_server.

Without /usr/bin/chromium (or axe-core, for the accessibility test) the tests skip on a laptop,
naming the command that installs it, but fail in CI (where `CI` is set and `.ci/run` installs
both first), so a missing browser can never pass CI silently.

Tests wait for conditions, never for fixed times: Playwright's actions wait until their element
is actionable, `expect(...)` retries an assertion until it holds, `wait_for_url` waits for a
navigation. The timeouts below only bound how long a broken page is waited for.

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
from playwright.sync_api import expect

from tests.conftest import skip_or_fail_in_ci

from .chromium import CHROMIUM, DESKTOP, PHONE, launch_chromium, open_tab
from .pages import AXE

# Generous: under `pytest -n auto` two workers share two cores, each with its own Chromium,
# and the editor journey waits on a full publish (revision, search indexing) under that load.
# A passing test never waits this long: every wait ends as soon as its condition holds.
TIMEOUT_MS = 90_000
expect.set_options(timeout=TIMEOUT_MS)


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


def pytest_runtest_setup(item):
    """Look for the browser before any fixture runs, so a missing one costs no demo load."""
    if not CHROMIUM.exists():
        skip_or_fail_in_ci(
            f"{CHROMIUM} is missing: run `sudo scripts/browser/install.sh` (Debian's chromium), "
            "or set CHROMIUM_PATH to a Chromium binary"
        )


@pytest.fixture
def browser_db(django_db_serialized_rollback):
    """A transactional database (the live server sees our writes) that gets Wagtail's root page
    and default site back after the flush, so the tests that run after ours still find them."""


@pytest.fixture
def demo_site(browser_db, live_server):
    """The demo content, loaded in the live server's database, as a reader would meet it."""
    call_command("load_demo", verbosity=0, stdout=io.StringIO())


@pytest.fixture
def axe():
    """axe-core's script, installed from package-lock.json by `make test` when npm is present."""
    if not AXE.exists():
        skip_or_fail_in_ci(
            f"{AXE} is missing: install Node.js 20+, then run `make node-tools` (npm ci)"
        )
    return AXE


@pytest.fixture
def chromium(browser_db, live_server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        yield browser
        browser.close()


def _tab(chromium, live_server, options):
    return open_tab(chromium, live_server.url, options, TIMEOUT_MS)


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
