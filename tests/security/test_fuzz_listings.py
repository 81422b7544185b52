"""Listing parameters fuzzed: whatever the query string holds, the page answers below 500."""

import pytest
from hypothesis import given, settings

from tests.support.fuzz import assert_no_server_error, fuzz_settings, query_params

pytestmark = pytest.mark.django_db

modest = settings(fuzz_settings, max_examples=40)
NAMES = ["theme", "country", "region", "kind", "audience", "type", "language", "page", "sort", "q"]


@pytest.mark.parametrize("path", ["/en/stories/", "/en/resources/", "/en/partners/"])
def test_listing_survives_any_query(client, site, path):
    @given(params=query_params(NAMES))
    @modest
    def run(params):
        assert_no_server_error(client, path, params)

    run()
