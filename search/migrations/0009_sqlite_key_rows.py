"""SQLite counts facets from one row of numbered keys per document.

Counting facet rows with ``GROUP BY`` sorted every row of every matching document: at
100,000 documents a wide filter spent 140 to 220 ms there. ``hubsearch_dockeys`` holds each
document's keys as 32-bit numbers (``hubsearch_keyids`` numbers them), its date and its id,
so a search reads one narrow row per candidate and counts in numpy
(``search.engines.key_counts``); ranking orders ties from the same rows. Both tables are
derived from the document and facet rows, filled here for an existing index. PostgreSQL
counts in the database (``facet_keys``, migration 0003) and gets nothing.
"""

from django.db import migrations

FORWARD = [
    "CREATE TABLE hubsearch_keyids (id INTEGER PRIMARY KEY, facet TEXT NOT NULL, "
    "value TEXT NOT NULL, UNIQUE (facet, value))",
    "CREATE TABLE hubsearch_dockeys (id INTEGER PRIMARY KEY, doc_id TEXT NOT NULL, date TEXT, "
    "keys BLOB NOT NULL)",
]
BACKWARD = ["DROP TABLE IF EXISTS hubsearch_dockeys", "DROP TABLE IF EXISTS hubsearch_keyids"]


def change(statements, fill):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor != "sqlite":
            return
        for statement in statements:
            schema_editor.execute(statement)
        if not fill:
            return
        from search.engines.database import BATCH, batched
        from search.engines.sqlite import SQLiteDialect

        dialect = SQLiteDialect()
        with schema_editor.connection.cursor() as cursor:
            cursor.execute("SELECT id FROM hubsearch_indexeddocument ORDER BY id")
            ids = [row[0] for row in cursor.fetchall()]
            for batch in batched(ids, BATCH):
                dialect.write_keys(cursor, batch)

    return apply


class Migration(migrations.Migration):
    dependencies = [("hubsearch", "0008_vectors_inline")]

    operations = [migrations.RunPython(change(FORWARD, True), change(BACKWARD, False))]
