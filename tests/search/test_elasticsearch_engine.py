"""What only the Elasticsearch engine has: versioned indices behind aliases, per-language
analysis, and one clear error when the cluster goes away."""

import datetime

import pytest
from osmem_server import OsmemServer

from search.documents import SearchDocument
from search.engines import SearchRequest, SearchUnavailable, get_engine

from .conftest import elasticsearch_engine
from .corpus import corpus, doc
from .osmem import PlainJsonNode

pytestmark = pytest.mark.engine


@pytest.fixture
def es(osmem_clone):
    engine = elasticsearch_engine(osmem_clone.url)
    engine.rebuild(corpus())
    return engine


def indices(engine):
    return sorted(engine.client.indices.get(index="test_*").body)


def test_one_index_per_language_behind_aliases(es):
    names = indices(es)

    assert len(names) == 3
    for language in ("en", "fr", "es"):
        (index,) = es.client.indices.get_alias(name=f"test_{language}").body
        assert index in names and index.startswith(f"test_{language}_")
    mapping = es.client.indices.get_mapping(index="test_fr").body
    (properties,) = [m["mappings"]["properties"] for m in mapping.values()]
    assert properties["title"]["analyzer"] == "hub_text"
    assert "autocomplete" in properties["title"]["fields"]
    settings = es.client.indices.get_settings(index="test_fr").body
    (analysis,) = [s["settings"]["index"]["analysis"] for s in settings.values()]
    assert analysis["filter"]["hub_stem"]["language"] == "french"


def test_a_rebuild_swaps_the_aliases_and_drops_the_old_indices(es):
    before = indices(es)

    es.rebuild([doc(99, "Only this one")])

    after = indices(es)
    assert len(after) == 3 and not set(before) & set(after)
    assert [h.document.id for h in es.search(SearchRequest()).hits] == ["lesson:99"]


def test_a_failed_rebuild_leaves_the_old_index_serving(es):
    before = indices(es)
    broken = SearchDocument(id="x:1", source="x:1", kind="lesson", locale="de", title="?", url="/")

    with pytest.raises(ValueError, match="no search index for language 'de'"):
        es.rebuild([doc(98, "Half a rebuild"), broken])

    assert indices(es) == before
    assert es.search(SearchRequest(include_other_languages=False)).total == 7


def test_french_is_stemmed_the_french_way(es):
    response = es.search(SearchRequest(text="comite", language="fr", include_other_languages=False))

    assert {h.document.id for h in response.hits} == {"lesson:8"}


def test_the_engine_reports_its_own_time_apart(es):
    response = es.search(SearchRequest(text="health", filters={"country": ["KE"]}))

    assert response.took_ms is not None and response.took_ms >= 0


def test_a_stopped_cluster_raises_search_unavailable():
    server = OsmemServer.start(japanese=False)
    engine = get_engine("elasticsearch", url=server.url, prefix="gone_", node_class=PlainJsonNode)
    try:
        engine.rebuild(corpus())
        assert engine.search(SearchRequest(text="health")).total == 3
    finally:
        server.close()

    with pytest.raises(SearchUnavailable):
        engine.search(SearchRequest(text="health"))
    with pytest.raises(SearchUnavailable):
        engine.index([doc(1, "Later")])
    with pytest.raises(SearchUnavailable):
        engine.autocomplete("heal", "en")
    assert engine.ping() is False


def test_translation_groups_follow_deletions(es):
    # lesson:8 (fr) is hidden from English searches that include other languages while its
    # English original exists; deleting the original brings it in.
    request = SearchRequest(text="comite", include_other_languages=True)
    assert {h.document.id for h in es.search(request).hits} == {"lesson:10"}  # Spanish only

    es.delete_source("stories.casestorypage:2")

    assert {h.document.id for h in es.search(request).hits} == {"lesson:8", "lesson:10"}


def test_index_accepts_documents_of_every_language(es):
    es.index([doc(50, "Nuevo comité", locale="es", date=datetime.date(2030, 1, 1))])

    first = es.search(SearchRequest(language="es", sort="newest")).hits[0]
    assert first.document.id == "lesson:50"
