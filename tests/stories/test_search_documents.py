"""What stories, lessons, partners and collaboratives hand to the search index."""

import datetime

import pytest

from network.models import LearningCollaborativePage, PartnerProfilePage
from search.documents import documents_for, indexable_models, label_resolver, rebuild_queryset
from stories.factories import LessonFactory
from stories.models import CaseStoryPage

from .conftest import make_story

pytestmark = pytest.mark.django_db


def test_models_are_registered():
    assert {CaseStoryPage, PartnerProfilePage, LearningCollaborativePage} <= set(indexable_models())


def test_story_yields_one_document_and_one_per_lesson(network):
    story = make_story(
        network["alpha"],
        "Open hearings",
        datetime.date(2023, 4, 5),
        lessons=0,
        countries=["BD", "KE"],
        collaborative=network["collaborative"],
    )
    story.themes.add(network["education"])
    story.partners_involved.add(network["beta"])
    LessonFactory(
        story=story,
        headline="Publish early",
        kind="what-worked",
        audiences=["donors"],
        themes=["gesi"],
    )
    LessonFactory(story=story, headline="Ask first", kind="recommendation", audiences=[])
    story.save_revision().publish()
    story = CaseStoryPage.objects.get(pk=story.pk)

    documents = documents_for(story)
    assert [d.kind for d in documents] == ["story", "lesson", "lesson"]
    story_doc, first, second = documents
    assert story_doc.url == story.url  # a site-relative path: the index holds no host
    assert story_doc.url.endswith("/en/partners/alpha/open-hearings/")
    assert story_doc.countries == ["BD", "KE"]
    assert "142" in story_doc.regions and "002" in story_doc.regions  # Asia, Africa
    assert story_doc.partners == ["alpha", "beta"]
    assert story_doc.collaboratives == ["open-budgets"]
    assert story_doc.themes == ["education"]
    assert story_doc.year == 2023
    assert story_doc.lesson_types == ["recommendation", "what-worked"]
    assert first.url == f"{story_doc.url}#lesson-publish-early"
    assert first.display == {"story_title": "Open hearings", "partner_name": "Alpha Budget Group"}
    assert first.lesson_types == ["what-worked"]
    assert first.audiences == ["donors"]
    assert first.themes == ["education", "gesi"]
    assert first.source == second.source == story_doc.source
    assert second.lesson_types == ["recommendation"]


def test_search_queryset_has_only_live_public_stories(network):
    live = make_story(network["alpha"], "Live")
    make_story(network["alpha"], "Draft", live=False)
    assert list(rebuild_queryset(CaseStoryPage)) == [live]


def test_partner_and_collaborative_documents(network):
    (partner_doc,) = documents_for(network["alpha"])
    assert partner_doc.kind == "partner"
    assert partner_doc.partners == ["alpha"]
    assert partner_doc.organisation_types == ["cso"]
    (collaborative_doc,) = documents_for(network["collaborative"])
    assert collaborative_doc.kind == "collaborative"
    assert collaborative_doc.countries == ["BD", "CO", "KE"]
    assert collaborative_doc.partners == ["alpha", "beta"]


def test_facet_labels_in_the_requested_language(network, locales):
    assert label_resolver("lesson_type")(["what-worked", "nope"], "en") == {
        "what-worked": "What worked"
    }
    assert label_resolver("audience")(["donors"], "en") == {"donors": "Donors"}
    assert label_resolver("organisation_type")(["ingo"], "en") == {"ingo": "International NGO"}
    assert label_resolver("partner")(["alpha", "ghost"], "en") == {"alpha": "Alpha Budget Group"}
    assert label_resolver("collaborative")(["open-budgets"], "en") == {
        "open-budgets": "Open Budgets Collaborative"
    }
    french = network["education"].copy_for_translation(locales["fr"])
    french.name = "Éducation"
    french.save()
    assert label_resolver("theme")(["education"], "fr") == {"education": "Éducation"}
    assert label_resolver("theme")(["education"], "en") == {"education": "Education"}
