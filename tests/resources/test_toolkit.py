"""The toolkit: numbered contents, numbering that follows the tree, previous/next links."""

import json

from wagtail.models import PageViewRestriction

import pytest

from resources.factories import ResourcePageFactory, ToolkitTopicPageFactory

from .conftest import soup_of

pytestmark = pytest.mark.django_db


def topic_titles(toolkit, n, prefix="Subject"):
    return [ToolkitTopicPageFactory(parent=toolkit, title=f"{prefix} {i}") for i in range(1, n + 1)]


def contents(client, toolkit):
    soup = soup_of(client.get(toolkit.url))
    return [
        " ".join(a.get_text(" ", strip=True).split())
        for a in soup.select(".toolkit-contents li > a")
    ]


def test_toolkit_lists_topics_numbered_in_tree_order(client, toolkit):
    topic_titles(toolkit, 3)
    assert contents(client, toolkit) == [
        "Topic 1: Subject 1",
        "Topic 2: Subject 2",
        "Topic 3: Subject 3",
    ]


def test_numbers_follow_a_move(client, toolkit):
    first, second, third = topic_titles(toolkit, 3)
    third.move(first, pos="left")  # what dragging the topic to the top does in the explorer

    assert contents(client, toolkit) == [
        "Topic 1: Subject 3",
        "Topic 2: Subject 1",
        "Topic 3: Subject 2",
    ]
    third.refresh_from_db()
    soup = soup_of(client.get(third.url))
    assert soup.select_one(".resource-topic-number").get_text(strip=True) == "Topic 1"
    assert "Topic 1: Subject 3" in soup.title.get_text()


def test_drafts_are_neither_listed_nor_counted(client, toolkit):
    first, second, third = topic_titles(toolkit, 3)
    second.unpublish()
    assert contents(client, toolkit) == ["Topic 1: Subject 1", "Topic 2: Subject 3"]
    soup = soup_of(client.get(third.url))
    assert soup.select_one("a[rel=prev]").get_text(" ", strip=True).endswith("Subject 1")


def test_private_topics_are_left_out_of_the_contents_and_links(client, toolkit):
    first, second, third = topic_titles(toolkit, 3)
    PageViewRestriction.objects.create(page=second, restriction_type="login")
    assert [entry for entry in contents(client, toolkit) if "Subject 2" in entry] == []
    soup = soup_of(client.get(first.url))
    assert "Subject 2" not in soup.select_one("a[rel=next]").get_text()


def test_a_middle_topic_links_to_previous_and_next(client, toolkit):
    topics = topic_titles(toolkit, 7)
    soup = soup_of(client.get(topics[6 - 1].url))
    previous, following = soup.select_one("a[rel=prev]"), soup.select_one("a[rel=next]")
    assert previous["href"] == topics[4].url
    assert "Topic 5: Subject 5" in previous.get_text(" ", strip=True)
    assert following["href"] == topics[6].url
    assert "Topic 7: Subject 7" in following.get_text(" ", strip=True)


def test_first_and_last_topics_have_one_link(client, toolkit):
    first, last = topic_titles(toolkit, 2)
    assert soup_of(client.get(first.url)).select_one("a[rel=prev]") is None
    assert soup_of(client.get(last.url)).select_one("a[rel=next]") is None


def test_curated_links_skip_drafts(client, toolkit, resource_index):
    live = ResourcePageFactory(parent=resource_index, title="Live template")
    draft = ResourcePageFactory(parent=resource_index, title="Draft template", live=False)
    topic = ToolkitTopicPageFactory(parent=toolkit, related=[("page", live), ("page", draft)])
    soup = soup_of(client.get(topic.url))
    links = [a.get_text(strip=True) for a in soup.select("#related-heading + ul a")]
    assert links == ["Live template"]


def test_topic_page_query_count_does_not_grow_with_topics(
    client, toolkit, django_assert_max_num_queries
):
    topics = topic_titles(toolkit, 3)
    client.get(topics[1].url)  # warm the site root cache
    with django_assert_max_num_queries(20):
        client.get(topics[1].url)
    more = topic_titles(toolkit, 20, prefix="More")
    with django_assert_max_num_queries(20):
        client.get(more[10].url)
    with django_assert_max_num_queries(20):
        client.get(toolkit.url)


def test_topic_structured_data_is_a_script_not_text(client, toolkit):
    topics = topic_titles(toolkit, 2)
    soup = soup_of(client.get(topics[1].url))
    data = json.loads(soup.select_one('script[type="application/ld+json"]').string)
    assert (data["@type"], data["position"], data["name"]) == ("LearningResource", 2, "Subject 2")
    assert "@context" not in soup.body.get_text()
