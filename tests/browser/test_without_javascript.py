"""Pages work with JavaScript off: the home search form is a plain GET form."""

from urllib.parse import parse_qs, urlsplit

import pytest


@pytest.fixture
def page(browser):
    context = browser.new_context(java_script_enabled=False)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_home_search_submits_without_javascript(site_server, page, language):
    page.goto(f"{site_server}/{language}/")
    page.fill("#home-search", "eau potable ü")
    with page.expect_navigation():
        page.click(".search-box button[type=submit]")
    url = urlsplit(page.url)
    assert url.path == f"/{language}/search/"
    assert parse_qs(url.query) == {"q": ["eau potable ü"]}
