"""Light pages: each public page's HTML, CSS, JS and fonts fit in 50 KB compressed, before
images, and nothing is fetched from another host."""

import os

from .audit import Traffic

BUDGET = 50 * 1024


def test_every_public_page_fits_the_budget_and_stays_on_the_site(site_server, public_urls, browser):
    for url in public_urls:
        context = browser.new_context()  # empty cache: the first visit is what is weighed
        page = context.new_page()
        traffic = Traffic()
        traffic.attach(page)
        page.goto(site_server + url.path, wait_until="networkidle")
        traffic.weigh()
        context.close()
        assert traffic.foreign(site_server) == [], url.path
        assert any(u.endswith(".css") for u in traffic.weighed), "the stylesheet is counted"
        assert 0 < traffic.compressed_total <= BUDGET, (url.path, traffic.weighed)


def test_the_weight_check_counts_what_a_page_loads(site_server, browser):
    """Control: a page padded with 80 KB of incompressible script goes over the budget, and
    a request to another host is caught."""
    padding = os.urandom(80 * 1024).hex()  # about 80 KB once gzipped
    context = browser.new_context()
    page = context.new_page()
    page.route(
        site_server + "/heavy-for-tests/",
        lambda route: route.fulfill(
            content_type="text/html",
            body='<!DOCTYPE html><html lang="en"><script src="/heavy.js"></script>'
            '<img src="http://example.invalid/pixel.gif" alt="">',
        ),
    )
    page.route(
        site_server + "/heavy.js",
        lambda route: route.fulfill(content_type="text/javascript", body=f"/*{padding}*/"),
    )
    page.route("http://example.invalid/**", lambda route: route.abort())
    traffic = Traffic()
    traffic.attach(page)
    page.goto(site_server + "/heavy-for-tests/", wait_until="networkidle")
    traffic.weigh()
    context.close()
    assert traffic.compressed_total > BUDGET
    assert traffic.foreign(site_server) == ["http://example.invalid/pixel.gif"]
