"""Requests are validated once, the same way for every engine and both front ends."""

import pytest

from search.engines import InvalidSearchRequest, SearchRequest
from search.engines.base import MAX_RESULT_WINDOW, Phrase, Term, parse_query


@pytest.mark.parametrize(
    ("arguments", "parameter"),
    [
        ({"page": 0}, "page"),
        ({"page": MAX_RESULT_WINDOW // 20 + 1}, "page"),
        ({"page": "2"}, "page"),
        ({"page_size": 0}, "page_size"),
        ({"page_size": 101}, "page_size"),
        ({"text": "x" * 501}, "q"),
        ({"sort": "oldest"}, "sort"),
        ({"language": "de"}, "lang"),
        ({"filters": {"colour": ["red"]}}, "colour"),
        ({"filters": {"country": [f"C{n}" for n in range(51)]}}, "country"),
    ],
)
def test_bad_parameters_are_named(arguments, parameter):
    with pytest.raises(InvalidSearchRequest) as error:
        SearchRequest(**arguments)

    assert error.value.parameter == parameter


def test_the_deepest_page_is_allowed():
    request = SearchRequest(page=MAX_RESULT_WINDOW // 50, page_size=50)

    assert request.offset == MAX_RESULT_WINDOW - 50


def test_filters_are_normalised():
    request = SearchRequest(
        text="  water ", filters={"country": ["KE", "BD", "KE", " "], "theme": []}
    )

    assert request.text == "water"
    assert request.filters == {"country": ("BD", "KE")}


def test_query_syntax():
    assert parse_query('Santé "Community  health" facilit* l\'école AND') == [
        Term("sante"),
        Phrase(("community", "health")),
        Term("facilit", prefix=True),
        Term("l"),
        Term("ecole"),
        Term("and"),
    ]
    assert parse_query('"" * ()') == []
