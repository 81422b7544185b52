from django.contrib.auth import get_user_model

import pytest

from hub.translation.permissions import ensure_translators_group
from tests.stories.conftest import network  # noqa: F401  (the small demo network, as a fixture)


@pytest.fixture
def translator(db):
    user = get_user_model().objects.create_user("tina", "tina@example.org", "pw")
    user.groups.add(ensure_translators_group())
    return user


@pytest.fixture
def editor(db):
    user = get_user_model().objects.create_superuser("eddie", "eddie@example.org", "pw")
    return user


@pytest.fixture
def admin_client_for(client):
    def login(user):
        client.force_login(user)
        return client

    return login
