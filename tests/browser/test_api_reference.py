"""The API reference page (/api/) reads well in a browser: every endpoint has its heading,
axe-core finds nothing serious, no script runs, it fits the 50 KB budget and nothing
scrolls sideways on a phone."""

import pytest

from search import openapi

from .audit import Traffic, blocking_violations, describe
from .conftest import DESKTOP, PHONE, SCREENSHOTS


@pytest.mark.parametrize(("name", "viewport"), [("phone", PHONE), ("desktop", DESKTOP)])
def test_the_api_reference_is_readable(site_server, browser, name, viewport):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    traffic = Traffic()
    traffic.attach(page)
    try:
        response = page.goto(site_server + "/api/")
        assert response.status == 200
        assert page.locator("h1").inner_text() == "API reference"
        for path in openapi.document()["paths"]:
            heading = page.get_by_role("heading", level=2, name=f"GET {path}", exact=True)
            assert heading.is_visible(), path
        violations = blocking_violations(page)
        assert violations == [], describe("/api/", violations)
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
        assert page.locator("script").count() == 0
        assert traffic.foreign(site_server) == []
        traffic.weigh()
        assert traffic.compressed_total <= 50 * 1024, traffic.weighed
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"api-reference-{name}.png"), full_page=True)
    finally:
        context.close()
