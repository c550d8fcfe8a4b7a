"""Screenshots of the pages a visitor judges the design by, at desktop and mobile widths.

Against a running demo site:
`.venv/bin/python scripts/screenshots.py http://127.0.0.1:8000 docs/screenshots/after`.
Each file is a JPEG of the whole page, kept under 200 KB (lower quality, then a shorter page) so
the repository stays small.
"""

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

PAGES = {
    "home": "/",
    "case-studies": "/case-studies/",
    "case-study": "/case-studies/moving-a-housing-associations-records-to-the-cloud/",
    "article": "/knowledge/matching-skilled-volunteers-with-short-clear-requests/",
    "search": "/search/?q=energy",
    "join": "/join/",
}
SIZES = {"desktop": {"width": 1280, "height": 900}, "mobile": {"width": 390, "height": 844}}
LIMIT = 200_000


def shoot(page, path):
    """The whole page as a JPEG under LIMIT bytes."""
    height = page.evaluate("document.documentElement.scrollHeight")
    width = page.viewport_size["width"]
    for clip_height in (height, 4000, 2600):
        for quality in (60, 45, 30, 20):
            data = page.screenshot(
                type="jpeg",
                quality=quality,
                full_page=True,
                clip={"x": 0, "y": 0, "width": width, "height": min(height, clip_height)},
            )
            if len(data) <= LIMIT:
                path.write_bytes(data)
                return
    path.write_bytes(data)


def main(base_url, folder):
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"]
        )
        for size, viewport in SIZES.items():
            context = browser.new_context(viewport=viewport, locale="en-GB")
            page = context.new_page()
            for name, path in PAGES.items():
                page.goto(base_url + path, wait_until="networkidle")
                shoot(page, folder / f"{name}-{size}.jpg")
            context.close()
        browser.close()


if __name__ == "__main__":
    main(*sys.argv[1:3])
