"""Search parameters fuzzed over HTTP: the search page never fails, and the JSON API always
answers JSON, either results or a 400 naming the parameter at fault.

The examples mix real facet values (so filters match something and facet counts run) with
random text, huge and unicode values, raw escapes that are not UTF-8, NUL, repeated and
unknown parameters, and page numbers from far below to far beyond the result window.
"""

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from search.documents import FACETS
from search.engines import get_engine
from search.indexing import all_documents
from search.params import KNOWN, PAGE_ONLY
from tests.support.fuzz import (
    assert_no_server_error,
    characters,
    fuzz_settings,
    get,
    query_params,
    query_strings,
    values,
)

pytestmark = pytest.mark.django_db

modest = settings(fuzz_settings, max_examples=40)
SEARCH_NAMES = sorted(KNOWN | PAGE_ONLY)
AUTOCOMPLETE_NAMES = ["q", "lang"]
NUMBERS = [
    *("0", "1", "-1", "100", "101", "500", "501", "10000", "10001", " 7 ", "1_0", "1.5", "0x10"),
    "\u0663",  # ARABIC-INDIC DIGIT THREE: int() reads it
    "\u00b2",  # SUPERSCRIPT TWO: isdigit() says yes, int() says no
    "9" * 5000,  # beyond Python's int-from-text limit
]
# Cases worth trying on every run, whatever the random draw brings.
SEARCH_EXAMPLES = [
    "q=a%00b",
    "th%00eme=education",
    "country=%00",
    "q=%ED%A0%80%ED%BF%BF&theme=%C0%80",
    "q=" + "%C4%B0" * 300,  # "İ" lower-cases to two characters
    "q=" + "x" * 500,
    "&".join(["country=BD"] * 60),
    "page=10001&page_size=1",
    "page=100&page_size=100",
    "page_size=0",
    "page=" + "9" * 5000,
    "year=%C2%B2%C2%B3%C2%B9%C2%B9",  # superscript digits: four "digits" to str.isdigit()
    "q=_&q=*&q=%22%22",
    "q=%22unclosed",
    "sort=newest&all_languages=1&q=budget*",
]
AUTOCOMPLETE_EXAMPLES = ["q=%00", "q=" + "%C4%B0" * 300, "q=_*", "q=%22", "lang=de&q=x", "q=a&q=b"]
CHOICES = ["en", "fr", "es", "de", "newest", "relevance", "1", "true", "on", "country", "partner"]


@pytest.fixture
def indexed(site):
    """The site's pages in the search index; the facet values they carry, by facet."""
    documents = list(all_documents())
    get_engine().rebuild(documents)
    keys = {
        facet: sorted({v for d in documents for v in d.facet_values(facet)}) for facet in FACETS
    }
    return {facet: found for facet, found in keys.items() if found}


def search_queries(keys: dict[str, list[str]]):
    """Query strings for the search page and API: mostly known parameters (facets with real
    and random values, page numbers at and past every bound, text), sometimes unknown ones
    or one facet repeated past its limit, and raw escapes."""
    real = st.sampled_from(sorted(keys)).flatmap(
        lambda facet: st.tuples(st.just(facet), st.sampled_from(keys[facet]))
    )
    known = st.one_of(
        real,
        real,
        st.tuples(st.sampled_from(sorted(FACETS)), values),
        st.tuples(
            st.sampled_from(["page", "page_size"]),
            st.one_of(st.integers(-(10**20), 10**20).map(str), st.sampled_from(NUMBERS)),
        ),
        st.tuples(st.just("q"), st.one_of(st.text(characters, max_size=30), values)),
        st.tuples(st.sampled_from(sorted(KNOWN | PAGE_ONLY - set(FACETS))), values),
        st.tuples(
            st.sampled_from(["lang", "sort", "all_languages", "expand"]), st.sampled_from(CHOICES)
        ),
    )
    pairs = st.lists(known, max_size=10)
    repeated = st.sampled_from(sorted(keys)).flatmap(
        lambda facet: st.lists(
            st.one_of(st.sampled_from(keys[facet]), st.text(characters, max_size=8)),
            min_size=45,
            max_size=70,
        ).map(lambda chosen: [(facet, value) for value in chosen])
    )
    mixed = st.one_of(
        pairs,
        pairs,
        st.tuples(pairs, query_params(SEARCH_NAMES)).map(lambda two: two[0] + two[1]),
        st.tuples(pairs, repeated).map(lambda two: two[0] + two[1]),
    )
    return query_strings(SEARCH_NAMES, pairs=mixed)


def autocomplete_queries():
    typed = st.tuples(st.just("q"), st.one_of(st.text(characters, max_size=20), values))
    language = st.tuples(
        st.just("lang"), st.one_of(st.sampled_from(("en", "fr", "es")), st.sampled_from(CHOICES))
    )
    pairs = st.lists(st.one_of(typed, typed, language), max_size=4)
    mixed = st.one_of(
        pairs,
        pairs,
        st.tuples(pairs, query_params(AUTOCOMPLETE_NAMES)).map(lambda two: two[0] + two[1]),
    )
    return query_strings(AUTOCOMPLETE_NAMES, pairs=mixed)


def assert_json_answer(response, query):
    """Results, or a 400 whose error names one of the parameters sent."""
    assert response.status_code in (200, 400), (query, response.status_code)
    assert response["Content-Type"] == "application/json", (query, response["Content-Type"])
    data = response.json()
    if response.status_code == 200:
        assert isinstance(data["results"], list), query
    else:
        sent = set(response.wsgi_request.GET)
        assert data["error"]["parameter"] in sent, (query, data["error"])
        assert data["error"]["message"], query


def with_examples(run, queries):
    for query in queries:
        run = example(query=query)(run)
    return run


@pytest.mark.parametrize("language", ["en", "fr"])
def test_search_page_survives_any_query(client, indexed, language):
    @given(query=search_queries(indexed))
    @modest
    def run(query):
        response = assert_no_server_error(client, f"/{language}/search/", query)
        if response.status_code == 200:
            assert b'role="search"' in response.content, query

    with_examples(run, SEARCH_EXAMPLES)()


def test_search_api_answers_json_to_any_query(client, indexed):
    @given(query=search_queries(indexed))
    @settings(modest, max_examples=60)
    def run(query):
        first = get(client, "/api/search/", query)
        assert_json_answer(first, query)
        # Asked again (a reload, a second visitor): the query log holds it now.
        again = get(client, "/api/search/", query)
        assert (again.status_code, again.json()) == (first.status_code, first.json()), query

    with_examples(run, SEARCH_EXAMPLES)()


def test_autocomplete_answers_json_to_any_query(client, indexed):
    @given(query=autocomplete_queries())
    @settings(modest, max_examples=60)
    def run(query):
        assert_json_answer(get(client, "/api/search/autocomplete/", query), query)

    with_examples(run, AUTOCOMPLETE_EXAMPLES)()
