"""The production stack's smoke test runs against a stack scripts/stack/up.sh started: its
address and editor login come from build/stack/stack.env (or STACK_URL and friends in the
environment). No database of the test run is used: the stack is another set of processes."""

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.chromium import CHROMIUM, DESKTOP, PHONE, launch_chromium, open_tab, sign_in
from tests.browser.conftest import TIMEOUT_MS
from tests.conftest import skip_or_fail_in_ci

STACK_ENV = Path(__file__).resolve().parents[2] / "build" / "stack" / "stack.env"


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "stack: drives the whole stack scripts/stack/up.sh started (STACK_URL)"
    )


def stack_settings():
    values = {}
    if STACK_ENV.exists():
        values = dict(
            line.split("=", 1) for line in STACK_ENV.read_text().splitlines() if "=" in line
        )
    values.update({k: v for k, v in os.environ.items() if k.startswith("STACK_")})
    return values


@pytest.fixture(scope="session")
def stack():
    values = stack_settings()
    if "STACK_URL" not in values:
        # Not skip_or_fail_in_ci: CI runs these in their own step, after `scripts/stack/up.sh`;
        # the suite's other runs have no stack and must not fail for it.
        pytest.skip("no stack is running: start one with `scripts/stack/up.sh`")
    if not CHROMIUM.exists():
        skip_or_fail_in_ci(f"{CHROMIUM} is missing: run `sudo scripts/browser/install.sh`")
    expect.set_options(timeout=TIMEOUT_MS)
    return values


@pytest.fixture
def chromium(stack):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        yield browser
        browser.close()


def _tab(chromium, stack, options):
    return open_tab(chromium, stack["STACK_URL"], options, TIMEOUT_MS)


@pytest.fixture
def reader(chromium, stack):
    """A reader's phone, through the cache."""
    context, tab = _tab(chromium, stack, PHONE)
    yield tab
    context.close()


@pytest.fixture
def editor(chromium, stack):
    """An editor's desktop, signed in to the admin through the cache."""
    context, tab = _tab(chromium, stack, DESKTOP)
    sign_in(tab, stack["STACK_EDITOR"], stack["STACK_EDITOR_PASSWORD"])
    yield tab
    context.close()
