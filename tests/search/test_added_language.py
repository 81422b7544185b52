"""A language added through settings alone is searched on every engine, in its own analysis:
what README's "Adding a language" promises."""

from django.core import checks
from django.core.management import call_command
from django.db import connection
from django.http import QueryDict

import pytest

from search.engines import SearchRequest
from search.params import parse

from .corpus import doc

pytestmark = pytest.mark.engine

DOCUMENTS = [
    doc(
        1,
        "Orçamento participativo nas escolas",
        locale="pt",
        key="budget",
        body="Os conselhos escolares decidiram os orçamentos com as famílias.",
    ),
    doc(2, "Participatory budgets in schools", key="budget", body="Councils and families."),
    doc(3, "Hand pumps kept running", key="pumps", body="Committees repaired the pumps."),
]


@pytest.fixture
def portuguese(settings):
    settings.LANGUAGES = [*settings.LANGUAGES, ("pt", "Português")]


def ids(response):
    return [hit.document.id for hit in response.hits]


def test_a_document_in_an_added_language_is_found_in_it_on_every_engine(portuguese, engine):
    engine.rebuild(DOCUMENTS)

    # Plural and accents as typed differ from the text; "para" and "as" are stop words.
    response = engine.search(
        SearchRequest(
            text="orcamento para as escolas", language="pt", include_other_languages=False
        )
    )

    assert ids(response) == ["lesson:1"]
    assert response.facet_counts("language") == {"pt": 1}


def test_an_added_language_has_its_place_among_the_others(portuguese, engine):
    engine.rebuild(DOCUMENTS)

    # Browsing in Portuguese lists its own document, and the English one whose group has
    # no Portuguese version; an English visitor sees each group once, in English.
    in_portuguese = engine.search(SearchRequest(language="pt"))
    in_english = engine.search(SearchRequest(language="en"))

    assert sorted(ids(in_portuguese)) == ["lesson:1", "lesson:3"]
    assert sorted(ids(in_english)) == ["lesson:2", "lesson:3"]


@pytest.mark.django_db
def test_migrate_makes_what_postgresql_needs_for_an_added_language(portuguese):
    if connection.vendor != "postgresql":
        pytest.skip("only PostgreSQL keeps an object per language (SQLite analyses in Python)")

    call_command("migrate", verbosity=0)

    with connection.cursor() as cursor:
        cursor.execute("SELECT to_tsvector('hub_portuguese', 'Orçamentos das escolas')::text")
        # Stemmed and folded; the stop word "das" is kept, as in every language's index
        # (which query words count is decided by the query parser).
        assert cursor.fetchone()[0] == "'das':2 'escol':3 'orcament':1"


def test_the_search_parameters_accept_the_added_language(portuguese):
    result = parse(QueryDict("q=escolas&lang=pt"), default_language="en")

    assert not result.errors
    assert result.request.language == "pt"


def test_a_configured_language_search_cannot_analyse_is_named_by_a_check(settings):
    settings.LANGUAGES = [*settings.LANGUAGES, ("sw", "Kiswahili")]

    errors = [e for e in checks.run_checks() if e.id == "hubsearch.E001"]

    assert len(errors) == 1
    assert "Kiswahili ('sw')" in errors[0].msg
    assert "search/languages.py" in errors[0].hint


def test_the_configured_languages_pass_the_check():
    assert not [e for e in checks.run_checks() if e.id == "hubsearch.E001"]
