"""PostgreSQL keeps each document's text vector and facet keys in its row.

A document row (title, summary, body, the stored document, the vector) passes the 2 kB at
which PostgreSQL moves its largest values to the TOAST table, and the vector was among them:
a ranked search read it back from there for every matching row, once per use (the match,
each word's coverage, the rank), about 8 more pages per row. Measured on the search bench
at 10k lessons, one word and a wide year filter: 13,731 pages read before, 1,292 after, the
statement 2.5 times faster. With storage MAIN, the stored document and the body move out
first; the vector stays in the row (compressed there only if the row is still too long).
Existing rows are written again so their vectors come back into the row.
"""

from django.db import migrations

TABLE = "hubsearch_indexeddocument"


def storage(kind):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        schema_editor.execute(
            f"ALTER TABLE {TABLE} ALTER COLUMN search_vector SET STORAGE {kind}, "
            f"ALTER COLUMN facet_keys SET STORAGE {kind}"
        )
        if kind == "MAIN":
            # New values of both columns, stored by the new rule.
            schema_editor.execute(
                f"UPDATE {TABLE} SET search_vector = search_vector || ''::tsvector, "
                "facet_keys = ARRAY(SELECT k FROM unnest(facet_keys) WITH ORDINALITY AS t(k, n) ORDER BY n)"
            )

    return apply


class Migration(migrations.Migration):
    dependencies = [("hubsearch", "0007_index_every_word")]

    operations = [migrations.RunPython(storage("MAIN"), storage("EXTENDED"))]
