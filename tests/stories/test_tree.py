"""Where each page type may live in the tree."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from hub.models import HomePage
from network.models import (
    CollaborativeIndexPage,
    LearningCollaborativePage,
    PartnerIndexPage,
    PartnerProfilePage,
)
from stories.models import CaseStoryPage, StoryIndexPage


class TreeRulesTests(WagtailPageTestCase):
    def test_partner_section(self):
        self.assertAllowedParentPageTypes(PartnerIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(PartnerIndexPage, {PartnerProfilePage})
        self.assertAllowedParentPageTypes(PartnerProfilePage, {PartnerIndexPage})
        self.assertAllowedSubpageTypes(PartnerProfilePage, {CaseStoryPage})

    def test_collaborative_section(self):
        self.assertAllowedParentPageTypes(CollaborativeIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(CollaborativeIndexPage, {LearningCollaborativePage})
        self.assertAllowedParentPageTypes(LearningCollaborativePage, {CollaborativeIndexPage})
        self.assertAllowedSubpageTypes(LearningCollaborativePage, {})

    def test_stories(self):
        self.assertAllowedParentPageTypes(CaseStoryPage, {PartnerProfilePage})
        self.assertAllowedSubpageTypes(CaseStoryPage, {})
        self.assertAllowedParentPageTypes(StoryIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(StoryIndexPage, {})

    def test_a_story_cannot_sit_directly_under_the_root(self):
        self.assertCanNotCreateAt(Page, CaseStoryPage)
        self.assertCanNotCreateAt(HomePage, CaseStoryPage)
