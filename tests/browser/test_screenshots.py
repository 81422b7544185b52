"""Screenshots of every public page at phone and desktop width, for people to look at.

Written to tests/output/screenshots/ (not committed). The phone view must also fit:
nothing may force sideways scrolling at 390 px.
"""

import pytest

from .conftest import DESKTOP, PHONE, SCREENSHOTS


@pytest.mark.parametrize(("name", "viewport"), [("phone", PHONE), ("desktop", DESKTOP)])
def test_screenshots_at_phone_and_desktop_width(site_server, public_urls, browser, name, viewport):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    try:
        for url in public_urls:
            page.goto(site_server + url.path)
            target = SCREENSHOTS / f"{url.id}-{name}-{viewport['width']}.png"
            page.screenshot(path=str(target), full_page=True)
            assert target.stat().st_size > 1000
            overflow = page.evaluate("document.documentElement.scrollWidth")
            assert overflow <= viewport["width"], f"{url.path} scrolls sideways at {name} width"
    finally:
        context.close()
