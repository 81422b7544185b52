"""The database engine's dialects and the tables they share."""

from importlib import import_module
from types import SimpleNamespace

from django.db import connection

import pytest

from search.engines import SearchRequest
from search.engines.database import DatabaseEngine
from search.engines.dialect import DOC_KEYS, DOCS, FACET_ROWS, KEY_IDS, WORDS, Dialect
from search.engines.postgres import PostgresDialect
from search.engines.sqlite import SQLiteDialect
from search.models import DocumentFacet, IndexedDocument, IndexedWord


def test_the_tables_named_in_sql_are_the_models_tables():
    assert IndexedDocument._meta.db_table == DOCS
    assert DocumentFacet._meta.db_table == FACET_ROWS
    assert IndexedWord._meta.db_table == WORDS


@pytest.mark.parametrize("dialect", [SQLiteDialect, PostgresDialect])
def test_every_dialect_offers_the_whole_interface(dialect):
    assert isinstance(dialect(), Dialect)


@pytest.mark.django_db
def test_numbered_keys_filled_by_the_migration_answer_as_those_the_indexer_wrote(documents):
    engine = DatabaseEngine()
    engine.index(documents)
    filters = {"country": ["KE", "BD"], "theme": ["health", "governance"]}
    requests = [SearchRequest(text=text, filters=filters) for text in ("", "health", "committee")]
    before = [engine.search(request) for request in requests]
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(f"DELETE FROM {DOC_KEYS}")
        else:
            cursor.execute(f"UPDATE {DOCS} SET facet_numbers = ''")
        cursor.execute(f"DELETE FROM {KEY_IDS}")
    fill = import_module("search.migrations.0009_numbered_facet_keys").change({}, fill=True)
    fill(None, SimpleNamespace(connection=connection))

    after = [engine.search(request) for request in requests]
    assert all(response.total for response in before)
    for old, new in zip(before, after, strict=True):
        assert (new.total, new.facets) == (old.total, old.facets)
        assert [h.document.id for h in new.hits] == [h.document.id for h in old.hits]
