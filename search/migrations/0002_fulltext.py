"""The full-text side of the database engine, in the form the database in use supports.

SQLite: an FTS5 table (rowid = IndexedDocument.id) with the unicode61 tokenizer folding
accents. PostgreSQL: one text search configuration per language that folds accents
(``unaccent``, a trusted extension) before stemming, a ``search_vector`` column and its GIN
index. Other databases are not supported by the database engine.
"""

from django.db import migrations

LANGUAGES = {"english": "english_stem", "french": "french_stem", "spanish": "spanish_stem"}

SQLITE_FORWARD = [
    # ``facets`` holds one token per (facet, key) of the document (see sqlite.facet_token),
    # so language, filters and text intersect inside FTS5's own doclists.
    "CREATE VIRTUAL TABLE hubsearch_fts USING fts5("
    "title, summary, body, facets, tokenize = 'unicode61 remove_diacritics 2')",
    # The index's vocabulary, for "did you mean" suggestions.
    "CREATE VIRTUAL TABLE hubsearch_fts_vocab USING fts5vocab(hubsearch_fts, 'row')",
]
SQLITE_BACKWARD = ["DROP TABLE IF EXISTS hubsearch_fts_vocab", "DROP TABLE IF EXISTS hubsearch_fts"]

POSTGRES_FORWARD = ["CREATE EXTENSION IF NOT EXISTS unaccent"]
for _name, _stem in LANGUAGES.items():
    POSTGRES_FORWARD += [
        f"DROP TEXT SEARCH CONFIGURATION IF EXISTS hub_{_name}",
        f"CREATE TEXT SEARCH CONFIGURATION hub_{_name} (COPY = {_name})",
        f"ALTER TEXT SEARCH CONFIGURATION hub_{_name} ALTER MAPPING FOR "
        f"asciiword, asciihword, hword_asciipart, hword, hword_part, word WITH unaccent, {_stem}",
    ]
POSTGRES_FORWARD += [
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS hub_simple",
    "CREATE TEXT SEARCH CONFIGURATION hub_simple (COPY = simple)",
    "ALTER TEXT SEARCH CONFIGURATION hub_simple ALTER MAPPING FOR "
    "asciiword, asciihword, hword_asciipart, hword, hword_part, word WITH unaccent, simple",
    "ALTER TABLE hubsearch_indexeddocument ADD COLUMN search_vector tsvector",
    "CREATE INDEX hubsearch_doc_vector ON hubsearch_indexeddocument USING GIN (search_vector)",
    # Autocomplete matches title word prefixes unstemmed ("facilitat" must find "facilitation").
    "CREATE INDEX hubsearch_doc_title_prefix ON hubsearch_indexeddocument "
    "USING GIN (to_tsvector('hub_simple'::regconfig, title))",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS hubsearch_doc_title_prefix",
    "DROP INDEX IF EXISTS hubsearch_doc_vector",
    "ALTER TABLE hubsearch_indexeddocument DROP COLUMN IF EXISTS search_vector",
] + [
    f"DROP TEXT SEARCH CONFIGURATION IF EXISTS hub_{name}" for name in [*LANGUAGES, "simple"]
]


def run(statements_by_vendor):
    def apply(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [("hubsearch", "0001_documents")]

    operations = [
        migrations.RunPython(
            run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
        )
    ]
