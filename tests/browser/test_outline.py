"""What search engines and screen-reader users read first: one description per page, one h1,
and headings that never skip a level (Lighthouse's SEO and heading-order audits)."""

import urllib.request

from bs4 import BeautifulSoup

BROKEN_OUTLINE = "<h1>Title</h1><h3>Skipped a level</h3>"


def outline_faults(html: str) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    faults = []
    description = soup.find("meta", attrs={"name": "description"})
    if not description or not description.get("content", "").strip():
        faults.append("no meta description")
    levels = [int(tag.name[1]) for tag in soup.find_all(["h1", "h2", "h3", "h4", "h5", "h6"])]
    if levels.count(1) != 1:
        faults.append(f"{levels.count(1)} h1 headings")
    for previous, level in zip(levels, levels[1:], strict=False):
        if level > previous + 1:
            faults.append(f"h{previous} followed by h{level}")
    return faults


def test_every_public_page_has_a_description_one_h1_and_headings_in_order(site_server, public_urls):
    found = {}
    for url in public_urls:
        with urllib.request.urlopen(site_server + url.path) as response:  # noqa: S310 (local)
            faults = outline_faults(response.read().decode())
        if faults:
            found[url.path] = faults
    assert found == {}


def test_the_outline_check_finds_a_skipped_level_and_a_missing_description():
    assert outline_faults(BROKEN_OUTLINE) == ["no meta description", "h1 followed by h3"]
