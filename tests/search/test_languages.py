"""The analysis table names what each library really has, for every language it lists."""

from django.db import connection

import pytest
import Stemmer

from search.engines.es_schema import MAPPINGS, index_settings
from search.languages import ANALYSES, analysis

from .conftest import elasticsearch_engine

KNOWN = sorted(ANALYSES)


def test_every_language_has_a_snowball_stemmer():
    algorithms = set(Stemmer.algorithms())

    missing = {code: f.snowball for code, f in ANALYSES.items() if f.snowball not in algorithms}
    assert missing == {}


@pytest.mark.django_db
def test_every_language_has_a_postgresql_configuration():
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL's configurations exist only there")
    with connection.cursor() as cursor:
        cursor.execute("SELECT cfgname FROM pg_ts_config")
        builtin = {row[0] for row in cursor.fetchall()}

    missing = {code: f.postgres for code, f in ANALYSES.items() if f.postgres not in builtin}
    assert missing == {}


@pytest.mark.engine
def test_every_language_makes_an_elasticsearch_index(osmem_clone):
    client = elasticsearch_engine(osmem_clone.url).client

    for code in KNOWN:
        client.indices.create(
            index=f"lang_{code}", settings=index_settings(code), mappings=MAPPINGS
        )

    assert sorted(client.indices.get(index="lang_*").body) == [f"lang_{code}" for code in KNOWN]


def test_a_regional_code_falls_back_to_its_language():
    assert analysis("fr-CA") == ANALYSES["fr"]
    assert analysis("pt-BR").elasticsearch == "brazilian"
    assert analysis("sw") is None
