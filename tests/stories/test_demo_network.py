"""The "Must show" items on the demo content, loaded as `make demo` loads it."""

from io import StringIO
from pathlib import Path

from django.core.management import call_command

import feedparser
import pytest
import yaml
from bs4 import BeautifulSoup

from stories.models import CaseStoryPage
from tests.support.demo import committed_demo

pytestmark = pytest.mark.django_db

STORIES_DIR = Path(__file__).resolve().parents[2] / "content" / "demo" / "stories"


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """Loaded once for the module; each test's changes roll back on top of it."""
    with committed_demo(django_db_blocker):
        yield


def front_matter(path):
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])


def soup(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def test_demo_pages(client, demo):
    """/en/partners/ lists >= 12 partners; a story shows its lessons with anchors;
    /en/stories/?country=BD lists exactly the Bangladesh stories."""
    cards = soup(client, "/en/partners/").select("main .partner-card h2 a")
    names = {card.get_text(strip=True) for card in cards}
    assert len(names) >= 12
    assert {"International Budget Partnership", "Twaweza East Africa", "CEGSS"} <= names

    html = soup(client, "/en/partners/iid/planning-equality-20-in-one-day-in-dhaka/")
    lessons = html.select("main article.lesson")
    expected = front_matter(STORIES_DIR / "iid-equality-workshop.md")["lessons"]
    assert [lesson.h3.contents[0].strip() for lesson in lessons] == [
        item["headline"] for item in expected
    ]
    for lesson in lessons:
        assert lesson["id"].startswith("lesson-")
        assert lesson.select_one("a.lesson-link")["href"] == f"#{lesson['id']}"
    toc = [a["href"] for a in html.select("nav.lessons-toc a")]
    assert toc == [f"#{lesson['id']}" for lesson in lessons]

    expected = {
        front_matter(path)["title"]
        for path in STORIES_DIR.glob("*.md")
        if "BD" in front_matter(path).get("countries", [])
    }
    assert len(expected) == 2
    titles = {
        a.get_text(strip=True)
        for a in soup(client, "/en/stories/?country=BD").select("main .story-card h3 a")
    }
    assert titles == expected
    all_titles = {
        a.get_text(strip=True) for a in soup(client, "/en/stories/").select("main .story-card h3 a")
    }
    assert len(all_titles) == 4


FEEDS = [
    ("/en/feeds/stories/rss/", "rss20"),
    ("/en/feeds/stories/atom/", "atom10"),
    ("/en/feeds/stories/partner/iid/rss/", "rss20"),
    ("/en/feeds/stories/collaborative/tap-learning-collaborative/atom/", "atom10"),
    ("/en/feeds/stories/theme/education/rss/", "rss20"),
]


def test_feeds_parse_as_rss_and_atom(client, demo):
    english = CaseStoryPage.objects.live().filter(locale__language_code="en")
    live = {story.title for story in english}
    for url, version in FEEDS:
        response = client.get(url)
        assert response.status_code == 200, url
        feed = feedparser.parse(response.content)
        assert not feed.bozo, (url, feed.get("bozo_exception"))
        assert feed.version == version, url
        assert feed.entries, url
        for entry in feed.entries:
            assert entry.title in live
            assert entry.link.startswith("http://testserver/en/partners/")
    everything = feedparser.parse(client.get("/en/feeds/stories/rss/").content)
    newest_first = english.order_by("-publication_date")  # the English feed: English stories
    assert [entry.title for entry in everything.entries] == [s.title for s in newest_first]


def test_demo_content_reloads_without_changes(demo):
    """The stories go through the importer; a second run leaves every story as it was."""
    before = list(CaseStoryPage.objects.values_list("pk", "latest_revision_id", "live"))
    output = StringIO()
    call_command("load_demo_content", stdout=output)
    assert list(CaseStoryPage.objects.values_list("pk", "latest_revision_id", "live")) == before
    assert "4 unchanged" in output.getvalue()


@pytest.mark.parametrize(
    ("code", "result", "collaborative"),
    [
        ("fr", "Une vision commune", "Collaboratif d'apprentissage sur la gestion adaptative"),
        ("es", "Una visión compartida", "Colaborativo de aprendizaje sobre gestión adaptativa"),
    ],
)
def test_translated_demo_story_lists_and_names_in_its_language(
    client, demo, code, result, collaborative
):
    page = soup(client, f"/{code}/partners/iid/planning-equality-20-in-one-day-in-dhaka/")
    text = page.select_one("main").get_text(" ", strip=True)
    assert result in text
    assert collaborative in text
    assert "A shared view" not in text


def test_home_page_shows_the_network_and_ways_in(client, demo):
    stories = [front_matter(path) for path in sorted(STORIES_DIR.glob("*.md"))]
    html = soup(client, "/en/")
    assert html.title.get_text(strip=True) == "Knowledge Hub"  # not "Knowledge Hub · Knowledge Hub"
    numbers = [li.get_text(" ", strip=True) for li in html.select(".numbers li")]
    assert f"{sum(len(s.get('lessons', [])) for s in stories)} lessons learned" in numbers
    assert f"{len(stories)} case stories" in numbers
    assert "3 languages" in numbers
    assert len(html.select("#lessons-heading ~ ul .card")) == 4
    assert html.select("#stories-heading ~ ul .story-card")
    assert html.select("#regions-heading ~ ul a.chip")
    first_form = html.select_one("main form")
    assert first_form["action"] == "/en/search/"

    french = soup(client, "/fr/")
    themes = [a.get_text(strip=True) for a in french.select("#themes-heading ~ ul a.chip")]
    assert themes.index("Éducation") < themes.index("Transparence budgétaire")
