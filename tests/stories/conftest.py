"""A small network built with factories: two partners, a collaborative, the story index."""

import datetime

from django.contrib.auth import get_user_model

import pytest

from hub.factories import ThemeFactory
from network.factories import (
    CollaborativeIndexPageFactory,
    CollaborativeMemberFactory,
    LearningCollaborativePageFactory,
    PartnerIndexPageFactory,
    PartnerProfilePageFactory,
)
from network.models import MemberRole
from network.onboarding import ensure_editorial_setup, onboard_partner
from stories.factories import CaseStoryPageFactory, LessonFactory, StoryIndexPageFactory


@pytest.fixture
def network(home):
    partner_index = PartnerIndexPageFactory(parent=home)
    collaborative_index = CollaborativeIndexPageFactory(parent=home)
    story_index = StoryIndexPageFactory(parent=home)
    alpha = PartnerProfilePageFactory(
        parent=partner_index, title="Alpha Budget Group", slug="alpha", countries=["BD"]
    )
    beta = PartnerProfilePageFactory(
        parent=partner_index, title="Beta Learning Lab", slug="beta", countries=["KE", "CO"]
    )
    collaborative = LearningCollaborativePageFactory(
        parent=collaborative_index, title="Open Budgets Collaborative", slug="open-budgets"
    )
    CollaborativeMemberFactory(collaborative=collaborative, partner=alpha, role=MemberRole.FUNDER)
    CollaborativeMemberFactory(
        collaborative=collaborative, partner=beta, role=MemberRole.LEARNING_HUB
    )
    ensure_editorial_setup()
    return {
        "home": home,
        "partner_index": partner_index,
        "collaborative_index": collaborative_index,
        "story_index": story_index,
        "alpha": alpha,
        "beta": beta,
        "collaborative": collaborative,
        "education": ThemeFactory(name="Education", slug="education"),
    }


def make_story(partner, title, date=datetime.date(2024, 6, 13), lessons=1, **kwargs):
    story = CaseStoryPageFactory(parent=partner, title=title, publication_date=date, **kwargs)
    for _n in range(lessons):
        LessonFactory(story=story)
    return story


@pytest.fixture
def partner_users(network):
    """A user in each partner's group, made through the same onboarding as editors use."""
    users = {}
    for key in ("alpha", "beta"):
        result = onboard_partner(network[key].title, email=f"{key}@example.org")
        user = result.user
        user.set_password("pw")
        user.save()
        users[key] = user
    return users


@pytest.fixture
def editor(network):
    from django.contrib.auth.models import Group

    user = get_user_model().objects.create_user("editor", "editor@example.org", "pw")
    user.groups.add(Group.objects.get(name="Editors"))
    return user
