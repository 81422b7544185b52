"""axe-core on every public page type in every language, and on the admin's login page."""

from .audit import blocking_violations, describe

BROKEN_PATH = "/broken-for-tests/"
# A page with the faults axe must catch: no lang, an image without alt text, an empty link,
# an unlabelled field, and grey-on-white text.
BROKEN_HTML = """<!DOCTYPE html><html><head><title>Broken</title></head><body>
<main><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
<a href="/en/"></a><input type="text">
<p style="color:#ccc;background:#fff">Faint text</p></main></body></html>"""


def test_every_public_page_has_no_serious_accessibility_violations(site_server, public_urls, page):
    assert {url.language for url in public_urls} >= {"en", "fr"}
    found = []
    for url in public_urls:
        response = page.goto(site_server + url.path)
        assert response.status == 200, url
        found.append(describe(url.path, blocking_violations(page)))
    report = "\n".join(line for line in found if line)
    assert report == "", f"Accessibility violations:\n{report}"


def test_admin_login_page_has_no_serious_accessibility_violations(site_server, page):
    page.goto(site_server + "/admin/login/")
    violations = blocking_violations(page)
    assert violations == [], describe("/admin/login/", violations)


def test_the_harness_reports_violations_by_rule_and_selector(site_server, page):
    """Negative control: a deliberately broken page (served only here) must fail the check."""
    page.route(
        site_server + BROKEN_PATH,
        lambda route: route.fulfill(status=200, content_type="text/html", body=BROKEN_HTML),
    )
    page.goto(site_server + BROKEN_PATH)
    violations = blocking_violations(page)
    rules = {violation["id"] for violation in violations}
    assert {"html-has-lang", "image-alt", "link-name", "label", "color-contrast"} <= rules
    report = describe(BROKEN_PATH, violations)
    assert f"{BROKEN_PATH}: image-alt (critical) at img" in report
