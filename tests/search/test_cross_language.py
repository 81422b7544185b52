"""Search by meaning on every engine: a visitor's words in one language find a document that
exists only in another, counted in the total and the facets, fused with the keyword ranking,
and shown once per translation group."""

import pytest

from search.engines import SearchRequest
from search.semantic import store
from search.service import search_once

from .corpus import doc

pytestmark = pytest.mark.engine

DOCUMENTS = [
    doc(
        1,
        "Invite residents to shape the municipal budget",
        key="budget",
        body="Residents who helped decide how the council spent its money trusted it more and "
        "kept coming to the public hearings.",
        countries=["BR"],
    ),
    doc(
        2,
        "Train village committees to repair water pumps",
        key="pumps",
        body="Committees that learned to fix their hand pumps kept the water flowing.",
        countries=["KE"],
    ),
    doc(
        3,
        "Des groupes d'épargne gérés par les femmes",
        locale="fr",
        key="savings",
        body="Les groupes d'épargne tenus par les femmes ont financé de petits commerces.",
        countries=["SN"],
    ),
    doc(
        4,
        "Former les enseignants dans leurs classes",
        locale="fr",
        key="teachers",
        body="Les formateurs ont passé une semaine dans les écoles avant les ateliers.",
        countries=["SN"],
    ),
    doc(
        5,
        "Des groupes d'épargne gérés par les femmes (fr)",
        locale="fr",
        key="budget",
        body="Traduction française de la leçon sur le budget municipal.",
        countries=["BR"],
    ),
]


@pytest.fixture
def indexed(engine, semantic):
    documents = DOCUMENTS[:4]
    engine.rebuild(documents)
    store.synchronise(documents)
    return engine


def ids(response):
    return [hit.document.id for hit in response.hits]


def test_a_spanish_question_finds_the_english_only_lesson(indexed):
    request = SearchRequest(
        text="los vecinos deciden en qué se gasta el dinero del municipio", language="es"
    )
    response = search_once(indexed, request)

    assert ids(response)[0] == "lesson:1"
    assert response.hits[0].document.locale == "en"  # shown with a language label
    assert response.total == len(response.hits)
    assert response.facet_counts("language")["en"] >= 1


def test_meaning_hits_pass_the_filters_like_any_other(indexed):
    request = SearchRequest(
        text="los vecinos deciden en qué se gasta el dinero del municipio",
        language="es",
        filters={"country": ["KE"]},
    )
    response = search_once(indexed, request)

    assert "lesson:1" not in ids(response)
    assert response.facet_counts("country").get("BR", 0) >= 1  # on offer, not selected


def test_keyword_and_meaning_rankings_agree_on_a_plain_query(indexed):
    response = search_once(indexed, SearchRequest(text="water pumps", language="en"))

    assert ids(response)[0] == "lesson:2"


def test_nonsense_finds_nothing_by_meaning(indexed):
    response = search_once(indexed, SearchRequest(text="chocolate cake recipe", language="en"))

    assert response.total == 0


def test_one_result_per_translation_group(engine, semantic):
    engine.rebuild(DOCUMENTS)
    store.synchronise(DOCUMENTS)
    response = search_once(
        engine, SearchRequest(text="residents decide how the council spends", language="fr")
    )

    # The French visitor gets the group's French member, not its English original.
    assert "lesson:5" in ids(response) and "lesson:1" not in ids(response)
