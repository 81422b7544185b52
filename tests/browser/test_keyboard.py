"""Keyboard alone: skip link, search form, language switcher, search facets and pagination,
each with visible focus."""

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


RING = """el => {
  const style = getComputedStyle(el);
  const box = el.getBoundingClientRect();
  return {
    outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`,
    shadow: style.boxShadow,
    onScreen: box.width > 0 && box.height > 0 && box.top >= 0 && box.bottom <= innerHeight,
  };
}"""
COUNT = "el => parseInt(el.textContent.replace(/\\D/g, ''), 10)"
RESULTS = ".search-results > li"


def tab_to(page, selector, limit=200):
    """Press Tab until the element matching ``selector`` has focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} never got focus in {limit} presses of Tab")


def tab_to_with_focus_ring(page, selector):
    """Tab to ``selector`` and check that focus shows: its outline or box shadow differs
    from its unfocused look, and the browser brought it on screen."""
    unfocused = page.eval_on_selector(selector, RING)
    tab_to(page, selector)
    focused = page.eval_on_selector(selector, RING)
    assert focused["onScreen"], (selector, focused)
    assert (focused["outline"], focused["shadow"]) != (unfocused["outline"], unfocused["shadow"]), (
        selector,
        focused,
    )


def test_search_facets_and_pagination_work_with_the_keyboard(site_server, page):
    page.goto(site_server + "/en/search/")
    everything = page.eval_on_selector(".search-count", COUNT)
    checkbox = ".facet input[name=kind][value=resource]"
    label = f"label[for={page.get_attribute(checkbox, 'id')}] .count"
    resources = page.eval_on_selector(label, COUNT)
    page_size = page.locator(RESULTS).count()
    # A filter that narrows the results and still leaves a second page.
    assert page_size < resources < everything
    pages = -(-resources // page_size)

    tab_to_with_focus_ring(page, checkbox)
    with page.expect_navigation():  # the site's script applies a ticked box at once
        page.keyboard.press("Space")
    assert "kind=resource" in page.url
    assert page.eval_on_selector(".search-count", COUNT) == resources
    assert page.is_checked(checkbox)

    tab_to_with_focus_ring(page, ".pagination a[rel=next]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "kind=resource" in page.url and "page=2" in page.url
    assert page.inner_text(".pagination span") == f"Page 2 of {pages}"
    assert page.locator(RESULTS).count() == min(page_size, resources - page_size)
