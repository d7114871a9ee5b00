"""Screenshots of the main pages, desktop and phone, English and Amharic, for the README.

Run against a server with the demo content (see bench/lighthouse.sh, or `make run`):

    .venv/bin/python scripts/browser/screenshots.py http://127.0.0.1:8016

Saves `docs/screenshots/<lang>-<page>-<device>.png`. Each image is the top of the page (what a
reader sees first, and a little more), reduced to a 64-colour palette so the files stay small.
"""

import argparse
import io
import sys
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from tests.browser.chromium import DESKTOP, PHONE, launch_chromium  # noqa: E402

PAGES = {
    "home": "/{lang}/",
    "directory": "/{lang}/directory/get-help/",
    # Areas nest: South King County's listings with those serving all of King County, labelled.
    "area": "/{lang}/directory/areas/south-king-county/",
    "listing": "/{lang}/directory/seattle-request-support-form/",
    "article": "/{lang}/articles/history-of-mutual-aid/",
    "search": "/{lang}/search/?q=food",
}
DEVICES = {"desktop": (DESKTOP, 1400), "phone": (PHONE, 1600)}
LANGUAGES = ["en", "am"]
PALETTE_COLOURS = 64


def save_small_png(png_bytes, path):
    image = Image.open(io.BytesIO(png_bytes)).convert("RGB")
    image = image.quantize(colors=PALETTE_COLOURS, method=Image.Quantize.MEDIANCUT)
    image.save(path, optimize=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base_url", help="e.g. http://127.0.0.1:8016")
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        for device, (options, max_height) in DEVICES.items():
            context = browser.new_context(**options)
            page = context.new_page()
            for lang in LANGUAGES:
                for name, path in PAGES.items():
                    url = args.base_url.rstrip("/") + path.format(lang=lang)
                    response = page.goto(url, wait_until="networkidle")
                    if response is None or response.status != 200:
                        raise SystemExit(f"{url} answered {response and response.status}")
                    width = options["viewport"]["width"]
                    height = min(max_height, page.evaluate("document.body.scrollHeight"))
                    png = page.screenshot(
                        full_page=True, clip={"x": 0, "y": 0, "width": width, "height": height}
                    )
                    target = args.out / f"{lang}-{name}-{device}.png"
                    save_small_png(png, target)
                    print(f"{target}  {target.stat().st_size // 1024} KB")  # noqa: T201
            context.close()
        browser.close()


if __name__ == "__main__":
    main()
