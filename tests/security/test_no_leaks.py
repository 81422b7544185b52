"""Drafts and private pages never leak: not in listings, partner pages, feeds, the sitemap,
search or autocomplete. Each hidden page carries a word found nowhere else; the word must not
appear in anything an anonymous visitor can fetch."""

from wagtail.models import PageViewRestriction

import pytest

from search.engines import SearchRequest, get_engine
from search.indexing import all_documents
from tests.stories.conftest import make_story

pytestmark = pytest.mark.django_db

SECRETS = {
    "draft": "Quokkadraftword",
    "password": "Quokkapassword",
    "login": "Quokkalogin",
}


@pytest.fixture
def hidden(site):
    alpha = site["alpha"]
    together = {"collaborative": site["collaborative"]}
    make_story(alpha, "Visible story", slug="visible", **together)
    draft = make_story(alpha, f"{SECRETS['draft']} story", slug="draft-story", **together)
    draft.unpublish()
    for kind, restriction in (
        ("password", PageViewRestriction.PASSWORD),
        ("login", PageViewRestriction.LOGIN),
    ):
        story = make_story(alpha, f"{SECRETS[kind]} story", slug=f"{kind}-story", **together)
        PageViewRestriction.objects.create(
            page=story, restriction_type=restriction, password="secret"
        )
    return site


PUBLIC_URLS = [
    "/en/stories/",
    "/en/partners/",
    "/en/partners/alpha/",
    "/en/collaboratives/open-budgets/",
    "/en/feeds/stories/rss/",
    "/en/feeds/stories/atom/",
    "/en/feeds/stories/partner/alpha/rss/",
    "/en/feeds/stories/partner/alpha/atom/",
    "/sitemap.xml",
]


@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_hidden_stories_appear_on_no_public_page(client, hidden, url):
    response = client.get(url)
    assert response.status_code == 200, url
    body = response.content.decode()
    if url != "/en/partners/":  # the partner list shows partners, not stories
        assert "Visible story" in body or "/visible/" in body, url
    for word in SECRETS.values():
        assert word not in body, (url, word)


def test_hidden_stories_are_not_served(client, hidden):
    assert client.get("/en/partners/alpha/draft-story/").status_code == 404
    for kind in ("password", "login"):
        response = client.get(f"/en/partners/alpha/{kind}-story/")
        assert SECRETS[kind] not in response.content.decode()


def test_hidden_stories_are_not_in_search_or_autocomplete(hidden):
    engine = get_engine()
    engine.rebuild(all_documents())
    visible = engine.search(SearchRequest(text="Visible story"))
    assert any("Visible story" in hit.document.title for hit in visible.hits)
    for word in SECRETS.values():
        response = engine.search(SearchRequest(text=word))
        assert response.hits == [] or all(word not in str(hit) for hit in response.hits)
        assert all(word not in str(hit) for hit in engine.autocomplete(word[:8], "en"))
        assert all(word not in str(doc) for doc in all_documents())
