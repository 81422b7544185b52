"""The story page: lessons with anchors, structured data, validation, constant queries."""

import json

from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest
import wagtail_factories
from bs4 import BeautifulSoup

from hub.factories import ThemeFactory
from network.factories import PartnerProfilePageFactory
from stories.factories import LessonFactory

from .conftest import make_story

pytestmark = pytest.mark.django_db

QUERY_BOUND = 12  # as tests/security/test_query_counts.py holds every story page to


def build_story(network, title, lessons, partners):
    themes = [ThemeFactory(name=f"{title} theme {n}") for n in range(3)]
    others = [
        PartnerProfilePageFactory(parent=network["partner_index"], title=f"{title} partner {n}")
        for n in range(partners)
    ]
    story = make_story(
        network["alpha"],
        title,
        lessons=0,
        collaborative=network["collaborative"],
        hero_image=wagtail_factories.ImageFactory(),
        hero_image_alt="People around a table",
        countries=["BD", "KE"],
    )
    for _n in range(lessons):
        LessonFactory(story=story, themes=[theme.slug for theme in themes])
    story.themes.set(themes)
    story.partners_involved.set(others)
    story.tags.add(*[f"{title} tag {n}" for n in range(lessons)])
    story.save_revision().publish()
    return story


def count_queries(client, url):
    assert client.get(url).status_code == 200  # warm-up: renditions, site root cache
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries), response


def test_story_page_queries_do_not_grow_with_lessons_and_partners(
    client, network, django_assert_max_num_queries
):
    small = build_story(network, "Small", lessons=1, partners=1)
    large = build_story(network, "Large", lessons=20, partners=20)
    small_count, _small = count_queries(client, small.url)
    large_count, response = count_queries(client, large.url)
    assert small_count == large_count
    assert len(BeautifulSoup(response.content, "html.parser").select("article.lesson")) == 20
    for story in (small, large):
        with django_assert_max_num_queries(QUERY_BOUND):
            client.get(story.url)


def test_story_page_renders_lessons_meta_and_article_json_ld(client, network):
    story = make_story(network["alpha"], "Listening first", lessons=2, countries=["BD"])
    html = BeautifulSoup(client.get(story.url).content, "html.parser")
    anchors = [lesson["id"] for lesson in html.select("article.lesson")]
    assert anchors == [f"lesson-{lesson.slug}" for lesson in story.lessons.all()]
    assert html.select_one('meta[name="description"]')["content"] == story.standfirst
    assert html.select_one('link[rel="canonical"]')["href"] == story.full_url
    assert html.select_one('meta[property="og:type"]')["content"] == "article"
    data = json.loads(html.select_one('script[type="application/ld+json"]').string)
    assert data["@type"] == "Article"
    assert data["headline"] == "Listening first"
    assert data["author"]["name"] == "Alpha Budget Group"
    crumbs = [a.get_text(strip=True) for a in html.select(".breadcrumbs a")]
    assert crumbs[-1] == "Alpha Budget Group"


def test_duplicate_lesson_headlines_get_distinct_anchors(network):
    story = make_story(network["alpha"], "Twice", lessons=0)
    LessonFactory(story=story, headline="Same words", slug="")
    LessonFactory(story=story, headline="Same words", slug="")
    story = type(story).objects.get(pk=story.pk)
    story.save_revision().publish()
    assert [lesson.slug for lesson in story.lessons.all()] == ["same-words", "same-words-2"]


def test_hero_image_needs_alt_text(network):
    story = make_story(network["alpha"], "No alt", lessons=0)
    story.hero_image = wagtail_factories.ImageFactory()
    story.hero_image_alt = " "
    with pytest.raises(ValidationError) as error:
        story.full_clean()
    assert "hero_image_alt" in error.value.message_dict


def test_draft_story_is_not_served(client, network):
    story = make_story(network["alpha"], "Draft only", live=False)
    assert client.get(f"/en/partners/alpha/{story.slug}/").status_code == 404
