"""The search page on a phone and a desktop, with and without JavaScript, and the links in
its results: results first, filters beside them or behind a disclosure, a ticked box applied
at once, the same search by the button without JavaScript, every result link opening."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest

from .conftest import DESKTOP, PHONE

SEARCH = "/{lang}/search/"  # everything in the language: results in every language


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_first_result_is_on_the_first_screen_of_a_phone(site_server, phone, lang):
    phone.goto(site_server + SEARCH.format(lang=lang))
    first = phone.locator(".search-results > li").first.bounding_box()
    assert first["y"] < PHONE["height"], first
    assert phone.locator(".search-filters").get_attribute("open") is None  # folded
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_results_sit_beside_the_filters_on_a_desktop(site_server, page, lang):
    page.goto(site_server + SEARCH.format(lang=lang))
    facets = page.locator(".search-filters .facet").first
    assert facets.is_visible()
    facets_box = facets.bounding_box()
    first = page.locator(".search-results > li").first.bounding_box()
    assert first["x"] >= facets_box["x"] + facets_box["width"], (first, facets_box)
    assert first["y"] < DESKTOP["height"], first
    assert page.evaluate("document.documentElement.scrollWidth") <= DESKTOP["width"]


def test_a_ticked_facet_applies_at_once(site_server, page):
    page.goto(site_server + SEARCH.format(lang="en"))
    box = page.locator('.search-filters input[name="kind"]').first
    value = box.get_attribute("value")
    with page.expect_navigation():
        box.check()
    assert parse_qs(urlsplit(page.url).query).get("kind") == [value]
    assert page.locator(".chips .chip-remove").count() == 1


def test_the_same_search_works_without_javascript(site_server, browser):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(site_server + SEARCH.format(lang="en"))
        page.locator(".search-filters > summary").click()
        box = page.locator('.search-filters input[name="kind"]').first
        value = box.get_attribute("value")
        box.check()
        assert parse_qs(urlsplit(page.url).query).get("kind") is None  # nothing yet
        with page.expect_navigation():
            page.get_by_role("button", name="Apply filters").click()
        assert parse_qs(urlsplit(page.url).query).get("kind") == [value]
        assert page.locator(".search-results > li").count() >= 1
    finally:
        context.close()


def test_every_result_link_opens_on_the_servers_own_address(site_server, page):
    page.goto(site_server + "/en/search/?page_size=100")
    hrefs = page.eval_on_selector_all(".search-results h3 a", "links => links.map(a => a.href)")
    api = page.request.get(site_server + "/api/search/?page_size=100").json()["results"]
    urls = hrefs + [result["url"] for result in api]
    assert len(hrefs) > 10 and len(api) > 10
    for url in urls:
        assert url.startswith(site_server + "/"), url
        response = page.request.get(re.sub(r"#.*$", "", url), max_redirects=0)
        assert response.status == 200, url
