"""PostgreSQL: the document's facet keys as a GIN-indexed ``text[]`` on its own row.

``facet_keys`` holds one ``"facet:key"`` string per facet value (``"country:KE"``), so the
database engine matches selections with ``&&`` on the same row that holds the text vector
(language, selections and text combine as bitmap ANDs of two GIN indexes) and counts facets
by unnesting the keys of the matching rows, without joining the facet-value table. Existing
indexes are filled from that table. SQLite keeps the same tokens in its FTS5 table (0002);
this migration does nothing there.
"""

from django.db import migrations

DOCS = "hubsearch_indexeddocument"
POSTGRES_FORWARD = [
    f"ALTER TABLE {DOCS} ADD COLUMN facet_keys text[] NOT NULL DEFAULT '{{}}'",
    f"UPDATE {DOCS} D SET facet_keys = ARRAY(SELECT F.facet || ':' || F.value "
    "FROM hubsearch_documentfacet F WHERE F.document_id = D.id ORDER BY 1)",
    f"CREATE INDEX hubsearch_doc_facet_keys ON {DOCS} USING GIN (facet_keys)",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS hubsearch_doc_facet_keys",
    f"ALTER TABLE {DOCS} DROP COLUMN IF EXISTS facet_keys",
]


def run(statements):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [("hubsearch", "0002_fulltext")]

    operations = [migrations.RunPython(run(POSTGRES_FORWARD), run(POSTGRES_BACKWARD))]
