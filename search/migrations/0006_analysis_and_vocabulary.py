"""Language analysis on SQLite, the vocabulary of indexed words, the ``shown`` rows.

SQLite's FTS5 table now holds stems (``search.analysis.analyse``) and an unstemmed title for
autocomplete; the vocabulary table serves spelling suggestions on every database; each
document gets ``shown`` rows (the visitor languages it is a result for). All of it is
derived from the stored documents, so the migration rebuilds it from them: no content
needs to be re-read.
"""

from django.db import migrations, models

SQLITE_FORWARD = [
    "DROP TABLE IF EXISTS hubsearch_fts_vocab",
    "DROP TABLE IF EXISTS hubsearch_fts",
    "CREATE VIRTUAL TABLE hubsearch_fts USING fts5("
    "title, summary, body, facets, plain_title, tokenize = 'unicode61 remove_diacritics 2')",
]
SQLITE_BACKWARD = [
    "DROP TABLE IF EXISTS hubsearch_fts",
    "CREATE VIRTUAL TABLE hubsearch_fts USING fts5("
    "title, summary, body, facets, tokenize = 'unicode61 remove_diacritics 2')",
    "CREATE VIRTUAL TABLE hubsearch_fts_vocab USING fts5vocab(hubsearch_fts, 'row')",
]


def run(statements):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor == "sqlite":
            for statement in statements:
                schema_editor.execute(statement)

    return apply


def derive(apps, schema_editor):
    from search.analysis import surface_words
    from search.engines.database import DatabaseEngine
    from search.engines.vocabulary import add_words

    engine = DatabaseEngine(using=schema_editor.connection.alias)
    IndexedDocument = apps.get_model("hubsearch", "IndexedDocument")
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("DELETE FROM hubsearch_documentfacet WHERE facet = 'shown'")
        from collections import Counter

        words = Counter()
        for title, summary, body in IndexedDocument.objects.values_list(
            "title", "summary", "body"
        ).iterator():
            words.update(surface_words(f"{title} {summary} {body}"))
        add_words(cursor, words)
        engine.derive(cursor, None, None)


class Migration(migrations.Migration):
    dependencies = [("hubsearch", "0005_document_vectors")]

    operations = [
        migrations.CreateModel(
            name="IndexedWord",
            fields=[
                ("word", models.CharField(max_length=64, primary_key=True, serialize=False)),
                ("documents", models.IntegerField()),
            ],
        ),
        migrations.RunPython(run(SQLITE_FORWARD), run(SQLITE_BACKWARD)),
        migrations.RunPython(derive, migrations.RunPython.noop),
    ]
