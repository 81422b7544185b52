"""A French visitor searching in French finds a lesson the network wrote only in English,
found by meaning (no shared words), shown with its language, and it opens."""

from django.test import override_settings

import pytest

from search.indexing import all_documents
from search.models import DocumentVector
from search.semantic import index, store

from .conftest import DESKTOP, PHONE, SCREENSHOTS

QUERY = "ne pas arriver chez les partenaires avec des solutions toutes faites"
LESSON = "Stop packaging solutions in advance"


@pytest.fixture(scope="module")
def meaning(site_server, django_db_blocker):
    """Search by meaning on, with the demo's vectors committed for the server to read."""
    with django_db_blocker.unblock(), override_settings(SEARCH_SEMANTIC=True):
        index.forget()
        store.synchronise(list(all_documents()))
        try:
            yield
        finally:
            DocumentVector.objects.all().delete()
            index.forget()


def test_a_french_search_finds_an_english_only_lesson_with_its_language(
    site_server, meaning, page, browser
):
    url = f"{site_server}/fr/search/?q={QUERY}"
    page.goto(url)

    card = page.locator(".search-results li, .search-results article").filter(has_text=LESSON)
    assert card.count() >= 1, page.locator("main").inner_text()[:2000]
    label = card.first.locator(".badge-language")
    assert label.inner_text().strip() == "English"
    assert label.get_attribute("title") == "Dans une autre langue"

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for name, size in (("phone", PHONE), ("desktop", DESKTOP)):
        context = browser.new_context(viewport=size)  # loaded at that width, as a visitor would
        shot = context.new_page()
        shot.goto(url)
        shot.screenshot(path=SCREENSHOTS / f"search-across-languages-fr-{name}.png", full_page=True)
        context.close()

    card.first.locator("a").first.click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text().strip() != ""
    assert "/en/" in page.url
