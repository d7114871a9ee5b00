"""How we launch Debian's Chromium from Playwright: one place for the path and the flags.

Playwright drives the system browser (`/usr/bin/chromium`, from Debian's `chromium` package);
it never downloads one. The flags keep a headless run quiet and offline: no first-run screens,
no background fetches, no component or sync updates, no QUIC.
"""

import os
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
