# The small network (two partners, a collaborative, the story index) and its people.
from tests.stories.conftest import editor, network, partner_users  # noqa: F401
