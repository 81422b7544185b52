"""PostgreSQL indexes every word, stop words included, as SQLite and Elasticsearch do.

The language configurations of migration 0002 stemmed with the stock Snowball dictionaries,
which drop their language's stop words, a longer list than the words ``parse_query`` leaves
out of a query ("should", "up", "down", "very"...). Such a word was then silently removed from
the query: "budget down" found every document about a budget. Which words of a query count is
decided once, in ``search.analysis``; the index holds them all. The configurations now stem
with Snowball dictionaries of their own that keep every word, and every document's vector is
computed again from the stored rows.
"""

from django.db import migrations

LANGUAGES = ("english", "french", "spanish")
TOKENS = "asciiword, asciihword, hword_asciipart, hword, hword_part, word"

FORWARD, BACKWARD = [], []
for _name in LANGUAGES:
    FORWARD += [
        f"CREATE TEXT SEARCH DICTIONARY hub_{_name}_stem (TEMPLATE = snowball, LANGUAGE = {_name})",
        f"ALTER TEXT SEARCH CONFIGURATION hub_{_name} ALTER MAPPING FOR {TOKENS} "
        f"WITH unaccent, hub_{_name}_stem",
    ]
    BACKWARD += [
        f"ALTER TEXT SEARCH CONFIGURATION hub_{_name} ALTER MAPPING FOR {TOKENS} "
        f"WITH unaccent, {_name}_stem",
        f"DROP TEXT SEARCH DICTIONARY IF EXISTS hub_{_name}_stem",
    ]


def change(statements):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        from search.engines.database import DatabaseEngine

        for statement in statements:
            schema_editor.execute(statement)
        engine = DatabaseEngine(using=schema_editor.connection.alias)
        with schema_editor.connection.cursor() as cursor:
            engine.derive(cursor, None, None)

    return apply


class Migration(migrations.Migration):
    dependencies = [("hubsearch", "0006_analysis_and_vocabulary")]

    operations = [migrations.RunPython(change(FORWARD), change(BACKWARD))]
