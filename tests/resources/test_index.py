"""The resource index: filters through GET parameters, notices, pagination, query count."""

from wagtail.models import Page

import pytest

from hub.factories import ThemeFactory
from resources.factories import ResourceFileFactory, ResourcePageFactory

from .conftest import soup_of

pytestmark = pytest.mark.django_db


def listed(client, index, query=""):
    soup = soup_of(client.get(f"{index.url}{query}"))
    return sorted(a.get_text(strip=True) for a in soup.select(".resource-results h3 a")), soup


@pytest.fixture
def catalogue(resource_index, home):
    education = ThemeFactory(name="Education", slug="education")
    health = ThemeFactory(name="Health systems", slug="health-systems")
    partner = home.add_child(instance=Page(title="Results partner", slug="r4d"))
    swot = ResourcePageFactory(
        parent=resource_index,
        title="SWOT template",
        resource_type="template",
        audiences=["csos"],
        publisher=partner,
    )
    swot.themes.set([education])
    swot.save()
    ResourceFileFactory(page=swot, language="fr")
    plan = ResourcePageFactory(
        parent=resource_index,
        title="Action plan template",
        resource_type="template",
        audiences=["facilitators"],
    )
    plan.themes.set([health])
    plan.save()
    ResourcePageFactory(
        parent=resource_index, title="Donor guide", resource_type="guide", audiences=["donors"]
    )
    ResourcePageFactory(
        parent=resource_index, title="Draft checklist", resource_type="checklist", live=False
    )
    return resource_index


def test_lists_live_resources_only(client, catalogue):
    titles, _soup = listed(client, catalogue)
    assert titles == ["Action plan template", "Donor guide", "SWOT template"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?type=template", ["Action plan template", "SWOT template"]),
        ("?type=template&type=guide", ["Action plan template", "Donor guide", "SWOT template"]),
        ("?audience=donors", ["Donor guide"]),
        ("?audience=csos&audience=facilitators", ["Action plan template", "SWOT template"]),
        ("?theme=education", ["SWOT template"]),
        ("?language=fr", ["SWOT template"]),
        ("?partner=r4d", ["SWOT template"]),
        ("?type=template&theme=health-systems", ["Action plan template"]),
        ("?type=guide&theme=education", []),
    ],
)
def test_filters(client, catalogue, query, expected):
    titles, soup = listed(client, catalogue, query)
    assert titles == expected
    assert soup.select(".notice") == []
    assert soup.select_one('meta[name="robots"]')["content"] == "noindex, follow"


def test_filter_form_keeps_choices_checked_without_javascript(client, catalogue):
    _titles, soup = listed(client, catalogue, "?type=template&audience=csos")
    checked = {(box["name"], box["value"]) for box in soup.select("form.filters input[checked]")}
    assert checked == {("type", "template"), ("audience", "csos")}
    assert soup.select_one("form.filters")["method"] == "get"
    assert soup.select_one("form.filters button[type=submit]")


def test_unknown_values_are_ignored_with_a_notice(client, catalogue):
    titles, soup = listed(client, catalogue, "?type=template&type=poster&theme=nope&page=x")
    assert titles == ["Action plan template", "SWOT template"]
    notices = " ".join(p.get_text() for p in soup.select(".notice"))
    assert "poster" in notices
    assert "nope" in notices


def test_a_language_without_resources_is_valid_but_empty(client, catalogue):
    titles, soup = listed(client, catalogue, "?language=de")
    assert titles == []
    assert soup.select(".notice") == []


def test_pagination_keeps_the_filters(client, resource_index):
    for number in range(15):
        ResourcePageFactory(parent=resource_index, title=f"Tool {number:02d}", resource_type="tool")
    ResourcePageFactory(parent=resource_index, title="A guide", resource_type="guide")
    titles, soup = listed(client, resource_index, "?type=tool")
    assert len(titles) == 12
    next_link = soup.select_one(".pagination a[rel=next]")["href"]
    assert next_link == "?type=tool&page=2"
    titles, _soup = listed(client, resource_index, next_link)
    assert titles == ["Tool 12", "Tool 13", "Tool 14"]


@pytest.mark.parametrize("count", [2, 30])
def test_query_count_does_not_grow_with_resources(
    client, resource_index, home, count, django_assert_max_num_queries
):
    theme = ThemeFactory(name="Education", slug="education")
    partner = home.add_child(instance=Page(title="Partner", slug="partner"))
    for number in range(count):
        resource = ResourcePageFactory(
            parent=resource_index, title=f"Resource {number}", publisher=partner
        )
        resource.themes.set([theme])
        resource.save()
        ResourceFileFactory(page=resource, language="en")
        ResourceFileFactory(page=resource, language="fr")
    client.get(resource_index.url)  # warm the site root cache
    with django_assert_max_num_queries(17):
        response = client.get(f"{resource_index.url}?type=guide&theme=education&language=fr")
    assert len(soup_of(response).select(".resource-card")) == min(count, 12)


def test_a_draft_partner_is_neither_a_filter_nor_named(client, resource_index, home):
    draft_partner = home.add_child(instance=Page(title="Unannounced partner", slug="secret"))
    draft_partner.unpublish()
    ResourcePageFactory(parent=resource_index, title="Guide", publisher=draft_partner)
    titles, soup = listed(client, resource_index)
    assert titles == ["Guide"]
    assert "Unannounced partner" not in soup.get_text()
    _titles, soup = listed(client, resource_index, "?partner=secret")
    assert "secret" in soup.select_one(".notice").get_text()
