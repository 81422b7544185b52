"""Fuzzing of query parameters: whatever a visitor or a bot puts in the query string,
a page answers with a page (or a 4xx), never with a server error.

Listing and search pages plug in their parameter names::

    @given(params=query_params(["theme", "country", "page"]))
    @fuzz_settings
    def test_story_index_survives_any_query(client, stories, params):
        assert_no_server_error(client, "/en/stories/", params)
"""

from urllib.parse import urlencode

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

NASTY = [
    "",
    "0",
    "-1",
    "1e309",
    "NaN",
    "99999999999999999999999999",
    "%00",
    "\x00",
    "../../etc/passwd",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "🙂",
    "\u202e\u0627\u0644\u0639\u0631\u0628\u064a\u0629",
    "a" * 4000,
]

values = st.one_of(
    st.text(max_size=40),
    st.text(min_size=500, max_size=3000),
    st.integers().map(str),
    st.sampled_from(NASTY),
)


def query_params(names: list[str]):
    """Lists of (name, value) pairs: known names, unknown ones, and the same name repeated."""
    name = st.one_of(st.sampled_from(names), st.text(min_size=1, max_size=12))
    return st.lists(st.tuples(name, values), max_size=8)


# Shared by every fuzz test: enough examples to find trouble, no deadline on a shared box,
# and the database fixtures are read-only so reusing them across examples is fine.
fuzz_settings = settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def assert_no_server_error(client, path: str, params) -> None:
    query = urlencode(params)
    response = client.get(f"{path}?{query}" if query else path)
    assert response.status_code < 500, (path, params, response.status_code)
