"""The people of the permission and leak tests: one user per role, made as the hub makes them
(partners through onboarding, translators and editors through their groups)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

import pytest

from hub.translation.permissions import ensure_translators_group
from network.onboarding import onboard_partner
from resources.factories import (
    ResourceIndexPageFactory,
    ResourcePageFactory,
    ToolkitPageFactory,
    ToolkitTopicPageFactory,
)
from tests.stories.conftest import make_story, network  # noqa: F401  (the small network fixture)


@pytest.fixture
def site(network, locales):  # noqa: F811  (the fixture imported above)
    """The network plus one page of every other public type, each live."""
    home = network["home"]
    resource_index = ResourceIndexPageFactory(parent=home)
    toolkit = ToolkitPageFactory(parent=home, slug="toolkit")
    return {
        **network,
        "locales": locales,
        "partner": network["alpha"],
        "story": make_story(network["alpha"], "Alpha story", slug="alpha-story"),
        "beta_story": make_story(network["beta"], "Beta story", slug="beta-story"),
        "resource_index": resource_index,
        "resource": ResourcePageFactory(parent=resource_index, slug="a-guide"),
        "toolkit": toolkit,
        "topic": ToolkitTopicPageFactory(parent=toolkit, slug="a-topic"),
    }


def _user(username, *groups, superuser=False):
    User = get_user_model()
    if superuser:
        return User.objects.create_superuser(username, f"{username}@example.org", "pw")
    user = User.objects.create_user(username, f"{username}@example.org", "pw")
    user.groups.add(*groups)
    return user


@pytest.fixture
def users(site):
    """Every role of the matrix; anonymous is ``None``."""
    partner_a = onboard_partner(site["alpha"].title, email="a@example.org").user
    partner_b = onboard_partner(site["beta"].title, email="b@example.org").user
    return {
        "anonymous": None,
        "partner_a": partner_a,
        "partner_b": partner_b,
        "translator": _user("translator", ensure_translators_group()),
        "editor": _user("editor", Group.objects.get(name="Editors")),
        "admin": _user("admin", superuser=True),
    }


@pytest.fixture
def login(client, users):
    def as_role(role):
        client.logout()
        if users[role] is not None:
            client.force_login(users[role])
        return client

    return as_role
