"""The home page under odd query strings, and its query budget."""

import pytest
from hypothesis import given

from tests.support.fuzz import assert_no_server_error, fuzz_settings, query_params
from tests.support.queries import assert_max_queries, assert_queries_do_not_grow

pytestmark = pytest.mark.django_db


@given(params=query_params(["q", "page", "theme", "lang"]))
@fuzz_settings
def test_home_never_fails_whatever_the_query(client, homes, params):
    for language in ("en", "fr"):
        assert_no_server_error(client, f"/{language}/", params)


def test_the_fuzz_check_catches_server_errors(client, homes):
    """Control: a path that answers 500 fails the check."""
    from django.test import override_settings

    with override_settings(ROOT_URLCONF="tests.support.failing_urls"):
        client.raise_request_exception = False
        with pytest.raises(AssertionError):
            assert_no_server_error(client, "/boom/", [("q", "x")])


def test_home_renders_within_its_query_budget(client, homes):
    assert_max_queries(client, "/en/", 10)


def test_home_queries_do_not_grow_with_its_translations(client, home, locales):
    def add_translations():
        for code in ("fr", "es"):
            home.copy_for_translation(locales[code]).save_revision().publish()

    assert_queries_do_not_grow(client, "/en/", add_translations)
