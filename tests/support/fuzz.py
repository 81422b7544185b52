"""Fuzzing of query parameters: whatever a visitor or a bot puts in the query string,
a page answers with a page (or a 4xx), never with a server error.

Listing and search pages plug in their parameter names::

    @given(params=query_params(["theme", "country", "page"]))
    @fuzz_settings
    def test_story_index_survives_any_query(client, stories, params):
        assert_no_server_error(client, "/en/stories/", params)

``query_strings`` adds what no encoder produces (escapes that are not UTF-8, a stray "%").
"""

import string
from urllib.parse import quote, urlencode

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
    "İ" * 300,  # lower-cases to twice its length
    "\ufeff\u200b\u00ad",
    "\U0001f3f3\ufe0f\u200d\U0001f308",
]
# Percent-escapes no form produces: UTF-8 of lone surrogates, overlong and cut sequences,
# bytes that are never UTF-8 (Django decodes all of these to U+FFFD), a stray "%".
RAW_ESCAPES = ["%ED%A0%80", "%ED%BF%BF", "%C0%80", "%C0%AF", "%FF%FE", "%E2%82", "%", "%zz"]

# NUL comes from NASTY only: every request carrying one stops at the same early 400, so
# random text without it reaches further into the views.
characters = st.characters(codec="utf-8", exclude_characters="\x00")
values = st.one_of(
    st.text(characters, max_size=40),
    st.text(characters, min_size=500, max_size=3000),
    st.integers().map(str),
    st.sampled_from(NASTY),
)


def query_params(names: list[str]):
    """Lists of (name, value) pairs: known names, unknown ones, and the same name repeated."""
    name = st.one_of(st.sampled_from(names), st.text(min_size=1, max_size=12))
    return st.lists(st.tuples(name, values), max_size=8)


def raw_pairs(names: list[str]):
    """``name=value`` strings with raw escapes in the value or the name, unencoded."""
    raw = st.lists(
        st.one_of(
            st.sampled_from(RAW_ESCAPES),
            st.text(alphabet=string.ascii_letters + string.digits + "-_.", max_size=6),
        ),
        min_size=1,
        max_size=5,
    ).map("".join)
    known = st.sampled_from(names).map(quote)
    name = st.one_of(known, known, raw)
    return st.tuples(name, raw).map("=".join)


def query_strings(names: list[str], pairs=None):
    """Whole query strings: encoded pairs (``pairs`` or ``query_params(names)``) followed by
    at most two raw ones."""
    encoded = (pairs if pairs is not None else query_params(names)).map(urlencode)
    # Often none: one raw pair usually decides the answer on its own.
    raw = st.one_of(st.just([]), st.just([]), st.lists(raw_pairs(names), min_size=1, max_size=2))
    return st.tuples(encoded, raw).map(lambda parts: "&".join(filter(None, [parts[0], *parts[1]])))


# Shared by every fuzz test: enough examples to find trouble, no deadline on a shared box,
# the same examples on every run (a failure is reproducible, never a lucky draw), and the
# examples share the database fixtures, which the pages only read (the search-terms log
# aside), so reusing them across examples is fine.
fuzz_settings = settings(
    max_examples=50,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def get(client, path: str, query: str):
    """GET ``path`` with ``query`` exactly as given (a dict would be re-encoded)."""
    return client.get(f"{path}?{query}" if query else path)


def assert_no_server_error(client, path: str, params):
    """``params`` is a list of pairs or a ready query string; returns the response."""
    query = params if isinstance(params, str) else urlencode(params)
    response = get(client, path, query)
    assert response.status_code < 500, (path, query, response.status_code)
    return response
