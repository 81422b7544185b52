"""Every absolute URL the hub emits is right for the address the visitor used, or for
``HUB_PUBLIC_URL`` when it is set; every link in search results answers 200 there."""

import re
from html import unescape
from io import StringIO

from django.core.management import call_command
from django.test import override_settings

from wagtail.models import Site

import pytest

from hub.public_url import follow_public_url
from stories.models import CaseStoryPage
from tests.support.demo import committed_demo

pytestmark = pytest.mark.django_db

HOST = "hub.test:8742"
BASE = f"http://{HOST}"
HOSTS = ["hub.test", "testserver", "localhost", "127.0.0.1"]


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with committed_demo(django_db_blocker):
        yield


@pytest.fixture
def visitor(client, demo):
    with override_settings(ALLOWED_HOSTS=HOSTS):
        client.defaults["HTTP_HOST"] = HOST
        yield client


def absolute_urls(html: str) -> list[str]:
    return [unescape(u) for u in re.findall(r'(?:href|content)="(https?://[^"]*)"', html)]


def story_path():
    return CaseStoryPage.objects.live().filter(locale__language_code="en").first().url


def test_page_head_links_follow_the_visitors_host(visitor):
    html = visitor.get(story_path()).content.decode()
    # The head's links; the body also links elsewhere (the licence's deed).
    urls = absolute_urls(html.split("</head>")[0])
    assert urls, "canonical, og:url and hreflang links expected"
    assert all(url.startswith(BASE + "/") for url in urls), urls
    assert f'<link rel="canonical" href="{BASE}{story_path()}">' in html
    assert re.search(rf'hreflang="en" href="{re.escape(BASE)}/en/', html)
    jsonld = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert jsonld and "localhost" not in jsonld.group(1) and BASE in jsonld.group(1)


def test_search_page_and_api_links_open(visitor):
    html = visitor.get("/en/search/", {"q": "facilitation"}).content.decode()
    results = re.search(r'<ol class="[^"]*search-results.*?</ol>', html, re.S).group(0)
    hrefs = [unescape(h) for h in re.findall(r'href="([^"]+)"', results)]
    assert hrefs
    for href in hrefs:
        assert "localhost" not in href
        path = href.removeprefix(BASE)
        assert visitor.get(path.split("#")[0]).status_code == 200, href

    data = visitor.get("/api/search/", {"q": "facilitation", "page_size": 50}).json()
    assert data["results"]
    for result in data["results"]:
        assert result["url"].startswith(BASE + "/"), result["url"]
        path = result["url"].removeprefix(BASE).split("#")[0]
        assert visitor.get(path).status_code == 200, result["url"]
    for hit in visitor.get("/api/search/autocomplete/", {"q": "fac"}).json()["results"]:
        assert hit["url"].startswith(BASE + "/")


def test_feeds_and_sitemap_follow_the_visitors_host(visitor):
    for path in ("/en/feeds/stories/rss/", "/en/feeds/stories/atom/", "/sitemap.xml"):
        body = visitor.get(path).content.decode()
        urls = re.findall(r"https?://[^<\"\s]+", body)
        own = [u for u in urls if "hub.test" in u or "localhost" in u or "testserver" in u]
        assert own, path
        assert all(u.startswith(BASE + "/") for u in own), (path, own)


def test_public_url_setting_wins_over_the_request(visitor):
    with override_settings(HUB_PUBLIC_URL="https://hub.example.org"):
        html = visitor.get(story_path()).content.decode()
        assert f'<link rel="canonical" href="https://hub.example.org{story_path()}">' in html
        data = visitor.get("/api/search/", {"q": "facilitation"}).json()
        assert data["results"][0]["url"].startswith("https://hub.example.org/")


def test_the_site_follows_the_public_url(demo):
    with override_settings(HUB_PUBLIC_URL="https://hub.example.org"):
        follow_public_url()
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("hub.example.org", 443)


def test_rebuilt_index_holds_no_host(demo):
    call_command("rebuild_search_index", "--engine", "database", stdout=StringIO())
    from search.engines.database import DatabaseEngine
    from search.params import parse

    request = parse({"q": "", "page_size": "100"}, "en").request
    hits = DatabaseEngine().search(request).hits
    assert hits
    assert all(hit.document.url.startswith("/") for hit in hits), [
        h.document.url for h in hits if not h.document.url.startswith("/")
    ]
