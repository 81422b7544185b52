"""The Content-Security-Policy as Chromium enforces it: public pages and the admin."""

import pytest

from tests.support.demo import DEMO_ADMIN_PASSWORD

from .audit import CSP_LISTENER, csp_violations


@pytest.fixture
def page(context):
    context.add_init_script(CSP_LISTENER)
    return context.new_page()


def test_public_pages_raise_no_csp_violation_and_forbid_inline_scripts(
    site_server, public_urls, page
):
    for url in public_urls:
        response = page.goto(site_server + url.path)
        policy = response.headers["content-security-policy"]
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy
        assert csp_violations(page) == [], url.path


def test_json_ld_is_not_reported_but_an_inline_script_is(site_server, page):
    page.goto(site_server + "/en/")
    assert page.locator('script[type="application/ld+json"]').count() == 1
    assert csp_violations(page) == []
    # Control: an inline script added to the page is blocked and reported.
    page.evaluate(
        """() => { const s = document.createElement('script');
        s.textContent = 'window.ran = true'; document.body.append(s); }"""
    )
    page.wait_for_function("window.__cspViolations.length > 0")
    assert page.evaluate("window.ran === undefined")
    assert csp_violations(page) == ["script-src-elem blocked inline"]


def test_admin_works_under_its_own_policy(site_server, page):
    page.goto(site_server + "/admin/login/")
    page.fill("#id_username", "admin")
    page.fill("#id_password", DEMO_ADMIN_PASSWORD)
    with page.expect_navigation():
        page.click("button[type=submit]")
    assert page.url == site_server + "/admin/"
    # The sidebar is drawn by the admin's JavaScript: it ran.
    page.wait_for_selector(".sidebar-main-menu a", state="attached")
    assert csp_violations(page) == []
