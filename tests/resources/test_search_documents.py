"""Resources and toolkit topics describe themselves as search documents."""

from django.utils import translation

from wagtail.models import Page, PageViewRestriction

import pytest

from hub.factories import ThemeFactory
from resources.factories import ResourcePageFactory, ToolkitTopicPageFactory
from resources.models import ResourcePage, ToolkitTopicPage
from search.documents import documents_for, indexable_models, label_resolver, rebuild_queryset

pytestmark = pytest.mark.django_db


def test_resource_document(resource_index, home):
    partner = home.add_child(instance=Page(title="Budget partnership", slug="ibp"))
    resource = ResourcePageFactory(
        parent=resource_index,
        title="Checklist",
        resource_type="checklist",
        audiences=["donors", "csos"],
        countries=["KE", "BD"],
        publisher=partner,
    )
    resource.themes.set([ThemeFactory(slug="facilitation")])
    resource.save()

    [document] = documents_for(resource)
    assert document.kind == "resource"
    assert document.id == f"resource:{resource.pk}"
    assert document.url == "/en/resources/checklist/"
    assert document.resource_types == ["checklist"]
    assert document.audiences == ["csos", "donors"]
    assert document.countries == ["BD", "KE"]
    assert {"142", "002"} <= set(document.regions)  # Asia, Africa
    assert document.themes == ["facilitation"]
    assert document.partners == ["ibp"]
    assert document.locale == "en"


def test_toolkit_topics_are_indexed_as_guides(toolkit):
    ToolkitTopicPageFactory(parent=toolkit, title="First")
    topic = ToolkitTopicPageFactory(parent=toolkit, title="Donors")
    with translation.override("fr"):  # the visitor who triggered indexing reads French
        [document] = documents_for(topic)
    assert (document.kind, document.resource_types) == ("resource", ["guide"])
    assert document.title == "Topic 2: Donors"


def test_models_are_registered_and_querysets_skip_private_pages(resource_index):
    assert {ResourcePage, ToolkitTopicPage} <= set(indexable_models())
    public = ResourcePageFactory(parent=resource_index)
    private = ResourcePageFactory(parent=resource_index)
    ResourcePageFactory(parent=resource_index, live=False)
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    assert list(rebuild_queryset(ResourcePage)) == [public]


def test_resource_type_labels():
    resolve = label_resolver("resource_type")
    assert resolve(["template", "nugget", "unknown"], "en") == {
        "template": "Template",
        "nugget": "Learning nugget",
    }


def test_a_draft_publisher_is_not_named(resource_index, home):
    partner = home.add_child(instance=Page(title="Unannounced", slug="unannounced"))
    partner.unpublish()
    resource = ResourcePageFactory(parent=resource_index, publisher=partner)
    [document] = documents_for(resource)
    assert document.partners == []
    assert "Unannounced" not in str(document.to_dict())
    assert "publisher" not in resource.structured_data()
