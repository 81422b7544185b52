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
    query = parse_query('Santé "Community  health" facilit* l\'école +budget AND')

    assert query.required == [Phrase(("community", "health")), Term("budget", required=True)]
    # "l" (an elided article) and "and" (a stop word) are not words a document must hold.
    assert query.optional == [
        Term("sante"),
        Term("facilit", prefix=True),
        Term("ecole"),
    ]
    assert parse_query('"" * ()').parts == []
    assert parse_query("what is it").words() == ["what", "is", "it"]  # stop words only: kept


@pytest.mark.parametrize(
    ("words", "needed"), [(1, 1), (2, 2), (3, 2), (4, 3), (6, 4), (10, 6), (12, 7)]
)
def test_a_share_of_the_words_that_grows_with_the_query(words, needed):
    query = parse_query(" ".join(f"word{n}" for n in range(words)))

    assert query.minimum_should_match == needed


def test_what_one_query_may_cost_is_bounded():
    worst = parse_query("t* " * 166)
    many = parse_query(" ".join(f"w{n}x" for n in range(40)))
    repeated = parse_query("water " * 100)

    assert worst.parts == [] and not worst.shortened  # prefixes under 3 letters are dropped
    assert len(parse_query("abc* abd* abe* abf* abg*").optional) == 3
    assert len(many.optional) == 12 and many.shortened
    assert repeated.optional == [Term("water")]
