# The small network (two partners, a collaborative, the story index) and its people.
import pytest

from tests.stories.conftest import editor, network, partner_users  # noqa: F401


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """After a transactional test the flush and the restored rows may give content types other
    ids than this process remembers: forget them, or the next test saves pages with an id that
    no longer exists."""
    try:
        return (yield)
    finally:
        marker = item.get_closest_marker("django_db")
        if marker and marker.kwargs.get("transaction"):
            from django.contrib.contenttypes.models import ContentType

            ContentType.objects.clear_cache()
