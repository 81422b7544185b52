"""The database engine's dialects and the tables they share."""

import pytest

from search.engines.dialect import DOCS, FACET_ROWS, WORDS, Dialect
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
