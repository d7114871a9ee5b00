"""How we launch Debian's Chromium from Playwright: one place for the path and the flags.

Playwright drives the system browser (`/usr/bin/chromium`, from Debian's `chromium` package);
it never downloads one. The flags keep a headless run quiet and offline: no first-run screens,
no background fetches, no component or sync updates, no QUIC.
"""

import os
import re
from pathlib import Path

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
DESKTOP = {"viewport": {"width": 1280, "height": 800}}


def launch_chromium(playwright):
    """A headless Chromium browser from the system package."""
    return playwright.chromium.launch(
        executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
    )


def open_tab(browser, base_url, options, timeout_ms):
    """A fresh browser context (no cookies) and its tab, relative URLs against `base_url`."""
    context = browser.new_context(base_url=base_url, **options)
    context.set_default_timeout(timeout_ms)
    return context, context.new_page()


def sign_in(tab, username, password):
    """Sign in through the admin's login form, as an editor does."""
    tab.goto("/admin/login/")
    tab.get_by_label(re.compile("username", re.IGNORECASE)).fill(username)
    tab.get_by_label(re.compile("password", re.IGNORECASE)).fill(password)
    tab.get_by_role("button", name=re.compile("sign in", re.IGNORECASE)).click()
    tab.wait_for_url(re.compile(r"/admin/$"))


def choose_language(tab, name):
    """Follow the language switcher's link named `name` (a language in its own script)."""
    tab.get_by_role("navigation", name="Language").get_by_role(
        "link", name=re.compile(name, re.IGNORECASE)
    ).click()
