"""The search page without JavaScript: GET form, facets, chips, canonical, noindex, paging."""

import re
from html import unescape

import pytest

from search.engines.database import DatabaseEngine

from .corpus import corpus

PAGE = "/en/search/"


@pytest.fixture
def indexed_db(db, homes):
    DatabaseEngine().rebuild(corpus())


def links(html: str) -> list[str]:
    return [unescape(h) for h in re.findall(r'href="([^"]*)"', html)]


def test_no_javascript_flow(client, indexed_db):
    page = client.get(PAGE)
    html = page.content.decode()
    assert page.status_code == 200
    assert '<form method="get"' in html and 'name="q"' in html
    # The one script is the site's own file (it applies a ticked box at once); nothing inline.
    assert re.findall(r"<script[^>]*>", html) == ['<script src="/static/hub/js/search.js" defer>']
    assert 'name="robots"' not in html

    # Type a query and submit: results, count in text, canonical keeps only the query.
    html = client.get(PAGE, {"q": "facilitation"}).content.decode()
    assert "Facilitation of village committees" in html
    assert re.search(r"\d+ results?", html)
    assert '<link rel="canonical" href="http://testserver/en/search/?q=facilitation">' in html
    assert "<mark>" in html
    assert 'name="robots"' not in html

    # Tick a country checkbox and submit: narrowed results, a chip, noindex.
    assert 'name="country" value="BD"' in html
    narrowed = client.get(PAGE, {"q": "facilitation", "country": "BD"})
    html = narrowed.content.decode()
    assert '<meta name="robots" content="noindex">' in html
    assert '<link rel="canonical" href="http://testserver/en/search/?q=facilitation">' in html
    assert 'name="country" value="BD" checked' in html
    chip_link = r'<a href="([^"]*)" aria-label="Remove Country: Bangladesh"'
    chip = unescape(re.search(chip_link, html)[1])
    assert "country=BD" not in chip and "q=facilitation" in chip
    # Remove the chip: back to the unfiltered search.
    html = client.get(PAGE + chip).content.decode()
    assert 'name="country" value="BD" checked' not in html
    assert 'name="robots"' not in html


def test_snippets_are_escaped(client, db, homes):
    from .corpus import doc

    DatabaseEngine().rebuild(
        [doc(1, "Scripts <b>bold</b>", body="<script>alert(1)</script> facilitation works")]
    )
    html = client.get(PAGE, {"q": "facilitation"}).content.decode()
    assert "<script>alert" not in html
    # SQLite keeps the text (escaped); PostgreSQL's headline drops tag-like words.
    assert "<mark>facilitation</mark>" in html.lower()
    assert "Scripts &lt;b&gt;bold&lt;/b&gt;" in html


def test_results_show_kind_countries_and_other_languages(client, indexed_db):
    html = client.get(PAGE, {"q": "facilitation"}).content.decode()
    assert "Bangladesh" in html and "Lesson" in html
    wide = client.get(PAGE).content.decode()  # every language by default
    assert re.search(r'<li class="card search-result" lang="(fr|es)"', wide)
    assert 'name="all_languages" value="0">' in wide  # "Only results in English", unticked
    narrow = client.get(PAGE, {"all_languages": "0"}).content.decode()
    assert not re.search(r'<li class="card search-result" lang="(fr|es)"', narrow)
    assert 'name="all_languages" value="0" checked' in narrow


def test_paged_pages_are_noindex_with_pagination(client, indexed_db):
    first = client.get(PAGE, {"page_size": "1"}).content.decode()
    assert 'rel="next"' in first
    second = client.get(PAGE, {"page_size": "1", "page": "2"}).content.decode()
    assert '<meta name="robots" content="noindex">' in second
    assert 'rel="prev"' in second


def test_no_results_offers_to_drop_filters(client, indexed_db):
    params = {"q": "facilitation", "country": "PE", "kind": "lesson"}
    html = client.get(PAGE, params).content.decode()
    assert "Nothing matched your search." in html
    assert "Remove Country: Peru" in html and "Remove Kind: Lesson" in html
    drops = [h for h in links(html) if h.startswith("?")]
    assert any("country=PE" not in h and "kind=lesson" in h for h in drops)
    assert any("kind=lesson" not in h and "country=PE" in h for h in drops)


def test_bad_parameters_are_ignored_with_a_notice_never_a_500(client, indexed_db):
    response = client.get(PAGE, {"q": "facilitation", "page": "zero", "colour": "red"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "colour" in html and "page" in html
    assert "Facilitation of village committees" in html
    unknown = client.get(PAGE, {"country": "ZZ"}).content.decode()
    assert "Unknown country value" in unknown


def test_long_facets_show_all_without_javascript(client, db, homes):
    from .corpus import doc

    codes = ["BD", "KE", "UG", "TZ", "NP", "PE", "SN", "IN", "GH", "NG"]
    DatabaseEngine().rebuild([doc(i, f"Item {i}", countries=[c]) for i, c in enumerate(codes)])
    html = client.get(PAGE).content.decode()
    assert html.count('name="country"') == 8
    show_all = next(h for h in links(html) if "expand=country" in h)
    expanded = client.get(PAGE + show_all).content.decode()
    assert expanded.count('name="country"') == 10


def test_editors_promoted_results_come_first(client, indexed_db, homes):
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    SearchPromotion.objects.create(
        query=Query.get("facilitation"), page=homes["en"], description="Start here"
    )
    html = client.get(PAGE, {"q": "Facilitation"}).content.decode()
    assert "Start here" in html
    assert html.index("Start here") < html.index("Facilitation of village committees")
    second = client.get(PAGE, {"q": "facilitation", "page_size": 1, "page": 2})
    assert "Start here" not in second.content.decode()


def test_corrected_query_offers_the_search_as_typed(client, indexed_db):
    """A misspelt word the index does not hold, corrected: the page says so and links the
    search as typed (``as_typed=1``), keeping the filters."""
    html = client.get(PAGE, {"q": "facilitaton", "country": "BD"}).content.decode()
    assert "Showing results for <b>facilitation</b>" in html
    typed = re.search(r'search instead for <a href="([^"]+)">facilitaton</a>', html)
    assert typed and "as_typed=1" in unescape(typed[1]) and "country=BD" in unescape(typed[1])


def test_zero_results_offer_filters_to_remove_with_counts_and_themes(client, db, homes):
    """Facilitation is written about in Kenya (a story) and by partners (in Bangladesh), but no
    Kenyan partner: each filter alone matches, the two together cannot."""
    from hub.factories import ThemeFactory

    from .corpus import doc

    ThemeFactory(name="Education", slug="education")
    DatabaseEngine().rebuild(
        [
            doc(1, "Facilitation in Nairobi", kind="story", countries=["KE"]),
            doc(2, "Facilitation in Kisumu", kind="story", countries=["KE"]),
            doc(3, "Facilitation partner", kind="partner", countries=["BD"]),
        ]
    )
    html = client.get(PAGE, {"q": "facilitation", "country": "KE", "kind": "partner"})
    html = html.content.decode()
    assert "Nothing matched your search." in html
    removals = re.findall(r"Remove ([^<]+)</a> <span class=\"count\">([^<]+)</span>", html)
    assert removals == [("Kind: Partner", "2 results"), ("Country: Kenya", "1 result")]
    assert "Browse by theme" in html
    assert '<a class="chip" href="/en/search/?theme=education">Education</a>' in html
