"""Editors feature resources and stories on the home page."""

from wagtail.models import Page

import pytest

from hub.models.home import HomeFeaturedItem
from resources.factories import ResourcePageFactory

from .conftest import soup_of

pytestmark = pytest.mark.django_db


def test_home_shows_featured_pages_in_order_and_skips_drafts(client, home, resource_index):
    story = home.add_child(instance=Page(title="A case story", slug="a-story"))
    resource = ResourcePageFactory(parent=resource_index, title="A template", summary="Use it.")
    draft = ResourcePageFactory(parent=resource_index, title="Not yet", live=False)
    for order, page in enumerate([resource, draft, story]):
        HomeFeaturedItem.objects.create(home=home, page=page, sort_order=order, locale=home.locale)

    soup = soup_of(client.get("/en/"))
    assert [a.get_text() for a in soup.select(".featured h3 a")] == ["A template", "A case story"]
    assert "Use it." in soup.select_one(".featured").get_text()


def test_no_featured_section_without_featured_pages(client, home):
    assert soup_of(client.get("/en/")).select_one(".featured") is None


@pytest.mark.parametrize("count", [1, 6])
def test_featured_query_count_does_not_grow(
    client, home, resource_index, count, django_assert_max_num_queries
):
    for number in range(count):
        page = ResourcePageFactory(parent=resource_index, title=f"Featured {number}")
        HomeFeaturedItem.objects.create(home=home, page=page, sort_order=number, locale=home.locale)
    client.get("/en/")
    with django_assert_max_num_queries(12):
        response = client.get("/en/")
    assert len(soup_of(response).select(".featured h3")) == count
