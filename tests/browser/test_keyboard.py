"""Keyboard alone: skip link, search form and language switcher, each with visible focus."""

FOCUSED = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  const box = el.getBoundingClientRect();
  return {
    tag: el.tagName.toLowerCase(), id: el.id, cls: el.className, text: el.textContent.trim(),
    hreflang: el.getAttribute('hreflang'),
    outline: style.outlineStyle, outlineWidth: parseFloat(style.outlineWidth),
    visible: box.width > 0 && box.height > 0 && box.left >= 0 && box.top >= 0,
  };
}"""


def tab_through(page, limit=40):
    """Press Tab until focus leaves the document or comes back; return what got focus."""
    seen = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused["tag"] == "body" or (seen and focused == seen[0]):
            break
        seen.append(focused)
    return seen


def assert_visible_focus(element):
    assert element["visible"], f"{element} is off screen while focused"
    assert element["outline"] != "none" and element["outlineWidth"] >= 2, element


def test_keyboard_reaches_skip_link_search_and_languages_with_visible_focus(site_server, page):
    page.goto(site_server + "/en/")
    stops = tab_through(page)

    skip = stops[0]
    assert "skip-link" in skip["cls"] and skip["text"] == "Skip to content"
    search = next(stop for stop in stops if stop["id"] == "home-search")
    button = stops[stops.index(search) + 1]
    languages = [stop for stop in stops if stop["hreflang"]]
    assert button["tag"] == "button"
    assert {stop["hreflang"] for stop in languages} == {"en", "fr", "es"}
    for element in [skip, search, button, *languages]:
        assert_visible_focus(element)


def test_skip_link_moves_focus_to_the_main_content(site_server, page):
    page.goto(site_server + "/en/")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_language_switcher_works_with_the_keyboard(site_server, page):
    page.goto(site_server + "/en/")
    page.focus(".language-switcher a[hreflang=fr]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == site_server + "/fr/"
    assert page.evaluate("document.documentElement.lang") == "fr"


def test_search_form_submits_with_the_keyboard(site_server, page):
    page.goto(site_server + "/en/")
    page.focus("#home-search")
    page.keyboard.type("latrines")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == site_server + "/en/search/?q=latrines"
